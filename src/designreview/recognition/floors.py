"""Floors drawn side by side in one model space, found from their walls.

Architects often put every floor of a building next to each other in one drawing
(issue 14 point 5); read as one sheet, every check mixes floors. Floors are found the
way a person sees them: clusters of walls separated by empty bands. The wall lines are
projected onto x and onto y; the widest band that no wall crosses, if it is wide
enough (``FloorParams.min_gap_m``, or a share of the cluster's size), cuts the
cluster in two, and each side is cut again until no band is left. A cluster with too
little wall to be a plan (a legend, a north arrow drawn on the wall layer) is no
floor; drawings of pipes or sections have no walls at all and take no part.

Each floor is named from its title text ("GROUND FLOOR", "PLANTA BAJA", "NIVEL 2"):
the text near the plan, outside its walls, that names a level, or else the largest
text beside the plan when it is larger than any text inside it. Floors without a
title are "Floor 1", "Floor 2", ... in reading order (rows top to bottom, each left
to right).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from designreview.model.geometry import Extents
from designreview.model.plan import LayerCategory, Plan, SegmentArray, TextLabel

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["Floor", "FloorParams", "find_floors", "plan_floors", "wall_segments"]

_Indices = npt.NDArray[np.intp]

_LEVEL_WORDS = re.compile(
    r"\b(floor|level|storey|story|basement|ground|mezzanine|attic|roof|penthouse"
    r"|planta|piso|nivel|nivell|s[oó]tano|soterrani|entresuelo|altillo|pis"
    r"|[ée]tage|niveau|rez|sous-sol"
    r"|geschoss|erdgeschoss|obergeschoss|untergeschoss|dachgeschoss|stock|keller"
    r"|og|eg|ug|dg|piano|pavimento)\b"
    r"|\b\d+\s*(st|nd|rd|th|[ºª°])\b|\b[lfbp]\s?-?\d+\b|\b\d+\s?f\b"
    r"|[楼层]",
    re.IGNORECASE,
)
"""Words that name a level, in the languages of the plans we meet: "1ST FLOOR",
"PLANTA BAJA", "NIVELL 2", "2E ÉTAGE", "1. OG", "L2", "2F", "二层"."""

_TITLE_SIZE = 1.5
"""A title without a level word must be this much taller than any room name."""


@dataclass(frozen=True, slots=True)
class FloorParams:
    """How wide an empty band must be to part two floors, and what a floor is."""

    min_gap_m: float = 4.0
    """No band narrower than this parts floors: corridors and courtyards are
    narrower than the space a drafter leaves between two plans."""
    gap_share: float = 0.2
    """A band must also be this share of the larger run of walls beside it
    (measured across the band), so a plan is not split at a court or a gap
    between a hall and its annex."""
    min_walls: int = 12
    """A cluster of fewer wall lines is no floor plan (a detail, a north arrow)."""
    min_wall_m: float = 20.0
    """Nor one with less wall than this, in metres."""
    min_wall_share: float = 0.25
    """Nor one with less wall than this share of the floor with the most: floors
    of one building share a footprint, while a section, key plan or enlarged
    detail beside them has much less wall."""
    margin_m: float = 4.0
    """Around its walls, a floor's region reaches this far (or ``margin_share``
    of its size, whichever is more), so its title and dimensions come with it;
    never past the middle of the band that parts it from the next floor."""
    margin_share: float = 0.05


@dataclass(frozen=True, slots=True)
class Floor:
    """One floor plan found among others in one drawing."""

    name: str
    region: Extents
    """What belongs to this floor, in the coordinates of the walls given."""
    outline: Extents
    """The box around its walls."""
    wall_count: int
    wall_length_m: float
    is_titled: bool = False
    """Whether ``name`` comes from a title text in the drawing."""


@dataclass(frozen=True, slots=True)
class _Cell:
    walls: _Indices
    bounds: Extents
    """The cell of the cuts made so far: the floor's region stops at its edges."""


