"""Generated functions that write records as JSON text directly, one per record class.

:func:`dumps` (JSON) used to turn a portfolio into a tree of dicts and lists
(``_unstructure``) and encode that. These functions write the same bytes without the
tree: each is Python source written from the record's attrs fields and compiled once,
every record an f-string of its keys and values, so that a commitment's text is built
in one step instead of a dict, three nested dicts, a list and an encoder's walk over
them (design decision D52).

What is written, and in which order, is ``_unstructure``'s, read from the same
description of the document (``_shape``; :func:`written_when`, :func:`inlinable`): the
same fields, left out when equal to their default, required fields first, sets sorted,
lifecycles tagged by ``form``. The text
is the standard library's: strings are escaped by the ``json`` module's own C function,
whole numbers written by ``int.__repr__``, so the output equals
``json.dumps(unstructure(portfolio), ensure_ascii=False, separators=(",", ":"))``
plus a newline, byte for byte (``tests/documents/test_json_writer.py``).

Within one call, the text of each distinct date and decimal is written once and
reused (a dictionary lookup instead of ``isoformat`` or ``write_decimal``); nothing is
kept between calls.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from decimal import Decimal
from enum import Enum
from json import encoder as _json_encoder
from typing import Any

import attrs
import pendulum

from samarbejde.documents._codegen import generate
from samarbejde.documents._scalars import Scalar
from samarbejde.documents._shape import (
    TAG,
    Field,
    Kind,
    OptionalKind,
    Record,
    RecordKind,
    ScalarKind,
    SequenceKind,
    SetKind,
    TaggedKind,
    shape,
)
from samarbejde.documents._unstructure import inlinable, written_when
from samarbejde.model._checks import Matches, validators_of

__all__ = ["json_writer"]

#: The json module's string escaper for ``ensure_ascii=False``: its C version where
#: there is one, as json.dumps itself uses.
_escape: Callable[[str], str] = getattr(_json_encoder, "c_encode_basestring", None) or (
    _json_encoder.py_encode_basestring
)

# f-string delimiters by nesting depth: each nested f-string needs a quote its
# enclosing ones do not use (before Python 3.12), and no backslash. JSON's literal text
# (keys, brackets) is written into the single-quoted ones as it is; the double-quoted
# ones, nested deeper, name it instead (JSON text is full of double quotes).
_QUOTES = ("'''", "'", '"""', '"')

# Scalars whose text depends only on the value's equality: written once per distinct
# value within one call. (Not date-times: equal instants can have other offsets; not
# durations: pendulum durations of other months can compare equal.)
_MEMOISED = {pendulum.Date: "_d", Decimal: "_n"}

Part = tuple[bool, str]  # (is a literal, text or Python source)

#: The characters JSON escapes in text (``ensure_ascii=False``): the quote, the
#: backslash and the controls below U+0020.
_ESCAPED = frozenset('"\\') | frozenset(map(chr, range(0x20)))

#: Characters of a pattern, outside a character set, that stand for no character
#: themselves and may match any (``.``) or an escape's (``\\S``, ``\\x22``).
_WILD = frozenset(".\\")


def safe_pattern(pattern: str) -> bool:
    r"""Whether every text ``pattern`` matches is made of characters JSON leaves alone.

    Read from the pattern's own text, conservatively: it may hold literal characters,
    character sets (not negated, without escapes) and their ranges, repeats, groups,
    alternatives and anchors, and none of those characters (or ranges) may include
    one that JSON escapes. An escape (``\``), any character (``.``), a negated set
    or a special group (``(?``) makes the pattern not safe: it is then written through
    the escaper, which is always right.

    >>> safe_pattern("[a-z0-9][a-z0-9._-]{0,63}"), safe_pattern("[^a]"), safe_pattern(r"\S+")
    (True, False, False)
    """
    position = 0
    while position < len(pattern):
        char = pattern[position]
        if char == "[":
            position = _safe_set(pattern, position + 1)
            if position < 0:
                return False
            continue
        if char in _WILD or char in _ESCAPED or pattern.startswith("(?", position):
            return False
        position += 1
    return True


def _safe_set(pattern: str, position: int) -> int:
    """Where the character set starting at ``position`` ends, or -1 if it is not safe."""
    if pattern.startswith("^", position):
        return -1
    first = position
    while position < len(pattern):
        char = pattern[position]
        if char == "]" and position > first:
            return position + 1
        if char == "\\" or char in _ESCAPED:
            return -1
        if pattern.startswith("-", position + 1) and position + 2 < len(pattern):
            last = pattern[position + 2]
            if last != "]":  # a range: none of the characters between may be escaped
                if last == "\\" or any(char <= c <= last for c in _ESCAPED):
                    return -1
                position += 3
                continue
        position += 1
    return -1  # not closed: not a pattern re compiled


