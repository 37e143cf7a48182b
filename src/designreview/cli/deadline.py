"""A time budget for one headless command, so a hostile review cannot run for ever.

The app runs checks in a worker with a cancel button; the command line has no button,
so it gets a deadline instead. When the budget is spent the main thread is interrupted
(``_thread.interrupt_main`` works on every platform, unlike ``SIGALRM``) and the
command ends with a one-line message and exit status 2.
"""

from __future__ import annotations

import _thread
import threading
from contextlib import contextmanager
from typing import TYPE_CHECKING

from designreview.model.errors import DesignReviewError

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = ["DEFAULT_BUDGET_S", "TimeBudgetError", "time_budget"]

DEFAULT_BUDGET_S = 300.0
"""Five minutes: a 300-room school checks in about a second."""


class TimeBudgetError(DesignReviewError):
    """The command did not finish within its time budget."""


@contextmanager
def time_budget(seconds: float | None, what: str) -> Iterator[None]:
    """Run the block, or stop it with :class:`TimeBudgetError` after ``seconds``.

    ``None`` or a budget of 0 means no limit. A Ctrl-C by the user still arrives as
    ``KeyboardInterrupt``.

    Example:
        >>> import time
        >>> try:
        ...     with time_budget(0.05, "the test"):  # doctest: +ELLIPSIS
        ...         while True:
        ...             time.sleep(0.01)
        ... except TimeBudgetError as exc:
        ...     print(exc)
        the test did not finish within 0.05 s; ... --time-limit to allow more.
    """
    if not seconds:
        yield
        return
    expired = threading.Event()
    finished = False
    lock = threading.Lock()

    def expire() -> None:
        with lock:
            if finished:
                return
            expired.set()
        _thread.interrupt_main()

    timer = threading.Timer(seconds, expire)
    timer.daemon = True
    timer.start()
    try:
        yield
    except KeyboardInterrupt:
        if not expired.is_set():
            raise
        raise TimeBudgetError(
            f"{what} did not finish within {seconds:g} s; the review is larger or "
            "more complex than any school plan. Check fewer sheets, or pass "
            "--time-limit to allow more."
        ) from None
    finally:
        with lock:
            finished = True
        timer.cancel()
