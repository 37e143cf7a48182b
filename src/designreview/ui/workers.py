"""Running pure, slow work off the GUI thread and getting the answer back on it.

``fn`` must be pure and its argument frozen (STYLE.md section 6): the worker thread
shares nothing with the window but the result it hands back.
"""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from designreview.model.errors import DesignReviewError

if TYPE_CHECKING:
    from collections.abc import Callable

log = logging.getLogger(__name__)


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(str)


class Job(QRunnable):
    """One background call; ``cancel()`` asks the function to stop early."""

    def __init__(self, fn: Callable[[threading.Event], Any]) -> None:
        super().__init__()
        self.signals = _Signals()
        self._fn = fn
        self.cancel_event = threading.Event()
        self.setAutoDelete(False)

    def cancel(self) -> None:
        self.cancel_event.set()

    def run(self) -> None:
        try:
            self._run()
        except RuntimeError:  # the signals were deleted: nobody waits for the answer
            log.debug("background task finished after its receiver was gone")

    def _run(self) -> None:
        try:
            result = self._fn(self.cancel_event)
        except DesignReviewError as exc:
            self.signals.failed.emit(str(exc))
        except MemoryError:
            self.signals.failed.emit(
                "The computer ran out of memory for this task. Close other programs, "
                "or use a smaller drawing."
            )
        except Exception as exc:  # a bug: report it plainly, log the details
            log.exception("background task failed")
            self.signals.failed.emit(
                f"Something went wrong that the program did not expect "
                f"({type(exc).__name__}: {exc}). Your work is unchanged."
            )
        else:
            self.signals.done.emit(result)


def run(
    fn: Callable[[threading.Event], Any],
    on_done: Callable[[Any], None],
    on_failed: Callable[[str], None],
    owner: QObject | None = None,
) -> Job:
    """Start ``fn(cancel_event)`` in the pool; the callbacks run on the GUI thread.

    With an ``owner``, the callbacks are skipped once the owner has been deleted (a
    window closed while its background work was still running).
    """
    job = Job(fn)
    job.signals.done.connect(_unless_gone(owner, on_done))
    job.signals.failed.connect(_unless_gone(owner, on_failed))
    QThreadPool.globalInstance().start(job)
    return job


def _unless_gone(
    owner: QObject | None, callback: Callable[[Any], None]
) -> Callable[[Any], None]:
    def call(value: Any) -> None:
        if owner is None or shiboken6.isValid(owner):
            callback(value)

    return call
