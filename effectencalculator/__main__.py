"""Allows ``python -m effectencalculator``."""

import sys

from effectencalculator.cli import main

sys.exit(main())
