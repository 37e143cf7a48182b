"""What one entity draws: polylines, text and arcs, in its owner's coordinates.

:func:`shape_of` reads an entity's tags into a :class:`Shape`; the walk places it.
Entity types that only ezdxf can draw raise
:class:`~designreview.readers.dxf.fast.entities.UnsupportedError`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from designreview.readers.dxf.document import ABSURD_UNITS
from designreview.readers.dxf.fast.entities import (
    AbsurdCurveError,
    Record,
    UnsupportedError,
    apply,
    arc_points,
    arc_span,
    bulge_polyline,
    check_curve_size,
    curve_step,
    ellipse_points,
    hatch_ellipse_params,
    ocs_affine,
    spline_points,
)
from designreview.readers.dxf.fast.vertices import polyline_vertices
from designreview.readers.dxf.outline_rings import chained, closes, outer_rings

if TYPE_CHECKING:
    from designreview.readers.dxf.fast.records import Entity
    from designreview.readers.dxf.fast.tags import TagFile

__all__ = ["ArcShape", "Shape", "TextShape", "shape_of"]

NEEDS_EZDXF = frozenset(
    {
        "MULTILEADER", "MLINE", "ACAD_PROXY_ENTITY", "ACAD_TABLE", "MPOLYGON",
        "MESH", "HELIX",
    }
)  # fmt: skip
"""Entities whose geometry only ezdxf can produce: the file is read by ezdxf."""
DRAWN = frozenset(
    {
        "LINE", "ARC", "CIRCLE", "LWPOLYLINE", "POLYLINE", "SOLID", "TRACE",
        "3DFACE", "ELLIPSE", "SPLINE", "HATCH", "TEXT", "ATTRIB", "MTEXT", "LEADER",
    }
)  # fmt: skip
"""The entity types :func:`shape_of` reads; others are counted as not supported."""
BLOCK_DRAWN = frozenset({"DIMENSION", "ARC_DIMENSION", "LARGE_RADIAL_DIMENSION"})
"""Entities drawn by an anonymous block named in their group code 2."""
_POLYFACE_OR_MESH = 16 | 64


@dataclass(slots=True)
class ArcShape:
    """An ARC entity's geometry, for door detection (owner coordinates)."""

    center: tuple[float, float]
    radius: float
    ends: tuple[tuple[float, float], tuple[float, float]]
    mid: tuple[float, float]
    span_deg: float


@dataclass(slots=True)
class TextShape:
    """A text's content, position, height and rotation (owner coordinates)."""

    text: str
    x: float
    y: float
    height: float
    rotation_deg: float


@dataclass(slots=True)
class Shape:
    """What an entity draws."""

    lines: list[np.ndarray] = field(default_factory=list)
    """Polylines, ``(n, 2)`` each."""
    closed: bool = False
    """A polyline flagged closed (a room outline candidate)."""
    outline: np.ndarray | None = None
    """The ring of a closed (or closing) polyline, SPLINE or ELLIPSE, or a hatch's
    first outer boundary (``readers.dxf.outline_rings``)."""
    more_outlines: list[np.ndarray] = field(default_factory=list)
    """A hatch's other outer boundaries."""
    arc: ArcShape | None = None
    text: TextShape | None = None
    curve_size: float = 0.0
    """The larger side of a curve's extent (coarser flattening for huge curves)."""


def shape_of(tags: TagFile, entity: Entity, distance: float) -> Shape:
    """The geometry of ``entity`` with curves flattened to within ``distance``."""
    record, kind = entity.record, entity.record.kind
    if kind == "LINE":
        n = record.number
        line = np.array([[n(tags, 10), n(tags, 20)], [n(tags, 11), n(tags, 21)]])
        return Shape([line])
    if kind in {"ARC", "CIRCLE"}:
        return _arc(tags, record, distance)
    if kind == "LWPOLYLINE":
        return _lwpolyline(tags, record, distance)
    if kind == "POLYLINE":
        return _polyline(tags, entity, distance)
    if kind in {"SOLID", "TRACE", "3DFACE"}:
        return _face(tags, record)
    if kind in {"ELLIPSE", "SPLINE"}:
        shape = (_ellipse if kind == "ELLIPSE" else _spline)(tags, record, distance)
        if shape.lines and closes(shape.lines[0]):
            shape.outline = shape.lines[0]
        return shape
    if kind == "HATCH":
        lines, rings = _hatch_boundaries(tags, record, distance)
        shape = Shape(lines)
        outer = [rings[i] for i in outer_rings(rings)]
        if outer:
            shape.outline, shape.more_outlines = outer[0], outer[1:]
        return shape
    if kind in {"TEXT", "ATTRIB"}:
        return Shape(text=text_shape(tags, record))
    if kind == "MTEXT":
        return Shape(text=_mtext(tags, record))
    if kind == "LEADER":
        return Shape([_vertices(tags, record, 10, 20)])
    raise UnsupportedError(kind)


