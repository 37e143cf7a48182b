"""The lockdown dock: choose an entry, read each room's race against it."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDockWidget,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from designreview.render.style import (
    BAND_COLORS,
    EXPOSED_STYLE,
    RACE_STYLE,
    REFUGE_ARROW_STYLE,
)
from designreview.ui.qt_helpers import signals_blocked

if TYPE_CHECKING:
    from designreview.analysis.lockdown_map import LockdownMap

_COLUMNS = (
    "Room",
    "Race",
    "Arrives, s",
    "Secures, s",
    "Spare, s",
    "Seen through glass",
    "Exposed, s",
)


class LockdownDock(QDockWidget):
    """An entry chooser, layer switches, a legend and one row per occupied room."""

    entry_chosen = Signal(str)  # the entry's id
    layers_changed = Signal(bool, bool)  # refuge arrows shown, exposed areas shown

    def __init__(self, parent=None) -> None:
        super().__init__("Lockdown", parent)
        self.setObjectName("LockdownDock")
        self.entries = QComboBox()
        self.entries.setObjectName("lockdown_entries")
        self.entries.activated.connect(self._on_entries_activated)
        self.table = QTableWidget(0, len(_COLUMNS))
        self.table.setHorizontalHeaderLabels(list(_COLUMNS))
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.arrows_box = QCheckBox("Refuge arrows")
        self.exposed_box = QCheckBox("Exposed through glass")
        for box in (self.arrows_box, self.exposed_box):
            box.setChecked(True)
            box.toggled.connect(self._on_layer_toggled)
        layout = QVBoxLayout()
        chooser = QHBoxLayout()
        chooser.addWidget(QLabel("Entry:"))
        chooser.addWidget(self.entries, 1)
        layout.addLayout(chooser)
        layout.addWidget(self.note)
        switches = QHBoxLayout()
        switches.addWidget(self.arrows_box)
        switches.addWidget(self.exposed_box)
        switches.addStretch(1)
        layout.addLayout(switches)
        layout.addLayout(_legend())
        layout.addWidget(self.table, 1)
        body = QWidget()
        body.setLayout(layout)
        self.setWidget(body)
        self.shown: LockdownMap | None = None

    def show_map(self, shown: LockdownMap | None) -> None:
        """List the race from ``shown``'s entry (nothing when there is no map)."""
        self.shown = shown
        with signals_blocked(self.entries):
            self.entries.clear()
            for entry in shown.entries if shown else ():
                self.entries.addItem(entry.label, entry.id)
            if shown is not None and shown.entry is not None:
                self.entries.setCurrentIndex(self.entries.findData(shown.entry.id))
        rooms = shown.rooms if shown else ()
        seen = {e.room_id: e for e in shown.exposures} if shown else {}
        self.table.setRowCount(len(rooms))
        for row, room in enumerate(rooms):
            color, words = RACE_STYLE[room.status.value]
            glass = seen.get(room.room_id)
            cells = (
                room.label,
                words.split(":")[0],
                _seconds(room.arrival_s),
                _seconds(room.secure_s),
                _seconds(room.slack_s),
                _share(glass.share, glass.on_route) if glass else "no glass",
                f"{glass.seconds:.1f}" if glass else "-",
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 1:
                    item.setBackground(QBrush(QColor(*color, 90)))
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.note.setText(_note(shown))

    def status_of(self, label: str) -> str | None:
        """The race column of the room labelled ``label`` (for tests and reading)."""
        return self.cell_of(label, 1)

    def cell_of(self, label: str, column: int) -> str | None:
        """Column ``column`` of the room labelled ``label``."""
        for row in range(self.table.rowCount()):
            name, cell = self.table.item(row, 0), self.table.item(row, column)
            if name is not None and cell is not None and name.text() == label:
                return cell.text()
        return None

    def _on_layer_toggled(self, _checked: bool) -> None:
        self.layers_changed.emit(
            self.arrows_box.isChecked(), self.exposed_box.isChecked()
        )

    def _on_entries_activated(self, index: int) -> None:
        entry_id = self.entries.itemData(index)
        if entry_id is not None:
            self.entry_chosen.emit(str(entry_id))


def _legend() -> QGridLayout:
    """Race colours in the left column; bands, arrows and exposure in the right."""
    legend = QGridLayout()
    legend.setHorizontalSpacing(12)
    legend.setVerticalSpacing(2)
    for row, (color, words) in enumerate(RACE_STYLE.values()):
        legend.addWidget(_swatch(color, words), row, 0)
    bands = ("0-30 s", "30-60 s", "60-120 s")
    right = [
        (color, f"Intruder on foot within {words}")
        for color, words in zip(BAND_COLORS, bands, strict=True)
    ]
    right += [REFUGE_ARROW_STYLE, EXPOSED_STYLE]
    for row, (color, words) in enumerate(right):
        legend.addWidget(_swatch(color, words), row, 1)
    return legend


def _swatch(color: tuple[int, int, int], words: str) -> QLabel:
    r, g, b = color
    label = QLabel(f'<span style="color: rgb({r},{g},{b})">&#9632;</span> {words}')
    label.setObjectName("lockdown_legend")
    label.setWordWrap(True)
    return label


def _share(share: float, on_route: bool) -> str:
    """A room's seen share; "(door line)" when no route passes its doors."""
    return f"{share:.0%}" if on_route else f"{share:.0%} (door line)"


def _seconds(value: float) -> str:
    if math.isnan(value):
        return "?"
    if math.isinf(value):
        return "never" if value > 0 else "-"
    return f"{value:.0f}"


def _note(shown: LockdownMap | None) -> str:
    if shown is None:
        return "Open a drawing to see the lockdown race."
    if shown.entry is None:
        return (
            "No way in: every exterior door locks and no breach point is marked. "
            "Mark a door propped or forced, or a breach point, to race from it."
        )
    return f"From {shown.entry.label}."
