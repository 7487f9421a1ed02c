"""Safe YAML reading with limits, location-to-line maps, and readable YAML writing.

Case files come from researchers' laptops and e-mail: they may be truncated, binary,
in the wrong encoding, or hostile (an alias bomb). So a file is read in three steps:
size check, a walk of the event stream with limits on depth and expanded node count,
and only then composition (``safe_load`` semantics, no arbitrary objects).
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml

from effectencalculator.model.validation import Finding, InvalidInputError, Severity
from effectencalculator.model.yaml_traps import (
    BOOL_TAG,
    FLOAT_TAG,
    INT_TAG,
    TIMESTAMP_TAG,
    as_text_reason,
    dutch_number,
    dutch_problem,
)

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_DEPTH = 64
MAX_NODES = 400_000  # a 20 000-line case has ~200 000 nodes


class LineMap(Mapping[str, int]):
    """Location path → 1-based line, worked out from the node graph on first use.

    Only messages need line numbers, so a valid file never pays for the walk.
    """

    def __init__(self, node: yaml.Node | None = None, text: str | None = None):
        """From a composed ``node``, or from ``text`` whose limits were already checked
        (composed only when a line is first asked for)."""
        self._node = node
        self._text = text
        self._lines: dict[str, int] | None = None
        self._only_lines: dict[str, int] | None = None  # from the events, see _line_table
        self._duplicates: list[tuple[str, int]] = []
        self._written: dict[str, str] = {}
        self._traps: list[tuple[Severity, str, int, str]] = []

    def _map(self) -> dict[str, int]:
        if self._lines is None:
            self._lines = {}
            node = self._node if self._node is not None else _compose(self._text)
            if node is not None:
                walk = _Walk(self._lines, self._duplicates, self._written, self._traps)
                walk.node(node, "")
            self._node = self._text = None
        return self._lines

    @property
    def duplicates(self) -> list[tuple[str, int]]:
        self._map()
        return self._duplicates

    @property
    def traps(self) -> list[tuple[Severity, str, int, str]]:
        """(severity, path, line, message) of YAML 1.1 readings the user did not mean."""
        self._map()
        return self._traps

    def written_text(self, path: str) -> str | None:
        """How a plain scalar read as a number, date or yes/no was written
        (``2024.10`` for a value read as 2024.1); None for text and unknown paths."""
        self._map()
        return self._written.get(path)

    def _line_table(self) -> dict[str, int]:
        """Only the lines: for text of the fast path (no anchors, aliases or complex keys,
        see ``_load_plain``) one walk of libyaml's events gives the same paths and
        lines as composing the node graph and walking it (a message about a 5 000-line
        case needed ~0,6 s for that); the rest of the walk waits until it is asked for."""
        if self._lines is not None:
            return self._lines
        if self._only_lines is None and self._node is None and self._text is not None:
            self._only_lines = _event_lines(self._text)
        return self._only_lines if self._only_lines is not None else self._map()

    def __getitem__(self, key: str) -> int:
        return self._line_table()[key]

    def __contains__(self, key: object) -> bool:
        return key in self._line_table()

    def __iter__(self) -> Iterator[str]:
        return iter(self._line_table())

    def __len__(self) -> int:
        return len(self._line_table())


@dataclass
class YamlDocument:
    """Plain data of one YAML file plus the 1-based line of each location path."""

    data: Any
    lines: Mapping[str, int]
    duplicate_keys: list[tuple[str, int]]
    sha256: str = ""
    #: what the reader itself noticed: a Dutch decimal comma in flow style, ``1:30``,
    #: ``010``, an impossible ``!!int`` (the field checks add their own findings)
    problems: list[Finding] = field(default_factory=list)


# libyaml's parser is ~10× faster; its events are produced iteratively, so the limit
# walk below is safe with it, and composition only runs after depth has been checked.
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LenientTimestamps(yaml.constructor.SafeConstructor):
    """An impossible date (2024-02-30) stays text, so that the field's own check can
    name it instead of the whole file failing. So do YAML 1.1 numbers a researcher did
    not mean (``1:30`` = 90, ``010`` = 8, ``1_000``, 400 digits) and a value its tag does
    not fit (``!!int drie``): the reader reports them, a number field refuses them by
    name, a code keeps exactly what was typed."""

    def construct_yaml_timestamp(self, node: yaml.ScalarNode) -> Any:
        text = self.construct_scalar(node)
        if as_text_reason(TIMESTAMP_TAG, text):
            return text
        try:
            return super().construct_yaml_timestamp(node)
        except (ValueError, OverflowError, AttributeError, TypeError):
            return text

    def construct_yaml_int(self, node: yaml.ScalarNode) -> Any:
        text = self.construct_scalar(node)
        return text if as_text_reason(INT_TAG, text) else int(text)

    def construct_yaml_float(self, node: yaml.ScalarNode) -> Any:
        text = self.construct_scalar(node)
        return text if as_text_reason(FLOAT_TAG, text) else super().construct_yaml_float(node)

    def construct_yaml_bool(self, node: yaml.ScalarNode) -> Any:
        text = self.construct_scalar(node)
        return text if as_text_reason(BOOL_TAG, text) else super().construct_yaml_bool(node)


for _tag, _method in ((TIMESTAMP_TAG, _LenientTimestamps.construct_yaml_timestamp),
                      (INT_TAG, _LenientTimestamps.construct_yaml_int),
                      (FLOAT_TAG, _LenientTimestamps.construct_yaml_float),
                      (BOOL_TAG, _LenientTimestamps.construct_yaml_bool)):
    _LenientTimestamps.add_constructor(_tag, _method)  # type: ignore[type-var]


class _Loader(_BaseLoader, _LenientTimestamps):  # type: ignore[misc, valid-type]
    """``safe_load`` semantics with lenient timestamps; a key given twice in one mapping
    is noticed (PyYAML would silently keep the last value)."""

    has_duplicate_keys = False

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> Any:
        keys = [k.value for k, _ in node.value if isinstance(k, yaml.ScalarNode)]
        if len(keys) != len(set(keys)):
            self.has_duplicate_keys = True
        return super().construct_mapping(node, deep)


for _tag in (TIMESTAMP_TAG, INT_TAG, FLOAT_TAG, BOOL_TAG):
    _Loader.add_constructor(
        _tag, _LenientTimestamps.yaml_constructors[_tag])


def _fail(file: str, message: str, line: int | None = None) -> InvalidInputError:
    return InvalidInputError([Finding(Severity.ERROR, "", message, file, line)])


def read_yaml_file(path: str | Path) -> YamlDocument:
    """Read, check and parse one YAML file; raise InvalidInputError with a clear message."""
    return parse_yaml_bytes(read_file_bytes(path), str(path))


def read_file_bytes(path: str | Path) -> bytes:
    """The bytes of a file, refused when too large; InvalidInputError with the reason."""
    name = str(path)
    try:
        size = Path(path).stat().st_size
        if size > MAX_FILE_BYTES:
            raise _fail(name, f"bestand is te groot ({size / 1e6:.1f} MB; "
                              f"hooguit {MAX_FILE_BYTES / 1e6:.0f} MB)")
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        raise _fail(name, "bestand niet gevonden") from None
    except IsADirectoryError:
        raise _fail(name, "dit is een map, geen bestand") from None
    except PermissionError:
        raise _fail(name, "geen leesrechten voor dit bestand") from None
    except OSError as exc:
        raise _fail(name, f"bestand kan niet gelezen worden ({exc.strerror or exc})") from None
    return raw


def parse_yaml_bytes(raw: bytes, name: str) -> YamlDocument:
    """Parse bytes that should hold one UTF-8 YAML document."""
    digest = hashlib.sha256(raw).hexdigest()
    if len(raw) > MAX_FILE_BYTES:
        raise _fail(name, f"bestand is te groot ({len(raw) / 1e6:.1f} MB)")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line: int | None = raw[: exc.start].count(b"\n") + 1
        raise _fail(name, "bestand is geen UTF-8-tekst (is het een binair bestand, of "
                          "opgeslagen in een andere tekenset zoals Latin-1?)", line) from None
    if not text.strip():
        raise _fail(name, "bestand is leeg")
    plain = _load_plain(text)
    if plain is not None:
        data, has_duplicates = plain
        lines = LineMap(text=text)
        return YamlDocument(data, lines, lines.duplicates if has_duplicates else [], digest)
    try:
        _check_limits(text, name)
        loader = _Loader(text)  # type: ignore[call-arg]  # the base is CSafeLoader
        try:
            node = loader.get_single_node()
            if node is None:
                raise _fail(name, "bestand bevat geen gegevens")
            lines = LineMap(node)
            data = loader.construct_document(node)
            duplicates = lines.duplicates if loader.has_duplicate_keys else []
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise _fail(name, f"YAML-fout: {dutch_problem(exc.problem, exc.context)}",
                    line) from None
    except yaml.reader.ReaderError as exc:
        line = text[: exc.position].count("\n") + 1 if isinstance(exc.position, int) else None
        raise _fail(name, f"YAML-fout: teken U+{exc.character:04X} is niet toegestaan "
                          "(een stuurteken; is het bestand beschadigd?)"
                    if isinstance(exc.character, int) else "YAML-fout: ongeldig teken",
                    line) from None
    except yaml.YAMLError as exc:
        raise _fail(name, f"YAML-fout: {dutch_problem(str(exc))}") from None
    except (ValueError, TypeError, OverflowError, AttributeError, KeyError):
        raise _fail(name, "onleesbare waarde in het bestand (een getal, datum of ja/nee "
                          "dat YAML niet kan lezen)") from None
    except RecursionError:
        raise _fail(name, f"te diep genest (hooguit {MAX_DEPTH} niveaus)") from None
    problems = [Finding(severity, path, message, name, line)
                for severity, path, line, message in lines.traps]
    return YamlDocument(data, lines, duplicates, digest, problems)


class _NotPlain(Exception):
    """The document needs PyYAML's full constructor (or holds an error to report)."""


