"""The review: the document reviewers open, mark up, sign and save.

A review is replaced, never mutated (STYLE.md section 2): every change makes a new
value, so undo, background analysis and saving all work on free snapshots.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import Enum

from designreview.model.building import DoorMethod
from designreview.model.geometry import Extents
from designreview.model.ids import MarkupId, ReviewerId, ReviewId, SheetId
from designreview.model.lineage import Lineage
from designreview.model.markups import Markup, Stamp
from designreview.model.plan import LayerCategory
from designreview.model.responder import ResponderInfo
from designreview.model.units import LengthUnit


@dataclass(frozen=True, slots=True)
class Reviewer:
    """A person taking part in the review, with the agency they speak for."""

    id: ReviewerId
    name: str
    agency: str = ""
    role: str = ""
    email: str = ""
    """Where to write to them; BCF names them by it, as BIM tools do. Added
    without a schema step: absent means none."""


@dataclass(frozen=True, slots=True)
class LayerOverride:
    """A reviewer's correction of the importer's guess for one layer."""

    layer: str
    category: LayerCategory


@dataclass(frozen=True, slots=True, repr=False)
class SourceFile:
    """A drawing's original bytes, kept so a review opens without the original file."""

    name: str
    sha256: str
    data: bytes

    def __repr__(self) -> str:
        """Name and hash, not the megabytes."""
        return f"SourceFile({self.name!r}, {self.sha256[:12]}…, {len(self.data)} bytes)"


@dataclass(frozen=True, slots=True)
class RevisionChange:
    """One difference between a sheet's old and new drawing, as the review keeps it."""

    what: str
    """``door`` or ``room``."""
    kind: str
    """``added``, ``removed``, ``moved``, ``lock changed``, ``resized``, ``renamed``."""
    text: str
    """The change in words: ``Door 7 moved 1.20 m``."""
    at: tuple[float, float]
    """Where to look, in the new plan's local metres (the old one's when gone)."""


@dataclass(frozen=True, slots=True)
class SheetRevision:
    """The last time a sheet's drawing was replaced by a revised one, and what changed.

    The replaced drawing stays among the review's sources (``previous_sha256``), so
    the old and new plans can be compared and the packet can say what changed.
    """

    previous_sha256: str
    previous_name: str
    by: Stamp
    changes: tuple[RevisionChange, ...] = ()
    """What changed, door by door and room by room."""
    flagged: tuple[MarkupId, ...] = ()
    """Markups whose door or room is not in the new drawing: kept, to be looked at."""
    findings_before: tuple[str, ...] = ()
    """The keys of the sheet's findings on the old drawing, in the new drawing's
    ids: which findings the revision resolved, which are new, which still open."""

    def still_flagged(self, markup: Markup) -> bool:
        """Whether ``markup`` is flagged and nobody has changed it since.

        Moving or editing a flagged markup is a reviewer saying where it belongs:
        from then on it counts again.
        """
        return markup.id in self.flagged and markup.modified.at <= self.by.at


@dataclass(frozen=True, slots=True)
class Sheet:
    """One imported drawing (usually one floor) and how to read it.

    The drawing's bytes are kept in the review file; ``source_sha256`` ties this sheet
    to them. Geometry is re-derived from those bytes on open, never saved.

    How the drawing's units become metres is the user's to correct in two ways: a
    named unit (``unit_override``) or a scale calibrated by two points
    (``scale_override_m``). When both are set, the calibrated scale wins.
    """

    id: SheetId
    name: str
    source_name: str
    source_sha256: str
    unit_override: LengthUnit | None = None
    layer_overrides: tuple[LayerOverride, ...] = ()
    layout: str | None = None
    level: int = 0
    sensitive_layers: tuple[str, ...] = ()
    """Layers hidden in meeting mode (security systems, keys, cameras' wiring)."""
    door_methods_off: tuple[DoorMethod, ...] = ()
    """Ways of finding doors the reviewer switched off for this drawing (Layer
    Roles), when one takes things that are no doors for doors. Added without a
    schema step: absent means every way is on."""
    scale_override_m: float | None = field(
        default=None, metadata={"exclusive_minimum": 0.0}
    )
    """Metres per drawing unit from a two-point calibration (finite, above 0).

    For drawings at no standard scale (a scaled or scanned plan where one unit is
    38.1 mm); it wins over ``unit_override``. The review file rejects other values.
    """
    region: Extents | None = None
    """The part of the drawing this sheet reads, in drawing units (as in CAD):
    one of several floors drawn side by side in one model space. None reads the
    whole drawing (or layout). Added without a schema step: absent means all."""
    storey: str | None = None
    """The GlobalId of the IFC storey this sheet shows; None for a CAD drawing, or
    an IFC model read as one sheet per storey (the first)."""
    cut_height_m: float | None = field(
        default=None, metadata={"exclusive_minimum": 0.0}
    )
    """Where the plan of an IFC storey is cut, metres above the storey (None: the
    importer's 1.2 m)."""
    revision: SheetRevision | None = None
    """The drawing this sheet replaced, and what changed; None until revised."""
    true_north_deg: float | None = None
    """Where true north points, clockwise from the plan's up, degrees, as the
    reviewer entered it; None: unknown (the IFC model's, if any, stands)."""


