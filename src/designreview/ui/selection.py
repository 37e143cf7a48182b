"""Which markups are selected: one shared object the canvas and the docks follow."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class Selection(QObject):
    """Selected markup ids, in the order they were picked; tells listeners of changes.

    ``changed`` carries the new ids and the initiator, so a widget can ignore the echo
    of its own selection.
    """

    changed = Signal(tuple, object)  # ids, initiator

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ids: tuple[str, ...] = ()

    @property
    def ids(self) -> tuple[str, ...]:
        return self._ids

    def set(self, ids: tuple[str, ...] | list[str], initiator: object = None) -> None:
        unique = tuple(dict.fromkeys(ids))
        if unique != self._ids:
            self._ids = unique
            self.changed.emit(unique, initiator)

    def clear(self, initiator: object = None) -> None:
        self.set((), initiator)

    def discard(self, removed: tuple[str, ...] | list[str]) -> None:
        """Forget ids of markups that no longer exist."""
        self.set(tuple(i for i in self._ids if i not in set(removed)), initiator=self)