_STR_TAG = "tag:yaml.org,2002:str"
_INT_TAG = "tag:yaml.org,2002:int"
_FLOAT_TAG = "tag:yaml.org,2002:float"
_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
_ScalarEvent, _MappingStart, _SequenceStart = (yaml.ScalarEvent, yaml.MappingStartEvent,
                                               yaml.SequenceStartEvent)
_MappingEnd, _SequenceEnd = yaml.MappingEndEvent, yaml.SequenceEndEvent
#: first characters ("" for the empty scalar, which is null) for which safe_load may read
#: a plain scalar as something else than text; PyYAML has no resolver for just any start
_MAYBE_NOT_TEXT = frozenset(_BaseLoader.yaml_implicit_resolvers)
assert None not in _MAYBE_NOT_TEXT
_SIMPLE_FLOAT = re.compile(r"[-+]?[0-9]*\.[0-9]*(?:[eE][-+][0-9]+)?")
_NO_KEY: Any = object()  # a mapping waiting for its next key


def _load_plain(text: str) -> tuple[Any, bool] | None:
    """Build the data straight from libyaml's events, in one pass, for the documents the
    program writes itself: no tags, anchors, aliases, merge keys or complex keys.

    Composing a node graph and running PyYAML's Python constructor over it costs about
    twice as much; a portfolio reads hundreds of cases. Anything unusual — and every
    error — returns None, and the full path (limits, composition, messages) takes over,
    so the result is always what ``safe_load`` with the limits would give.
    Returns (data, whether some mapping has a key twice).
    """
    loader = _BaseLoader(text)
    try:
        return _build_plain(loader)
    except (_NotPlain, yaml.YAMLError, ValueError, TypeError, OverflowError):
        return None
    finally:
        loader.dispose()


