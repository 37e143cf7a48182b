"""An imported drawing as the rest of the product sees it.

Big geometry is numpy arrays (STYLE.md section 11): one N x 4 array of segments
``[x1, y1, x2, y2]`` per layer, in metres relative to the plan's local origin. A frozen
dataclass per DXF entity would be slow and huge; people do not edit these lines.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

import numpy as np
import numpy.typing as npt

from designreview.model.bim import BimSource
from designreview.model.building import DetectedDoor, DetectedSpace
from designreview.model.geometry import Extents, Point2
from designreview.model.units import LengthUnit

SegmentArray = npt.NDArray[np.float64]
"""Shape (N, 4): x1, y1, x2, y2 in metres, local coordinates."""


class LayerCategory(Enum):
    """What a drawing layer holds, as far as the review is concerned."""

    WALL = "wall"
    DOOR = "door"
    WINDOW = "window"
    ROOM = "room"
    LABEL = "label"
    COLUMN = "column"
    STAIR = "stair"
    FURNITURE = "furniture"
    ANNOTATION = "annotation"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class LayerInfo:
    """One drawing layer: its name, what it holds and how much."""

    name: str
    category: LayerCategory
    entity_count: int
    is_visible: bool = True


@dataclass(frozen=True, slots=True, eq=False)
class Linework:
    """All drawn segments of one layer."""

    layer: str
    segments: SegmentArray

    def __eq__(self, other: object) -> bool:
        """Equal when the layer and every coordinate are equal."""
        if not isinstance(other, Linework):
            return NotImplemented
        return self.layer == other.layer and np.array_equal(
            self.segments, other.segments
        )

    def __hash__(self) -> int:
        """Hash by layer and segment count (arrays are not hashable)."""
        return hash((self.layer, len(self.segments)))


@dataclass(frozen=True, slots=True)
class TextLabel:
    """A piece of text in the drawing (room names, numbers, notes)."""

    text: str
    position: Point2
    height_m: float
    rotation_deg: float
    layer: str


@dataclass(frozen=True, slots=True)
class PlanCounts:
    """How much building the importer recognised."""

    walls: int = 0
    doors: int = 0
    windows: int = 0
    spaces: int = 0
    doors_by_method: tuple[tuple[str, int], ...] = ()
    """Detected doors per way of drawing them (``("gap", 12)``), every method."""
    windows_by_source: tuple[tuple[str, int], ...] = ()
    """Windows per source: ``block`` inserts, ``lines`` (runs of window-layer
    lines), and ``openings`` (wall gaps a window closes; counted in the others)."""


class UnitSource(Enum):
    """Where the unit a plan was read in came from."""

    HEADER = "header"
    """The drawing's own ``$INSUNITS``, which its geometry does not contradict."""
    EVIDENCE = "evidence"
    """Door widths, stairs, room sizes and extents (no usable or a wrong header)."""
    USER = "user"
    """Chosen by the user: an override or a two-point calibration."""


@dataclass(frozen=True, slots=True)
class UnitReport:
    """What a drawing says about its unit, what the import used, and why.

    The interface shows it and offers to change the unit; ``proposed`` is what the
    geometry suggests, which may differ from ``used`` when the evidence was too weak
    to overrule the drawing's header.
    """

    stated: LengthUnit | None
    """The unit ``$INSUNITS`` names; None when absent, unitless or not a unit."""
    used: LengthUnit
    source: UnitSource
    confidence: float = 1.0
    """How sure the import is of ``used``, 0 to 1."""
    reasons: tuple[str, ...] = ()
    proposed: LengthUnit | None = None
    stated_code: int | None = None
    """The raw ``$INSUNITS`` value (None when the header has none)."""
    is_calibrated: bool = False
    """The scale comes from the user's two-point calibration, not from ``used``.

    ``used`` is then only the unit nearest to that scale, for writing lengths."""

    @property
    def is_overruled(self) -> bool:
        """Whether the geometry overruled the unit the drawing states.

        Example:
            >>> mm, m = LengthUnit.MILLIMETRE, LengthUnit.METRE
            >>> UnitReport(mm, m, UnitSource.EVIDENCE).is_overruled
            True
        """
        return (
            self.source is UnitSource.EVIDENCE
            and self.stated is not None
            and self.used is not self.stated
        )


