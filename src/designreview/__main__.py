"""``python -m designreview`` runs the command line."""

from designreview.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