def _build_plain(loader: Any) -> tuple[Any, bool]:
    """The event loop of ``_load_plain``; the innermost open collection is kept in
    locals (``top``, ``is_map``, ``key``, ``keys_seen``), the outer ones on ``stack``."""
    scalars: dict[str, Any] = {}  # plain text → its value (resolved once per document)
    stack: list[tuple[Any, bool, Any, set[str] | None]] = []
    top: Any = None
    is_map = False
    key: Any = _NO_KEY
    keys_seen: set[str] | None = None  # keys as written, for duplicates
    root: Any = _NO_KEY
    duplicates = False
    nodes = 0
    after_number = -2  # in a sequence: where the last plain item ended (else -2)
    get_event = loader.get_event
    if not isinstance(get_event(), yaml.StreamStartEvent) or \
            not isinstance(get_event(), yaml.DocumentStartEvent):
        raise _NotPlain
    while True:
        event = get_event()
        kind = type(event)
        if kind is _ScalarEvent:
            if event.anchor is not None or event.tag is not None:
                raise _NotPlain
            text = event.value
            if event.implicit[0]:  # plain: read like safe_load (int, date, null, ...)
                value = scalars.get(text, _NO_KEY)
                if value is _NO_KEY:
                    value = scalars[text] = _plain_scalar(loader, text)
            elif event.implicit[1]:  # quoted or block text
                value = text
            else:
                raise _NotPlain
            nodes += 1
            if nodes > MAX_NODES:
                raise _NotPlain
            if not is_map and event.implicit[0]:
                if event.start_mark.index == after_number + 1 and text[:1].isdigit():
                    raise _NotPlain  # "[1,5]": maybe a Dutch decimal comma; see _Walk
                after_number = event.end_mark.index
            else:
                after_number = -2
            if is_map and key is _NO_KEY:
                if text in keys_seen:  # type: ignore[operator]
                    duplicates = True
                elif value in top:
                    raise _NotPlain  # 2024 and 2024.0, 1 and true: one key; see _Walk
                keys_seen.add(text)  # type: ignore[union-attr]
                key = value
                continue
            if not text and is_map and isinstance(key, (int, float)):
                raise _NotPlain  # "5:" with no value: maybe {quantity: 1,5}; see _Walk
        elif kind is _MappingStart or kind is _SequenceStart:
            after_number = -2
            if event.anchor is not None or event.tag is not None or \
                    (is_map and key is _NO_KEY):  # the last: a collection as a key
                raise _NotPlain
            stack.append((top, is_map, key, keys_seen))
            is_map = kind is _MappingStart
            top, key, keys_seen = ({} if is_map else []), _NO_KEY, (set() if is_map else None)
            nodes += 1
            if len(stack) > MAX_DEPTH or nodes > MAX_NODES:
                raise _NotPlain
            continue
        elif kind is _MappingEnd or kind is _SequenceEnd:
            value = top
            top, is_map, key, keys_seen = stack.pop()
        elif kind is yaml.DocumentEndEvent and not stack and root is not _NO_KEY:
            if not isinstance(get_event(), yaml.StreamEndEvent):
                raise _NotPlain  # more than one document
            return root, duplicates
        else:
            raise _NotPlain  # an alias, an empty document, ...
        if is_map:
            top[key] = value
            key = _NO_KEY
        elif top is not None:
            top.append(value)
        else:
            root = value


