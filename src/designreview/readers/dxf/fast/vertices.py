"""The VERTEX records of old-style POLYLINEs, read for the whole file at once.

R12 plans draw with POLYLINEs, each followed by its VERTEX records: the Media Lab
plan has 3,185 polylines with 14,846 vertices. Reading each vertex as a record of
its own was most of that plan's walk. Here the x, y, bulge and flags of every
VERTEX in the file are read with numpy in one go; a polyline takes its rows.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from designreview.readers.dxf.fast.entities import UnsupportedError

if TYPE_CHECKING:
    from designreview.readers.dxf.fast.tags import TagFile

__all__ = ["VertexRows", "polyline_vertices", "vertex_rows"]

_VERTEX = b"VERTEX"
_SPLINE_FRAME = 16
"""VERTEX flag: a spline frame's control point, not on the curve."""


@dataclass(frozen=True, slots=True)
class VertexRows:
    """Columns of every VERTEX record in file order; row ``i`` starts at ``starts[i]``.

    A code a vertex lacks reads 0, as ``Record.number`` has it; the first of a
    repeated code counts. ``readable[i]`` is False where x, y or bulge of row ``i``
    is no number, ``flags_readable[i]`` where its flags are not. Plain lists: a
    polyline takes a few rows, and slicing lists is cheaper than numpy for that.
    """

    starts: list[int]
    x: list[float]
    y: list[float]
    bulge: list[float]
    flags: list[int]
    readable: list[bool]
    flags_readable: list[bool]


def vertex_rows(tags: TagFile) -> VertexRows:
    """The file's VERTEX columns, read on first use and kept with the tags."""
    if tags.vertex_rows is None:
        tags.vertex_rows = _read_rows(tags)
    rows: VertexRows = tags.vertex_rows
    return rows


def polyline_vertices(
    tags: TagFile, first: int, last: int, count: int
) -> tuple[list[tuple[float, float]], list[float]]:
    """The points and bulges of a POLYLINE's ``count`` vertices on the curve.

    ``first`` and ``last`` are the ``0`` tags of its first and last VERTEX.

    Raises:
        ValueError: a vertex value is no number (the polyline is unreadable).
        UnsupportedError: the vertices do not follow each other in the file.
    """
    rows = vertex_rows(tags)
    begin = bisect_left(rows.starts, first)
    end = begin + count
    if end > len(rows.starts) or rows.starts[end - 1] != last:
        raise UnsupportedError("a POLYLINE whose vertices are apart")
    if not all(rows.flags_readable[begin:end]):
        raise ValueError("a vertex flag is no number")
    flags = rows.flags[begin:end]
    if any(flag & _SPLINE_FRAME for flag in flags):  # frame points are not drawn
        on = [i for i, flag in enumerate(flags, begin) if not flag & _SPLINE_FRAME]
    else:
        on = list(range(begin, end))
    if not all(rows.readable[i] for i in on):
        raise ValueError("a vertex value is no number")
    x, y, bulge = rows.x, rows.y, rows.bulge
    return [(x[i], y[i]) for i in on], [bulge[i] for i in on]


def _read_rows(tags: TagFile) -> VertexRows:
    codes, values = tags.code_array, tags.values
    zeros = np.flatnonzero(codes == 0)
    is_vertex = np.array([values[i].strip() == _VERTEX for i in zeros.tolist()])
    starts = zeros[is_vertex] if len(zeros) else zeros
    row_of_record = np.cumsum(is_vertex) - 1  # valid where is_vertex
    readable = np.ones((4, len(starts)), dtype=bool)
    columns = []
    for k, (code, parse) in enumerate(
        ((10, float), (20, float), (42, float), (70, int))
    ):
        at = np.flatnonzero(codes == code)
        record = np.searchsorted(zeros, at, side="right") - 1
        keep = record >= 0
        at, record = at[keep], record[keep]
        keep = is_vertex[record]
        at, row = at[keep], row_of_record[record[keep]]
        first = np.full(len(starts), -1, dtype=np.int64)
        first[row[::-1]] = at[::-1]  # the last write is each row's first tag
        column = np.zeros(len(starts), dtype=np.float64 if parse is float else np.int64)
        present = np.flatnonzero(first >= 0)
        raw = [values[i] for i in first[present].tolist()]
        try:
            column[present] = list(map(parse, raw))
        except ValueError:  # rare: find which
            for index, text in zip(present.tolist(), raw, strict=True):
                try:
                    column[index] = parse(text)
                except ValueError:
                    readable[k, index] = False
        columns.append(column)
    x, y, bulge, flags = columns
    values_ok: list[bool] = np.all(readable[:3], axis=0).tolist()
    flags_ok: list[bool] = readable[3].tolist()
    return VertexRows(
        starts.tolist(),
        x.tolist(),
        y.tolist(),
        bulge.tolist(),
        flags.astype(np.int64).tolist(),
        values_ok,
        flags_ok,
    )
