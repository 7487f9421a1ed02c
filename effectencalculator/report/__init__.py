"""The case report: content from the calculation, and its rendering (DESIGN.md)."""