def _plain_scalar(loader: Any, text: str) -> Any:
    """The value safe_load gives a plain scalar, the common forms without PyYAML's
    generic constructor (the same result: the differential tests compare them)."""
    if text[:1] not in _MAYBE_NOT_TEXT:
        return text
    tag = loader.resolve(yaml.ScalarNode, text, (True, False))
    if tag == _STR_TAG:
        return text
    if tag == _INT_TAG:
        if as_text_reason(tag, text):
            raise _NotPlain  # 010, 1:30, 1_000, 400 digits: read as text, with a message
        return int(text)
    if tag == _FLOAT_TAG:
        if _SIMPLE_FLOAT.fullmatch(text):
            return float(text)
        if as_text_reason(tag, text):
            raise _NotPlain  # 1:30.5, 1_0.5: read as text, with a message
    if tag == _TIMESTAMP_TAG and len(text) == 10:
        try:
            return date.fromisoformat(text)  # YYYY-MM-DD; the resolver checked digits
        except ValueError:
            return text  # an impossible date stays text, as in _LenientTimestamps
    construct = _LenientTimestamps.yaml_constructors.get(tag)
    if construct is not None:  # called directly: construct_object would cache every node
        return construct(_SCALARS, yaml.ScalarNode(tag, text))
    raise _NotPlain  # a merge key "<<", "=" and such: PyYAML's rules apply


