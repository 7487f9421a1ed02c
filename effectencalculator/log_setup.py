"""The program's one logging handler, set up by its entry points (CLI and window).

Modules log through ``logging.getLogger(__name__)``; nothing is printed from library
code. Warnings and errors go to standard error with the module's name; the environment
variable ``EFFECTENCALCULATOR_LOG`` (``DEBUG``, ``INFO`` …) shows more.
"""

from __future__ import annotations

import logging
import os

LEVEL_ENV = "EFFECTENCALCULATOR_LOG"


def configure_logging() -> None:
    """Add the handler once; leave a root logger that already has one (tests, a host
    program) alone."""
    root = logging.getLogger()
    if root.handlers:
        return
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    level = logging.getLevelName(os.environ.get(LEVEL_ENV, "WARNING").strip().upper())
    root.setLevel(level if isinstance(level, int) else logging.WARNING)