def find_floors(
    walls: SegmentArray,
    labels: Sequence[TextLabel] = (),
    params: FloorParams | None = None,
) -> tuple[Floor, ...]:
    """The floor plans among ``walls``, in reading order; one for a single plan.

    Args:
        walls: Wall segments, shape (N, 4): x1, y1, x2, y2 in metres.
        labels: Texts of the drawing, in the same coordinates, to name floors by.
        params: Gap, size and margin thresholds.

    Returns:
        No floor when there are no walls; otherwise every cluster of walls big
        enough to be a plan, top row first and left to right.

    Example:
        >>> import numpy as np
        >>> def room(x):  # a 10 m square of walls whose left side is at x
        ...     return [[x, 0, x + 10, 0], [x + 10, 0, x + 10, 10],
        ...             [x + 10, 10, x, 10], [x, 10, x, 0]]
        >>> walls = np.array(room(0) + room(30), dtype=float)
        >>> title = TextLabel("GROUND FLOOR", (0.0, 11.0), 1.0, 0.0, "TEXT")
        >>> floors = find_floors(walls, [title], FloorParams(min_walls=4))
        >>> [(f.name, f.outline.min_x, f.region.max_x) for f in floors]
        [('GROUND FLOOR', 0.0, 14.0), ('Floor 2', 30.0, 44.0)]
    """
    params = params or FloorParams()
    walls = np.asarray(walls, dtype=np.float64).reshape(-1, 4)
    walls = walls[np.isfinite(walls).all(axis=1)]
    if not len(walls):
        return ()
    lo = np.minimum(walls[:, [0, 1]], walls[:, [2, 3]])
    hi = np.maximum(walls[:, [0, 1]], walls[:, [2, 3]])
    lengths = np.hypot(walls[:, 2] - walls[:, 0], walls[:, 3] - walls[:, 1])
    everywhere = Extents(-math.inf, -math.inf, math.inf, math.inf)
    cells = _cut(_Cell(np.arange(len(walls)), everywhere), lo, hi, params)
    longest = max(float(lengths[c.walls].sum()) for c in cells)
    least = max(params.min_wall_m, params.min_wall_share * longest)
    kept = [
        c
        for c in cells
        if float(lengths[c.walls].sum()) >= least and len(c.walls) >= params.min_walls
    ]
    if len(kept) < 2:  # one plan (with its details, however small): all of it
        kept = [_Cell(np.arange(len(walls)), everywhere)]
    floors = [_floor(c, lo, hi, lengths, labels, params) for c in kept]
    return _named(_reading_order(floors))


def _cut(
    cell: _Cell,
    lo: npt.NDArray[np.float64],
    hi: npt.NDArray[np.float64],
    params: FloorParams,
) -> list[_Cell]:
    """The cell cut at its widest empty band, recursively, in reading order."""
    best: tuple[float, int, float] | None = None  # width, axis, where to cut
    for axis in (0, 1):
        start, end = lo[cell.walls, axis], hi[cell.walls, axis]
        order = np.argsort(start, kind="stable")
        start, reach = start[order], np.maximum.accumulate(end[order])
        if len(start) < 2:
            continue
        for width, at in _bands(start, reach, params):
            if best is None or width > best[0]:
                best = (width, axis, at)
    if best is None:
        return [cell]
    _width, axis, at = best
    below = lo[cell.walls, axis] < at
    b = cell.bounds
    if axis == 0:  # left, then right
        first = _Cell(cell.walls[below], Extents(b.min_x, b.min_y, at, b.max_y))
        second = _Cell(cell.walls[~below], Extents(at, b.min_y, b.max_x, b.max_y))
    else:  # top, then bottom: y points up
        first = _Cell(cell.walls[~below], Extents(b.min_x, at, b.max_x, b.max_y))
        second = _Cell(cell.walls[below], Extents(b.min_x, b.min_y, b.max_x, at))
    return _cut(first, lo, hi, params) + _cut(second, lo, hi, params)


def _bands(
    start: npt.NDArray[np.float64],
    reach: npt.NDArray[np.float64],
    params: FloorParams,
) -> list[tuple[float, float]]:
    """Empty bands wide enough to part plans: (width, middle) along one axis.

    ``start`` is where each wall begins along the axis, sorted, and ``reach`` how far
    the walls so far reach. Bands of ``min_gap_m`` or more split the axis into runs
    of walls; a band parts plans when it is also ``gap_share`` of the larger run
    beside it, so five floors in a row are parted by bands a quarter of one floor
    wide, while a wing 4.5 m beside a 32 m hall stays with it.
    """
    gaps = start[1:] - reach[:-1]
    wide = np.flatnonzero(gaps >= params.min_gap_m)
    bands = []
    for n, k in enumerate(wide):
        first = wide[n - 1] + 1 if n else 0
        last = wide[n + 1] if n + 1 < len(wide) else len(reach) - 1
        beside = max(reach[k] - start[first], reach[last] - start[k + 1])
        if gaps[k] >= params.gap_share * beside:
            bands.append((float(gaps[k]), float(reach[k] + start[k + 1]) / 2.0))
    return bands


