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
    progress = Signal(float, str)  # share done, what is being done


class JobControl(threading.Event):
    """What a background call gets: set when cancelled, and a way to report progress.

    It is a :class:`threading.Event`, so ``control.is_set`` works as a cancel check.
    """

    def __init__(self, signals: _Signals) -> None:
        super().__init__()
        self._signals = signals
        self._last: tuple[int, str] = (-1, "")

    def report(self, share: float, doing: str = "") -> None:
        """Tell the GUI the share done (0 to 1) and what is being done.

        Only changes of a whole percent or of the words travel to the GUI thread.
        """
        last = (int(share * 100), doing)
        if last != self._last:
            self._last = last
            self._signals.progress.emit(share, doing)


class Job(QRunnable):
    """One background call; ``cancel()`` asks the function to stop early."""

    def __init__(self, fn: Callable[[JobControl], Any]) -> None:
        super().__init__()
        self.signals = _Signals()
        self._fn = fn
        self.cancel_event = JobControl(self.signals)
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
    fn: Callable[[JobControl], Any],
    on_done: Callable[[Any], None],
    on_failed: Callable[[str], None],
    owner: QObject | None = None,
    on_progress: Callable[[float, str], None] | None = None,
) -> Job:
    """Start ``fn(cancel_event)`` in the pool; the callbacks run on the GUI thread.

    ``on_progress`` hears what ``fn`` reports through ``JobControl.report``.

    With an ``owner``, the callbacks are skipped once the owner has been deleted (a
    window closed while its background work was still running).
    """
    job = Job(fn)
    job.signals.done.connect(_unless_gone(owner, on_done))
    job.signals.failed.connect(_unless_gone(owner, on_failed))
    if on_progress is not None:
        job.signals.progress.connect(_unless_gone(owner, on_progress))
    QThreadPool.globalInstance().start(job)
    return job


def _unless_gone(
    owner: QObject | None, callback: Callable[..., None]
) -> Callable[..., None]:
    def call(*values: Any) -> None:
        if owner is None or shiboken6.isValid(owner):
            callback(*values)

    return call
