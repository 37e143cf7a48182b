"""The Lockdown view: the race from a chosen entry, kept current after edits.

After an edit the race, exposures and arrows come first; when a door that opened
or shut changed the intruder's bands, those follow in a second job, so the room
colours never wait for them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from designreview.analysis.index_cache import IndexCache
from designreview.analysis.lockdown_map import MapCaches, lockdown_map, with_bands
from designreview.ui.canvas.lockdown_overlay import LockdownOverlay
from designreview.ui.docks.lockdown_dock import LockdownDock
from designreview.ui.session import workers

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStatusBar, QWidget

    from designreview.analysis.lockdown_map import LockdownMap
    from designreview.ui.canvas.scene import PlanScene
    from designreview.ui.presenters.sheet_presenter import SheetPresenter
    from designreview.ui.session.document_bridge import DocumentBridge


class LockdownPresenter(QObject):
    """Owns the dock and the overlay; recomputes off the GUI thread while shown."""

    def __init__(
        self,
        bridge: DocumentBridge,
        scene: PlanScene,
        sheets: SheetPresenter,
        status: QStatusBar,
        window: QWidget,
        indexes: IndexCache | None = None,
    ) -> None:
        super().__init__(window)
        self.bridge, self.sheets, self.status = bridge, sheets, status
        self.dock = LockdownDock(window)
        self.overlay = LockdownOverlay(scene)
        self.entry_id: str | None = None
        self.shown: LockdownMap | None = None
        self._job: workers.Job | None = None
        self._generation = 0
        # The checks' indexes: the walks and isovists they keep serve the view too.
        self.caches = MapCaches(indexes or IndexCache())
        self.dock.entry_chosen.connect(self._on_dock_entry_chosen)
        self.dock.layers_changed.connect(self.overlay.set_layers)
        self.dock.visibilityChanged.connect(self._on_dock_visibility_changed)
        bridge.changed.connect(lambda _changes, _initiator: self.refresh())
        sheets.plan_shown.connect(lambda _plan: self.refresh())

    @property
    def is_busy(self) -> bool:
        """Whether a newer map is being computed."""
        return self._job is not None

    def on_screen(self) -> bool:
        """Whether the dock can be seen: open, and its tab the one in front.

        A dock tabbed behind another still answers ``isVisible()`` True; only its
        visible region says it is covered.
        """
        return self.dock.isVisible() and not self.dock.visibleRegion().isEmpty()

    def refresh(self, shown_now: bool = False) -> None:
        """Compute the map again for the current sheet, if the dock is shown."""
        if not (shown_now or self.on_screen()):
            return
        plan, sheet_id = self.sheets.plan, self.sheets.sheet_id
        if plan is None or sheet_id is None:
            self._show(None)
            return
        if self._job is not None:
            self._job.cancel()
        self._generation += 1
        generation, review, entry_id, caches = (
            self._generation,
            self.bridge.review,
            self.entry_id,
            self.caches,
        )
        self._job = workers.run(
            lambda _control: lockdown_map(
                review, plan, sheet_id, entry_id, caches=caches, quick=True
            ),
            lambda shown: self._on_map_done(generation, shown),
            self._on_map_failed,
            owner=self,
        )

    def _on_map_done(self, generation: int, shown: LockdownMap) -> None:
        if generation != self._generation:
            return  # a newer edit or entry is on its way
        self._job = None
        self._show(shown)
        if shown.pending:
            self._job = workers.run(
                lambda _control: with_bands(shown),
                lambda banded: self._on_map_done(generation, banded),
                self._on_map_failed,
                owner=self,
            )

    def _on_map_failed(self, message: str) -> None:
        self._job = None
        self.status.showMessage(f"Lockdown view: {message}", 10_000)

    def _show(self, shown: LockdownMap | None) -> None:
        self.shown = shown
        self.dock.show_map(shown)
        self.overlay.show(shown if self.on_screen() else None)

    def _on_dock_entry_chosen(self, entry_id: str) -> None:
        self.entry_id = entry_id
        self.refresh()

    def _on_dock_visibility_changed(self, visible: bool) -> None:
        if visible:
            self.refresh(shown_now=True)  # its region follows a moment later
        else:
            self.overlay.show(None)
