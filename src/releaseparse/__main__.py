"""``python -m releaseparse``: the command-line interface."""

from releaseparse.cli import main

raise SystemExit(main())
