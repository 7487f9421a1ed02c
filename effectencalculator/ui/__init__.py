"""The desktop program (PySide6): thin adapters over the model."""
