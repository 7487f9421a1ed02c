"""The summary as CSV: one row per figure, from ``summary_dict`` (no Qt).

Semicolon-separated with decimal commas and a UTF-8 byte order mark, so Dutch Excel
opens it directly; amounts in euros rounded to cents (as in ``summary --json``).
"""

from __future__ import annotations

import csv
import io
from typing import Any

HEADER = ["onderdeel", "scenario", "sleutel", "waarde"]


def _number(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, (int, float)):
        text = f"{value:.2f}" if isinstance(value, float) else str(value)
        return text.replace(".", ",")
    return str(value)


def summary_rows(summary: dict[str, Any]) -> list[list[str]]:
    rows: list[list[str]] = []
    rows.append(["casus", "", "code", summary["case"]])
    rows.append(["casus", "", "prijspeil", str(summary["price_year"])])
    table = summary["cost_table"]
    rows.append(["casus", "", "kostentabel", f"{table['name']} {table['version']}"])
    rows.append(["casus", "", "kostentabel_sha256", table["sha256"]])
    rows.append(["casus", "", "disconteringsvoet", _number(summary["discount_rate"])])
    rows.append(["casus", "", "tijdshorizon_jaren", _number(summary["horizon_years"])])
    for sid, s in summary["scenarios"].items():
        rows.append(["scenario", sid, "naam", s["label"]])
        rows.append(["scenario", sid, "rol", s["role"]])
        rows.append(["scenario", sid, "totaal", _number(s["total"])])
        rows.append(["scenario", sid, "investering", _number(s["investment"])])
        rows.append(["scenario", sid, "niet_geprijsd", str(s["unpriced_lines"])])
        for group in ("by_kind", "by_payer", "by_category", "by_year"):
            for key, value in s[group].items():
                rows.append([f"scenario_{group}", sid, key, _number(value)])
    c = summary["comparison"]
    if c is not None:
        pair = f"{c['reference']}-{c['intervention']}"
        for key in ("net_result", "besparingen", "baten", "investment"):
            rows.append(["vergelijking", pair, key, _number(c[key])])
        ret = c["return_per_euro"]
        rows.append(["vergelijking", pair, "return_per_euro",
                     "" if ret is None else f"{ret:.4f}".replace(".", ",")])
        for group in ("by_payer", "besparingen_by_payer", "baten_by_payer", "by_category"):
            for key, value in c[group].items():
                rows.append([f"vergelijking_{group}", pair, key, _number(value)])
    for warning in summary.get("warnings", []):
        rows.append(["melding", "", "waarschuwing", warning])
    return rows


def summary_csv(summary: dict[str, Any]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(HEADER)
    writer.writerows(summary_rows(summary))
    return "\ufeff" + out.getvalue()
