"""Open every IFC model of the shared corpus to its first frame: cold, then cached.

    .venv/bin/python benchmarks/open_ifc.py [--corpus DIR]

Each measurement runs in a fresh interpreter (as ``open_plan.py`` does for DXF), so
imports and caches of one cannot speed up the next. "Cold" starts with an empty cut
cache, so the model is parsed and its storey cut with ifcopenshell; "cached" opens it
again with the cache the cold run left, as the app does the second time. Timed: the
read (``read_ifc`` of the ground floor), building the scene and the first paint of a
1600 x 1000 view; interpreter start, imports and the QApplication are not.
The goal (issue: IFC models in) is under 5 s cold and under 1 s cached.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parents[1] / "shared" / "ifc-corpus"
MARKER = "BENCH_RESULT "


def measure_one(path: Path) -> dict[str, object]:
    """Open ``path`` to its first frame in this process, timing each step."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(HERE))
    import time

    from open_plan import first_frame, ink_share
    from PySide6.QtWidgets import QApplication

    from designreview.readers.ifc.read import read_ifc
    from designreview.ui.canvas.scene import PlanScene
    from designreview.ui.canvas.view import PlanView

    _app = QApplication.instance() or QApplication([])
    start = time.perf_counter()
    plan = read_ifc(path)
    read_s = time.perf_counter() - start
    scene = PlanScene()
    scene.set_plan(plan)
    build_s = time.perf_counter() - start - read_s
    view = PlanView(scene)
    pixmap = first_frame(view, view.fit_to_drawing)
    total_s = time.perf_counter() - start
    return {
        "storey": plan.bim.storey_name if plan.bim else "",
        "doors": len(plan.doors),
        "spaces": len(plan.spaces),
        "read_s": round(read_s, 3),
        "build_s": round(build_s, 3),
        "total_s": round(total_s, 3),
        "ink": round(ink_share(pixmap), 4),
    }


def run_child(path: Path, cache: Path) -> dict[str, object]:
    env = {**os.environ, "DESIGNREVIEW_CACHE_DIR": str(cache)}
    done = subprocess.run(
        [sys.executable, __file__, "--one", str(path)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    for line in done.stdout.splitlines():
        if line.startswith(MARKER):
            return dict(json.loads(line[len(MARKER) :]))
    return {"error": done.stderr.strip().splitlines()[-1:] or ["no result"]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--one", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one is not None:
        print(MARKER + json.dumps(measure_one(args.one)))
        return 0
    models = sorted(args.corpus.glob("*.ifc"))
    if not models:
        print(f"no IFC models in {args.corpus}")
        return 1
    print(
        f"{'model':34} {'storey':14} {'cold s':>7} {'cached s':>9}  (read/build/frame)"
    )
    for model in models:
        with tempfile.TemporaryDirectory(prefix="ifc-bench-") as cache:
            cold = run_child(model, Path(cache))
            warm = run_child(model, Path(cache))
        if "error" in cold or "error" in warm:
            print(f"{model.name:34} error: {cold.get('error') or warm.get('error')}")
            continue
        print(
            f"{model.name:34} {cold['storey']!s:14} {cold['total_s']:>7} "
            f"{warm['total_s']:>9}  (cold read {cold['read_s']}, cached read "
            f"{warm['read_s']}; {cold['doors']} doors, {cold['spaces']} spaces, "
            f"ink {cold['ink']})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