#: constructs the non-text plain scalars of the fast path (numbers, dates, null, ...)
_SCALARS = _LenientTimestamps()


def _compose(text: str | None) -> yaml.Node | None:
    """The node graph of text already checked by the fast path (for line numbers)."""
    if text is None:
        return None
    loader = _Loader(text)  # type: ignore[call-arg]
    try:
        return loader.get_single_node()
    except yaml.YAMLError:
        return None
    finally:
        loader.dispose()


def _event_lines(text: str) -> dict[str, int] | None:
    """Location path → line from the event stream, as ``_Walk`` gives them from the node
    graph (a key's line for a mapping entry, the item's for a sequence item, the first
    of a key given twice); None at an anchor, alias or complex key (the graph's job)."""
    lines: dict[str, int] = {}
    # per open collection: [is a mapping, its path, next item index or the pending key]
    stack: list[list[Any]] = []
    loader = _BaseLoader(text)
    try:
        get_event = loader.get_event
        while True:
            event = get_event()
            if event is None or isinstance(event, yaml.StreamEndEvent):
                return lines
            kind = type(event)
            if kind is _MappingEnd or kind is _SequenceEnd:
                stack.pop()
                continue
            if kind is not _ScalarEvent and kind is not _MappingStart \
                    and kind is not _SequenceStart:
                if kind is yaml.AliasEvent:
                    return None
                continue  # stream, document start/end
            if event.anchor is not None:
                return None
            path = ""
            if stack:
                top = stack[-1]
                if top[0]:
                    if top[2] is None:  # a key
                        if kind is not _ScalarEvent:
                            return None
                        child = f"{top[1]}.{event.value}" if top[1] else event.value
                        lines.setdefault(child, event.start_mark.line + 1)
                        top[2] = child
                        continue
                    path, top[2] = top[2], None
                else:
                    path = f"{top[1]}[{top[2]}]"
                    top[2] += 1
                    lines.setdefault(path, event.start_mark.line + 1)
            if kind is _MappingStart:
                stack.append([True, path, None])
            elif kind is _SequenceStart:
                stack.append([False, path, 0])
    except yaml.YAMLError:
        return None
    finally:
        loader.dispose()


