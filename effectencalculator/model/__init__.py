"""The domain: cases, cost tables, validation, storage and the calculation.

Nothing in this package may import Qt: the CLI, the report and the GUI all read
the same objects and the same calculation results.
"""
