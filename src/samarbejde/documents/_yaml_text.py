"""YAML read safely: from parser events, with positions, limits and no surprises.

The document is built from the event stream of PyYAML's safe parser (libyaml when
present), never by a constructor, so no tag can create an object. Explicit tags other
than ``!!str`` are refused, and so are anchors and aliases (the "billion laughs"
attack needs them; portfolio documents do not). Building is iterative with a depth
limit. Keys are always text. Plain scalars are read as YAML 1.1 reads them, except
that numbers are only decimal (``0x1F``, ``0o17``, ``1_000`` and ``1:30`` stay text)
and time stamps stay text for the date hooks to check.

Two things YAML 1.1 tools do to documents are undone or explained here. PyYAML reads
the key ``on`` as the boolean true and writes it back as ``true``; no key of the
format is called ``true``, so a plain key ``true`` is read as ``on`` (design decision
D33). A comma in a flow mapping ends the text before it (``{post: Koordinator,
Brabrand}`` holds a key ``Brabrand`` with no value); such a key is reported with the
fix, quoting the text.
"""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Iterable
from typing import Any, ClassVar

import yaml
from yaml import events

from samarbejde.documents._locate import Path, SourceMap
from samarbejde.documents._problems import (
    MAX_NUMBER_DIGITS,
    Issue,
    ParseFailure,
    Said,
    add_issue,
    said,
)
from samarbejde.documents._yaml_log import EventLog, LoggedYaml

__all__ = ["dumps_yaml", "locate_yaml", "scan_yaml"]


def libyaml_usable() -> bool:
    """Whether PyYAML's libyaml binding works with the ``yaml`` module we imported.

    The binding is a C extension: it keeps the ``yaml`` module it was first loaded
    with. When ``yaml`` has been imported afresh since (some coverage and test set-ups
    clear ``sys.modules``), its events and errors are other classes than ours, and
    reading or writing through it would go wrong; then the pure-Python classes serve.
    """
    binding = sys.modules.get("yaml._yaml")
    return hasattr(yaml, "CSafeLoader") and getattr(binding, "yaml", None) is yaml


_LIBYAML = libyaml_usable()
_Loader: type[Any] = yaml.CSafeLoader if _LIBYAML else yaml.SafeLoader
_BaseDumper: type[Any] = yaml.CSafeDumper if _LIBYAML else yaml.SafeDumper


class _Dumper(_BaseDumper):  # type: ignore[misc]
    """Writes dates unquoted: this reader keeps time stamps as text for the date hooks."""

    yaml_implicit_resolvers: ClassVar[dict[str, list[tuple[str, Any]]]] = {
        first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in _BaseDumper.yaml_implicit_resolvers.items()
    }


_RESOLVER = yaml.resolver.Resolver()
_STR_TAGS = frozenset({"tag:yaml.org,2002:str", "!"})
_MAP_TAG, _SEQ_TAG = "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"
_ALLOWED_TAGS = frozenset({None, *_STR_TAGS, _MAP_TAG, _SEQ_TAG})
#: The explicit tags each kind of node may carry, and the kind's name: a tag that
#: contradicts its node (``!!map samarbejde/1``, ``!!str []``) is refused, as every
#: YAML loader refuses it. ``!`` (non-specific) fits a node of any kind.
_FITTING_TAGS: dict[type[events.NodeEvent], tuple[frozenset[str | None], str]] = {
    events.ScalarEvent: (frozenset({None, *_STR_TAGS}), "scalar"),
    events.MappingStartEvent: (frozenset({None, "!", _MAP_TAG}), "mapping"),
    events.SequenceStartEvent: (frozenset({None, "!", _SEQ_TAG}), "sequence"),
}
_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_FLOAT = re.compile(r"[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?")
_BOOLS = {"yes": True, "true": True, "on": True, "no": False, "false": False, "off": False}
#: How YAML 1.1 writers (PyYAML's ``safe_dump``) write the key ``on`` they read as true.
_ON_WRITTEN_AS = frozenset({"true", "True", "TRUE"})