def _check_limits(text: str, name: str) -> None:
    """Walk the event stream once: refuse deep nesting and alias expansion bombs."""
    stack: list[list[Any]] = []  # [anchor, expanded node count]
    anchor_sizes: dict[str, int] = {}
    total = 0
    for event in yaml.parse(text, Loader=_BaseLoader):
        size = 0
        if isinstance(event, yaml.AliasEvent):
            size = anchor_sizes.get(event.anchor or "", 1)
        elif isinstance(event, yaml.ScalarEvent):
            size = 1
            if event.anchor:
                anchor_sizes[event.anchor] = 1
        elif isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            stack.append([event.anchor, 1])
            total += 1
            if len(stack) > MAX_DEPTH:
                raise _fail(name, f"te diep genest (meer dan {MAX_DEPTH} niveaus)",
                            event.start_mark.line + 1)  # type: ignore[union-attr]
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            anchor, count = stack.pop()
            if anchor:
                anchor_sizes[anchor] = count
            if stack:
                stack[-1][1] += count
        if size:
            total += size
            if stack:
                stack[-1][1] += size
        if total > MAX_NODES:
            raise _fail(name, "bestand is te groot of bevat te veel verwijzingen "
                              "(YAML-aliassen)", event.start_mark.line + 1)  # type: ignore[union-attr]


_NULL_TAG = "tag:yaml.org,2002:null"
_NUMBER_TAGS = (_INT_TAG, _FLOAT_TAG)


class _Walk:
    """One walk of the node graph: the line of each location path, keys given twice,
    how plain non-text scalars were written, and the YAML 1.1 traps (``_LenientTimestamps``
    kept those scalars as text; this says so, with the path and line)."""

    def __init__(self, lines: dict[str, int], duplicates: list[tuple[str, int]],
                 written: dict[str, str], traps: list[tuple[Severity, str, int, str]]):
        self.lines, self.duplicates, self.written, self.traps = lines, duplicates, written, traps
        self.seen: set[int] = set()

    def node(self, node: yaml.Node, path: str) -> None:
        if id(node) in self.seen:
            return
        self.seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            self._mapping(node, path)
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                child = f"{path}[{i}]"
                self.lines.setdefault(child, item.start_mark.line + 1)
                if node.flow_style and i:
                    self._split_list_decimal(path, node.value[i - 1], item)
                self.node(item, child)
        elif isinstance(node, yaml.ScalarNode) and not node.style and \
                node.tag != _STR_TAG:
            self.written[path] = node.value
            reason = as_text_reason(node.tag, node.value)
            if reason:
                self.traps.append((Severity.WARNING, path, node.start_mark.line + 1,
                                   f"'{_short(node.value)}' is als tekst gelezen ({reason}); "
                                   f"{_ADVICE.get(node.tag, _ADVICE[_INT_TAG])}"))

    def _mapping(self, node: yaml.MappingNode, path: str) -> None:
        keys: set[str] = set()
        same: dict[Any, tuple[str, int]] = {}  # a key's value → how and where first written
        previous: tuple[str, yaml.Node] | None = None
        for key_node, value_node in node.value:
            key = str(key_node.value) if isinstance(key_node, yaml.ScalarNode) else "?"
            child = f"{path}.{key}" if path else key
            line = key_node.start_mark.line + 1
            if key in keys:
                self.duplicates.append((child, line))
            else:
                identity = _key_identity(key_node)
                first = same.setdefault(identity, (key, line))
                if first[0] != key:
                    self.traps.append((Severity.ERROR, child, line,
                                       f"'{_short(key)}' is voor YAML dezelfde sleutel als "
                                       f"'{_short(first[0])}' (regel {first[1]}): alleen de "
                                       "laatste waarde zou gelden"))
            keys.add(key)
            self.lines.setdefault(child, line)
            if node.flow_style and previous is not None:
                self._split_decimal(previous, key_node, value_node)
            previous = (child, value_node)
            self.node(value_node, child)

    def _split_decimal(self, previous: tuple[str, yaml.Node], key_node: yaml.Node,
                       value_node: yaml.Node) -> None:
        """``{quantity: 1,5}`` is read as ``quantity: 1`` plus a field ``5`` without a
        value: a Dutch decimal comma. An error on the number's field."""
        path, number = previous
        if not (isinstance(number, yaml.ScalarNode) and not number.style and
                number.tag in _NUMBER_TAGS and isinstance(key_node, yaml.ScalarNode) and
                not key_node.style and key_node.tag in _NUMBER_TAGS and
                isinstance(value_node, yaml.ScalarNode) and value_node.tag == _NULL_TAG and
                value_node.value == ""):
            return
        written = f"{number.value},{key_node.value}"
        dutch = dutch_number(written)
        advice = f"schrijf {dutch} (een punt als decimaalteken)" if dutch else \
            "zet de waarde tussen aanhalingstekens"
        self.traps.append((Severity.ERROR, path, number.start_mark.line + 1,
                           f"'{written}' is gelezen als {number.value} en een los veld "
                           f"'{key_node.value}' (tussen {{ }} scheidt een komma de velden): "
                           f"{advice}"))


    def _split_list_decimal(self, path: str, number: yaml.Node, after: yaml.Node) -> None:
        """``[1,5]`` is read as the two numbers 1 and 5: a Dutch decimal comma when only
        the comma stands between two plain numbers (``[1, 5]`` with a space is a list)."""
        if not (isinstance(number, yaml.ScalarNode) and isinstance(after, yaml.ScalarNode)
                and not number.style and not after.style and number.tag in _NUMBER_TAGS
                and after.tag == _INT_TAG
                and after.start_mark.index == number.end_mark.index + 1):
            return
        written = f"{number.value},{after.value}"
        dutch = dutch_number(written)
        if dutch is None:
            return
        self.traps.append((Severity.ERROR, path, number.start_mark.line + 1,
                           f"'{written}' is gelezen als twee getallen, {number.value} en "
                           f"{after.value} (tussen [ ] scheidt een komma de waarden): schrijf "
                           f"{dutch} (een punt als decimaalteken), of zet een spatie na de "
                           "komma als u twee waarden bedoelt"))


