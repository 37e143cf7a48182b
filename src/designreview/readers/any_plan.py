"""One door for every drawing file: a DXF drawing or an IFC model, by its suffix."""

from __future__ import annotations

from typing import TYPE_CHECKING

from designreview.readers.dxf.read import read_dxf
from designreview.readers.ifc.read import is_ifc, read_ifc

if TYPE_CHECKING:
    from pathlib import Path

    from designreview.model.plan import Plan
    from designreview.readers.dxf.walk import CancelCheck, ProgressReport


def read_plan(
    path: Path,
    cancelled: CancelCheck | None = None,
    progress: ProgressReport | None = None,
) -> Plan:
    """The plan of ``path``: a DXF drawing, or an IFC model's ground floor."""
    if is_ifc(path):
        return read_ifc(path, cancelled=cancelled, progress=progress)
    return read_dxf(path, cancelled=cancelled, progress=progress)
