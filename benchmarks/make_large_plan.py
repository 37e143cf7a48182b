"""Write a large plan for the import benchmark: the sample school tiled on a grid.

No real plan of 100,000 entities may be shipped, so this builds one from the bundled
sample school (walls, door blocks with attributes, glazing, room outlines and labels),
copied side by side until the model space holds about the number asked for::

    .venv/bin/python benchmarks/make_large_plan.py --entities 100000 -o big.dxf
    .venv/bin/python benchmarks/run.py --corpus FOLDER_WITH_BIG_DXF

Each copy is an ordinary set of entities (not a block reference), so every reader
has to read them all, as it would in a campus drawing.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import ezdxf
from ezdxf import bbox

from designreview.review_file.sample import sample_plan_path

GAP = 1.2
"""Space between copies, as a share of the school's size."""


def make_large_plan(entities: int, out: Path) -> int:
    """Write a plan of at least ``entities`` model-space entities; returns the count."""
    source = ezdxf.readfile(sample_plan_path())  # type: ignore[attr-defined]
    originals = list(source.modelspace())
    box = bbox.extents(originals)
    step_x, step_y = box.size.x * GAP, box.size.y * GAP
    copies = -(-entities // len(originals))
    columns = max(1, round(copies**0.5))
    msp = source.modelspace()
    for index in range(1, copies):
        row, column = divmod(index, columns)
        for entity in originals:
            clone = entity.copy()
            clone.translate(column * step_x, row * step_y, 0)
            msp.add_entity(clone)
    source.saveas(out)
    return len(msp)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entities", type=int, default=100_000)
    parser.add_argument("-o", "--out", type=Path, required=True)
    args = parser.parse_args(argv)
    count = make_large_plan(args.entities, args.out)
    size_mb = args.out.stat().st_size / 2**20
    print(f"{args.out}: {count:,} model-space entities, {size_mb:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
