"""The chapters of the case report, one module each, built as plain content blocks
from a ``Context`` (the case, its result and what was computed from it)."""
