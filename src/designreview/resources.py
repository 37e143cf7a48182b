"""Access to the files shipped inside the package (rules, sample plan, icons)."""

from __future__ import annotations

from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from importlib.abc import Traversable


def resource(*parts: str) -> Traversable:
    """A file or folder under the package's ``resources`` folder.

    Example:
        >>> resource("layer_rules.json").is_file()
        True
    """
    node = resources.files("designreview").joinpath("resources")
    for part in parts:
        node = node.joinpath(part)
    return node


def read_resource_text(*parts: str) -> str:
    """The text of a shipped resource file (UTF-8)."""
    return resource(*parts).read_text(encoding="utf-8")
