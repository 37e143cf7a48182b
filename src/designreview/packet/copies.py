"""Numbered copies of the packet: one file per recipient, named after them."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path  # noqa: TC003 (the doctest builds paths)
from typing import TYPE_CHECKING

from designreview.packet.options import PacketOptions
from designreview.packet.packet import write_packet

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from designreview.analysis.run import CheckResult
    from designreview.model.plan import Plan
    from designreview.model.review import Review


def copy_paths(
    output: Path, recipients: list[str]
) -> list[tuple[Path, str, int | None]]:
    """(path, recipient, copy number) for each copy; one recipient keeps OUT as is.

    With no recipient there is one copy, not numbered.

    Example:
        >>> copies = copy_paths(Path("p.pdf"), ["Ann Lee", "Fire"])
        >>> [(path.name, who, number) for path, who, number in copies]
        [('p-1-ann-lee.pdf', 'Ann Lee', 1), ('p-2-fire.pdf', 'Fire', 2)]
    """
    if not recipients:
        return [(output, "", None)]
    if len(recipients) == 1:
        return [(output, recipients[0], 1)]
    copies: list[tuple[Path, str, int | None]] = []
    for number, name in enumerate(recipients, start=1):
        slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "copy"
        copies.append(
            (
                output.with_name(f"{output.stem}-{number}-{slug}{output.suffix}"),
                name,
                number,
            )
        )
    return copies


def write_copies(
    review: Review,
    plans: Mapping[str, Plan],
    result: CheckResult,
    output: Path,
    recipients: list[str],
    options: PacketOptions | None = None,
    stop: Callable[[], bool] = lambda: False,
) -> list[tuple[Path, str, int]]:
    """Write a numbered copy per recipient; returns (path, recipient, pages) of each.

    ``options`` holds what every copy shares; recipient and copy number are set per
    copy. ``stop`` is asked between copies, so a cancelled run leaves whole files.
    """
    base = options or PacketOptions()
    written: list[tuple[Path, str, int]] = []
    for path, recipient, number in copy_paths(output, recipients):
        if stop():
            break
        copy = replace(base, recipient=recipient, copy_number=number)
        pages = write_packet(review, plans, result, path, copy)
        written.append((path, recipient, pages))
    return written
