"""Spreadsheet exports (XLSX, CSV) of a case and of a portfolio, for evaluators."""
