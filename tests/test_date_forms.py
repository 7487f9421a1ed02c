"""One written form per kind of date (issue 11, "Files"): every date is a plain ISO date
(``2025-03-01``, FORMATS.md) and a save's time a plain ISO 8601 timestamp
(``2026-12-03T18:27:01+00:00``) — the save history's time used to be a quoted string
beside plain dates. A saved case read back and written again gives the same bytes."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from conftest import EXAMPLE_CASE

from effectencalculator.model.case import HistoryEntry
from effectencalculator.model.storage import case_to_text, load_case, save_case
from effectencalculator.model.tables import table_for_case

NOW = datetime(2026, 12, 3, 18, 27, 1, tzinfo=UTC)


def test_every_date_and_moment_is_written_plain_in_one_form(tmp_path):
    case = load_case(EXAMPLE_CASE)
    table, _ = table_for_case(case)
    target = tmp_path / "casus.yaml"
    save_case(case, target, table, now=NOW)
    text = target.read_text(encoding="utf-8")
    assert "- time: 2026-12-03T18:27:01+00:00\n" in text
    # no date or moment in quotes, and no moment with a space for the 'T'
    assert not re.search(r"""['"]\d{4}-\d\d-\d\d""", text)
    assert not re.search(r"\d{4}-\d\d-\d\d \d\d:\d\d", text)
    assert re.search(r"session_date: \d{4}-\d\d-\d\d\n", text)
    assert load_case(target).history[-1].time == "2026-12-03T18:27:01+00:00"


def test_save_load_save_gives_identical_bytes(tmp_path):
    case = load_case(EXAMPLE_CASE)
    table, _ = table_for_case(case)
    first, second = tmp_path / "een.yaml", tmp_path / "twee.yaml"
    save_case(case, first, table, now=NOW)
    again = load_case(first)
    assert case_to_text(again).encode("utf-8") == first.read_bytes()   # load → write
    save_case(again, second, table, now=NOW)                          # save → load → save
    one, two = first.read_bytes(), second.read_bytes()
    # identical bytes, and after them only the history entry this save appends
    assert two.startswith(one)
    added = two[len(one):].decode("utf-8")
    assert added.startswith("- time: 2026-12-03T18:27:01+00:00\n  program_version: ")
    assert added.count("- time:") == 1


def test_a_quoted_time_of_an_older_file_is_read_and_written_in_the_one_form(tmp_path):
    case = load_case(EXAMPLE_CASE)
    case.history = [HistoryEntry(time="2026-01-05T09:00:00+00:00", program_version="0.0.9")]
    old = case_to_text(case).replace("time: 2026-01-05T09:00:00+00:00",
                                     "time: '2026-01-05T09:00:00+00:00'")
    assert "time: '2026-01-05T09:00:00+00:00'" in old          # as older versions wrote it
    path = tmp_path / "oud.yaml"
    path.write_text(old, encoding="utf-8")
    read = load_case(path)
    assert read.history[0].time == "2026-01-05T09:00:00+00:00"
    assert "- time: 2026-01-05T09:00:00+00:00\n" in case_to_text(read)


def test_a_hand_typed_time_stays_text():
    case = load_case(EXAMPLE_CASE)
    case.history = [HistoryEntry(time="ergens in 2025", program_version="0.0.9")]
    assert "- time: ergens in 2025\n" in case_to_text(case)
