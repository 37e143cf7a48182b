"""The bundled sample school: the first-run experience and a smoke test."""

from __future__ import annotations

from pathlib import Path

from designreview.model.errors import DesignReviewError
from designreview.resources import resource

SAMPLE_PLAN_NAME = "sample_school.dxf"
SAMPLE_REVIEW_NAME = "sample_school.dreview"


def sample_plan_path() -> Path:
    """The path of the bundled sample school drawing.

    Raises:
        DesignReviewError: when the installation lacks it (a broken install).
    """
    node = resource(SAMPLE_PLAN_NAME)
    path = Path(str(node))
    if not path.is_file():
        raise DesignReviewError(
            "The bundled sample school is missing from this installation. "
            "Reinstall designreview, or open a drawing of your own with File > Open."
        )
    return path


def sample_review_path() -> Path:
    """The path of the bundled sample review (the sample school, marked up).

    Raises:
        DesignReviewError: when the installation lacks it.
    """
    path = Path(str(resource(SAMPLE_REVIEW_NAME)))
    if not path.is_file():
        raise DesignReviewError(
            "The bundled sample review is missing from this installation."
        )
    return path
