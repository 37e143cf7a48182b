"""Drawing scales for paper: which standard scale fits, and its scale bar.

A printed plan is only useful to responders at a stated true scale: "1/16" = 1'-0""
on an American plan, "1:200" on a metric one. Imperial plans get architectural and
engineering scales, metric plans ratio scales. Lengths here are metres, on the
ground and on paper alike (a paper length of 0.0254 is one inch).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from designreview.model.units import M_PER_FT

__all__ = [
    "IMPERIAL_SCALES",
    "METRIC_SCALES",
    "PlanScale",
    "ScaleBar",
    "choose_scale",
    "scale_bar",
]


@dataclass(frozen=True, slots=True)
class PlanScale:
    """A drawing scale: a paper length times ``denominator`` is the ground length."""

    denominator: float
    label: str
    is_imperial: bool

    @property
    def ratio_label(self) -> str:
        r"""The scale as a ratio, e.g. "1:96".

        Example:
            >>> IMPERIAL_SCALES[6].label, IMPERIAL_SCALES[6].ratio_label
            ('1/8" = 1\'-0"', '1:96')
        """
        return f"1:{self.denominator:g}"

    def paper_m(self, ground_m: float) -> float:
        """How long ``ground_m`` metres of building are on paper (metres).

        Example:
            >>> round(METRIC_SCALES[2].paper_m(10.0), 6)  # 10 m at 1:100
            0.1
        """
        return ground_m / self.denominator


def _arch(fraction: str, denominator: float) -> PlanScale:
    return PlanScale(denominator, f'{fraction}" = 1\'-0"', True)


def _eng(feet: int) -> PlanScale:
    return PlanScale(feet * 12.0, f'1" = {feet}\'-0"', True)


IMPERIAL_SCALES: tuple[PlanScale, ...] = (
    _arch("1", 12), _arch("3/4", 16), _arch("1/2", 24), _arch("3/8", 32),
    _arch("1/4", 48), _arch("3/16", 64), _arch("1/8", 96), _arch("3/32", 128),
    _arch("1/16", 192), _eng(20), _eng(30), _arch("1/32", 384), _eng(40), _eng(50),
    _eng(60), _eng(100), _eng(200), _eng(400), _eng(500), _eng(1000),
)  # fmt: skip
"""Architectural and engineering scales, largest first."""

METRIC_SCALES: tuple[PlanScale, ...] = tuple(
    PlanScale(float(n), f"1:{n}", False)
    for n in (20, 50, 100, 200, 250, 500, 1000, 1250, 2000, 2500, 5000, 10000)
)
"""Metric ratio scales, largest first."""


def choose_scale(
    ground_m: tuple[float, float],
    paper_m: tuple[float, float],
    imperial: bool,
    min_denominator: float = 0.0,
) -> PlanScale:
    r"""The largest standard scale at which ``ground_m`` fits on ``paper_m``.

    ``min_denominator`` caps the zoom (a snippet of one door should not be drawn at
    1:10). When nothing standard fits, a plain ratio that does is returned.

    Example:
        >>> choose_scale((93.0, 62.0), (0.2, 0.17), imperial=True).label
        '1" = 40\'-0"'
        >>> choose_scale((93.0, 62.0), (0.2, 0.17), imperial=False).label
        '1:500'
        >>> choose_scale((2.0, 2.0), (0.19, 0.1), False, min_denominator=100).label
        '1:100'
        >>> choose_scale((50000.0, 100.0), (0.2, 0.2), imperial=False).label
        '1:250000'
    """
    width, height = ground_m
    paper_w, paper_h = paper_m
    needed = max(width / paper_w, height / paper_h) if paper_w and paper_h else 1.0
    for scale in IMPERIAL_SCALES if imperial else METRIC_SCALES:
        if scale.denominator >= max(needed, min_denominator):
            return scale
    return _beyond(needed, imperial)


def _beyond(needed: float, imperial: bool) -> PlanScale:
    """A round scale beyond the standard ones (a campus on a small sheet)."""
    if imperial:
        feet = _round_up(needed / 12.0)
        return PlanScale(feet * 12.0, f'1" = {feet:g}\'-0"', True)
    n = _round_up(needed)
    return PlanScale(n, f"1:{n:g}", False)


def _round_up(value: float) -> float:
    """The next of 1, 2, 2.5, 5 times a power of ten at or above ``value``."""
    power = 10.0 ** math.floor(math.log10(max(value, 1e-9)))
    for step in (1.0, 2.0, 2.5, 5.0, 10.0):
        if step * power >= value - 1e-9:
            return step * power
    return 10.0 * power  # pragma: no cover - the loop always returns


@dataclass(frozen=True, slots=True)
class ScaleBar:
    """A scale bar: its length on paper and labelled ticks (paper metres, text)."""

    paper_length_m: float
    ticks: tuple[tuple[float, str], ...]
    unit: str


_BAR_FEET = (5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000)
_BAR_METRES = (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000)
_DIVISIONS = 5


def scale_bar(scale: PlanScale, max_paper_m: float) -> ScaleBar:
    """The longest round scale bar no longer than ``max_paper_m`` on paper.

    Example:
        >>> bar = scale_bar(IMPERIAL_SCALES[12], 0.05)  # 1" = 40'-0", 5 cm at most
        >>> [label for _, label in bar.ticks], bar.unit
        (['0', '10', '20', '30', '40', '50'], 'ft')
        >>> round(bar.paper_length_m, 5)  # 50 ft at 1:480
        0.03175
    """
    unit_m, lengths, unit = (
        (M_PER_FT, _BAR_FEET, "ft") if scale.is_imperial else (1.0, _BAR_METRES, "m")
    )
    fitting = [n for n in lengths if scale.paper_m(n * unit_m) <= max_paper_m]
    length = fitting[-1] if fitting else lengths[0]
    paper = scale.paper_m(length * unit_m)
    ticks = tuple(
        (paper * i / _DIVISIONS, f"{length * i / _DIVISIONS:g}")
        for i in range(_DIVISIONS + 1)
    )
    return ScaleBar(paper, ticks, unit)
