"""File > Responder Map: the map's details, what the mandate still lacks, the files."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from designreview.analysis.map_profiles import PROFILES
from designreview.analysis.responder_map import next_issue, responder_maps
from designreview.analysis.rules import RULES
from designreview.analysis.run import run_checks
from designreview.model.errors import DesignReviewError
from designreview.model.markups import AssetKind
from designreview.model.responder import ASSET_NAMES, NAMED_KINDS
from designreview.model.responder_edits import SetResponderInfo
from designreview.model.units import format_length, parse_length
from designreview.packet.responder_map import issue_state, write_responder_map
from designreview.review_file.sheets import plans_for_sheets
from designreview.ui.session import workers

if TYPE_CHECKING:
    from designreview.model.plan import Plan
    from designreview.model.responder import ResponderInfo
    from designreview.model.review import Review
    from designreview.ui.session.document_bridge import DocumentBridge
    from designreview.ui.session.plan_loader import PlanLoader

MAP_RULES = {k: v for k, v in RULES.items() if k.startswith("MAP-")}
ASSETS = [k for k in AssetKind if k not in NAMED_KINDS]


def write_map_files(
    review: Review, plans: dict[str, Plan], pdf: Path, geojson: bool, dxf: bool
) -> list[str]:
    """The map's PDF and, if asked, its GeoJSON and DXF beside it: what was written."""
    from designreview.exports.dxf.map_dxf import write_map_dxf
    from designreview.exports.map_geojson import write_map_geojson

    plans = plans_for_sheets(review, known=plans)  # type: ignore[assignment]
    lines = [f"{pdf.name}: {write_responder_map(review, plans, pdf)} pages"]
    if geojson:
        path = pdf.with_suffix(".geojson")
        lines.append(f"{path.name}: {write_map_geojson(review, plans, path)} features")
    if dxf:
        path = pdf.with_suffix(".dxf")
        lines.append(f"{path.name}: {write_map_dxf(review, plans, path)} entities")
    return lines


