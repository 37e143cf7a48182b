"""The import report: what the importer found, guessed and skipped in the drawing."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from designreview.model.building import DoorMethod, TypeSource
from designreview.model.plan import LayerCategory
from designreview.model.units import format_scale

if TYPE_CHECKING:
    from designreview.model.plan import Plan


def report_lines(plan: Plan) -> list[str]:
    """The facts of an import, one line each, for people (not machines)."""
    counts = plan.counts
    kind = "IFC model" if plan.bim is not None else "DXF"
    walls = "walls" if plan.bim is not None else "wall segments"
    lines = [
        f"File: {plan.source_name} ({kind} {plan.dxf_version})"
        + (f", read by the {plan.reader}" if plan.reader else ""),
        _units_line(plan),
        f"Found: {counts.walls} {walls}, {counts.doors} doors, "
        f"{counts.windows} windows, {len(plan.spaces)} rooms, {len(plan.labels)} texts",
        f"Size: {plan.extents.width:.1f} x {plan.extents.height:.1f} m",
    ]
    if plan.bim is not None:
        bim = plan.bim
        lines.insert(
            1,
            f"Storey: {bim.storey_name} at {bim.elevation_m:+.2f} m, cut "
            f"{bim.cut_height_m:.2f} m above it; project {bim.project_name or '-'}"
            + (f", written by {bim.application}" if bim.application else ""),
        )
    doors = _by_kind(counts.doors_by_method, _METHOD_LABELS)
    if doors:
        lines.append(f"Doors found by: {doors}")
    windows = _by_kind(counts.windows_by_source, _WINDOW_LABELS)
    if windows:
        lines.append(f"Windows from: {windows}")
    if plan.origin_m != (0.0, 0.0):
        lines.append(
            f"Local origin: {plan.origin_m[0]:,.0f}, {plan.origin_m[1]:,.0f} m"
        )
    guessed: dict[str, list[str]] = {}
    for info in plan.layers:
        if info.entity_count and info.category is not LayerCategory.OTHER:
            guessed.setdefault(info.category.value, []).append(info.name)
    for category, names in sorted(guessed.items()):
        lines.append(f"Layers read as {category}: {', '.join(names)}")
    unnamed = sum(1 for s in plan.spaces if not s.name)
    if unnamed:
        lines.append(f"{unnamed} rooms have no name; type them in Properties")
    if plan.spaces:
        lines.append(_types_line(plan))
    return lines


_TYPE_SOURCE_WORDS = {
    TypeSource.NAME: "from their names",
    TypeSource.LAYER: "from their layers",
    TypeSource.GEOMETRY: "from their shape (corridors, halls by a stage)",
    TypeSource.FIXTURES: "from their fixtures (toilets, kitchens)",
    TypeSource.REVIEWER: "by reviewers",
    TypeSource.NONE: "not known",
}


def _types_line(plan: Plan) -> str:
    """Where the rooms' types came from: ``Room types: 12 from their names, ...``."""
    counts = Counter(space.type_source for space in plan.spaces)
    parts = [
        f"{counts[source]} {words}"
        for source, words in _TYPE_SOURCE_WORDS.items()
        if counts[source]
    ]
    return "Room types: " + ", ".join(parts)


_METHOD_LABELS = {method.value: method.label for method in DoorMethod}
_WINDOW_LABELS = {
    "block": "blocks",
    "lines": "window-layer lines",
    "openings": "wall openings (counted in the others)",
    "model": "the BIM model",
}


def _by_kind(counts: tuple[tuple[str, int], ...], labels: dict[str, str]) -> str:
    """``block 3, gap 1``: the kinds that gave something, in the report's words."""
    return ", ".join(f"{labels.get(kind, kind)} {n}" for kind, n in counts if n)


def _units_line(plan: Plan) -> str:
    if plan.is_calibrated:
        scale = format_scale(plan.scale_to_m)
        shown = "feet and inches" if plan.is_imperial else "metres"
        return f"Units: calibrated by two points (1 unit = {scale}; shown in {shown})"
    return f"Units: {plan.units.name.lower()} (1 unit = {plan.scale_to_m:g} m)"


class ImportDock(QDockWidget):
    """Facts, guesses and notes of the sheet's import, and ways to correct them."""

    layers_requested = Signal()
    units_requested = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__("Import Report", parent)
        self.setObjectName("ImportDock")
        self.facts = QLabel("No drawing.")
        self.facts.setWordWrap(True)
        self.notes = QListWidget()
        self.notes.setWordWrap(True)
        layers, units = QPushButton("Layer Roles…"), QPushButton("Units…")
        layers.clicked.connect(self.layers_requested)
        units.clicked.connect(self.units_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(layers)
        buttons.addWidget(units)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.facts)
        layout.addWidget(QLabel("Notes from the import:"))
        layout.addWidget(self.notes)
        layout.addLayout(buttons)
        self.setWidget(body)

    def show_plan(self, plan: Plan | None) -> None:
        self.notes.clear()
        if plan is None:
            self.facts.setText("No drawing.")
            return
        self.facts.setText("\n".join(report_lines(plan)))
        self.notes.addItems(list(plan.warnings) or ["Nothing to report."])
