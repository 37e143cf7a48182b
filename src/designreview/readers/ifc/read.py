"""Reading storeys of an IFC model into plans: the IFC counterpart of ``read_dxf``.

One geometry pass serves every storey asked for; cut storeys are cached by the
file's SHA-256, so opening the model again (or the review that embeds it) takes
no ifcopenshell work at all.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import ifcopenshell

from designreview.model.errors import PlanReadError
from designreview.readers.dxf.walk import (
    CancelCheck,
    ImportCancelledError,
    ProgressReport,
)
from designreview.readers.ifc.cache import CutCache
from designreview.readers.ifc.cut import (
    DEFAULT_CUT_M,
    StoreyCut,
    cut_storey,
    needed_elements,
)
from designreview.readers.ifc.extrusions import analytic_meshes
from designreview.readers.ifc.meshes import element_meshes
from designreview.readers.ifc.model_file import ModelInfo, model_info, open_model
from designreview.readers.ifc.placements import Placements
from designreview.readers.ifc.plan import storey_plan
from designreview.readers.ifc.storeys import Storey, list_storeys

if TYPE_CHECKING:
    from collections.abc import Sequence

    from designreview.model.plan import Plan

READER = f"IFC reader (ifcopenshell {ifcopenshell.version})"
_OPEN_SHARE = 0.15
"""Of the progress bar: parsing the model, which reports nothing while it runs."""


@dataclass(frozen=True, slots=True)
class IfcOptions:
    """Choices the user can make about reading a model."""

    cut_height_m: float = DEFAULT_CUT_M
    timeout_s: float = 120.0
    use_cache: bool = True
    cache_folder: Path | None = None
    """Where cut storeys are kept; None is the user's cache folder."""


def is_ifc(path: Path) -> bool:
    """Whether ``path`` names an IFC model (by its suffix, as file dialogs do)."""
    return path.suffix.lower() == ".ifc"


def ifc_storeys(
    path: Path, options: IfcOptions | None = None, sha256: str = ""
) -> tuple[Storey, ...]:
    """The storeys of the model at ``path``, in elevation order (pseudo-storeys too)."""
    options = options or IfcOptions()
    digest = sha256 or _digest(path)
    cache = (
        CutCache(digest, options.cut_height_m, options.cache_folder)
        if options.use_cache
        else None
    )
    cached = cache.load() if cache is not None else None
    if cached is not None:
        return cached[1]
    model = open_model(path)
    info = model_info(model)
    storeys = tuple(s for s, _ in list_storeys(model, info.metres_per_unit))
    if cache is not None:
        cache.save(info, storeys, {})
    return storeys


def default_storey(storeys: Sequence[Storey]) -> Storey:
    """The storey a model opens on: the floor nearest ground level."""
    floors = [s for s in storeys if s.is_floor] or list(storeys)
    return min(floors, key=lambda s: (abs(s.elevation_m), s.elevation_m))


def read_ifc(
    path: Path,
    storey: str | None = None,
    options: IfcOptions | None = None,
    cancelled: CancelCheck | None = None,
    progress: ProgressReport | None = None,
    sha256: str = "",
) -> Plan:
    """The plan of one storey (GlobalId or name; None: the ground floor)."""
    return read_ifc_storeys(path, (storey,), options, cancelled, progress, sha256)[0]


def read_ifc_storeys(
    path: Path,
    storeys: Sequence[str | None],
    options: IfcOptions | None = None,
    cancelled: CancelCheck | None = None,
    progress: ProgressReport | None = None,
    sha256: str = "",
    source_name: str = "",
) -> tuple[Plan, ...]:
    """Plans of several storeys of one model, cut in one geometry pass."""
    options = options or IfcOptions()
    name = source_name or path.name
    digest = sha256 or _digest(path)
    cache = (
        CutCache(digest, options.cut_height_m, options.cache_folder)
        if options.use_cache
        else None
    )
    cached = cache.load() if cache is not None else None
    if cached is not None:
        info, known, cuts = cached
        chosen = [_pick(known, wanted, name) for wanted in storeys]
        if all(s.guid in cuts for s in chosen):
            return tuple(
                storey_plan(cuts[s.guid], info, name, READER, known) for s in chosen
            )
    try:
        info, all_storeys, new_cuts = _cut_model(
            path, storeys, options, cancelled, progress, name
        )
    except (PlanReadError, ImportCancelledError):
        raise
    except Exception as exc:  # a damaged model can make ifcopenshell fail anywhere
        raise PlanReadError(
            f"{name} could not be imported ({type(exc).__name__}: {exc}). The model "
            "may be damaged: export it again from the BIM tool."
        ) from exc
    if cache is not None:
        cache.save(info, all_storeys, new_cuts)
    chosen = [_pick(all_storeys, wanted, name) for wanted in storeys]
    return tuple(
        storey_plan(new_cuts[s.guid], info, name, READER, all_storeys) for s in chosen
    )


def _cut_model(
    path: Path,
    storeys: Sequence[str | None],
    options: IfcOptions,
    cancelled: CancelCheck | None,
    progress: ProgressReport | None,
    name: str,
) -> tuple[ModelInfo, tuple[Storey, ...], dict[str, StoreyCut]]:
    model = open_model(path)
    if progress is not None:
        progress(_OPEN_SHARE)
    info = model_info(model)
    rows = list_storeys(model, info.metres_per_unit)
    all_storeys = tuple(s for s, _ in rows)
    wanted = {_pick(all_storeys, w, name).guid for w in storeys}
    chosen = [(s, e) for s, e in rows if s.guid in wanted]
    elements: dict[int, Any] = {}
    for _, found in chosen:
        elements.update({e.id(): e for e in needed_elements(found)})
    report = None
    if progress is not None:
        done = progress
        report = lambda share: done(_OPEN_SHARE + (1 - _OPEN_SHARE) * 0.95 * share)  # noqa: E731
    placements = Placements()
    meshes, rest = analytic_meshes(
        list(elements.values()), info.metres_per_unit, placements
    )
    meshes |= element_meshes(
        model,
        rest,
        cancelled=cancelled,
        progress=report,
        timeout_s=options.timeout_s,
        name=name,
    )
    cuts = {
        s.guid: cut_storey(
            s, found, meshes, info.metres_per_unit, options.cut_height_m, placements
        )
        for s, found in chosen
    }
    if progress is not None:
        progress(1.0)
    return info, all_storeys, cuts


def _pick(storeys: Sequence[Storey], wanted: str | None, name: str) -> Storey:
    """The storey named by GlobalId or name; the ground floor for None."""
    if wanted is None:
        return default_storey(storeys)
    for storey in storeys:
        if wanted in (storey.guid, storey.name):
            return storey
    listed = ", ".join(s.name for s in storeys)
    raise PlanReadError(
        f"{name} has no storey {wanted!r}; its storeys are {listed}. Pick one of them."
    )


def _digest(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError as exc:
        raise PlanReadError(f"{path.name} could not be read: {exc.strerror}.") from exc
