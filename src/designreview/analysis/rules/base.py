"""What every review check shares: its context, its parameters, and finding helpers."""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

import numpy as np

from designreview.analysis.building_view import BuildingView
from designreview.analysis.distances import WalkIndex, build_walk_index
from designreview.analysis.index_cache import IndexCache
from designreview.analysis.obstacles import VisibilityIndex, build_visibility_index
from designreview.analysis.stairs import exit_stairs
from designreview.model.findings import Finding, Severity
from designreview.model.review import Review

if TYPE_CHECKING:
    from collections.abc import Callable

    from shapely.geometry.base import BaseGeometry

    from designreview.analysis.building_view import Room
    from designreview.analysis.parts import Part
    from designreview.model.geometry import Point2
    from designreview.model.review import CheckSetting

__all__ = [
    "CheckContext",
    "Rule",
    "finding",
    "params_with",
    "polygon_rings",
    "sentence",
    "threshold_source",
]

T = TypeVar("T")

VISION_PANEL_M = 0.25
"""Width of the glass assumed in a door whose vision panel is not described."""
SIDELITE_M = 1.5
"""Glazing this close to a door's middle is its sidelite."""


@dataclass
class CheckContext:
    """One sheet, prepared for the checks; expensive pieces are built on first use."""

    review: Review
    building: BuildingView
    floors: tuple[BuildingView, ...] = ()
    """Every sheet of the review being checked (this one included), for the checks
    that follow stairs from floor to floor."""
    _open: VisibilityIndex | None = field(default=None, repr=False)
    _walks: dict[bool, WalkIndex] = field(default_factory=dict, repr=False)
    memo: dict[Any, Any] = field(default_factory=dict, repr=False)
    """Results shared between checks of this sheet (e.g. hard corners)."""
    indexes: IndexCache | None = field(default=None, repr=False)
    """Indexes kept from earlier runs (the app's), found again by their segments."""

    @property
    def sheet_id(self) -> str:
        """The sheet being checked."""
        return self.building.sheet_id

    @property
    def has_no_doors(self) -> bool:
        """Whether the sheet has rooms but not a single door.

        The door checks would then fail every room for lack of a way in or out;
        DATA-1 asks for the doors once instead, and those checks skip the sheet.
        """
        return bool(self.building.rooms) and not self.building.doors

    def exit_stairs(self) -> list[Room]:
        """This floor's stairs that are exits (see ``analysis.stairs``)."""
        if "exit_stairs" not in self.memo:
            levels: dict[str, int] = {s.id: s.level for s in self.review.sheets}
            others = [
                (levels.get(v.sheet_id, 0), v)
                for v in self.floors
                if v.sheet_id != self.sheet_id
            ]
            level = levels.get(self.sheet_id, 0)
            self.memo["exit_stairs"] = exit_stairs(self.building, level, others)
        return list(self.memo["exit_stairs"])

    def index(
        self, kind: str, segments: np.ndarray, build: Callable[[np.ndarray], T]
    ) -> T:
        """``build(segments)``, or the index an earlier run built for equal lines."""
        if self.indexes is None:
            return build(np.asarray(segments, dtype=np.float64))
        return self.indexes.get(kind, segments, build)

    def open_doors(self) -> VisibilityIndex:
        """Walls only: doors open, glass transparent (everyday sight)."""
        if self._open is None:
            self._open = self.index(
                "sight", self.building.walls, build_visibility_index
            )
        return self._open

    def kept_with(self, kind: str, segments: np.ndarray) -> dict[Any, Any] | None:
        """A table kept with the ``kind`` index of ``segments`` (None: no cache).

        It is found by the same lines as the index, so what is kept in it
        (isovists, walks) is only read against an index of those lines; one built
        again for them after being forgotten is the same (the build is
        deterministic), so the table stays true for it.
        """
        if self.indexes is None:
            return None
        table: dict[Any, Any] = self.indexes.get(f"{kind} kept", segments, _table)
        return table

    def walking(self, exterior_doors_closed: bool = False) -> WalkIndex:
        """Where people can walk: walls, columns and glazing block; doors are open.

        With ``exterior_doors_closed`` (a lockdown), exterior doors block as well, so
        nobody's route to refuge leaves the building.
        """
        if exterior_doors_closed not in self._walks:
            segments = self.walk_segments(exterior_doors_closed)
            self._walks[exterior_doors_closed] = self.index(
                "walk", segments, build_walk_index
            )
        return self._walks[exterior_doors_closed]

    def walk_segments(self, exterior_doors_closed: bool = False) -> np.ndarray:
        """The lines :meth:`walking` builds its index of."""
        building = self.building
        parts = [building.walls, building.glazing]
        if exterior_doors_closed:
            shut = [
                [*d.hinge, *d.latch] for d in building.doors if building.is_exterior(d)
            ]
            parts.append(np.array(shut, dtype=float).reshape(-1, 4))
        return np.concatenate([p for p in parts if len(p)])


