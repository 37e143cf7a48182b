"""Errors a user can read: every failure the product reports derives from these."""

from __future__ import annotations


class DesignReviewError(Exception):
    """A failure with a message written for the person using the product.

    The message says what was wrong and what to do; it never contains a traceback.
    """


class PlanReadError(DesignReviewError):
    """A drawing could not be read into a plan."""


class FieldError(ValueError):
    """What a reviewer typed cannot be a value of the field (the message says why).

    Raised by the length and angle readers in ``model.units`` and by the properties
    panel's value readers; the panel shows the message beside the field.
    """
