"""Cost tables shipped with the program (installed as ``effectencalculator.cost_tables``)."""