class ResponderMapDialog(QDialog):
    """The responder map's details, its missing mandate items and its files."""

    def __init__(self, bridge: DocumentBridge, loader: PlanLoader, output: Path,
                 parent=None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setWindowTitle("Responder Map")
        self.setMinimumWidth(600)
        self.bridge, self.loader = bridge, loader
        self.job: object | None = None
        info = bridge.review.responder
        self.imperial = any(
            p.is_imperial for p in loader.cached_plans(bridge.review).values() if p
        )
        self.address = QLineEdit(info.address)
        self.walkthrough = QLineEdit(info.walkthrough_date)
        self.walkthrough.setPlaceholderText("YYYY-MM-DD")
        self.profile = QComboBox()
        for key, profile in PROFILES.items():
            self.profile.addItem(profile.name, key)
        self.profile.setCurrentIndex(max(0, self.profile.findData(info.profile)))
        self.grid = QLineEdit(
            format_length(info.grid_cell_m, self.imperial) if info.grid_cell_m else ""
        )
        self.grid.setPlaceholderText("automatic (a round size)")
        self.absent = QListWidget()
        for kind in ASSETS:
            item = QListWidgetItem(ASSET_NAMES[kind])
            item.setData(Qt.ItemDataRole.UserRole, kind.value)
            checked = kind in info.none_on_site
            item.setCheckState(
                Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
            )
            self.absent.addItem(item)
        self.absent.setMaximumHeight(120)
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.missing = QListWidget()
        self.missing.setWordWrap(True)
        self.output = QLineEdit(str(output))
        self.geojson = QCheckBox("Also GeoJSON (rooms, doors, items, grid squares)")
        self.dxf = QCheckBox("Also DXF on MAP-* layers")
        self.issue = QCheckBox("Issue as the next revision")
        self.status = QLabel()
        self.status.setWordWrap(True)
        self._layout()
        self.profile.currentIndexChanged.connect(lambda _i: self.refresh())
        self.refresh()

    def _layout(self) -> None:
        form = QFormLayout()
        form.addRow("School address:", self.address)
        form.addRow("Last walk-through:", self.walkthrough)
        form.addRow("State profile:", self.profile)
        form.addRow("Grid square:", self.grid)
        form.addRow("None on site:", self.absent)
        browse = QPushButton("Browse…")
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.output)
        row.addWidget(browse)
        form.addRow("Map PDF:", row)
        buttons = QHBoxLayout()
        self.save_button = QPushButton("Save Map")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        close = QPushButton("Close")
        close.clicked.connect(self.reject)
        buttons.addStretch()
        buttons.addWidget(self.save_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.geojson)
        layout.addWidget(self.dxf)
        layout.addWidget(self.issue)
        layout.addWidget(self.state)
        layout.addWidget(QLabel("What the mandate still needs:"))
        layout.addWidget(self.missing)
        layout.addWidget(self.status)
        layout.addLayout(buttons)

    def details(self) -> ResponderInfo:
        """The map's details as typed (raises DesignReviewError for a bad length)."""
        text = self.grid.text().strip()
        cell = parse_length(text, self.imperial) if text else None
        if cell is not None and cell <= 0:
            raise DesignReviewError("The grid square must be longer than zero.")
        absent = tuple(
            AssetKind(self.absent.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.absent.count())
            if self.absent.item(i).checkState() == Qt.CheckState.Checked
        )
        return replace(
            self.bridge.review.responder,
            address=self.address.text().strip(),
            walkthrough_date=self.walkthrough.text().strip(),
            profile=str(self.profile.currentData()),
            grid_cell_m=cell,
            none_on_site=absent,
        )

    def _plans(self) -> dict[str, Plan] | None:
        cached = self.loader.cached_plans(self.bridge.review)
        if any(p is None for p in cached.values()):
            return None
        return {k: p for k, p in cached.items() if p is not None}

    def refresh(self) -> None:
        """The issued revision's state and the missing items, for the details typed."""
        self.missing.clear()
        plans = self._plans()
        if plans is None:
            self.state.setText("The drawings are still loading.")
            return
        try:
            review = replace(self.bridge.review, responder=self.details())
        except DesignReviewError as exc:
            self.state.setText(str(exc))
            return
        maps = [m for _, m in responder_maps(review, plans)]
        self.state.setText(issue_state(review, maps)[0])
        for finding in run_checks(review, plans, MAP_RULES).findings:
            self.missing.addItem(f"{finding.rule}: {finding.message}")
        if not self.missing.count():
            self.missing.addItem("Nothing: the map has every item of the profile.")

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, "Save the responder map", self.output.text(), "PDF (*.pdf)"
        )
        if path:
            self.output.setText(path)

    def save(self) -> None:
        """Store the details (one undoable edit), then write the files."""
        plans = self._plans()
        if plans is None:
            self.status.setText("Wait until every sheet's drawing is loaded.")
            return
        try:
            info = self.details()
        except DesignReviewError as exc:
            self.status.setText(str(exc))
            return
        if self.issue.isChecked():
            review = replace(self.bridge.review, responder=info)
            maps = [m for _, m in responder_maps(review, plans)]
            today = workers_today()
            info = replace(info, issued=next_issue(review, maps, today))
        if info != self.bridge.review.responder:
            before = self.bridge.review.responder
            label = "Issue responder map" if self.issue.isChecked() else None
            edit = SetResponderInfo(before, info, label or "Edit responder map details")
            self.bridge.submit(edit, initiator=self)
        self.issue.setChecked(False)
        self.refresh()
        review, pdf = self.bridge.review, Path(self.output.text()).expanduser()
        geojson, dxf = self.geojson.isChecked(), self.dxf.isChecked()
        self.save_button.setEnabled(False)
        self.status.setText("Writing the map…")
        self.job = workers.run(
            lambda _cancel: write_map_files(review, plans, pdf, geojson, dxf),
            self._on_saved,
            self._on_failed,
            owner=self,
        )

    def _on_saved(self, lines: list[str]) -> None:
        self.job = None
        self.save_button.setEnabled(True)
        self.status.setText("Saved:\n" + "\n".join(lines))

    def _on_failed(self, message: str) -> None:
        self.job = None
        self.save_button.setEnabled(True)
        self.status.setText(f"The map was not written. {message}")


def workers_today() -> str:
    """Today's date for an issued revision (ISO)."""
    import datetime as dt

    return dt.date.today().isoformat()
