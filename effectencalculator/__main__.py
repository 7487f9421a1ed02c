"""Allows ``python -m effectencalculator``."""

import sys

from effectencalculator.cli import main

if __name__ == "__main__":  # worker processes import this module too, as __mp_main__
    sys.exit(main())