class XrefStatus(Enum):
    """What became of an external reference (XREF)."""

    LOADED = "loaded"
    MISSING = "missing"
    UNREADABLE = "unreadable"
    CYCLE = "cycle"
    TOO_DEEP = "too deep"
    NOT_SHOWN = "not shown"
    """Placed nowhere in the layout, or an overlay inside another XREF."""


@dataclass(frozen=True, slots=True)
class ExternalReference:
    """One external reference (XREF) of a drawing, resolved or not."""

    name: str
    """The block name the drawing uses for it."""
    path: str
    """The file name as the drawing writes it."""
    status: XrefStatus
    found_at: str = ""
    """The file that was read, when one was found."""
    searched: tuple[str, ...] = ()
    """Where the file was looked for."""
    referenced_by: str = ""
    """The drawing that references it (the host or another XREF)."""
    message: str = ""


@dataclass(frozen=True, slots=True)
class Plan:
    """An imported drawing: geometry in metres around a local origin.

    Drawing coordinates in metres are local coordinates plus ``origin_m``; the local
    origin keeps far-from-origin drawings precise on screen and in analysis.
    """

    source_name: str
    dxf_version: str
    units: LengthUnit
    scale_to_m: float
    origin_m: Point2
    extents: Extents
    layers: tuple[LayerInfo, ...]
    linework: tuple[Linework, ...]
    labels: tuple[TextLabel, ...] = ()
    counts: PlanCounts = field(default_factory=PlanCounts)
    warnings: tuple[str, ...] = ()
    doors: tuple[DetectedDoor, ...] = ()
    spaces: tuple[DetectedSpace, ...] = ()
    unit_report: UnitReport | None = None
    """What the drawing said about its unit and why ``units`` was chosen."""
    xrefs: tuple[ExternalReference, ...] = ()
    layouts: tuple[str, ...] = ()
    """The drawing's paper-space layouts, in tab order (model space is not listed)."""
    reader: str = ""
    """Which reader read the drawing: ``fast reader``, or ``ezdxf reader (why)``."""
    bim: BimSource | None = None
    """The IFC model and storey the plan was cut from; None for a CAD drawing."""

    @property
    def is_imperial(self) -> bool:
        """Whether lengths should be shown in feet and inches."""
        return self.units.is_imperial

    @property
    def is_calibrated(self) -> bool:
        """Whether the scale comes from the user's two-point calibration."""
        return self.unit_report is not None and self.unit_report.is_calibrated

    @property
    def drawing_extents_m(self) -> Extents:
        """Extents in the drawing's own coordinates, in metres."""
        return self.extents.shifted(*self.origin_m)

    def layer(self, name: str) -> LayerInfo | None:
        """The layer called ``name``, if the plan has one."""
        return next((info for info in self.layers if info.name == name), None)

    def to_drawing_m(self, local: Point2) -> Point2:
        """A local point in the drawing's own coordinates (metres).

        Example:
            >>> from designreview.model.geometry import Extents
            >>> from designreview.model.units import LengthUnit
            >>> plan = Plan("p", "AC1027", LengthUnit.METRE, 1.0, (1000.0, 0.0),
            ...             Extents(0, 0, 1, 1), (), ())
            >>> plan.to_drawing_m((1.0, 2.0))
            (1001.0, 2.0)
        """
        return (local[0] + self.origin_m[0], local[1] + self.origin_m[1])

    def to_drawing_units(self, local: Point2) -> Point2:
        """A local point in the drawing's own coordinates and units (as in CAD)."""
        x, y = self.to_drawing_m(local)
        return (x / self.scale_to_m, y / self.scale_to_m)

    def to_local(self, drawing_m: Point2) -> Point2:
        """A point in drawing metres in local coordinates."""
        return (drawing_m[0] - self.origin_m[0], drawing_m[1] - self.origin_m[1])
