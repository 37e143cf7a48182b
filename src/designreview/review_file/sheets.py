"""Sheets: drawings inside a review, and the plans derived from their embedded bytes."""

from __future__ import annotations

import hashlib
import tempfile
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from designreview.model.errors import PlanReadError
from designreview.model.ids import ReviewId, SheetId, new_id
from designreview.model.review import Review, Sheet, SourceFile
from designreview.readers.dxf.read import ImportOptions, read_dxf, read_dxf_regions
from designreview.readers.ifc.cut import DEFAULT_CUT_M
from designreview.readers.ifc.read import (
    IfcOptions,
    default_storey,
    ifc_storeys,
    is_ifc,
    read_ifc,
    read_ifc_storeys,
)
from designreview.recognition.floors import plan_floors
from designreview.recognition.layers.roles import LayerRoles

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from designreview.model.geometry import Extents
    from designreview.model.plan import Plan
    from designreview.readers.dxf.walk import CancelCheck, ProgressReport
    from designreview.recognition.floors import Floor


def source_from_path(path: Path) -> SourceFile:
    """The bytes of a drawing file, to embed in a review."""
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise PlanReadError(
            f"The file {path.name} does not exist. Check the path."
        ) from exc
    except OSError as exc:
        raise PlanReadError(f"{path.name} could not be read: {exc.strerror}.") from exc
    return SourceFile(path.name, hashlib.sha256(data).hexdigest(), data)


def add_drawing(
    review: Review,
    path: Path,
    cancelled: CancelCheck | None = None,
    progress: ProgressReport | None = None,
) -> tuple[Sheet, SourceFile, Plan]:
    """A new sheet for the drawing at ``path``, checked by importing it once."""
    source = source_from_path(path)
    if is_ifc(path):
        plan = read_ifc(path, None, None, cancelled, progress, sha256=source.sha256)
        storey = plan.bim.storey_guid if plan.bim is not None else None
        name = plan.bim.storey_name if plan.bim is not None else ""
        sheet = Sheet(
            id=SheetId(new_id()),
            name=_unique(name, {s.name for s in review.sheets})
            if name
            else _sheet_name(path, review),
            source_name=source.name,
            source_sha256=source.sha256,
            level=len(review.sheets),
            storey=storey,
        )
        return sheet, source, plan
    plan = read_dxf(path, cancelled=cancelled, progress=progress)
    sheet = Sheet(
        id=SheetId(new_id()),
        name=_sheet_name(path, review),
        source_name=source.name,
        source_sha256=source.sha256,
        level=len(review.sheets),
    )
    return sheet, source, plan


def plan_for_sheet(
    review: Review,
    sheet: Sheet,
    cancelled: CancelCheck | None = None,
    progress: ProgressReport | None = None,
) -> Plan:
    """The plan of ``sheet``, imported from the drawing embedded in ``review``.

    The sheet's unit corrections, layout, region and layer corrections are applied.
    A scale calibrated by two points (``scale_override_m``) wins over a named unit
    (``unit_override``): the importer reads the drawing at the calibrated scale and
    uses the unit only to choose how lengths are written. Layer corrections reach
    detection too: a layer corrected to ``door`` gives doors, one corrected away
    from ``room`` gives no rooms; a way of finding doors switched off finds none.
    A sheet with a region (one floor of several) holds only what lies in it.
    """
    return _read_sheets(review, (sheet,), cancelled, progress)[0]


def _read_sheets(
    review: Review,
    sheets: Sequence[Sheet],
    cancelled: CancelCheck | None,
    progress: ProgressReport | None,
) -> tuple[Plan, ...]:
    """Plans of sheets that read one drawing the same way but for their regions."""
    sheet = sheets[0]
    source = review.source(sheet.source_sha256)
    if source is None:
        raise PlanReadError(
            f"The drawing of sheet {sheet.name!r} ({sheet.source_name}) is missing "
            "from the review. Add the drawing again as a new sheet."
        )
    if Path(sheet.source_name).suffix.lower() == ".ifc":
        return _read_storeys(source, sheets, cancelled, progress)
    options = ImportOptions(
        layout=sheet.layout,
        unit=sheet.unit_override,
        scale_to_m=sheet.scale_override_m,
        roles=LayerRoles.of(sheet.layer_overrides, sheet.door_methods_off),
    )
    # The temporary name never comes from the file's content: a suffix of 300
    # characters would be a name the file system refuses.
    suffix = Path(sheet.source_name).suffix.lower()
    suffix = suffix if suffix in _DRAWING_SUFFIXES else ".dxf"
    regions = tuple(s.region for s in sheets)
    # A private folder: nothing else in it can pass for one of the drawing's XREFs.
    with tempfile.TemporaryDirectory(prefix="designreview-") as folder:
        temp = Path(folder) / f"sheet{suffix}"
        temp.write_bytes(source.data)
        plans = read_dxf_regions(temp, regions, options, cancelled, progress)
    return tuple(
        replace(plan, source_name=s.source_name)
        for plan, s in zip(plans, sheets, strict=True)
    )