def plain_text(field: attrs.Attribute[Any]) -> bool:
    """Whether every text ``field`` can hold is written by JSON as it is, between quotes.

    True when one of its validators is a :class:`~samarbejde.model._checks.Matches`
    that the whole text must match, of a pattern whose every part is a character JSON
    leaves alone (ids and codes: ``[a-z0-9][a-z0-9._-]{0,63}``). A record holds only
    what its validators let through, so such text needs no escaping.
    """
    for check in validators_of(field.validator):
        if (
            isinstance(check, Matches)
            and check.whole
            and check.items is None
            and not check.pattern.flags & re.IGNORECASE
            and not check.pattern.flags & re.VERBOSE
            and safe_pattern(check.pattern.pattern)
        ):
            return True
    return False


def _plain_enum(enum: type[Enum]) -> bool:
    """Every value of ``enum`` is text that JSON writes between quotes as it is."""
    return all(
        isinstance(member.value, str) and _escape(member.value) == f'"{member.value}"'
        for member in enum
    )


class _TextWriter:
    """Writes one text function per record of a shape (``_shape``)."""

    def __init__(self) -> None:
        self.names: dict[str, Any] = {"_escape": _escape, "_int": int.__repr__}
        self.literals: dict[str, str] = {}
        self.memories: dict[str, Callable[[Any], str]] = {}
        self.queued: set[str] = set()
        self.pending: list[Record] = []
        self.streamed: set[str] = set()

    # -- names -------------------------------------------------------------------------

    def literal(self, text: str) -> str:
        """The name bound to ``text`` in the generated module."""
        name = self.literals.get(text)
        if name is None:
            name = self.literals[text] = f"_t{len(self.literals)}"
            self.names[name] = text
        return name

    def function_name(self, record: Record) -> str:
        if record.name not in self.queued:
            self.queued.add(record.name)
            self.pending.append(record)
        return f"_write_{record.name}"

    # -- parts and their Python source ---------------------------------------------------

    def fstring(self, parts: list[Part], depth: int) -> str:
        """Python source of an expression giving the text of ``parts``."""
        merged: list[Part] = []
        for is_literal, text in parts:
            if is_literal and merged and merged[-1][0]:
                merged[-1] = (True, merged[-1][1] + text)
            else:
                merged.append((is_literal, text))
        if len(merged) == 1:
            is_literal, text = merged[0]
            return self.literal(text) if is_literal else text
        if depth >= len(_QUOTES):  # pragma: no cover - the model nests less deeply
            raise TypeError("records nest too deeply to write inline")
        quote = _QUOTES[depth]
        body = "".join(self.placed(is_literal, text, quote) for is_literal, text in merged)
        return f"f{quote}{body}{quote}"

    def placed(self, is_literal: bool, text: str, quote: str) -> str:
        """One part as it stands inside an f-string delimited by ``quote``."""
        if not is_literal:
            return f"{{{text}}}"
        if quote[0] == "'" and not any(c in text for c in "'\\\n\r"):
            return text.replace("{", "{{").replace("}", "}}")
        return f"{{{self.literal(text)}}}"

    def parts(  # noqa: PLR0911 - one return per kind
        self, kind: Kind, value: str, depth: int, *, plain: bool = False
    ) -> list[Part]:
        """The parts writing ``value`` (of ``kind``) inside an f-string at ``depth``.

        ``plain``: the value is text of a field JSON writes as it is (:func:`plain_text`).
        """
        if isinstance(kind, TaggedKind):  # the member's own function, by its class
            *first, last = kind.options
            written = f"{self.function_name(last)}({value}, _d, _n)"
            for option in reversed(first):
                self.names[f"_C_{option.name}"] = option.cls
                written = (
                    f"({self.function_name(option)}({value}, _d, _n) "
                    f"if type({value}) is _C_{option.name} else {written})"
                )
            return [(False, written)]
        if isinstance(kind, OptionalKind):
            inner = self.parts(kind.inner, value, depth + 1, plain=plain)
            written = self.fstring(inner, depth + 1)
            return [(False, f"({self.literal('null')} if {value} is None else {written})")]
        if isinstance(kind, SequenceKind | SetKind):
            items = self.items(kind, value, depth)
            return [(True, "["), (False, items), (True, "]")]
        if isinstance(kind, ScalarKind):
            if plain and kind.scalar.type is str:  # nothing to escape: quotes around it
                return [(True, '"'), (False, value), (True, '"')]
            return self.scalar(kind.scalar, value)
        record = kind.record
        if inlinable(record) and depth + 2 < len(_QUOTES):
            return self.inline(record, value, depth)
        return [(False, f"{self.function_name(record)}({value}, _d, _n)")]

    def items(self, kind: SequenceKind | SetKind, value: str, depth: int) -> str:
        """Python source joining the items of a tuple or (sorted) set with commas."""
        comma = self.literal(",")
        scalar = kind.item.scalar if isinstance(kind.item, ScalarKind) else None
        item = f"_x{depth}"
        if isinstance(kind, SetKind):  # sorted by the written value, as _unstructure sorts
            if scalar is None or (scalar.write is not None and scalar.inline is None):
                raise TypeError(f"no way to write a set of {kind.item!r}")  # pragma: no cover
            plain = scalar.inline.format(item) if scalar.inline is not None else item
            return f"{comma}.join(map(_escape, sorted([{plain} for {item} in {value}])))"
        if scalar is not None and scalar.type is str:
            return f"{comma}.join(map(_escape, {value}))"
        written = self.fstring(self.parts(kind.item, item, depth + 1), depth + 1)
        return f"{comma}.join([{written} for {item} in {value}])"

    def scalar(self, scalar: Scalar, value: str) -> list[Part]:  # noqa: PLR0911
        """The parts writing one scalar: text escaped, numbers and booleans as JSON."""
        if scalar.type is bool:
            return [(False, f"({self.literal('true')} if {value} else {self.literal('false')})")]
        if scalar.type is int:
            return [(False, f"_int({value})")]
        if scalar.type is str:
            return [(False, f"_escape({value})")]
        if isinstance(scalar.type, type) and issubclass(scalar.type, Enum):
            if _plain_enum(scalar.type):  # quotes around the value: nothing to escape
                return [(True, '"'), (False, f"{value}._value_"), (True, '"')]
            return [(False, f"_escape({value}._value_)")]
        memory = _MEMOISED.get(scalar.type)
        if memory is not None:  # a _Texts of this call, which writes what it lacks
            self.memories[memory] = scalar.write  # type: ignore[assignment]
            return [(False, f"{memory}[{value}]")]
        name = f"_write_{scalar.name}_text"
        self.names[name] = scalar.write
        return [(False, f"_escape({name}({value}))")]

    # -- records -------------------------------------------------------------------------

    def key(self, name: str, *, first: bool) -> Part:
        return (True, ("{" if first else ",") + json.dumps(name) + ":")

    def written(self, record: Record, field: Field, value: str, depth: int) -> tuple[str, Part]:
        """A defaulted field: the test of ``value`` for "written", and its key and value."""
        test, kind = written_when(record, field, self.names)
        parts = [
            self.key(field.key, first=False),
            *self.parts(kind, value, depth, plain=plain_text(field.attribute)),
        ]
        return test.format(value), (False, self.fstring(parts, depth))

    def inline(self, record: Record, value: str, depth: int) -> list[Part]:
        """The parts of a small record written in place: no call."""
        parts: list[Part] = []
        for number, field in enumerate(record.required):
            parts.append(self.key(field.key, first=number == 0))
            here = f"{value}.{field.name}"
            parts += self.parts(field.kind, here, depth, plain=plain_text(field.attribute))
        for field in record.optional:
            test, (_, source) = self.written(record, field, f"{value}.{field.name}", depth + 1)
            parts.append((False, f"({source} if {test} else {self.literal('')})"))
        parts.append((True, "}"))
        return parts

    def head(self, record: Record, prefix: list[tuple[str, str]]) -> list[Part]:
        """The parts of the items always written: constants (``format``, ``form``) first."""
        tag = [(TAG, record.tag_value)] if record.tag_value is not None else []
        parts: list[Part] = []
        for key, text in [*prefix, *tag]:
            parts += [self.key(key, first=not parts), (True, json.dumps(text))]
        for field in record.required:
            parts.append(self.key(field.key, first=not parts))
            here = f"o.{field.name}"
            parts += self.parts(field.kind, here, 0, plain=plain_text(field.attribute))
        return parts

    def source(self, record: Record) -> str:
        """The function returning the text of ``record``."""
        parts = self.head(record, [])
        opened = bool(parts)
        lines = [f"def {self.function_name(record)}(o, _d, _n):"]
        lines.append(f"    s = {self.fstring(parts or [(True, '')], 0)}")
        for field in record.optional:
            test, (_, source) = self.written(record, field, "v", 0)
            lines += [f"    v = o.{field.name}", f"    if {test}:", f"        s += {source}"]
        if opened:
            lines.append(f"    return s + {self.literal('}')}")
        else:  # no item is always there: the first one written drops its comma
            lines.append(f"    return {self.literal('{')} + s[1:] + {self.literal('}')}")
        return "\n".join(lines)

    def stream_source(self, record: Record, prefix: list[tuple[str, str]], end: str) -> str:
        """The function appending the text of ``record`` to ``_o``, a list of pieces.

        The root and the records of its lists are written this way: their text is
        large, and each copy of it (one per ``+=`` or f-string around it) would cost
        more than the appends. Records of their lists that are streamed too are
        written in a loop, others joined with commas first.
        """
        parts = self.head(record, prefix)
        lines = [f"def _stream_{record.name}(o, _d, _n, _o):", "    _a = _o.append"]
        if parts:
            lines.append(f"    _a({self.fstring(parts, 0)})")
        else:
            lines.append("    _m = len(_o)")
        for field in record.optional:
            kind = field.kind
            if _streamed_items(kind) in self.streamed:
                test, _ = written_when(record, field, self.names)
                key = self.literal(self.key(field.key, first=False)[1] + "[")
                lines += [
                    f"    v = o.{field.name}",
                    f"    if {test.format('v')}:",
                    f"        _a({key})",
                    "        for _i, _x in enumerate(v):",
                    "            if _i:",
                    f"                _a({self.literal(',')})",
                    f"            _stream_{_streamed_items(kind)}(_x, _d, _n, _o)",
                    f"        _a({self.literal(']')})",
                ]
                continue
            test, (_, source) = self.written(record, field, "v", 0)
            lines += [f"    v = o.{field.name}", f"    if {test}:", f"        _a({source})"]
        if not parts:  # no item is always there: the first one written drops its comma
            lines += [
                "    if len(_o) == _m:",
                f"        _a({self.literal('{')})",
                "    else:",
                f"        _o[_m] = {self.literal('{')} + _o[_m][1:]",
            ]
        lines.append(f"    _a({self.literal(end)})")
        return "\n".join(lines)

    def compile(self, root: type[Any], prefix: list[tuple[str, str]]) -> Callable[[Any], str]:
        record = shape(root).root
        lists = {_streamed_items(f.kind): f.kind for f in record.fields}
        self.streamed = {record.name} | {name for name in lists if name is not None}
        sources = {f"_stream_{record.name}": self.stream_source(record, prefix, "}\n")}
        for field in record.fields:
            name = _streamed_items(field.kind)
            if name is not None and f"_stream_{name}" not in sources:
                assert isinstance(field.kind, SequenceKind)
                assert isinstance(field.kind.item, RecordKind)
                sources[f"_stream_{name}"] = self.stream_source(field.kind.item.record, [], "}")
        while self.pending:
            pending = self.pending.pop(0)
            sources[f"_write_{pending.name}"] = self.source(pending)
        namespace = dict(self.names)
        functions = {
            name: generate("json writer", name, source, namespace)
            for name, source in sources.items()
        }
        write_root = functions[f"_stream_{record.name}"]
        # str: never called, for a root whose records hold no date (or no decimal)
        dates, decimals = (
            self.memories.get(_MEMOISED[kind], str) for kind in (pendulum.Date, Decimal)
        )

        def write(record: Any) -> str:
            pieces: list[str] = []
            write_root(record, _Texts(dates), _Texts(decimals), pieces)
            return "".join(pieces)

        write.__doc__ = f"The JSON text of a {root.__name__}, with a final newline."
        write.__wrapped__ = write_root  # type: ignore[attr-defined]
        return write


