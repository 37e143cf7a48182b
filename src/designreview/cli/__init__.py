"""The command line: every analysis and export without a screen."""

from designreview.cli.main import EXIT_BAD_INPUT, EXIT_OK, SUBCOMMANDS, main, wants_cli

__all__ = ["EXIT_BAD_INPUT", "EXIT_OK", "SUBCOMMANDS", "main", "wants_cli"]