_DRAWING_SUFFIXES = frozenset({".dxf", ".dwg", ".ifc"})


def _read_storeys(
    source: SourceFile,
    sheets: Sequence[Sheet],
    cancelled: CancelCheck | None,
    progress: ProgressReport | None,
) -> tuple[Plan, ...]:
    """Plans of sheets that show storeys of one embedded IFC model, cut once."""
    options = IfcOptions(cut_height_m=sheets[0].cut_height_m or DEFAULT_CUT_M)
    with tempfile.TemporaryDirectory(prefix="designreview-") as folder:
        temp = Path(folder) / "sheet.ifc"
        temp.write_bytes(source.data)
        return read_ifc_storeys(
            temp,
            [s.storey for s in sheets],
            options,
            cancelled,
            progress,
            sha256=source.sha256,
            source_name=sheets[0].source_name,
        )


def plans_for_sheets(
    review: Review,
    cancelled: CancelCheck | None = None,
    progress: ProgressReport | None = None,
    *,
    known: Mapping[str, Plan] | None = None,
    reading: ImportStarted | None = None,
) -> dict[SheetId, Plan]:
    """The plan of every sheet, each drawing imported once however many sheets use it.

    Sheets that read the same embedded drawing the same way (same layout, units and
    layer corrections) share one import: a review of 40 sheets over one drawing
    imports it once, not 40 times. Floors of one drawing (sheets that differ only
    in their region) share the reading of the file, and each gets its own walls,
    doors and rooms. The plans in ``known`` (by sheet id: the app's sheets already
    loaded) are used as they are, and for every sheet read the same way.
    ``progress`` hears the share of all the imports done, and ``reading`` is told
    before each import which sheet it reads, its number and how many imports
    there are.
    """
    known = known or {}
    done: dict[tuple[Sheet, _Part], Plan] = {}
    for sheet in review.sheets:
        if sheet.id in known:
            done.setdefault((_import_key(sheet), _part(sheet)), known[sheet.id])
    groups: dict[Sheet, dict[_Part, list[Sheet]]] = {}
    for sheet in review.sheets:
        key = _import_key(sheet)
        if sheet.id not in known and (key, _part(sheet)) not in done:
            groups.setdefault(key, {}).setdefault(_part(sheet), []).append(sheet)
    for number, (key, by_region) in enumerate(groups.items()):
        firsts = [same[0] for same in by_region.values()]
        if reading is not None:
            reading(firsts[0], number, len(groups))
        share = _share_of(progress, number, len(groups))
        read = _read_sheets(review, firsts, cancelled, share)
        for plan, region in zip(read, by_region, strict=True):
            done[(key, region)] = plan
    return {
        sheet.id: known[sheet.id]
        if sheet.id in known
        else replace(
            done[(_import_key(sheet), _part(sheet))], source_name=sheet.source_name
        )
        for sheet in review.sheets
    }


_Part = tuple["Extents | None", str | None]
"""What sheets reading one file the same way differ in: a region, or a storey."""


def _part(sheet: Sheet) -> _Part:
    return (sheet.region, sheet.storey)


ImportStarted = Callable[[Sheet, int, int], None]
"""Told the sheet an import reads, its number (from 0) and the number of imports."""


def _share_of(
    progress: ProgressReport | None, number: int, count: int
) -> ProgressReport | None:
    """One import's progress as a share of all ``count`` imports."""
    if progress is None:
        return None
    report = progress
    return lambda share: report((number + share) / count)


def _import_key(sheet: Sheet) -> Sheet:
    """The sheet with only what reading its file depends on (frozen, so hashable)."""
    return replace(
        sheet,
        id=SheetId(""),
        name="",
        source_name="",
        level=0,
        sensitive_layers=(),
        region=None,
        storey=None,
        revision=None,
    )


