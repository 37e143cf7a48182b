"""One measurement: open one DXF file to its first drawn frame, in this process.

``run.py`` starts this script once per measurement, in a fresh interpreter, so that
imports, font caches and Qt's pixmap caches of one file cannot speed up the next::

    python benchmarks/open_plan.py {ours,ezdxf} PATH [--warm-up FIRST]

It prints one line ``BENCH_RESULT {json}`` on stdout (ezdxf's Qt layer prints its own
chatter there too, so the marker tells the result apart). Only the steps of opening are
timed, with ``time.perf_counter()``: interpreter start, imports and creating the
``QApplication`` are excluded, because the app has done all three before the user opens
a drawing.

* ``ours``: ``read_dxf`` (read), ``PlanScene.set_plan`` (build), then a 1600 x 1000
  ``PlanView``, ``fit_to_drawing()`` and one full paint of its viewport (frame).
* ``ezdxf``: ``ezdxf.readfile`` with the ``recover`` fallback (read), the drawing
  add-on's ``Frontend`` + ``PyQtBackend`` into a ``QGraphicsScene`` (build), then a
  1600 x 1000 ``QGraphicsView`` set up like ezdxf's own viewer, ``fitInView`` and the
  same full paint (frame). This is what ``ezdxf view`` does with a file.

With ``--warm-up FIRST`` the same side first opens ``FIRST`` (a small drawing) the
same way, untimed: the measurement is then of an app that has already opened and
painted a drawing, without the one-time costs of a first use (lazily built tables,
regular expressions, fonts, Qt's first paint) on either side.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication, QGraphicsScene, QGraphicsView

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from PySide6.QtGui import QPixmap

RESULT_MARKER = "BENCH_RESULT "
VIEW_WIDTH, VIEW_HEIGHT = 1600, 1000
MODES = ("ours", "ezdxf")


@dataclass(slots=True)
class Measurement:
    """What one process found; serialised as JSON for ``run.py``."""

    mode: str
    file: str
    read_s: float | None = None
    build_s: float | None = None
    frame_s: float | None = None
    total_s: float | None = None
    items: int | None = None
    reader: str = ""
    """Ours: which reader read the file (the fast reader, or ezdxf and why)."""
    entities: int | None = None
    ink: float | None = None
    """Share of frame pixels that differ from the background: 0 means a blank frame,
    which would make any time meaningless."""
    rss_base_mb: float = 0.0
    """Peak RSS before opening (interpreter, imports, QApplication)."""
    rss_peak_mb: float = 0.0
    error: str | None = None


@contextmanager
def timed(result: Measurement, step: str) -> Iterator[None]:
    """Time one step into ``<step>_s``; a step that fails is not recorded.

    The steps run back to back, so their sum is the time to the first frame.
    """
    start = time.perf_counter()
    yield
    setattr(result, f"{step}_s", time.perf_counter() - start)


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far (Linux reports KiB, macOS bytes)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def first_frame(view: QGraphicsView, fit: Callable[[], None]) -> QPixmap:
    """Lay out the view at its window size, fit the drawing and paint it once.

    ``show()`` (never on screen) delivers the resize, so the fit sees the real viewport;
    ``grab()`` paints the viewport through ``paintEvent``, the path a user's first
    frame takes, including the scene index lookup.
    """
    view.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    view.resize(VIEW_WIDTH, VIEW_HEIGHT)
    view.show()
    fit()
    return view.viewport().grab()


def ink_share(pixmap: QPixmap) -> float:
    """Share of pixels unlike the top-left one (a margin, so the background)."""
    image = pixmap.toImage().convertToFormat(QImage.Format.Format_RGB32)
    width, height = image.width(), image.height()
    if width == 0 or height == 0:
        return 0.0
    stride = image.bytesPerLine() // 4
    pixels = np.frombuffer(image.constBits(), dtype=np.uint32, count=stride * height)
    pixels = pixels.reshape(height, stride)[:, :width]
    return float(np.count_nonzero(pixels != pixels[0, 0]) / pixels.size)


def measure_ours(path: Path, result: Measurement) -> None:
    """Open ``path`` the way the app does."""
    from designreview.readers.dxf.read import read_dxf
    from designreview.ui.canvas.scene import PlanScene
    from designreview.ui.canvas.view import PlanView

    result.rss_base_mb = peak_rss_mb()
    with timed(result, "read"):
        plan = read_dxf(path)
    with timed(result, "build"):
        scene = PlanScene()
        scene.set_plan(plan)
    with timed(result, "frame"):
        view = PlanView(scene)
        pixmap = first_frame(view, view.fit_to_drawing)
    result.items = len(scene.items())
    result.entities = sum(info.entity_count for info in plan.layers)
    result.reader = plan.reader
    result.ink = ink_share(pixmap)


def measure_ezdxf(path: Path, result: Measurement) -> None:
    """Open ``path`` the way ``ezdxf view`` does (its drawing add-on, PySide6)."""
    from ezdxf.addons.drawing.frontend import Frontend
    from ezdxf.addons.drawing.properties import RenderContext
    from ezdxf.addons.drawing.pyqt import PyQtBackend

    result.rss_base_mb = peak_rss_mb()
    with timed(result, "read"):
        doc = read_ezdxf(path)
    with timed(result, "build"):
        scene = QGraphicsScene()
        frontend = Frontend(RenderContext(doc), PyQtBackend(scene))
        frontend.draw_layout(doc.modelspace(), finalize=True)
    with timed(result, "frame"):
        view = ezdxf_view(scene)
        pixmap = first_frame(
            view,
            lambda: view.fitInView(
                scene.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio
            ),
        )
    result.items = len(scene.items())
    result.entities = len(doc.modelspace())
    result.ink = ink_share(pixmap)


def read_ezdxf(path: Path) -> Any:
    """``readfile``, then ``recover.readfile`` for damaged files, as ezdxf advises."""
    import ezdxf
    from ezdxf import recover

    try:
        return ezdxf.readfile(path)  # type: ignore[attr-defined]
    except Exception:
        doc, _auditor = recover.readfile(path)
        return doc


def ezdxf_view(scene: QGraphicsScene) -> QGraphicsView:
    """A view with the settings of ezdxf's ``CADGraphicsView`` (hints, y up)."""
    view = QGraphicsView(scene)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setRenderHints(
        QPainter.RenderHint.Antialiasing
        | QPainter.RenderHint.TextAntialiasing
        | QPainter.RenderHint.SmoothPixmapTransform
    )
    view.scale(1, -1)
    return view


