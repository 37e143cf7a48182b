"""What each layer of one drawing holds: the rules' guess, or the reviewer's correction.

The Layer Roles dialog stores corrections with the sheet. Every detector (door
swings and blocks, windows that close rooms, room outlines, room names, unit
evidence) asks one :class:`LayerRoles` so that a correction changes what is found,
not just the label shown next to the layer. Block names are not layers: they are
judged by the shipped rules alone (``readers.dxf.doors.is_door_name``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

from designreview.model.building import DoorMethod
from designreview.model.plan import LayerCategory
from designreview.recognition.layers.rules import categorize_layer
from designreview.recognition.rooms.types import is_space_layer

if TYPE_CHECKING:
    from collections.abc import Iterable

    from designreview.model.review import LayerOverride

__all__ = ["DEFAULT_ROLES", "LayerRoles", "guessed_category"]


@cache
def guessed_category(layer: str) -> LayerCategory:
    """The shipped rules' category for ``layer`` (cached: names repeat a lot)."""
    return categorize_layer(layer)


@dataclass(frozen=True, slots=True)
class LayerRoles:
    """Layer categories for one import, corrections first.

    Example:
        >>> roles = LayerRoles((("FURN-ARC", LayerCategory.DOOR),))
        >>> roles.is_door("FURN-ARC"), roles.is_door("A-DOOR"), roles.is_door("0")
        (True, True, False)
        >>> roles = LayerRoles((("A-AREA", LayerCategory.OTHER),))
        >>> roles.is_space("A-AREA"), DEFAULT_ROLES.is_space("A-AREA")
        (False, True)
    """

    corrections: tuple[tuple[str, LayerCategory], ...] = ()
    """(layer name, category) pairs the reviewer chose."""
    methods_off: tuple[DoorMethod, ...] = ()
    """Ways of finding doors the reviewer switched off for this sheet (a method
    that takes stair gaps or furniture lines for doors)."""
    _by_name: dict[str, LayerCategory] = field(
        init=False, repr=False, compare=False, hash=False
    )

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_name", dict(self.corrections))

    @classmethod
    def of(
        cls,
        overrides: Iterable[LayerOverride],
        methods_off: Iterable[DoorMethod] = (),
    ) -> LayerRoles:
        """The roles a sheet's stored corrections give."""
        return cls(tuple((o.layer, o.category) for o in overrides), tuple(methods_off))

    def is_corrected(self, layer: str) -> bool:
        """Whether the reviewer chose this layer's category (no guess applies)."""
        return layer in self._by_name

    def category(self, layer: str) -> LayerCategory:
        """The corrected category, else the rules' guess."""
        found = self._by_name.get(layer)
        return found if found is not None else guessed_category(layer)

    def is_door(self, layer: str) -> bool:
        """Whether arcs and blocks on ``layer`` may be doors."""
        return self.category(layer) is LayerCategory.DOOR

    def is_window(self, layer: str) -> bool:
        """Whether lines on ``layer`` are windows and glazing (they close rooms)."""
        return self.category(layer) is LayerCategory.WINDOW

    def is_space(self, layer: str) -> bool:
        """Whether closed outlines on ``layer`` may be rooms.

        A corrected layer holds rooms only when corrected to ``room``; otherwise the
        rules decide, which also take layers named for a use (``Offices``).
        """
        found = self._by_name.get(layer)
        return (
            found is LayerCategory.ROOM if found is not None else is_space_layer(layer)
        )


DEFAULT_ROLES = LayerRoles()
"""No corrections: the shipped rules alone."""