def floor_sheets(
    review: Review, sheet: Sheet, floors: Sequence[Floor]
) -> tuple[Sheet, ...]:
    """One sheet per floor of ``sheet``'s drawing, named from the floors, in order.

    Each reads the same drawing as ``sheet`` (its unit and layer corrections too)
    but only the floor's region; levels follow the floors' order from
    ``sheet.level``, and names already taken in ``review`` get a number.
    """
    return _sheets_from(
        review, sheet, [(floor.name, {"region": floor.region}) for floor in floors]
    )


def storey_sheets(
    review: Review, sheet: Sheet, storeys: Sequence[tuple[str, str]]
) -> tuple[Sheet, ...]:
    """One sheet per storey of ``sheet``'s IFC model: (GlobalId, sheet name) pairs."""
    return _sheets_from(
        review, sheet, [(name, {"storey": guid}) for guid, name in storeys]
    )


def layout_sheets(
    review: Review, sheet: Sheet, layouts: Sequence[tuple[str, str]]
) -> tuple[Sheet, ...]:
    """One sheet per paper-space layout of ``sheet``'s drawing, in order.

    ``layouts`` pairs each layout with the sheet's name; when the floors of a
    drawing are its layouts, each floor reads its own.
    """
    return _sheets_from(
        review, sheet, [(name, {"layout": layout}) for layout, name in layouts]
    )


def _sheets_from(
    review: Review, sheet: Sheet, variants: Sequence[tuple[str, dict[str, Any]]]
) -> tuple[Sheet, ...]:
    """Sheets like ``sheet`` with each variant's changes, new ids and free names.

    Levels follow the variants' order from ``sheet.level``; a name already taken
    in ``review`` (or by an earlier variant) gets a number.
    """
    taken = {s.name for s in review.sheets}
    sheets = []
    for n, (name, changes) in enumerate(variants):
        unique = _unique(name, taken)
        taken.add(unique)
        sheet_id = SheetId(new_id())
        level = sheet.level + n
        sheets.append(replace(sheet, id=sheet_id, name=unique, level=level, **changes))
    return tuple(sheets)


def new_review(
    paths: list[Path],
    created_by: str = "",
    created_at: str = "",
    split_floors: bool = False,
) -> Review:
    """A review with one sheet per drawing, with the importer's guesses.

    With ``split_floors``, a drawing with several floors side by side gets one
    sheet per floor (named from the floors' titles) instead of one for all.
    """
    review = Review(id=ReviewId(new_id()), created_by=created_by, created_at=created_at)
    for path in paths:
        if is_ifc(path):
            review = _with_model(review, path)
            continue
        sheet, source, plan = add_drawing(review, path)
        sources = review.sources
        if review.source(source.sha256) is None:
            sources = (*sources, source)
        floors = plan_floors(plan) if split_floors else ()
        if len(floors) > 1:
            for floor_sheet in floor_sheets(review, sheet, floors):
                review = review.with_sheet(floor_sheet)
        else:
            review = review.with_sheet(sheet)
        review = replace(review, sources=sources)
    return review


def _with_model(review: Review, path: Path) -> Review:
    """``review`` with a sheet per floor storey of the IFC model at ``path``.

    A model's storeys are stated, not guessed: every floor becomes a sheet, and
    pseudo-storeys (foundation, roof) are left out. Nothing is cut here: the plans
    are read when the sheets are, all storeys in one geometry pass.
    """
    source = source_from_path(path)
    storeys = ifc_storeys(path, sha256=source.sha256)
    floors = [s for s in storeys if s.is_floor] or [default_storey(storeys)]
    taken = {s.name for s in review.sheets}
    for storey in floors:
        name = _unique(storey.name, taken)
        taken.add(name)
        sheet = Sheet(
            id=SheetId(new_id()),
            name=name,
            source_name=source.name,
            source_sha256=source.sha256,
            level=len(review.sheets),
            storey=storey.guid,
        )
        review = review.with_sheet(sheet)
    if review.source(source.sha256) is None:
        review = replace(review, sources=(*review.sources, source))
    return review


def _sheet_name(path: Path, review: Review) -> str:
    base = path.stem.replace("_", " ").strip() or "Sheet"
    return _unique(base, {sheet.name for sheet in review.sheets})


def _unique(base: str, taken: set[str]) -> str:
    name, n = base, 2
    while name in taken:
        name, n = f"{base} ({n})", n + 1
    return name