class DecisionKind(Enum):
    """What reviewers decided about a finding."""

    ACCEPT = "accept"
    WILL_FIX = "will_fix"
    DISMISS = "dismiss"


@dataclass(frozen=True, slots=True)
class Decision:
    """A recorded decision about a finding (findings are recomputed; this is kept)."""

    finding_key: str
    kind: DecisionKind
    by: Stamp
    reason: str = ""
    owner: str = ""


@dataclass(frozen=True, slots=True)
class CheckSetting:
    """One threshold of one check, changed from its default for this review."""

    rule_id: str
    name: str
    value: float


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One change, who made it and when: the review's append-only history."""

    by: Stamp
    label: str
    ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ReviewInfo:
    """What the packet's cover says about the review."""

    school: str = ""
    project: str = ""
    meeting_date: str = ""
    classification: str = "FOR OFFICIAL USE ONLY"
    distribution: str = ""


@dataclass(frozen=True, slots=True)
class Review:
    """The whole document: sheets, markups, reviewers, settings, decisions, history."""

    id: ReviewId
    info: ReviewInfo = field(default_factory=ReviewInfo)
    created_by: str = ""
    created_at: str = ""
    reviewers: tuple[Reviewer, ...] = ()
    sheets: tuple[Sheet, ...] = ()
    markups: tuple[Markup, ...] = ()
    decisions: tuple[Decision, ...] = ()
    check_settings: tuple[CheckSetting, ...] = ()
    history: tuple[HistoryEntry, ...] = ()
    sources: tuple[SourceFile, ...] = ()
    lineage: Lineage = field(default_factory=Lineage)
    """Which saved revision this is, and the ones it descends from (schema 2)."""
    responder: ResponderInfo = field(default_factory=ResponderInfo)
    """The responder map's details (address, walk-through, profile, revision)."""

    def source(self, sha256: str) -> SourceFile | None:
        """The embedded drawing with this hash, if any."""
        return next((f for f in self.sources if f.sha256 == sha256), None)

    def markup(self, markup_id: MarkupId) -> Markup | None:
        """The markup with this id, if any."""
        return next((m for m in self.markups if m.id == markup_id), None)

    def sheet(self, sheet_id: SheetId) -> Sheet | None:
        """The sheet with this id, if any."""
        return next((s for s in self.sheets if s.id == sheet_id), None)

    def reviewer(self, reviewer_id: ReviewerId) -> Reviewer | None:
        """The reviewer with this id, if any."""
        return next((r for r in self.reviewers if r.id == reviewer_id), None)

    def with_markup(self, markup: Markup) -> Review:
        """This review with ``markup`` added, or replacing the one with its id."""
        kept = tuple(m for m in self.markups if m.id != markup.id)
        index = next(
            (i for i, m in enumerate(self.markups) if m.id == markup.id), len(kept)
        )
        return replace(self, markups=(*kept[:index], markup, *kept[index:]))

    def without_markup(self, markup_id: MarkupId) -> Review:
        """This review without the markup ``markup_id``."""
        return replace(
            self, markups=tuple(m for m in self.markups if m.id != markup_id)
        )

    def with_sheet(self, sheet: Sheet) -> Review:
        """This review with ``sheet`` added, or replacing the one with its id."""
        if self.sheet(sheet.id) is None:
            return replace(self, sheets=(*self.sheets, sheet))
        return replace(
            self, sheets=tuple(sheet if s.id == sheet.id else s for s in self.sheets)
        )

    def with_reviewer(self, reviewer: Reviewer) -> Review:
        """This review with ``reviewer`` added, or replacing the one with its id."""
        if self.reviewer(reviewer.id) is None:
            return replace(self, reviewers=(*self.reviewers, reviewer))
        return replace(
            self,
            reviewers=tuple(
                reviewer if r.id == reviewer.id else r for r in self.reviewers
            ),
        )