_ADVICE = {
    _INT_TAG: "een getal schrijft u gewoon (10 of 1.5), een code of tekst tussen "
              "aanhalingstekens ('010')",
    _FLOAT_TAG: "een getal schrijft u gewoon (1.5), een code of tekst tussen "
                "aanhalingstekens",
    _TIMESTAMP_TAG: "een datum schrijft u als 2024-03-01",
    "tag:yaml.org,2002:bool": "ja/nee schrijft u als true of false",
}


def _key_identity(node: yaml.Node) -> Any:
    """What a key is once constructed: 2024 and 2024.0, 1 and true are one key."""
    if isinstance(node, yaml.ScalarNode) and not node.style and \
            node.tag in (_INT_TAG, _FLOAT_TAG, BOOL_TAG):
        value = _LenientTimestamps.yaml_constructors[node.tag](_SCALARS, node)
        if not isinstance(value, str) and not (isinstance(value, float) and
                                               math.isnan(value)):  # NaN: never one
            return value
    return ("text", node.value) if isinstance(node, yaml.ScalarNode) else id(node)


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else f"{text[:limit]}… ({len(text)} tekens)"


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """Block style, no aliases, multi-line text as literal blocks."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _represent_str(dumper: Any, text: str) -> yaml.ScalarNode:
    if "\n" in text:
        return dumper.represent_scalar("tag:yaml.org,2002:str", text, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", text)


def _represent_moment(dumper: Any, moment: datetime) -> yaml.ScalarNode:
    """A moment as ISO 8601 with the 'T' (``2026-12-03T18:27:01+00:00``), plain like the
    dates (``2025-03-01``): one form per kind in every file (PyYAML writes a space)."""
    return dumper.represent_scalar(_TIMESTAMP_TAG, moment.isoformat())


_Dumper.add_representer(str, _represent_str)
_Dumper.add_representer(datetime, _represent_moment)


def dump_yaml(data: Any) -> str:
    """Serialise plain data to readable UTF-8 YAML, keeping key order."""
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True,
                     default_flow_style=False, width=100)
