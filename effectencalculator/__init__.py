"""Effectencalculator: prices a family's case in two scenarios with sourced cost tables."""

__version__ = "0.1.0"