def measure(mode: str, path: Path) -> Measurement:
    """Run one mode on one file; a failure becomes the result's ``error``."""
    result = Measurement(mode=mode, file=str(path))
    step = measure_ours if mode == "ours" else measure_ezdxf
    try:
        step(path, result)
    except Exception as exc:
        result.error = error_text(exc)
    steps = (result.read_s, result.build_s, result.frame_s)
    if result.error is None and None not in steps:
        result.total_s = sum(s for s in steps if s is not None)
    result.rss_peak_mb = peak_rss_mb()
    return result


def error_text(exc: Exception) -> str:
    """The first line of the message; the class name too unless it is a user error."""
    from designreview.model.errors import DesignReviewError

    lines = str(exc).strip().splitlines()
    message = lines[0] if lines else ""
    if isinstance(exc, DesignReviewError):
        return message
    return f"{type(exc).__name__}: {message}" if message else type(exc).__name__


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=MODES)
    parser.add_argument("path", type=Path)
    parser.add_argument("--warm-up", type=Path, help="open this drawing first, untimed")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication.instance() or QApplication([sys.argv[0]])
    if args.warm_up is not None:
        measure(args.mode, args.warm_up)
    result = measure(args.mode, args.path)
    print(RESULT_MARKER + json.dumps(asdict(result)), flush=True)
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
