"""`python -m workstation`: the same entry point as the console script."""

from workstation.app import main

raise SystemExit(main())