def _scalar(event: events.ScalarEvent) -> object:
    value: str = event.value
    if event.tag in _STR_TAGS or not event.implicit[0] or len(value) > MAX_NUMBER_DIGITS:
        return value  # long plain scalars stay text: no number of the format is that long
    tag = _RESOLVER.resolve(yaml.ScalarNode, value, (True, False))  # type: ignore[no-untyped-call]
    if tag == "tag:yaml.org,2002:null":
        return None
    if tag == "tag:yaml.org,2002:bool":
        return _BOOLS[value.lower()]
    if tag == "tag:yaml.org,2002:int" and _INT.fullmatch(value):
        return int(value)
    if tag == "tag:yaml.org,2002:float" and _FLOAT.fullmatch(value):
        return float(value)
    return value


@functools.lru_cache(maxsize=4096)
def _plain(value: str) -> object:
    """A plain scalar's value: documents repeat a few (``1``, ``true``), each read once."""
    return _scalar(events.ScalarEvent(None, None, (True, False), value))


def _short(tag: str | None) -> str:
    """A tag as it is written: ``!!map`` for ``tag:yaml.org,2002:map``."""
    return str(tag).replace("tag:yaml.org,2002:", "!!")


def _mark(event: events.Event) -> tuple[int, int]:
    mark = event.start_mark
    assert mark is not None  # the parser marks every event
    return mark.line + 1, mark.column + 1


class _Relocate(Exception):  # noqa: N818 - internal signal
    """A lean read met what needs every position (a duplicate key): read again with them."""


