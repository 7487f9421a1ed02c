"""A region's own cost table, drafted in the window (FORMATS.md 1.1 ``extends``).

The draft keeps every cell as the text the researcher typed and reads it the Dutch way
only when it is checked, so a cell that does not parse is named (row, field) and nothing
is written until every cell reads. What is written is a table that ``extends`` its base:
only the base items whose tariff changed, with their source and price year, and the new
items, complete. The file is checked by the same loader as any table before it replaces
anything on disk.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from effectencalculator.model.cost_table import CostItem, CostTable
from effectencalculator.model.dutch_input import number_text, parse_number, parse_year
from effectencalculator.model.storage import atomic_write_text, load_table, table_from_bytes
from effectencalculator.model.table_schema import MAX_TARIFF, NAME_PATTERN
from effectencalculator.model.validation import Finding, InvalidInputError, Severity
from effectencalculator.model.vocabulary import KINDS, PAYERS, SCHEMA_VERSION, UNITS
from effectencalculator.model.yaml_io import dump_yaml, read_yaml_file

#: the columns of a draft row: field key -> Dutch label (as the dialog shows it)
FIELDS: dict[str, str] = {
    "id": "Code", "name": "Naam", "category": "Categorie", "kind": "Soort",
    "unit": "Eenheid", "payer": "Financier", "tariff": "Tarief", "price_year": "Prijspeil",
    "source": "Bron", "url": "URL", "low": "Laag", "high": "Hoog",
}
#: what a researcher may change on a base item (the rest stays the base's)
OVERRIDE_FIELDS = ("tariff", "price_year", "source", "url", "low", "high")
HEAD_LABELS = {"name": "Naam", "version": "Versie", "title": "Titel",
               "description": "Regio / omschrijving"}
CHOICES = {"kind": KINDS, "unit": UNITS, "payer": PAYERS}
_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")


@dataclass(frozen=True)
class Problem:
    """A cell (or a heading field) that keeps the draft from being saved."""

    field: str
    message: str
    row: int | None = None     # None: a field of the table itself
    code: str = ""

    def format(self) -> str:
        label = HEAD_LABELS.get(self.field) if self.row is None else FIELDS.get(self.field)
        label = label or self.field
        if self.row is None:
            return f"{label}: {self.message}"
        code = f" ({self.code})" if self.code else ""
        return f"Regel {self.row + 1}{code}, {label}: {self.message}"


class DraftProblems(ValueError):
    """The draft cannot be written; ``problems`` says where and why."""

    def __init__(self, problems: list[Problem]):
        super().__init__("; ".join(p.format() for p in problems))
        self.problems = problems


@dataclass
class DraftRow:
    """One item of the own table: a changed base item (``base_id``) or a new one."""

    texts: dict[str, str]
    base_id: str = ""
    #: the source id the row cited when it was read (kept while its text is unchanged)
    source_id: str = ""
    #: fields of an item read from a file that the dialog does not show (written back)
    kept: dict[str, Any] = field(default_factory=dict)

    @property
    def is_override(self) -> bool:
        return bool(self.base_id)

    def text(self, key: str) -> str:
        return self.texts.get(key, "")


def _item_texts(item: CostItem, default_year: int) -> dict[str, str]:
    return {"id": item.id, "name": item.name, "category": item.category, "kind": item.kind,
            "unit": item.unit, "payer": item.payer, "tariff": number_text(item.tariff, 2),
            "price_year": str(item.price_year or default_year)}


@dataclass
class OwnTableDraft:
    """The table being made or edited: its heading, its base and its rows."""

    base: CostTable
    name: str = ""
    version: str = "1"
    title: str = ""
    description: str = ""
    price_year: int = 0
    rows: list[DraftRow] = field(default_factory=list)
    #: the file being edited (None: a new table)
    path: Path | None = None
    #: the own file's sources as read: id -> its plain data
    own_sources: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: top-level keys of an edited file that the dialog does not show (written back)
    kept: dict[str, Any] = field(default_factory=dict)
    #: names of the tables already present (a new table may not take one)
    taken_names: set[str] = field(default_factory=set)

    # -- making -------------------------------------------------------------------
    @classmethod
    def new(cls, base: CostTable, taken_names: set[str] | None = None) -> OwnTableDraft:
        return cls(base=base, price_year=base.price_year, taken_names=set(taken_names or ()))

    @classmethod
    def from_file(cls, path: Path, find_base: Callable[[str, str, Path], Path | None]
                  ) -> OwnTableDraft:
        """An own table file read back for editing; InvalidInputError when it is none."""
        data = read_yaml_file(path).data
        extends = data.get("extends") if isinstance(data, dict) else None
        if not isinstance(extends, dict) or not extends.get("name"):
            raise InvalidInputError([Finding(
                Severity.ERROR, "extends", "dit is geen eigen tabel (zonder 'extends' op een "
                "basistabel); alleen een eigen tabel is hier te bewerken", str(path))])
        assert isinstance(data, dict)
        version = "" if extends.get("version") is None else str(extends["version"])
        base_path = find_base(str(extends["name"]), version, path.parent)
        if base_path is None:
            raise InvalidInputError([Finding(
                Severity.ERROR, "extends.name", f"basistabel '{extends['name']}' niet "
                "gevonden", str(path))])
        base = load_table(base_path)
        draft = cls(base=base, name=str(data.get("name", "")),
                    version=str(data.get("version", "")), title=str(data.get("title") or ""),
                    description=str(data.get("description") or ""),
                    price_year=int(data.get("price_year") or base.price_year), path=path)
        shown = {"schema_version", "name", "version", "title", "description", "price_year",
                 "extends", "sources", "items"}
        draft.kept = {k: v for k, v in data.items() if k not in shown}
        for source in data.get("sources") or []:
            if isinstance(source, dict) and source.get("id"):
                draft.own_sources[str(source["id"])] = dict(source)
        for raw in data.get("items") or []:
            if isinstance(raw, dict):
                draft.rows.append(draft._row_from_data(raw))
        return draft

    def _row_from_data(self, raw: dict[str, Any]) -> DraftRow:
        item_id = str(raw.get("id", ""))
        base_item = self.base.items.get(item_id)
        texts = _item_texts(base_item, self.base.price_year) if base_item else {"id": item_id}
        texts["price_year"] = ""
        for key in ("name", "category", "kind", "unit", "payer"):
            if raw.get(key) is not None:
                texts[key] = str(raw[key])
        if raw.get("tariff") is not None:
            texts["tariff"] = number_text(float(raw["tariff"]), 2)
        if raw.get("price_year") is not None:
            texts["price_year"] = str(raw["price_year"])
        for key in ("low", "high"):
            if isinstance(raw.get(key), int | float):
                texts[key] = number_text(float(raw[key]), 2)
        source_id = raw.get("source") if isinstance(raw.get("source"), str) else ""
        source = self._source_data(str(source_id)) if source_id else {}
        texts["source"] = str(source.get("title") or source_id or "")
        texts["url"] = str(source.get("url") or "")
        written = set(FIELDS) | {"id"}
        if source_id or raw.get("source") is None:
            written.add("source")
        kept = {k: v for k, v in raw.items() if k not in written}
        return DraftRow(texts, item_id if base_item else "", str(source_id or ""), kept)

    def _source_data(self, source_id: str) -> dict[str, Any]:
        if source_id in self.own_sources:
            return self.own_sources[source_id]
        base = self.base.sources.get(source_id)
        return {"id": base.id, "title": base.title, "url": base.url} if base else {}

    # -- editing ------------------------------------------------------------------
    def add_base_item(self, item_id: str) -> int:
        """Copy a base item to change its tariff; the row of an item already copied."""
        for i, row in enumerate(self.rows):
            if row.base_id == item_id:
                return i
        item = self.base.items[item_id]
        texts = _item_texts(item, self.base.price_year)
        texts["price_year"] = ""  # the new tariff's year is asked, never assumed
        self.rows.append(DraftRow(texts, base_id=item_id))
        return len(self.rows) - 1

    def add_new_item(self) -> int:
        self.rows.append(DraftRow({"kind": "inzet", "payer": "gemeente"}))
        return len(self.rows) - 1

    def remove_row(self, row: int) -> None:
        del self.rows[row]

    def editable(self, row: int, key: str) -> bool:
        return not self.rows[row].is_override or key in OVERRIDE_FIELDS

    def set_text(self, row: int, key: str, text: str) -> None:
        self.rows[row].texts[key] = text

    def base_text(self, row: int, key: str) -> str:
        """The base item's value of a field (shown beside a changed one)."""
        item = self.base.items.get(self.rows[row].base_id)
        if item is None:
            return ""
        return _item_texts(item, self.base.price_year).get(key, "")

    # -- checking -----------------------------------------------------------------
    def problems(self) -> list[Problem]:
        found = self._head_problems()
        for i in range(len(self.rows)):
            found += self._row_problems(i)
        if not self._written_rows() and not found:
            found.append(Problem("items", "neem een post uit de basistabel over en wijzig het "
                                          "tarief, of voeg een nieuwe post toe", 0))
        return found

    def _head_problems(self) -> list[Problem]:
        found = []
        name = self.name.strip()
        if not name:
            found.append(Problem("name", "vul een naam in (kleine letters, cijfers en '-', "
                                         "bijv. regio-utrecht-west)"))
        elif not NAME_PATTERN.match(name):
            found.append(Problem("name", f"'{name}' mag alleen kleine letters a-z, cijfers en "
                                         "'-' bevatten"))
        elif name == self.base.name:
            found.append(Problem("name", "de eigen tabel heeft een andere naam nodig dan de "
                                         f"basistabel '{self.base.name}'"))
        elif self.path is None and name in self.taken_names:
            found.append(Problem("name", f"er is al een kostentabel '{name}'; kies een andere "
                                         "naam"))
        if not self.version.strip():
            found.append(Problem("version", "vul een versie in, bijv. 2026.1"))
        return found

    def _row_problems(self, i: int) -> list[Problem]:
        row = self.rows[i]
        code = row.text("id").strip()
        found: list[Problem] = []

        def add(key: str, message: str) -> None:
            found.append(Problem(key, message[:1].lower() + message[1:], i, code))

        if row.is_override and not self._changed(row):
            return found
        if not row.is_override:
            self._new_item_problems(i, add)
        tariff = parse_number(row.text("tariff"), maximum=MAX_TARIFF)
        if not tariff.ok:
            add("tariff", tariff.reason)
        year = parse_year(row.text("price_year"), required=True, minimum=1990, maximum=2100)
        if not year.ok:
            add("price_year", year.reason if row.text("price_year").strip() else
                "vul het prijsjaar van het tarief in (het jaar waarin het bedrag gold)")
        elif year.value is not None:
            self._index_problem(year.value, add)
        if not row.text("source").strip():
            add("source", "vul de bron van het tarief in: een titel (contract, offerte, "
                          "besluit) of een korte toelichting")
        url = row.text("url").strip()
        if url and not re.match(r"^https?://\S+$", url):
            add("url", f"'{url}' is geen webadres (begint met https://)")
        if tariff.ok and tariff.value is not None:
            self._range_problems(row, tariff.value, add)
        return found

    def _new_item_problems(self, i: int, add: Callable[[str, str], None]) -> None:
        row = self.rows[i]
        code = row.text("id").strip()
        if not code:
            add("id", "vul een code in, bijv. RVT-DUO-UUR")
        elif not _CODE.match(code):
            add("id", f"'{code}' mag alleen letters, cijfers, '-', '_' en '.' bevatten")
        elif code in self.base.items:
            add("id", f"'{code}' staat al in de basistabel; neem die post over om zijn "
                      "tarief te wijzigen")
        elif [r.text("id").strip() for r in self.rows].count(code) > 1:
            add("id", f"'{code}' komt dubbel voor")
        if not row.text("name").strip():
            add("name", "vul een naam in")
        for key, words in CHOICES.items():
            if choice_value(key, row.text(key)) is None:
                typed = row.text(key).strip()
                add(key, (f"'{typed}' is onbekend; " if typed else "") +
                    f"kies uit: {', '.join(words)}")

    def _index_problem(self, year: int, add: Callable[[str, str], None]) -> None:
        values = self.base.index.values
        if year != self.price_year and (year not in values or self.price_year not in values):
            known = f" (de index kent {min(values)}–{max(values)})" if values else ""
            add("price_year", f"het prijsjaar {year} staat niet in de prijsindex van de "
                              f"basistabel{known}, dus het tarief is niet naar andere jaren "
                              "om te rekenen")

    def _range_problems(self, row: DraftRow, tariff: float,
                        add: Callable[[str, str], None]) -> None:
        bounds: dict[str, float | None] = {}
        for key in ("low", "high"):
            parsed = parse_number(row.text(key), required=False, maximum=MAX_TARIFF)
            if not parsed.ok:
                add(key, parsed.reason)
                return
            bounds[key] = parsed.value
        base = self.base.items.get(row.base_id)
        inherited = {k: getattr(base, k) if base is not None and bounds[k] is None else None
                     for k in ("low", "high")}
        low, high = bounds["low"], bounds["high"]
        if low is not None and low > tariff:
            add("low", f"de ondergrens {number_text(low, 2)} is hoger dan het tarief")
        if high is not None and high < tariff:
            add("high", f"de bovengrens {number_text(high, 2)} is lager dan het tarief")
        old_low, old_high = inherited["low"], inherited["high"]
        if (old_low is not None and old_low > tariff) or (
                old_high is not None and old_high < tariff):
            add("low" if old_low is not None and old_low > tariff else "high",
                "het nieuwe tarief valt buiten de bandbreedte van de basispost ("
                f"{number_text(old_low, 2) if old_low is not None else '?'} – "
                f"{number_text(old_high, 2) if old_high is not None else '?'}); vul een eigen "
                "Laag en Hoog in")

    def _changed(self, row: DraftRow) -> bool:
        """A copied base item is written only when something of it was changed."""
        if any(row.text(k).strip() for k in ("price_year", "source", "url", "low", "high")):
            return True
        tariff = parse_number(row.text("tariff"))
        base = self.base.items.get(row.base_id)
        return not tariff.ok or base is None or tariff.value != base.tariff

    def _written_rows(self) -> list[DraftRow]:
        return [r for r in self.rows if not r.is_override or self._changed(r)]

    def unchanged_codes(self) -> list[str]:
        """Copied base items that nothing was changed of (they are not written)."""
        return [r.base_id for r in self.rows if r.is_override and not self._changed(r)]

    # -- writing ------------------------------------------------------------------
    def file_path(self, folder: Path) -> Path:
        return self.path if self.path is not None else folder / f"{self.name.strip()}.yaml"

    def to_data(self) -> dict[str, Any]:
        """The table file's plain data; DraftProblems when a cell does not read."""
        problems = self.problems()
        if problems:
            raise DraftProblems(problems)
        data: dict[str, Any] = {"schema_version": SCHEMA_VERSION, "name": self.name.strip(),
                                "version": self.version.strip()}
        if self.title.strip():
            data["title"] = self.title.strip()
        if self.description.strip():
            data["description"] = self.description.strip()
        data["price_year"] = self.price_year
        data["extends"] = {"name": self.base.name, "version": self.base.version}
        data.update(self.kept)
        sources = {k: dict(v) for k, v in self.own_sources.items()}
        items = [self._item_data(row, sources) for row in self._written_rows()]
        if sources:
            data["sources"] = list(sources.values())
        data["items"] = items
        return data

    def _item_data(self, row: DraftRow, sources: dict[str, dict[str, Any]]) -> dict[str, Any]:
        item: dict[str, Any] = {"id": row.text("id").strip()}
        if not row.is_override:
            item["name"] = row.text("name").strip()
            if row.text("category").strip():
                item["category"] = row.text("category").strip()
            for key in ("kind", "unit"):
                item[key] = choice_value(key, row.text(key))
        item["tariff"] = parse_number(row.text("tariff")).value
        item["price_year"] = parse_year(row.text("price_year")).value
        if not row.is_override:
            item["payer"] = choice_value("payer", row.text("payer"))
        item["source"] = self._source_id(row, sources)
        for key in ("low", "high"):
            value = parse_number(row.text(key), required=False).value
            if value is not None:
                item[key] = value
        item.update(row.kept)
        return item

    def _source_id(self, row: DraftRow, sources: dict[str, dict[str, Any]]) -> str:
        """The id of the row's source: the one it had, one with the same title and URL,
        else a new own source (an id the base does not use: ids may not collide)."""
        title, url = row.text("source").strip(), row.text("url").strip()

        def same(data: dict[str, Any]) -> bool:
            return str(data.get("title") or data.get("id") or "") == title and \
                str(data.get("url") or "") == url

        if row.source_id and same(self._source_data(row.source_id)):
            return row.source_id
        for source_id, data in sources.items():
            if same(data):
                return source_id
        for source_id, base_source in self.base.sources.items():
            if base_source.title == title and base_source.url == url:
                return source_id
        n = 1
        while f"{self.name.strip()}-bron-{n}" in sources or \
                f"{self.name.strip()}-bron-{n}" in self.base.sources:
            n += 1
        new_id = f"{self.name.strip()}-bron-{n}"
        sources[new_id] = {"id": new_id, "title": title, **({"url": url} if url else {})}
        return new_id


def choice_value(key: str, text: str) -> str | None:
    """A word of the closed list (kind, unit, payer), typed in any case, or None."""
    words = CHOICES[key]
    cleaned = text.strip().split(" (")[0].casefold()
    return next((w for w in words if w.casefold() == cleaned), None)


def save_draft(draft: OwnTableDraft, folder: Path) -> CostTable:
    """Write the draft into ``folder`` (or over the file it was read from) and read it back.

    The text is checked by the table loader before anything is written, so a table the
    loader refuses never replaces a file; the write itself is atomic. DraftProblems for
    a cell that does not read, InvalidInputError with the loader's findings otherwise.
    """
    data = draft.to_data()
    path = draft.file_path(folder)
    text = dump_yaml(data)
    _table, findings = table_from_bytes(text.encode("utf-8"), str(path))
    errors = [f for f in findings if f.is_error]
    if errors:
        raise InvalidInputError(errors)
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(path, text)
    return load_table(path)
