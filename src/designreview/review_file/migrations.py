"""Bringing review files written by older versions up to the current schema.

One pure function per step (``_v1_to_v2(data) -> data``), chained on load. A step is
never edited once released; each version keeps a frozen example file in
``tests/review_file/data/``.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping
from typing import Any

from designreview.review_file.errors import (
    DamagedReviewFileError,
    FutureVersionError,
)

CURRENT_SCHEMA_VERSION = 2
Step = Callable[[dict[str, Any]], dict[str, Any]]


def _v1_to_v2(data: dict[str, Any]) -> dict[str, Any]:
    """Version 2 records lineage: a revision id per save and the revision before.

    A version-1 file never had a revision, so it is given one derived from its own
    content: two copies of the same version-1 file, opened apart, then name the same
    revision as their parent and know their common ancestor.

    Example:
        >>> old = {"schema_version": 1, "review": {"id": "rv"}}
        >>> new = _v1_to_v2(old)
        >>> new["schema_version"], new["review"]["lineage"]["revision"][:3]
        (2, 'v1-')
        >>> new == _v1_to_v2(old)
        True
    """
    body = data.get("review")
    if isinstance(body, dict) and "lineage" not in body:
        text = json.dumps(body, sort_keys=True, ensure_ascii=True)
        digest = hashlib.sha256(text.encode()).hexdigest()[:23]
        body = {**body, "lineage": {"revision": f"v1-{digest}"}}
    return {**data, "schema_version": 2, "review": body}


# version n -> the step that turns a version-n document into version n + 1.
STEPS: Mapping[int, Step] = {1: _v1_to_v2}


def migrate(
    data: dict[str, Any],
    current: int = CURRENT_SCHEMA_VERSION,
    steps: Mapping[int, Step] = STEPS,
) -> dict[str, Any]:
    """``data`` (a decoded review.json) at schema version ``current``.

    Raises:
        FutureVersionError: for files from a newer designreview.
        DamagedReviewFileError: for a missing or impossible version number.

    Example:
        >>> migrate({"schema_version": 2, "review": {}})["schema_version"]
        2
        >>> steps = {1: lambda d: {**d, "schema_version": 2, "added": True}}
        >>> migrate({"schema_version": 1}, current=2, steps=steps)
        {'schema_version': 2, 'added': True}
    """
    version = data.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise DamagedReviewFileError(
            f"The review's schema version is missing or invalid ({version!r})."
        )
    if version > current:
        raise FutureVersionError(
            f"This review was saved by a newer designreview (review format {version}; "
            f"this version reads up to {current}). Update designreview to open it."
        )
    while version < current:
        step = steps.get(version)
        if step is None:
            raise DamagedReviewFileError(
                f"No upgrade exists from review format {version}."
            )
        data = step(dict(data))
        version = data["schema_version"]
    return data