def _streamed_items(kind: Kind) -> str | None:
    """The name of the records of a list field (``tuple`` of records), else ``None``."""
    if isinstance(kind, SequenceKind) and isinstance(kind.item, RecordKind):
        return kind.item.record.name
    return None


class _Texts(dict[Any, str]):
    """The JSON text of each value written so far in one call, by value.

    A value not there yet is written (``write``, then escaped) and remembered: looking
    one up is a subscript, without a call, for every value but the first of its kind.
    """

    __slots__ = ("write",)

    def __init__(self, write: Callable[[Any], str]) -> None:
        super().__init__()
        self.write = write

    def __missing__(self, value: Any) -> str:
        text = self[value] = _escape(self.write(value))
        return text


def json_writer(root: type[Any], prefix: dict[str, str] | None = None) -> Callable[[Any], str]:
    """A function writing a ``root`` record as compact JSON text, with a final newline.

    Args:
        root: The outermost record class (``Portfolio``).
        prefix: Constant text items written first, e.g. ``{"format": "samarbejde/1"}``.

    Returns:
        The function; its text equals ``json.dumps`` of ``_unstructure``'s plain data
        (``prefix`` first) with ``ensure_ascii=False`` and ``separators=(",", ":")``.
    """
    return _TextWriter().compile(root, list((prefix or {}).items()))
