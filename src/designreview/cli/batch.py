"""``designreview batch``: the checks, the map's mandate and the map over many reviews.

Locally the schools run in a process pool sized to the machine, with a line of
progress per school; with ``--scheduler ADDRESS`` they run on a Dask cluster
(``dask.distributed``, the optional ``dask`` extra), as a state office would for
thousands of campuses. A school that cannot be read gives its error row; the others
go on. The report folder gets ``summary.csv``, ``summary.html`` and ``maps/``.
"""

from __future__ import annotations

import importlib
import os
import sys
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path
from typing import TYPE_CHECKING, Any

from designreview.cli.batch_report import write_csv, write_html
from designreview.cli.batch_work import SchoolRow, check_school
from designreview.model.errors import DesignReviewError

if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable, Sequence

__all__ = ["reviews_of", "run_batch", "run_batch_command"]

EXIT_OK, EXIT_STRICT_FAIL = 0, 1


def reviews_of(source: Path) -> list[Path]:
    """The reviews a folder holds (searched through), or a list file names.

    A list is a text file of paths, one a line (relative to the list's folder;
    blank lines and lines starting with # are skipped).

    Raises:
        DesignReviewError: when there is no such folder or file, or no review in it.
    """
    if source.is_dir():
        found = sorted(source.rglob("*.dreview"))
    elif source.is_file():
        lines = source.read_text(encoding="utf-8", errors="replace").splitlines()
        names = [s.strip() for s in lines if s.strip() and not s.startswith("#")]
        found = [(source.parent / name) for name in names]
    else:
        raise DesignReviewError(f"{source} is neither a folder nor a list of reviews.")
    if not found:
        raise DesignReviewError(f"{source} holds no review (.dreview) to check.")
    return found


def run_batch(
    paths: Sequence[Path],
    maps_dir: Path | None,
    profile: str | None,
    *,
    workers: int | None = None,
    scheduler: str | None = None,
    progress: Callable[[int, int, SchoolRow], None] | None = None,
) -> list[SchoolRow]:
    """Every school's row, in the order of ``paths``."""
    args = [(str(p), str(maps_dir) if maps_dir else None, profile) for p in paths]
    if scheduler:
        return _on_dask(args, scheduler, progress)
    size = max(1, min(workers or os.cpu_count() or 1, len(args)))
    rows: dict[str, SchoolRow] = {}
    with ProcessPoolExecutor(max_workers=size) as pool:
        futures = [pool.submit(check_school, *a) for a in args]
        for done, future in enumerate(as_completed(futures), 1):
            row = future.result()
            rows[row.path] = row
            if progress is not None:
                progress(done, len(args), row)
    return [rows[a[0]] for a in args]


def _on_dask(
    args: list[tuple[str, str | None, str | None]],
    address: str,
    progress: Callable[[int, int, SchoolRow], None] | None,
) -> list[SchoolRow]:
    try:  # typed as Any: the extra may be absent, and it ships no stubs
        distributed: Any = importlib.import_module("dask.distributed")
    except ImportError:
        raise DesignReviewError(
            "--scheduler needs Dask: install the extra (pip install "
            "'designreview[dask]'), or leave --scheduler out to run here."
        ) from None
    try:
        client = distributed.Client(address, timeout=30)
    except OSError as exc:
        raise DesignReviewError(
            f"No Dask scheduler answers at {address} ({exc})."
        ) from None
    rows: dict[str, SchoolRow] = {}
    with client:
        futures = client.map(check_school, *zip(*args, strict=True), pure=False)
        for done, future in enumerate(distributed.as_completed(futures), 1):
            row = future.result()
            rows[row.path] = row
            if progress is not None:
                progress(done, len(args), row)
    return [rows[a[0]] for a in args]


def _say(done: int, total: int, row: SchoolRow) -> None:
    name = Path(row.path).name
    if row.is_ok:
        gaps = (
            f", map lacks {' '.join(row.mandate_missing)}"
            if row.mandate_missing
            else ""
        )
        text = f"{row.fails} fail, {row.warnings} warning{gaps}"
    else:
        text = f"ERROR {row.error}"
    print(f"[{done}/{total}] {name}: {text}", file=sys.stderr, flush=True)


def run_batch_command(options: argparse.Namespace) -> int:
    """Check every review, write the report folder, say where it is."""
    paths = reviews_of(options.source)
    out: Path = options.output
    if out.exists() and not out.is_dir():
        raise DesignReviewError(f"{out} is a file; give a folder for the report.")
    maps = None if options.no_maps else out / "maps"
    try:
        (maps or out).mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DesignReviewError(
            f"The report folder {out} cannot be made ({exc.strerror})."
        ) from None
    rows = run_batch(
        paths, maps, options.profile, workers=options.workers,
        scheduler=options.scheduler, progress=None if options.quiet else _say,
    )  # fmt: skip
    write_csv(rows, out / "summary.csv")
    write_html(rows, out / "summary.html", options.profile or "each review's")
    broken = sum(1 for r in rows if not r.is_ok)
    failing = sum(1 for r in rows if r.is_ok and r.fails)
    print(
        f"{out / 'summary.csv'}, {out / 'summary.html'}: {len(rows)} reviews, "
        f"{broken} could not be read, {failing} with failed checks"
    )
    return EXIT_STRICT_FAIL if options.strict and (broken or failing) else EXIT_OK
