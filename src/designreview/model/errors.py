"""Errors a user can read: every failure the product reports derives from these."""

from __future__ import annotations


class DesignReviewError(Exception):
    """A failure with a message written for the person using the product.

    The message says what was wrong and what to do; it never contains a traceback.
    """


class PlanReadError(DesignReviewError):
    """A drawing could not be read into a plan."""


class InsideWallError(DesignReviewError, ValueError):
    """A viewpoint or the end of a walk lies inside a wall or a column.

    Such a point sees only the gap between the wall's faces, and a walk from it would
    start in whichever room is nearest: there is no sensible answer, so the user is
    asked to move it. It is a ValueError too, so that code which skips points it cannot
    analyse (a check's sample grid) skips these as before.

    Attributes:
        point: The point, in the frame its message names.

    Example:
        >>> str(InsideWallError((-2.0, 1.25)))
        'the point (-2, 1.25) lies inside a wall; pick a point in a room or corridor'
    """

    def __init__(self, point: tuple[float, float]) -> None:
        """Name ``point`` (metres) in the message."""
        self.point = point
        x, y = (_short(v) for v in point)
        super().__init__(
            f"the point ({x}, {y}) lies inside a wall; pick a point in a room or "
            "corridor"
        )


def _short(value: float) -> str:
    """A coordinate to the millimetre, without trailing zeros (or e-notation)."""
    return f"{round(value, 3) + 0.0:.3f}".rstrip("0").rstrip(".")


class FieldError(ValueError):
    """What a reviewer typed cannot be a value of the field (the message says why).

    Raised by the length and angle readers in ``model.units`` and by the properties
    panel's value readers; the panel shows the message beside the field.
    """
