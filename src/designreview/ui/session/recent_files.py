"""The list of recently opened drawings, kept in the application's settings."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings

_KEY = "recent_files"
MAX_RECENT = 10


class RecentFiles:
    """Most recent first, without duplicates, files that vanished are dropped."""

    def __init__(self, settings: QSettings) -> None:
        self._settings = settings

    def paths(self) -> list[Path]:
        raw = self._settings.value(_KEY, [])
        items = [raw] if isinstance(raw, str) else list(raw or [])  # type: ignore[call-overload]
        return [Path(item) for item in items if Path(item).exists()]

    def add(self, path: Path) -> None:
        resolved = path.resolve()
        kept = [p for p in self.paths() if p != resolved]
        self._settings.setValue(_KEY, [str(p) for p in [resolved, *kept][:MAX_RECENT]])
        self._settings.sync()

    def clear(self) -> None:
        self._settings.setValue(_KEY, [])
        self._settings.sync()
