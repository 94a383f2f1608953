"""The bundle's entry point: the same main() as the console script and `python -m workstation`."""

import sys

from workstation.app import main

if __name__ == "__main__":
    sys.exit(main())
