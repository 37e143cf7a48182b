"""Test configuration: headless Qt, layer markers, lowest layer first."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

# Before anything can import Qt: no display is needed, locally or on CI.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The command line keeps what it builds from a drawing in the user's cache folder;
# tests keep theirs in a folder of their own, removed when the session ends.
_CACHE = tempfile.TemporaryDirectory(prefix="designreview-test-cache-")
os.environ["DESIGNREVIEW_CACHE_DIR"] = _CACHE.name

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
_LAYER_ORDER = (
    "model", "analysis", "recognition", "render", "readers", "review_file",
    "exports", "packet", "cli", "ui",
)  # fmt: skip


def pytest_collection_modifyitems(
    config: pytest.Config, items: list[pytest.Item]
) -> None:
    """Mark tests/ui as gui; run model first and ui last: the lowest break shows."""

    def rank(item: pytest.Item) -> int:
        parts = Path(str(item.path)).resolve().relative_to(REPO).parts
        if parts[0] == "tests" and len(parts) > 1 and parts[1] in _LAYER_ORDER:
            return _LAYER_ORDER.index(parts[1]) + 1
        return 0  # doctests in src and loose tests first

    for item in items:
        if "tests/ui/" in str(item.path).replace(os.sep, "/"):
            item.add_marker(pytest.mark.gui)
    items.sort(key=rank)