def _arc(tags: TagFile, record: Record, distance: float) -> Shape:
    n = record.number
    cx, cy, radius = n(tags, 10), n(tags, 20), n(tags, 40)
    start, end = (0.0, 360.0) if record.kind == "CIRCLE" else (n(tags, 50), n(tags, 51))
    span = 360.0 if record.kind == "CIRCLE" else arc_span(start, end)
    if not (math.isfinite(cx) and math.isfinite(cy)):
        raise AbsurdCurveError(cx)
    check_curve_size(2 * radius)
    if radius <= 0:
        return Shape()
    step = curve_step(distance, 2 * radius)
    affine = ocs_affine(record.extrusion(tags))
    points = apply(affine, arc_points(cx, cy, radius, start, span, step))
    shape = Shape([points], curve_size=2 * radius)
    if record.kind == "ARC":
        half = math.radians(start + span / 2)
        mx, my = cx + radius * math.cos(half), cy + radius * math.sin(half)
        middle = apply(affine, np.array([[mx, my]]))
        center = apply(affine, np.array([[cx, cy]]))[0]
        shape.arc = ArcShape(
            (float(center[0]), float(center[1])),
            radius,
            (_pair(points[0]), _pair(points[-1])),
            _pair(middle[0]),
            span,
        )
    return shape


def _lwpolyline(tags: TagFile, record: Record, distance: float) -> Shape:
    codes, values = tags.codes, tags.values
    points: list[tuple[float, float]] = []
    bulges: list[float] = []
    x = 0.0
    for index in range(record.start + 1, record.end):
        code = codes[index]
        if code == 10:
            x = float(values[index])
        elif code == 20:
            points.append((x, float(values[index])))
            bulges.append(0.0)
        elif code == 42 and bulges:
            bulges[-1] = float(values[index])
    closed = bool(record.integer(tags, 70) & 1)
    line = bulge_polyline(points, bulges, closed, distance)
    line = apply(ocs_affine(record.extrusion(tags)), line)
    return _polyline_shape(line, closed, any(bulges))


def _polyline(tags: TagFile, entity: Entity, distance: float) -> Shape:
    record = entity.record
    flags = record.integer(tags, 70)
    if flags & _POLYFACE_OR_MESH:
        raise UnsupportedError("POLYLINE mesh")
    points: list[tuple[float, float]] = []
    bulges: list[float] = []
    if entity.vertices is not None:  # a spline frame's control points are left out
        points, bulges = polyline_vertices(tags, *entity.vertices)
    closed = bool(flags & 1)
    line = bulge_polyline(points, bulges, closed, distance)
    if not flags & 8:  # a 2D polyline lies in its OCS
        line = apply(ocs_affine(record.extrusion(tags)), line)
    return _polyline_shape(line, closed, any(bulges))


def _polyline_shape(line: np.ndarray, closed: bool, curved: bool) -> Shape:
    shape = Shape([line], closed=closed)
    if len(line) and curved:
        span = line.max(axis=0) - line.min(axis=0)
        shape.curve_size = float(span.max())
    closes = len(line) >= 4 and _same_point(line[0].tolist(), line[-1].tolist())
    if closed or closes:
        shape.outline = line
    return shape


def _face(tags: TagFile, record: Record) -> Shape:
    n = record.number
    corners = [(n(tags, 10 + i), n(tags, 20 + i)) for i in range(3)]
    corners.append((n(tags, 13, corners[2][0]), n(tags, 23, corners[2][1])))
    if record.kind != "3DFACE":  # SOLID and TRACE list their corners in a Z
        corners = [corners[0], corners[1], corners[3], corners[2]]
    if corners[-1] == corners[-2]:
        corners.pop()
    line = np.array([*corners, corners[0]], dtype=np.float64)
    if record.kind != "3DFACE":
        line = apply(ocs_affine(record.extrusion(tags)), line)
    return Shape([line])


def _ellipse(tags: TagFile, record: Record, distance: float) -> Shape:
    from ezdxf.math import Vec3

    n = record.number
    center = Vec3(n(tags, 10), n(tags, 20), n(tags, 30))
    major = Vec3(n(tags, 11), n(tags, 21), n(tags, 31))
    ratio = n(tags, 40, 1.0)
    params = (n(tags, 41, 0.0), n(tags, 42, math.tau))
    if not all(map(math.isfinite, center.xyz)):
        raise AbsurdCurveError(center)
    size = check_curve_size(2 * major.magnitude)
    if not (size > 0 and 0 < ratio <= 1):
        return Shape()
    step = curve_step(distance, size)
    line = ellipse_points(center, major, record.extrusion(tags), ratio, params, step)
    return Shape([line], curve_size=size)


