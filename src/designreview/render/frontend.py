"""Turning a plan into primitives, deciding once what screen and paper both draw."""

from __future__ import annotations

from designreview.model.plan import LayerCategory, Plan
from designreview.render.primitives import Primitive, SegmentBatch, TextPrimitive
from designreview.render.style import Theme, label_color, layer_style


def plan_primitives(plan: Plan, theme: Theme = Theme.LIGHT) -> list[Primitive]:
    """The drawing of ``plan``: one segment batch per layer, then its texts.

    Each primitive's ``source_id`` is its layer name, so a viewer can hide a layer.

    Example:
        >>> import numpy as np
        >>> from designreview.model.geometry import Extents
        >>> from designreview.model.plan import LayerInfo, Linework, TextLabel
        >>> from designreview.model.units import LengthUnit
        >>> plan = Plan("p", "AC1027", LengthUnit.METRE, 1.0, (0.0, 0.0),
        ...     Extents(0, 0, 4, 3), (LayerInfo("A-WALL", LayerCategory.WALL, 1),),
        ...     (Linework("A-WALL", np.array([[0.0, 0.0, 4.0, 0.0]])),),
        ...     (TextLabel("OFFICE", (1.0, 1.0), 0.3, 0.0, "A-WALL"),))
        >>> [type(p).__name__ for p in plan_primitives(plan)]
        ['SegmentBatch', 'TextPrimitive']
    """
    categories = {info.name: info.category for info in plan.layers}
    batches = [
        SegmentBatch(
            work.layer,
            work.segments,
            layer_style(categories.get(work.layer, LayerCategory.OTHER), theme),
        )
        for work in plan.linework
    ]
    batches.sort(key=lambda batch: batch.style.z)
    color = label_color(theme)
    texts = [
        TextPrimitive(
            label.layer,
            label.text,
            label.position,
            label.height_m,
            label.rotation_deg,
            color,
        )
        for label in plan.labels
        if label.height_m > 0
    ]
    return [*batches, *texts]
