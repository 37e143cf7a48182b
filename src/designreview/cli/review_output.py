"""The checks every command that writes or reads a review file makes first.

One wording for all of them (``new``, ``merge``, ``import-bcf``, ``revise``), so a
script's author meets the same message whichever command refused.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from designreview.model.errors import DesignReviewError
from designreview.review_file.archive import SUFFIX

if TYPE_CHECKING:
    from pathlib import Path


def check_review_output(output: Path, force: bool, what: str = "review") -> None:
    """Refuse an OUT that is no review file, or one that exists without --force.

    Example:
        >>> from pathlib import Path
        >>> try:
        ...     check_review_output(Path("out.pdf"), False)
        ... except DesignReviewError as exc:
        ...     print(exc)
        The review to write must end in .dreview: out.pdf
    """
    if output.suffix.lower() != SUFFIX:
        raise DesignReviewError(
            f"The {what} to write must end in {SUFFIX}: {output.name}"
        )
    check_free(output, force)


def check_free(path: Path, force: bool) -> None:
    """Refuse to overwrite ``path`` unless --force was given."""
    if path.exists() and not force:
        raise DesignReviewError(
            f"{path.name} already exists; choose another name or add --force."
        )


def check_is_review(path: Path, why: str) -> None:
    """Refuse an input that is no review file; ``why`` says what the command needs."""
    if path.suffix.lower() != SUFFIX:
        raise DesignReviewError(f"{path.name} is not a review ({SUFFIX}); {why}")
