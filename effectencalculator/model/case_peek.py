"""A case's title read from the top of its file, without reading the rest.

The Vergelijken window shows each case's title, but the reopen cache holds figures and
never case text (``portfolio_cache``). Reading and checking a whole case costs
milliseconds; the title is in the first lines (``case.title``, FORMATS.md), so libyaml's
events up to it cost microseconds. Only text that a full read gives the same way is
returned; anything unusual (tags, aliases, a title that YAML reads as a number) gives
None, and the caller reads the file in full.
"""

from __future__ import annotations

from typing import Any

import yaml

from effectencalculator.model.yaml_io import MAX_FILE_BYTES

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_STR_TAG = "tag:yaml.org,2002:str"
_NULL_TAG = "tag:yaml.org,2002:null"


class _Unsure(Exception):
    """The document is not one this quick read can answer for."""


def peek_title(raw: bytes) -> str | None:
    """``case.title`` of case YAML ('' when absent); None when unsure."""
    if len(raw) > MAX_FILE_BYTES:
        return None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    loader = _Loader(text)
    try:
        return _title(loader)
    except (_Unsure, yaml.YAMLError, ValueError, TypeError):
        return None
    finally:
        loader.dispose()


def _title(loader: Any) -> str:
    get = loader.get_event
    for kind in (yaml.StreamStartEvent, yaml.DocumentStartEvent, yaml.MappingStartEvent):
        if not isinstance(get(), kind):
            raise _Unsure
    in_case = False
    while True:
        event = get()
        if isinstance(event, yaml.MappingEndEvent):
            if in_case:
                return ""  # the case has no title
            raise _Unsure  # no 'case' mapping at all: let the full read say so
        key = _plain_key(event)
        if not in_case and key == "case":
            if not isinstance(get(), yaml.MappingStartEvent):
                raise _Unsure
            in_case = True
        elif in_case and key == "title":
            title = _text(loader, get())
            _no_second_title(get)
            return title
        else:
            _skip(get)


def _no_second_title(get: Any) -> None:
    """The rest of the case mapping: a second ``title`` key (the full read takes the
    last one and reports it) makes the quick read unsure."""
    while not isinstance(event := get(), yaml.MappingEndEvent):
        if _plain_key(event) == "title":
            raise _Unsure
        _skip(get)


def _plain_key(event: Any) -> str:
    if not isinstance(event, yaml.ScalarEvent) or event.tag is not None:
        raise _Unsure  # a complex key or a tagged one
    return str(event.value)


def _text(loader: Any, event: Any) -> str:
    """The title as the case reader takes it: text as written; null is no title."""
    if not isinstance(event, yaml.ScalarEvent) or event.tag is not None \
            or event.anchor is not None:
        raise _Unsure
    if not event.implicit[0]:  # quoted or block text: always text
        return str(event.value)
    tag = loader.resolve(yaml.ScalarNode, event.value, (True, False))
    if tag == _STR_TAG:
        return str(event.value)
    if tag == _NULL_TAG:
        return ""
    raise _Unsure  # a number, date or boolean: the reader's own rules decide


def _skip(get: Any) -> None:
    """Skip one value (a scalar, or a whole mapping or sequence)."""
    event = get()
    if isinstance(event, yaml.AliasEvent):
        raise _Unsure
    if isinstance(event, yaml.ScalarEvent):
        return
    if not isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
        raise _Unsure
    depth = 1
    while depth:
        event = get()
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1
        elif isinstance(event, yaml.StreamEndEvent):
            raise _Unsure
