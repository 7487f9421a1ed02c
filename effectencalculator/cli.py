"""Command line: ``effectencalculator summary|validate|report``.

Exit codes: 0 success, 2 invalid input (messages naming file and field on stderr),
1 when the report could not be written (the message says why; no file is left).
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import Sequence

from effectencalculator import __version__
from effectencalculator.model.calculation import calculate
from effectencalculator.model.cost_table import CostTable
from effectencalculator.model.storage import read_case, read_table
from effectencalculator.model.summary import summary_dict
from effectencalculator.model.tables import table_for_case
from effectencalculator.model.validation import Finding, Findings, InvalidInputError
from effectencalculator.model.yaml_io import read_yaml_file

EXIT_OK, EXIT_FAILED, EXIT_INVALID = 0, 1, 2


def _report(findings: Sequence[Finding]) -> None:
    """Print each distinct finding once (reading and calculating both check the case)."""
    seen: set[str] = set()
    for finding in findings:
        text = finding.format()
        if text not in seen:
            seen.add(text)
            print(text, file=sys.stderr)


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="effectencalculator",
        description="Effectencalculator: prijst de inzet in een casus (interventie en "
                    "referentie) met bronvermelde kostentabellen.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="OPDRACHT")

    summary = sub.add_parser("summary", help="bereken een casus en toon de uitkomsten",
                             description="Bereken een casus: totalen per scenario, per "
                                         "financier, besparingen, baten en rendement.")
    summary.add_argument("case", metavar="CASUS", help="casusbestand (.yaml)")
    summary.add_argument("--table", metavar="BESTAND",
                         help="reken met deze kostentabel in plaats van die van de casus")
    summary.add_argument("--json", action="store_true",
                         help="uitvoer als JSON (bedragen afgerond op centen)")

    validate = sub.add_parser("validate", help="controleer casus- en kostentabelbestanden",
                              description="Controleer bestanden; exit 0 als alles geldig is, "
                                          "2 bij fouten (meldingen op stderr).")
    validate.add_argument("files", nargs="+", metavar="BESTAND")
    validate.add_argument("--table", metavar="BESTAND",
                          help="controleer casussen tegen deze kostentabel")

    report = sub.add_parser("report", help="maak het PDF-casusrapport",
                            description="Maak het casusrapport (PDF, A4) van een casus. "
                                        "Dezelfde casus en kostentabel geven een identiek "
                                        "bestand.")
    report.add_argument("case", metavar="CASUS", help="casusbestand (.yaml)")
    report.add_argument("-o", "--output", required=True, metavar="BESTAND.pdf",
                        help="het te schrijven PDF-bestand")
    report.add_argument("--table", metavar="BESTAND",
                        help="reken met deze kostentabel in plaats van die van de casus")
    report.add_argument("--date", type=_iso_date, metavar="JJJJ-MM-DD",
                        help="datum op het rapport (standaard: de laatste opslag van de "
                             "casus, anders de sessiedatum)")
    return parser


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is geen datum (JJJJ-MM-DD)") from None


def main(argv: Sequence[str] | None = None) -> int:
    parser = _build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_OK
    try:
        if args.command == "summary":
            return _summary(args)
        if args.command == "report":
            return _report_pdf(args)
        return _validate(args)
    except InvalidInputError as exc:
        _report(exc.findings)
        return EXIT_INVALID


def _summary(args: argparse.Namespace) -> int:
    case, findings = read_case(args.case)
    if findings.has_errors:
        _report(findings.items)
        return EXIT_INVALID
    table, notes = table_for_case(case, args.table, args.case)
    try:
        result = calculate(case, table)
    except InvalidInputError as exc:
        _report(_in_file(exc.findings, args.case, findings))
        return EXIT_INVALID
    _report(findings.warnings + notes + _in_file(result.warnings, args.case, findings))
    if args.json:
        print(json.dumps(summary_dict(result), ensure_ascii=False, indent=2))
    else:
        from effectencalculator.report.text_summary import summary_text
        sys.stdout.write(summary_text(case, result))
    return EXIT_OK


def _report_pdf(args: argparse.Namespace) -> int:
    """Price the case, then write the PDF atomically; on any error no file is left."""
    from effectencalculator.model.storage import SaveError
    from effectencalculator.report.build import write_report_pdf

    case, findings = read_case(args.case)
    if findings.has_errors:
        _report(findings.items)
        return EXIT_INVALID
    table, notes = table_for_case(case, args.table, args.case)
    try:
        result = calculate(case, table)
    except InvalidInputError as exc:
        _report(_in_file(exc.findings, args.case, findings))
        return EXIT_INVALID
    _report(findings.warnings + notes + _in_file(result.warnings, args.case, findings))
    try:
        write_report_pdf(case, table, args.output, created=args.date)
    except SaveError as exc:
        print(f"fout: {exc}", file=sys.stderr)
        return EXIT_FAILED
    print(f"rapport geschreven: {args.output}")
    return EXIT_OK


def _in_file(items: Sequence[Finding], file: str, context: Findings) -> list[Finding]:
    """Findings of the calculation, placed in the case file with line numbers."""
    placed = Findings(file=file, lines=context.lines)
    for f in items:
        (placed.error if f.is_error else placed.warning)(f.path, f.message)
    return placed.items


def _validate(args: argparse.Namespace) -> int:
    status = EXIT_OK
    override = None
    if args.table:
        override, table_findings = read_table(args.table)
        if table_findings.has_errors:
            _report(table_findings.items)
            return EXIT_INVALID
    for name in args.files:
        try:
            ok, kind, findings = _validate_one(Path(name), override)
        except InvalidInputError as exc:
            _report(exc.findings)
            status = EXIT_INVALID
            continue
        _report(findings)
        warnings = len({f.format() for f in findings if not f.is_error})
        if ok:
            print(f"{name}: geldig ({kind}"
                  + (f", {warnings} waarschuwing(en))" if warnings else ")"))
        else:
            status = EXIT_INVALID
    return status


def _validate_one(path: Path, override: CostTable | None) -> tuple[bool, str, list[Finding]]:
    document = read_yaml_file(path)
    data = document.data
    is_table = isinstance(data, dict) and "items" in data and "scenarios" not in data \
        and "case" not in data
    if is_table:
        _, findings = read_table(path)
        return not findings.has_errors, "kostentabel", findings.items
    case, findings = read_case(path)
    if findings.has_errors:
        return False, "casus", findings.items
    if override is not None:
        table, notes = override, []
    else:
        table, notes = table_for_case(case, None, str(path))
    try:
        result = calculate(case, table)
    except InvalidInputError as exc:
        return False, "casus", findings.items + _in_file(exc.findings, str(path), findings)
    return True, "casus", (findings.items + notes +
                           _in_file(result.warnings, str(path), findings))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