def _table(_segments: np.ndarray) -> dict[Any, Any]:
    return {}


class Rule(Protocol):
    """What a rule module offers the runner, the settings dialog and the packet.

    ``READS`` names the parts of the review its check looks at; after an edit the
    runner reruns it only when one of them changed (its own settings always count).
    """

    RULE_ID: str
    TITLE: str
    CITATION: str
    READS: frozenset[Part]

    @property
    def Params(self) -> Callable[[], Any]:  # noqa: N802 (the module's dataclass)
        """The rule's thresholds, as a frozen dataclass with defaults."""

    def check(self, ctx: CheckContext, params: Any) -> list[Finding]:
        """The findings of this rule on one sheet."""


def params_with(defaults: Any, rule_id: str, settings: tuple[CheckSetting, ...]) -> Any:
    """``defaults`` with this review's changed thresholds for ``rule_id`` applied."""
    names = {f.name for f in fields(defaults)}
    changes = {
        s.name: s.value for s in settings if s.rule_id == rule_id and s.name in names
    }
    return replace(defaults, **changes)


def threshold_source(rule: Any, name: str) -> str:
    """Where the default of threshold ``name`` of ``rule`` (a rule module) comes from.

    A ``Params`` field may name its own source (``metadata={"source": ...}``);
    otherwise the rule's citation stands for all its thresholds.

    Example:
        >>> from designreview.analysis.rules import hard_corner
        >>> threshold_source(hard_corner, "leaf_thickness_m")
        'ANSI/SDI A250.8: standard steel door leaf, 1 3/4 in'
    """
    for item in fields(rule.Params):
        if item.name == name and "source" in item.metadata:
            return str(item.metadata["source"])
    return str(rule.CITATION)


def finding(
    rule: str,
    severity: Severity,
    message: str,
    ctx: CheckContext,
    location: Point2,
    subjects: tuple[str, ...],
    citation: str,
    overlay: tuple[tuple[Point2, ...], ...] = (),
) -> Finding:
    """A finding keyed by rule and subjects, so decisions survive recomputation."""
    key = ":".join((rule, *sorted(subjects))) if subjects else f"{rule}:{ctx.sheet_id}"
    return Finding(
        key,
        rule,
        severity,
        message,
        ctx.sheet_id,
        (round(location[0], 3), round(location[1], 3)),
        subjects,
        overlay,
        citation,
    )


def sentence(text: str) -> str:
    """``text`` with its first letter capitalised and the rest untouched.

    Example:
        >>> sentence("door E1")
        'Door E1'
    """
    return text[:1].upper() + text[1:]


def polygon_rings(geometry: BaseGeometry) -> tuple[tuple[Point2, ...], ...]:
    """A polygon's (or multipolygon's) outer rings as point tuples, for overlays."""
    parts = getattr(geometry, "geoms", [geometry])
    return tuple(
        tuple(
            (round(float(x), 3), round(float(y), 3))
            for x, y, *_ in part.exterior.coords
        )
        for part in parts
        if not part.is_empty
    )
