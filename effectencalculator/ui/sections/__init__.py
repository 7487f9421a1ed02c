"""One editor widget per section of a case."""
