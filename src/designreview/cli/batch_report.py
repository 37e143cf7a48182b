"""The batch's summary: one row per school, as CSV and as a plain HTML page."""

from __future__ import annotations

import csv
import html
import io
from typing import TYPE_CHECKING

from designreview.review_file.atomic_write import write_atomic

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

    from designreview.cli.batch_work import SchoolRow

__all__ = ["HEADERS", "write_csv", "write_html"]

HEADERS = (
    "review", "school", "status", "fail", "warning", "info", "needs_information",
    "mandate_items_missing", "map_pdf", "map_pages", "seconds", "error",
)  # fmt: skip


def _cells(row: SchoolRow) -> list[str]:
    return [
        row.path, row.school, "checked" if row.is_ok else "error", str(row.fails),
        str(row.warnings), str(row.infos), str(row.questions),
        " ".join(row.mandate_missing), row.map_pdf, str(row.map_pages),
        f"{row.seconds:.2f}", row.error,
    ]  # fmt: skip


def write_csv(rows: Sequence[SchoolRow], path: Path) -> None:
    """The summary as CSV (UTF-8, a header row, then one row per school)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADERS)
    for row in rows:
        writer.writerow(_cells(row))
    write_atomic(path, buffer.getvalue().encode("utf-8"), keep_backup=False)


def write_html(rows: Sequence[SchoolRow], path: Path, profile: str) -> None:
    """The summary as one HTML page, readable in any browser, offline."""
    ok = [r for r in rows if r.is_ok]
    complete = [r for r in ok if not r.mandate_missing]
    head = (
        f"<p>{len(rows)} reviews: {len(ok)} checked, {len(rows) - len(ok)} could "
        f"not be read; {len(complete)} responder maps complete for the "
        f"{html.escape(profile)} profile.</p>"
    )
    lines = [
        "<!doctype html>", '<html lang="en"><head><meta charset="utf-8">',
        "<title>Design review batch</title>",
        "<style>body{font-family:sans-serif}td,th{border:1px solid #999;"
        "padding:2px 6px}table{border-collapse:collapse}"
        ".error{background:#fdd}</style></head><body>",
        "<h1>Design review batch</h1>", head, "<table>",
        "<tr>" + "".join(f"<th>{html.escape(h)}</th>" for h in HEADERS) + "</tr>",
    ]  # fmt: skip
    for row in rows:
        style = "" if row.is_ok else ' class="error"'
        cells = "".join(f"<td>{html.escape(c)}</td>" for c in _cells(row))
        lines.append(f"<tr{style}>{cells}</tr>")
    lines += ["</table>", "</body></html>", ""]
    write_atomic(path, "\n".join(lines).encode("utf-8"), keep_backup=False)