class _Builder:
    def __init__(self, max_depth: int, positions: bool = True, log: EventLog | None = None) -> None:
        self.max_depth = max_depth
        self.positions = positions
        self.log = log  # a lean read's compact positions, when asked for
        self.values: dict[Path, tuple[int, int]] = {}
        self.keys: dict[Path, tuple[int, int]] = {}
        self.issues: list[Issue] = []
        # Each frame: [container, path, pending key or None, position of the pending key]
        self.stack: list[list[Any]] = []
        self.root: object = None
        self.documents = 0
        self.key_end = -1  # where the last key ended in the text

    def path(self) -> Path:
        if not self.stack:
            return ()
        container, path, key, *_ = self.stack[-1]
        return (*path, key if isinstance(container, dict) else len(container))

    def check_node(self, event: events.NodeEvent, path: Path) -> None:
        if event.anchor is not None:
            add_issue(
                self.issues,
                Issue(path, said("yaml.anchor", anchor=event.anchor), where=_mark(event)),
            )
        tag = getattr(event, "tag", None)
        if tag not in _ALLOWED_TAGS:
            add_issue(
                self.issues,
                Issue(path, said("yaml.tag", tag=str(tag)), where=_mark(event)),
            )
            return
        fitting, kind = _FITTING_TAGS.get(type(event), (_ALLOWED_TAGS, "node"))
        if tag not in fitting:
            add_issue(
                self.issues,
                Issue(
                    path,
                    said("yaml.tag_fit", tag=_short(tag), kind=said(f"yaml.kind.{kind}")),
                    where=_mark(event),
                ),
            )

    def fatal(self, path: Path, message: Said, event: events.Event) -> ParseFailure:
        return ParseFailure([*self.issues, Issue(path, message, where=_mark(event))])

    def pending_key(self) -> bool:
        top = self.stack[-1] if self.stack else None
        return top is not None and isinstance(top[0], dict) and top[2] is None

    def add(self, value: object) -> None:
        if not self.stack:
            self.root = value
            return
        frame = self.stack[-1]
        container, path, key, key_mark, *_ = frame
        if isinstance(container, list):
            container.append(value)
            return
        where: Path = (*path, key)
        if key in container:
            if not self.positions:
                raise _Relocate
            message = said("duplicate_key", key=repr(key), line=str(self.keys[where][0]))
            add_issue(self.issues, Issue(where, message, at_key=True, where=key_mark))
        else:
            container[key] = value
            self.keys[where] = key_mark
        frame[2] = None

    def feed(self, event: events.Event) -> None:
        if isinstance(event, events.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                raise self.fatal((), "a file holds one document; found a second", event)
        elif isinstance(event, events.NodeEvent):
            self.node(event)
        elif isinstance(event, events.CollectionEndEvent):
            frame = self.stack.pop()
            if self.log is not None:
                self.log.close(frame[4])
            self.add(frame[0])

    def bare_key(self, event: events.NodeEvent) -> bool:
        """Report a key with no colon and no value (a flow mapping split by a comma)."""
        if not self.stack or not isinstance(self.stack[-1][0], dict):
            return False
        if not (
            isinstance(event, events.ScalarEvent)
            and event.value == ""
            and event.implicit[0]
            and event.start_mark is not None
            and event.start_mark.index == self.key_end
        ):
            return False
        frame = self.stack[-1]
        container, path, key, key_mark, *_ = frame
        before = list(container.items())[-1] if container else None
        if before is not None and isinstance(before[1], str | int | float):
            previous, text = before
            fix = f'{previous}: "{text}, {key}"'
            where: Path = (*path, previous)
            message = said("yaml.flow_comma", key=repr(key), fix=fix)
        else:
            where = (*path, key)
            message = said("yaml.no_value", key=repr(key), name=str(key))
        self.issues.append(Issue(where, message, where=key_mark))
        frame[2] = None
        return True

    def node(self, event: events.NodeEvent) -> None:
        if self.pending_key():
            frame = self.stack[-1]
            if not isinstance(event, events.ScalarEvent):
                raise self.fatal(frame[1], "keys must be plain text", event)
            self.check_node(event, frame[1])
            key = event.value
            if key in _ON_WRITTEN_AS and event.implicit[0] and not event.style:
                key = "on"  # a YAML 1.1 tool read `on:` as true and wrote `true:`
            frame[2], frame[3] = key, _mark(event)
            assert event.end_mark is not None
            self.key_end = event.end_mark.index
            return
        if self.bare_key(event):
            return
        path = self.path()
        if self.positions:
            self.values[path] = _mark(event)
        logged = -1
        logged_key: str | None = None
        if self.log is not None:
            key_mark = None
            if self.stack and isinstance(self.stack[-1][0], dict):
                logged_key, key_mark = self.stack[-1][2], self.stack[-1][3]
            logged = self.log.value(event, logged_key, key_mark)
        if isinstance(event, events.AliasEvent):
            message = said("yaml.alias", anchor=str(event.anchor))
            add_issue(self.issues, Issue(path, message, where=_mark(event)))
            self.add(None)
            return
        self.check_node(event, path)
        if isinstance(event, events.ScalarEvent):
            value = _scalar(event)
            if self.log is not None and self.stack:
                self.log.text(logged, logged_key, value)
            self.add(value)
            return
        if len(self.stack) >= self.max_depth:
            raise self.fatal(path, said("too_deep", depth=str(self.max_depth)), event)
        container: Any = {} if isinstance(event, events.MappingStartEvent) else []
        self.stack.append([container, path, None, None, logged])


def scan_yaml(
    text: str, max_depth: int, *, positions: bool = True, log: bool = False
) -> tuple[object, SourceMap | None, list[Issue]]:
    """Read one YAML document, keeping the line and column of every value and key.

    Args:
        text: The document.
        max_depth: How deeply it may nest.
        positions: With ``False``, keep no positions (unless a duplicate key needs
            them) and return ``None`` for the source map: a document with problems is
            located by :func:`locate_yaml` at those problems only.
        log: With ``positions=False``, keep a compact :class:`EventLog` as the text is
            read, and return its map when the document has no problem (D103).

    Returns:
        The data, its source map and the problems that do not stop reading
        (duplicate keys, anchors, aliases, tags).

    Raises:
        ParseFailure: The text is not YAML, holds several documents or nests too deep.
    """
    if not positions:
        kept = EventLog() if log else None
        try:
            lean = _scan(text, _Builder(max_depth, positions=False, log=kept))
        except _Relocate:
            pass
        else:
            logged = None if kept is None or lean.issues else LoggedYaml(kept)
            return lean.root, logged, lean.issues
    builder = _scan(text, _Builder(max_depth))
    return builder.root, SourceMap(builder.root, builder.values, builder.keys), builder.issues


def _scan(text: str, builder: _Builder) -> _Builder:
    loader = _Loader(text)
    check, get, stack = loader.check_event, loader.get_event, builder.stack
    lean, log = not builder.positions, builder.log
    try:
        while check():
            event = get()
            if (
                lean
                and type(event) is events.ScalarEvent
                and event.anchor is None
                and event.tag is None
                and stack
                and type(stack[-1][0]) is list
            ):  # a list's plain item, as ``node`` would read it: the flood's fast path
                value = event.value
                plain = event.implicit[0] and len(value) <= MAX_NUMBER_DIGITS
                item = _plain(value) if plain else value
                stack[-1][0].append(item)
                if log is not None:
                    log.text(log.value(event, None, None), None, item)
                continue
            builder.feed(event)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = None if mark is None else (mark.line + 1, mark.column + 1)
        detail = " ".join(filter(None, (error.context, error.problem)))
        message = said("yaml.parser", detail=detail) if detail else said("yaml.invalid")
        raise ParseFailure([*builder.issues, Issue((), message, where=where)]) from None
    except yaml.reader.ReaderError as error:
        raise ParseFailure([*builder.issues, _reader_issue(text, error)]) from None
    except (yaml.YAMLError, ValueError) as error:  # pragma: no cover - defensive
        first = str(error).split("\n", 1)[0]
        raise ParseFailure([*builder.issues, Issue((), said("yaml.other", detail=first))]) from None
    finally:
        loader.dispose()
    return builder


def locate_yaml(text: str, targets: Iterable[Path]) -> SourceMap:
    """The positions of ``targets`` (and their parents) in a text :func:`scan_yaml` read.

    The events are read again, keeping the positions of the targets only, until each
    is found: memory for the problems only (design decision D68). Positions are those
    :func:`scan_yaml` records.
    """
    wanted = {path[:end] for path in targets for end in range(len(path) + 1)}
    values: dict[Path, tuple[int, int]] = {}
    keys: dict[Path, tuple[int, int]] = {}
    # Each frame: [path (None when no target is inside), is a mapping, pending key, count]
    stack: list[list[Any]] = []
    loader = _Loader(text)
    try:
        while len(values) < len(wanted) and loader.check_event():
            event = loader.get_event()
            if isinstance(event, events.CollectionEndEvent):
                stack.pop()
                _done(stack)
                continue
            if not isinstance(event, events.NodeEvent):
                continue
            top = stack[-1] if stack else None
            if top is not None and top[1] and top[2] is None:  # a key
                assert isinstance(event, events.ScalarEvent)
                key = event.value
                if key in _ON_WRITTEN_AS and event.implicit[0] and not event.style:
                    key = "on"
                top[2] = key
                at: Path | None = None if top[0] is None else (*top[0], key)
                if at in wanted:
                    keys[at] = _mark(event)
                continue
            path: Path | None = ()
            if top is not None:
                inner = top[2] if top[1] else top[3]
                path = None if top[0] is None else (*top[0], inner)
            if path is not None and path in wanted:
                values[path] = _mark(event)
            else:
                path = None
            if isinstance(event, events.MappingStartEvent | events.SequenceStartEvent):
                stack.append([path, isinstance(event, events.MappingStartEvent), None, 0])
            else:
                _done(stack)
    finally:
        loader.dispose()
    return SourceMap(None, values, keys)


def _done(stack: list[list[Any]]) -> None:
    """A value of the innermost container is complete."""
    if stack:
        top = stack[-1]
        top[2] = None
        top[3] += 1


def _reader_issue(text: str, error: yaml.reader.ReaderError) -> Issue:
    """A character YAML does not allow, at its line and column in ``text``."""
    position = error.position
    line = text.count("\n", 0, position) + 1
    column = position - (text.rfind("\n", 0, position) + 1) + 1
    code = error.character if isinstance(error.character, int) else ord(error.character)
    message = said("yaml.character", reason=str(error.reason), code=f"U+{code:04X}")
    return Issue((), message, where=(line, column))


def dumps_yaml(data: object) -> str:
    """Write plain data as block-style YAML, keys in the given order, UTF-8 text kept."""
    text: str = yaml.dump(
        data,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=100,
    )
    return text
