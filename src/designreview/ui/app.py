"""Starting the desktop application."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths, QThreadPool
from PySide6.QtWidgets import QApplication

from designreview import __version__
from designreview.review_file.autosave import orphaned_autosaves, prepare_folder
from designreview.ui.dialogs.recovery_dialog import RecoveryDialog
from designreview.ui.window.main_window import APP_NAME, MainWindow


def create_app(argv: list[str] | None = None) -> QApplication:
    """The QApplication, created once."""
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    return app


def autosave_folder() -> Path:
    """The per-user folder for autosaves (created private to the user)."""
    base = QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.AppLocalDataLocation
    )
    return prepare_folder(Path(base) / "autosave")


def main(argv: list[str] | None = None) -> int:
    """Open the window on recovered work, on ``argv[0]``, or on the sample school."""
    args = sys.argv[1:] if argv is None else argv
    app = create_app()
    folder = autosave_folder()
    window = MainWindow(QSettings(), folder)
    window.show()
    orphans = orphaned_autosaves(folder)
    restored = bool(orphans) and RecoveryDialog(window.session, orphans, window).run()
    if not restored:
        if args:
            window.open_path(Path(args[0]))
        else:
            window.opener.open_sample()
    code = app.exec()
    if QThreadPool.globalInstance().activeThreadCount():
        _leave_now(code)
    return code


def _leave_now(code: int) -> None:
    """End the process without waiting for background work that is still running.

    By now the window has closed: the user saved or discarded the review, the
    autosave and the lock file are cleaned up. A check of a very large drawing can
    run for minutes more, and Qt's thread pool waits for its threads at exit, so the
    program would linger after its window is gone.
    """
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":
    raise SystemExit(main())
