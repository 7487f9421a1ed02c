"""Long fuzz run of the case and table loaders: prints how many inputs were handled.

Usage: python scripts/fuzz_loaders.py [N]   (default 10 000 cases and 2 000 tables)
Every input must end in a result or a validation message; anything else is counted as
a failure and its first bytes are printed.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from conftest import DEFAULT_TABLE
from fuzzing import hostile_case_bytes, hostile_table_bytes, load_and_price, load_table_bytes

from effectencalculator.model.storage import table_from_bytes


def run(strategy, check, count: int, label: str) -> bool:
    outcomes = {"valid": 0, "refused": 0, "failed": 0}
    failures: list[str] = []

    @settings(max_examples=count, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(strategy)
    def one(raw: bytes) -> None:
        try:
            outcomes[check(raw)] += 1
        except Exception as exc:  # noqa: BLE001 - counting bugs is the point here
            outcomes["failed"] += 1
            if len(failures) < 5:
                failures.append(f"{type(exc).__name__}: {exc!s:.120} <- {raw[:80]!r}")

    start = time.perf_counter()
    one()
    total = sum(outcomes.values())
    handled = outcomes["valid"] + outcomes["refused"]
    print(f"{label}: {handled}/{total} afgehandeld ({outcomes['valid']} geldig, "
          f"{outcomes['refused']} geweigerd met melding, {outcomes['failed']} fout) "
          f"in {time.perf_counter() - start:.0f} s")
    for line in failures:
        print("  ", line)
    return outcomes["failed"] == 0


def main() -> int:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    table, _ = table_from_bytes(DEFAULT_TABLE.read_bytes(), "nl-jeugd-gezin.yaml")
    ok = run(hostile_case_bytes, lambda raw: load_and_price(raw, table), count, "casussen")
    ok &= run(hostile_table_bytes(), load_table_bytes, max(1, count // 5), "kostentabellen")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
