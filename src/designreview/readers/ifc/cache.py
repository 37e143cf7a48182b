"""Cut storeys kept per model file, so a model opened again skips ifcopenshell.

Opening a 14 MB model and cutting a storey takes seconds; reading its cut back
takes milliseconds. Entries are JSON (never pickles: a cache file must not be able
to run code), named by the file's SHA-256, this reader's version and the cut
height, in the user's cache folder. A damaged entry is ignored and rewritten.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

import numpy as np

from designreview.model.bim import BimElement
from designreview.model.units import LengthUnit
from designreview.readers.cache_folder import cache_folder
from designreview.readers.ifc.cut import SpaceRecord, StoreyCut
from designreview.readers.ifc.doors import DoorFrame, DoorRecord
from designreview.readers.ifc.model_file import ModelInfo
from designreview.readers.ifc.storeys import Storey

if TYPE_CHECKING:
    from pathlib import Path

CUT_VERSION = 5
"""Raised whenever the cut changes, so that old entries are not read."""


class CutCache:
    """The cached cuts of one model file at one cut height."""

    def __init__(self, sha256: str, cut_height_m: float, folder: Path | None = None):
        """The entry of the file with digest ``sha256`` (in ``folder``, if given)."""
        base = folder if folder is not None else cache_folder() / "ifc"
        self.path = (
            base / f"{sha256}.v{CUT_VERSION}.{round(cut_height_m * 1000)}mm.json"
        )
        self._data: dict[str, Any] | None = None

    def load(self) -> tuple[ModelInfo, tuple[Storey, ...], dict[str, StoreyCut]] | None:
        """The model's info, storeys and cut storeys, or None when not cached."""
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            info = _info(data["info"])
            storeys = tuple(Storey(**row) for row in data["storeys"])
            by_guid = {s.guid: s for s in storeys}
            cuts = {
                guid: _cut(row, by_guid[guid]) for guid, row in data["cuts"].items()
            }
        except (OSError, ValueError, KeyError, TypeError):
            return None
        self._data = data
        return info, storeys, cuts

    def save(
        self, info: ModelInfo, storeys: tuple[Storey, ...], cuts: dict[str, StoreyCut]
    ) -> None:
        """Keep ``cuts`` with those already kept.

        A cache that cannot be written is skipped: the import does not fail for it.
        """
        known = dict((self._data or {}).get("cuts", {}))
        known.update({guid: _cut_json(cut) for guid, cut in cuts.items()})
        data = {
            "info": {**asdict(info), "unit": info.unit.name},
            "storeys": [asdict(s) for s in storeys],
            "cuts": known,
        }
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle, temp = tempfile.mkstemp(dir=self.path.parent, suffix=".tmp")
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump(data, out)
            os.replace(temp, self.path)
            self._data = data
        except OSError:
            return


def _info(row: dict[str, Any]) -> ModelInfo:
    return ModelInfo(**{**row, "unit": LengthUnit[row["unit"]]})


def _cut_json(cut: StoreyCut) -> dict[str, Any]:
    return {
        "cut_height_m": cut.cut_height_m,
        "walls": cut.walls.tolist(),
        "columns": cut.columns.tolist(),
        "windows": cut.windows.tolist(),
        "stairs": cut.stairs.tolist(),
        "doors": [asdict(d) for d in cut.doors],
        "spaces": [asdict(s) for s in cut.spaces],
        "elements": [asdict(e) for e in cut.elements],
        "warnings": list(cut.warnings),
    }


def _segments(rows: list[list[float]]) -> Any:
    array = np.asarray(rows, dtype=np.float64).reshape(-1, 4)
    if not np.isfinite(array).all():
        raise ValueError("not finite")
    return array


def _cut(row: dict[str, Any], storey: Storey) -> StoreyCut:
    doors = []
    for door in row["doors"]:
        frame = door.pop("frame")
        doors.append(
            DoorRecord(
                **door,
                frame=DoorFrame(
                    tuple(frame["start"]),
                    tuple(frame["end"]),
                    tuple(frame["swing"]),
                    tuple(frame["depth"]),
                ),
            )
        )
    spaces = [
        SpaceRecord(
            **{
                **s,
                "outline": tuple(tuple(p) for p in s["outline"]),
                "zones": tuple(s["zones"]),
            }
        )
        for s in row["spaces"]
    ]
    return StoreyCut(
        storey=storey,
        cut_height_m=float(row["cut_height_m"]),
        walls=_segments(row["walls"]),
        columns=_segments(row["columns"]),
        windows=_segments(row["windows"]),
        stairs=_segments(row["stairs"]),
        doors=tuple(doors),
        spaces=tuple(spaces),
        elements=tuple(BimElement(**e) for e in row["elements"]),
        warnings=tuple(row["warnings"]),
    )
