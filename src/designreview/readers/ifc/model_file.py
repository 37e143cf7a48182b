"""Opening an IFC model safely and reading what every storey shares.

Every failure here becomes a :class:`PlanReadError` that says what was wrong and
what to do; the model's length unit becomes metres here and nowhere else.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import ifcopenshell
import ifcopenshell.util.unit

from designreview.model.errors import PlanReadError
from designreview.model.units import LengthUnit

if TYPE_CHECKING:
    from pathlib import Path

MAX_FILE_BYTES = 1024**3
"""Larger files are refused before parsing: a 1 GB model is a whole campus."""
MAX_ELEMENTS = 3_000_000
"""Entity instances; a school model has some hundreds of thousands."""
_SCHEMAS = ("IFC2X3", "IFC4", "IFC4X3")
_UNITS = (
    (1.0, LengthUnit.METRE),
    (0.001, LengthUnit.MILLIMETRE),
    (0.01, LengthUnit.CENTIMETRE),
    (0.3048, LengthUnit.FOOT),
    (0.0254, LengthUnit.INCH),
)


@dataclass(frozen=True, slots=True)
class ModelInfo:
    """What the model says about itself, for every storey's plan."""

    schema: str
    project_guid: str
    project_name: str
    application: str
    metres_per_unit: float
    unit: LengthUnit
    true_north_deg: float | None
    """Clockwise from the plan's up (+y) to true north; None when not given."""


def open_model(path: Path) -> Any:
    """The ifcopenshell file at ``path``, or a PlanReadError saying why not."""
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(4096)
    except FileNotFoundError as exc:
        raise PlanReadError(
            f"The file {path.name} does not exist. Check the path."
        ) from exc
    except OSError as exc:
        raise PlanReadError(f"{path.name} could not be read: {exc.strerror}.") from exc
    if size > MAX_FILE_BYTES:
        raise PlanReadError(
            f"{path.name} is {size / 1024**3:.1f} GB, over the limit of 1 GB for an "
            "IFC model. Export the school's building alone from the BIM tool."
        )
    if not head.lstrip().startswith(b"ISO-10303-21"):
        kind = "an IFC-XML or zipped IFC file" if head[:2] == b"PK" else "no IFC model"
        raise PlanReadError(
            f"{path.name} is {kind} (an IFC file starts with ISO-10303-21). "
            "Export the model as IFC (STEP, .ifc) from the BIM tool."
        )
    try:
        model = ifcopenshell.open(str(path))
    except Exception as exc:  # ifcopenshell raises bare errors for damaged files
        raise PlanReadError(
            f"{path.name} could not be read as an IFC model ({exc}). The file may be "
            "damaged or cut short: export it again from the BIM tool."
        ) from exc
    if model.schema not in _SCHEMAS:
        raise PlanReadError(
            f"{path.name} uses the {model.schema} schema; IFC2X3, IFC4 and IFC4X3 "
            "models can be read. Export it as IFC4 or IFC2x3 from the BIM tool."
        )
    count = int(model.get_max_id())
    if count > MAX_ELEMENTS:
        raise PlanReadError(
            f"{path.name} holds {count:,} entities, over the limit of "
            f"{MAX_ELEMENTS:,}. Export the building alone from the BIM tool."
        )
    if not model.by_type("IfcBuildingStorey"):
        raise PlanReadError(
            f"{path.name} has no storeys (IfcBuildingStorey), so it has no floors to "
            "review. Export the architectural model with its levels."
        )
    return model


def model_info(model: Any) -> ModelInfo:
    """The schema, project, authoring tool, length unit and true north of ``model``."""
    projects = model.by_type("IfcProject")
    project = projects[0] if projects else None
    apps = model.by_type("IfcApplication")
    scale = float(ifcopenshell.util.unit.calculate_unit_scale(model))
    unit = min(_UNITS, key=lambda pair: abs(math.log(pair[0] / scale)))[1]
    return ModelInfo(
        schema=model.schema,
        project_guid=project.GlobalId if project is not None else "",
        project_name=_text(project.LongName or project.Name) if project else "",
        application=_text(apps[0].ApplicationFullName) if apps else "",
        metres_per_unit=scale,
        unit=unit,
        true_north_deg=_true_north(model),
    )


def _true_north(model: Any) -> float | None:
    """The model context's TrueNorth as a bearing from the plan's up, clockwise."""
    for context in model.by_type("IfcGeometricRepresentationContext"):
        if context.is_a("IfcGeometricRepresentationSubContext"):
            continue
        north = getattr(context, "TrueNorth", None)
        if north is None or not north.DirectionRatios:
            continue
        x, y = (float(v) for v in north.DirectionRatios[:2])
        if math.hypot(x, y) < 1e-9:
            continue
        return round(math.degrees(math.atan2(x, y)) % 360.0, 4)
    return None


def _text(value: Any) -> str:
    return str(value).strip() if value else ""
