"""Identifiers: opaque strings, stable across save and load."""

from __future__ import annotations

import uuid
from typing import NewType

MarkupId = NewType("MarkupId", str)
SheetId = NewType("SheetId", str)
ReviewerId = NewType("ReviewerId", str)
ReviewId = NewType("ReviewId", str)


def new_id() -> str:
    """A fresh identifier (random, 26 hex characters, no meaning in its content).

    Example:
        >>> len(new_id()), new_id() != new_id()
        (26, True)
    """
    return uuid.uuid4().hex[:26]