def _floor(
    cell: _Cell,
    lo: npt.NDArray[np.float64],
    hi: npt.NDArray[np.float64],
    lengths: npt.NDArray[np.float64],
    labels: Sequence[TextLabel],
    params: FloorParams,
) -> Floor:
    """The floor of one cell: its outline, region and title."""
    low, high = lo[cell.walls].min(axis=0), hi[cell.walls].max(axis=0)
    outline = Extents(float(low[0]), float(low[1]), float(high[0]), float(high[1]))
    margin = max(
        params.margin_m,
        params.margin_share * max(outline.width, outline.height),
    )
    b = cell.bounds
    region = Extents(
        max(outline.min_x - margin, b.min_x),
        max(outline.min_y - margin, b.min_y),
        min(outline.max_x + margin, b.max_x),
        min(outline.max_y + margin, b.max_y),
    )
    title = _title(outline, region, labels)
    return Floor(
        name=title.text.strip() if title else "",
        region=region,
        outline=outline,
        wall_count=len(cell.walls),
        wall_length_m=float(lengths[cell.walls].sum()),
        is_titled=title is not None,
    )


def _title(
    outline: Extents, region: Extents, labels: Sequence[TextLabel]
) -> TextLabel | None:
    """The text that names the floor, if one does.

    Only texts outside the walls count (inside are room names, and room types
    such as "B1" look like levels). A text naming a level wins, then the larger,
    then the nearer; without one, the largest text with a letter in it names the
    floor when it is half as tall again as every text inside the walls (a title, not a
    dimension or a room name) and no other text beside the walls is nearly as
    large (a legend's row of entries is no title).
    """
    near = [t for t in labels if _inside(region, t.position) and t.text.strip()]
    inside = [t for t in near if _inside(outline, t.position)]
    outside = [t for t in near if not _inside(outline, t.position)]
    worded = [t for t in outside if _LEVEL_WORDS.search(t.text)]
    nearest_largest = lambda t: (round(t.height_m, 3), -_distance(outline, t.position))  # noqa: E731
    if worded:
        return max(worded, key=nearest_largest)
    lettered = [t for t in outside if any(c.isalpha() for c in t.text)]
    if not lettered:
        return None
    largest = max(lettered, key=nearest_largest)
    tallest_inside = max((t.height_m for t in inside), default=0.0)
    if largest.height_m <= _TITLE_SIZE * tallest_inside:
        return None
    # A title stands alone in its size; a row of texts as large is a legend.
    rivals = [
        t for t in lettered if t is not largest and t.height_m >= 0.9 * largest.height_m
    ]
    return None if rivals else largest


def _reading_order(floors: list[Floor]) -> list[Floor]:
    """Rows top to bottom (floors whose walls share a band of y), each left to right."""
    rows: list[list[Floor]] = []
    for floor in sorted(floors, key=lambda f: -f.outline.max_y):
        row = rows[-1] if rows else None
        if row is not None and floor.outline.max_y > min(f.outline.min_y for f in row):
            row.append(floor)
        else:
            rows.append([floor])
    return [f for row in rows for f in sorted(row, key=lambda f: f.outline.min_x)]


def _named(floors: list[Floor]) -> tuple[Floor, ...]:
    """Untitled floors numbered in reading order, and no two floors named alike."""
    taken: set[str] = set()
    named = []
    for n, floor in enumerate(floors, start=1):
        base = floor.name or f"Floor {n}"
        name, k = base, 2
        while name.casefold() in taken:
            name, k = f"{base} ({k})", k + 1
        taken.add(name.casefold())
        named.append(replace(floor, name=name))
    return tuple(named)


def _inside(box: Extents, point: tuple[float, float]) -> bool:
    return box.min_x <= point[0] <= box.max_x and box.min_y <= point[1] <= box.max_y


def _distance(box: Extents, point: tuple[float, float]) -> float:
    dx = max(box.min_x - point[0], 0.0, point[0] - box.max_x)
    dy = max(box.min_y - point[1], 0.0, point[1] - box.max_y)
    return math.hypot(dx, dy)


def wall_segments(plan: Plan) -> SegmentArray:
    """Every segment on the plan's wall layers, shape (N, 4), local metres."""
    walls = {info.name for info in plan.layers if info.category is LayerCategory.WALL}
    arrays = [lw.segments for lw in plan.linework if lw.layer in walls]
    if not arrays:
        return np.zeros((0, 4), dtype=np.float64)
    return np.concatenate(arrays)


def plan_floors(plan: Plan, params: FloorParams | None = None) -> tuple[Floor, ...]:
    """The floors of an imported plan, with regions and outlines in drawing units.

    Drawing units (as in CAD, before the unit is applied) are what a sheet keeps
    and the reader cuts by, so a floor stays the same part of the drawing when
    the reviewer corrects the unit.
    """
    floors = find_floors(wall_segments(plan), plan.labels, params)
    return tuple(
        replace(
            f,
            region=_in_drawing_units(plan, f.region),
            outline=_in_drawing_units(plan, f.outline),
        )
        for f in floors
    )


def _in_drawing_units(plan: Plan, box: Extents) -> Extents:
    low = plan.to_drawing_units((box.min_x, box.min_y))
    high = plan.to_drawing_units((box.max_x, box.max_y))
    return Extents(low[0], low[1], high[0], high[1])