def _spline(tags: TagFile, record: Record, distance: float) -> Shape:
    codes, values = tags.codes, tags.values
    knots: list[float] = []
    weights: list[float] = []
    control: list[list[float]] = []
    fit: list[list[float]] = []
    for index in range(record.start + 1, record.end):
        code = codes[index]
        if code == 40:
            knots.append(float(values[index]))
        elif code == 41:
            weights.append(float(values[index]))
        elif code in {10, 20, 30}:
            _collect(control, code - 10, float(values[index]))
        elif code in {11, 21, 31}:
            _collect(fit, code - 11, float(values[index]))
    if not control:  # a curve through fit points: ezdxf interpolates it
        raise UnsupportedError("SPLINE by fit points")
    from ezdxf.math import Vec3

    points = [Vec3(*p) for p in control]
    xs = [p.x for p in points]
    ys = [p.y for p in points]
    size = check_curve_size(max(max(xs) - min(xs), max(ys) - min(ys)))
    degree = record.integer(tags, 71, 3)
    step = curve_step(distance, size)
    try:
        line = spline_points(points, degree, knots, weights, step)
    except Exception as exc:  # ezdxf refuses inconsistent knots: read it with ezdxf
        raise UnsupportedError("SPLINE") from exc
    return Shape([line], curve_size=size)


