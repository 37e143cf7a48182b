"""``python -m designreview`` runs the command line."""

from designreview.launcher import main

if __name__ == "__main__":
    raise SystemExit(main())
