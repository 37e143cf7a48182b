"""Responder marks: the items a first responders' map shows beyond the plan.

One kind with a ``kind`` field (key box, AED, shut-offs, hazards, stair numbers,
hallway names, staging, reunification, parking, roads): each lists, filters and
exports under its own name (``name_of``); the responder map's DXF puts each item
kind on its own MAP-* layer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from designreview.model.markups import AssetKind, ResponderMark
from designreview.model.responder import ASSET_CODES, ASSET_NAMES, NAMED_KINDS
from designreview.render.fields import Field, FieldKind, choice_field
from designreview.render.graphic import MarkupGraphic, Symbol
from designreview.render.kinds.spec import KindSpec, on_layer

if TYPE_CHECKING:
    from designreview.render.style import Rgb

__all__ = ["RESPONDER", "asset_symbol", "mark_text", "plan_label"]

_SHUTOFFS = frozenset(
    {AssetKind.GAS_SHUTOFF, AssetKind.ELECTRIC_SHUTOFF, AssetKind.WATER_SHUTOFF}
)
_SITE = frozenset({AssetKind.STAGING_AREA, AssetKind.REUNIFICATION, AssetKind.PARKING})


def asset_symbol(kind: AssetKind) -> Symbol:
    """The symbol outline of a responder item (its letters go inside).

    Example:
        >>> asset_symbol(AssetKind.GAS_SHUTOFF), asset_symbol(AssetKind.AED)
        (<Symbol.SHUTOFF: 'shutoff'>, <Symbol.ASSET: 'asset'>)
    """
    if kind in _SHUTOFFS:
        return Symbol.SHUTOFF
    if kind is AssetKind.HAZMAT:
        return Symbol.HAZARD
    if kind in _SITE:
        return Symbol.SITE
    if kind in NAMED_KINDS or kind is AssetKind.STAIR_NUMBER:
        return Symbol.NAME
    return Symbol.ASSET


def mark_text(mark: ResponderMark) -> str:
    """What the plan prints beside the mark: its code and its label.

    Example:
        >>> from designreview.model.markups import Stamp
        >>> s = Stamp("r", "t")
        >>> mark_text(ResponderMark("m", "s", s, s, (0, 0), AssetKind.AED, "Gym"))
        'AED Gym'
        >>> stair = AssetKind.STAIR_NUMBER
        >>> mark_text(ResponderMark("m", "s", s, s, (0, 0), stair, "2"))
        'ST 2'
    """
    return " ".join(p for p in (ASSET_CODES[mark.kind], mark.label) if p)


def plan_label(mark: ResponderMark) -> str:
    """The short label a plan shows: an item's letters, a name, a stair's number.

    The note ("gym", "meter, north wall") is in Properties, the list and the
    exports; on a crowded plan the letters are what a reader needs.

    Example:
        >>> from designreview.model.markups import Stamp
        >>> s = Stamp("r", "t")
        >>> plan_label(ResponderMark("m", "s", s, s, (0, 0), AssetKind.AED, "Gym"))
        'AED'
        >>> hall = AssetKind.HALLWAY_NAME
        >>> plan_label(ResponderMark("m", "s", s, s, (0, 0), hall, "Main Hall"))
        'Main Hall'
    """
    if mark.kind in NAMED_KINDS or mark.kind is AssetKind.STAIR_NUMBER:
        return mark_text(mark)
    return ASSET_CODES[mark.kind]


def _graphic(mark: ResponderMark, color: Rgb) -> MarkupGraphic:
    return MarkupGraphic(
        mark.id,
        color,
        mark.position,
        symbol=asset_symbol(mark.kind),
        label=plan_label(mark),
    )


def _name_of(mark: ResponderMark) -> str:
    return ASSET_NAMES[mark.kind]


RESPONDER = KindSpec(
    name="Responder mark",
    fields=(
        choice_field("kind", "Item", AssetKind),
        Field("label", "Label", FieldKind.TEXT),
    ),
    label_field="label",
    graphic=_graphic,
    dxf_layer=on_layer("REVIEW-RESPONDER"),
    name_of=_name_of,
)
"""A responder map item: its outline with letters, and its label or name."""