def _collect(points: list[list[float]], axis: int, value: float) -> None:
    """Group code 10 starts a point; 20 and 30 fill it in."""
    if axis == 0:
        points.append([value, 0.0, 0.0])
    elif points:
        points[-1][axis // 10] = value


def text_shape(tags: TagFile, record: Record) -> TextShape | None:
    """A TEXT or ATTRIB: its insert, or its alignment point when aligned."""
    text = " ".join(record.text(tags, 1).split())
    if not text:
        return None
    n = record.number
    valign_code = 74 if record.kind == "ATTRIB" else 73
    aligned = record.integer(tags, 72) + record.integer(tags, valign_code)
    use = 11 if aligned and 11 in record.first else 10
    if use not in record.first:
        return None
    point = np.array([[n(tags, use), n(tags, use + 10)]])
    affine = ocs_affine(record.extrusion(tags))
    x, y = apply(affine, point)[0]
    rotation = n(tags, 50)
    if affine is not None:
        direction = np.radians(rotation)
        dx, dy = affine[:, :2] @ np.array([math.cos(direction), math.sin(direction)])
        rotation = math.degrees(math.atan2(dy, dx))
    return TextShape(text, float(x), float(y), n(tags, 40, 1.0), rotation)


_MTEXT_CODES = frozenset("\\{}%^")
"""Characters that start MTEXT formatting: inline codes, groups, %%d and ^J."""


def _plain_mtext(raw: str) -> str:
    r"""MTEXT content without its formatting, as ezdxf's ``fast_plain_mtext``.

    Most room labels hold no code but line breaks (``\P``), and are their own plain
    text with the breaks as new lines; only the others need ezdxf (imported then,
    not with the reader: it takes 0.13 s).

    Example:
        >>> _plain_mtext("CLASSROOM 104"), _plain_mtext(r"MAIN\POFFICE")
        ('CLASSROOM 104', 'MAIN\nOFFICE')
        >>> _plain_mtext(r"{\fArial|b1;LAB}\P201")
        'LAB\n201'
    """
    if _MTEXT_CODES.isdisjoint(raw.replace("\\P", "")):
        return raw.replace("\\P", "\n")
    from ezdxf.tools.text import fast_plain_mtext

    return str(fast_plain_mtext(raw, split=False))


def _mtext(tags: TagFile, record: Record) -> TextShape | None:
    chunks = [
        tags.values[index].decode(tags.encoding, errors="replace")
        for index in range(record.start + 1, record.end)
        if tags.codes[index] in {1, 3}  # 250-character pieces (3), then the rest (1)
    ]
    raw = "".join(chunks) if 1 in record.first else ""
    text = " ".join(_plain_mtext(raw).split())
    if "\\U+" in text:
        from ezdxf.lldxf.encoding import decode_dxf_unicode

        text = decode_dxf_unicode(text)
    if not text or 10 not in record.first:
        return None
    n = record.number
    if 11 in record.first:
        rotation = math.degrees(math.atan2(n(tags, 21), n(tags, 11)))
    else:
        rotation = n(tags, 50)
    return TextShape(text, n(tags, 10), n(tags, 20), n(tags, 40, 1.0), rotation)


def _vertices(tags: TagFile, record: Record, x_code: int, y_code: int) -> np.ndarray:
    points: list[list[float]] = []
    for index in range(record.start + 1, record.end):
        code = tags.codes[index]
        if code == x_code:
            points.append([float(tags.values[index]), 0.0])
        elif code == y_code and points:
            points[-1][1] = float(tags.values[index])
    return np.array(points, dtype=np.float64).reshape(-1, 2)


def _hatch_boundaries(
    tags: TagFile, record: Record, distance: float
) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """The boundary paths of a HATCH (its pattern is decoration), and its rings.

    A ring is a boundary that closes: a closed polyline path, or edges that join
    end to start (``outline_rings.chained``); a boundary that does not has an
    empty ring, so that rings and boundaries stay in step.
    """
    cursor = _Cursor(tags, record.first.get(91, record.end), record.end)
    count = cursor.integer(91)
    affine = ocs_affine(record.extrusion(tags))
    paths: list[np.ndarray] = []
    rings: list[np.ndarray] = []
    for _ in range(count):
        flags = cursor.integer(92)
        ring: np.ndarray | None
        if flags & 2:
            lines = [_hatch_polyline(cursor, distance)]
            ring = lines[0]
        else:
            lines = _hatch_edges(cursor, distance)
            ring = chained(lines)
        cursor.skip_sources()
        paths += [apply(affine, line) for line in lines if len(line) >= 2]
        rings.append(np.empty((0, 2)) if ring is None else apply(affine, ring))
    return paths, rings


def _hatch_polyline(cursor: _Cursor, distance: float) -> np.ndarray:
    has_bulge = cursor.integer(72)
    closed = bool(cursor.integer(73))
    points: list[tuple[float, float]] = []
    bulges: list[float] = []
    for _ in range(cursor.integer(93)):
        points.append((cursor.number(10), cursor.number(20)))
        bulges.append(cursor.number(42) if has_bulge and cursor.peek() == 42 else 0.0)
    return bulge_polyline(points, bulges, closed, distance)


def _hatch_edges(cursor: _Cursor, distance: float) -> list[np.ndarray]:
    """Each edge on its own: edges need not be stored end to end."""
    pieces: list[np.ndarray] = []
    for _ in range(cursor.integer(93)):
        kind = cursor.integer(72)
        if kind == 1:
            line = [cursor.number(code) for code in (10, 20, 11, 21)]
            pieces.append(np.array(line).reshape(2, 2))
        elif kind == 2:
            cx, cy, radius = cursor.number(10), cursor.number(20), cursor.number(40)
            start, end, ccw = cursor.number(50), cursor.number(51), cursor.integer(73)
            if not ccw:
                start, end = 360.0 - end, 360.0 - start
            if radius > 0 and math.isfinite(radius):
                step = curve_step(distance, 2 * radius)
                span = 360.0 if abs(end - start) >= 360.0 else arc_span(start, end)
                pieces.append(arc_points(cx, cy, radius, start, span, step))
        elif kind == 3:
            from ezdxf.math import Vec3

            center = Vec3(cursor.number(10), cursor.number(20))
            major = Vec3(cursor.number(11), cursor.number(21))
            ratio, start, end = cursor.number(40), cursor.number(50), cursor.number(51)
            params = hatch_ellipse_params(ratio, start, end, bool(cursor.integer(73)))
            size = 2 * major.magnitude
            if 0 < size < ABSURD_UNITS and 0 < ratio <= 1:
                step = curve_step(distance, size)
                pieces.append(
                    ellipse_points(center, major, (0, 0, 1), ratio, params, step)
                )
        else:
            raise UnsupportedError("HATCH spline edge")
    return pieces


class _Cursor:
    """Reads a hatch's boundary data tag by tag, in file order."""

    def __init__(self, tags: TagFile, index: int, end: int) -> None:
        self.tags, self.index, self.end = tags, index, end

    def peek(self) -> int:
        return self.tags.codes[self.index] if self.index < self.end else -1

    def _take(self, code: int) -> bytes:
        if self.peek() != code:
            raise UnsupportedError(f"HATCH layout (expected {code})")
        value = self.tags.values[self.index]
        self.index += 1
        return value

    def number(self, code: int) -> float:
        return float(self._take(code))

    def integer(self, code: int) -> int:
        return int(self._take(code))

    def skip_sources(self) -> None:
        """The handles of the entities a boundary was picked from."""
        if self.peek() == 97:
            self.index += 1  # the count may lie: skip the handles that are there
            while self.peek() == 330:
                self.index += 1


def _same_point(first: list[float], last: list[float]) -> bool:
    """Equal within floating-point noise (``Vec3.isclose``, as the ezdxf walk)."""
    return all(
        math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)
        for a, b in zip(first, last, strict=True)
    )


def _pair(point: np.ndarray) -> tuple[float, float]:
    return (float(point[0]), float(point[1]))
