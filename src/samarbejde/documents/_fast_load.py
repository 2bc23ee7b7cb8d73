r"""The fast JSON load: msgspec decodes into strict Structs, then the records are built.

The Structs are generated once from the attrs classes and the type table
(``_scalars``), so there is no second schema to keep in step:

- text, whole numbers, booleans and enums are decoded by msgspec itself, strictly
  (``1.0`` is not a whole number, ``true`` is not text, an unknown enum value fails);
- decimals, dates, date-times and durations are decoded as text and read by the type
  table's own ``read`` functions, so they are exactly as strict as the detailed path;
- every Struct forbids unknown fields, is frozen (hashable, for sharing) and is not
  tracked by the garbage collector (``gc=False``: documents are trees);
- the lifecycle union is tagged by ``form``;
- a field with a default is ``UNSET`` unless its key is present.

The records are then built by generated functions that do what attrs' ``__init__``
does, except for the validators that only check a type (``instance_of``, ``tuple_of``,
``is_date``): the Structs and the table's readers already guarantee those. Every other
validator, the cross-field checks and ``__attrs_post_init__`` run as always.

Duplicate keys: msgspec keeps the last of duplicate keys silently, and a Python hook on
every object is what made the old fast path slow. Instead, the builder counts the keys
it received (required fields, present optional fields, each ``form`` tag), and the text
is counted in C: every key is a closing quote followed by optional white space and a
colon, so the number of ``"\s*:`` in the text is at least the number of keys, equal
when no text value holds such a sequence. When the two counts differ (a duplicate key,
or text that merely looks like one) the fast path gives up and the detailed path reads
the document, so it reports the duplicates with their lines.

Any failure at all returns ``None``: the caller then reads the document with the
detailed path, which finds every problem with its line and column. Equal dates and
equal small value records (terms, amounts, dated entries) are shared within one
document through memories local to one call: nothing is kept between loads.
"""

from __future__ import annotations

import functools
import re
import typing
from collections.abc import Callable
from enum import Enum
from typing import Any

import attrs

from samarbejde.documents._hooks import _SHARED as SHARED
from samarbejde.documents._parse import READABLE_FORMATS
from samarbejde.documents._scalars import scalar_for
from samarbejde.model import _checks
from samarbejde.model._checks import is_date, is_optional_date
from samarbejde.model.lifecycles import Lifecycle, ProjectLifecycle, StrategicLifecycle
from samarbejde.model.portfolio import Portfolio

__all__ = ["fast_loads_json"]

#: A key of a JSON text that ends in white space before its colon.
_SPACED_KEY_END = re.compile(r'"[ \t\n\r]+:')


class _Load:
    """The memory of one load: keys counted, dates read, value records built."""

    __slots__ = ("count", "dates", "shared")

    def __init__(self) -> None:
        self.count = 0
        self.dates: dict[str, Any] = {}
        self.shared: dict[str, dict[Any, Any]] = {}


def _resolved_hints(kind: Any) -> dict[str, Any]:
    """The field types of a record class, type variables replaced by a generic's arguments."""
    origin = typing.get_origin(kind) or kind
    hints = typing.get_type_hints(origin)
    args = typing.get_args(kind)
    if args:
        table = dict(zip(origin.__parameters__, args, strict=True))
        hints = {name: table.get(hint, hint) for name, hint in hints.items()}
    return hints


def _name(kind: Any) -> str:
    """A Python name for a record class or a generic's specialisation."""
    origin = typing.get_origin(kind) or kind
    args = "_".join(a.__name__ for a in typing.get_args(kind))
    return f"{origin.__name__}_{args}" if args else str(origin.__name__)


class _Generator:
    """Writes a Struct and a builder function per record class, from the type table."""

    def __init__(self, msgspec: Any) -> None:
        self.msgspec = msgspec
        self.structs: dict[str, Any] = {}
        self.sources: list[str] = []
        self.names: dict[str, Any] = {"_UNSET": msgspec.UNSET}
        self.pending: list[Any] = []

    def struct_of(self, kind: Any) -> Any:
        """The Struct field type for ``kind``; records are generated on first sight."""
        args = typing.get_args(kind)
        origin = typing.get_origin(kind)
        if kind == Lifecycle:
            return self.record(ProjectLifecycle) | self.record(StrategicLifecycle)
        if args and type(None) in args:
            inner = next(a for a in args if a is not type(None))
            return self.struct_of(inner) | None
        if origin is tuple or origin is frozenset:
            return tuple[self.struct_of(args[0]), ...]  # type: ignore[misc]
        scalar = scalar_for(kind)
        if scalar is not None:
            plain = scalar.write is None or (isinstance(kind, type) and issubclass(kind, Enum))
            return kind if plain else str
        return self.record(kind)

    def expression(self, kind: Any, value: str, depth: int = 0) -> str:  # noqa: PLR0911
        """Python source turning the decoded ``value`` into the model's value of ``kind``."""
        args = typing.get_args(kind)
        origin = typing.get_origin(kind)
        if kind == Lifecycle:
            project = f"_build_{_name(ProjectLifecycle)}"
            strategic = f"_build_{_name(StrategicLifecycle)}"
            return (
                f"({project}({value}, load) if type({value}) is _S_{_name(ProjectLifecycle)} "
                f"else {strategic}({value}, load))"
            )
        if args and type(None) in args:
            inner = next(a for a in args if a is not type(None))
            converted = self.expression(inner, value, depth)
            return value if converted == value else f"(None if {value} is None else {converted})"
        if origin is tuple:
            item = f"_x{depth}"
            converted = self.expression(args[0], item, depth + 1)
            return value if converted == item else f"tuple([{converted} for {item} in {value}])"
        if origin is frozenset:
            item = f"_x{depth}"
            return f"_distinct([{self.expression(args[0], item, depth + 1)} for {item} in {value}])"
        scalar = scalar_for(kind)
        if scalar is not None:
            if scalar.write is None or (isinstance(kind, type) and issubclass(kind, Enum)):
                return value
            name = f"_read_{scalar.type.__name__}"
            self.names[name] = scalar.read
            self.names[f"_type_{scalar.type.__name__}"] = scalar.type
            if scalar.repeated:
                read = f"_repeated({name}, {value}, _type_{scalar.type.__name__}, load.dates)"
                return f"(load.dates.get({value}) or {read})"
            return f"{name}({value}, _type_{scalar.type.__name__})"
        return f"_build_{_name(kind)}({value}, load)"

    def record(self, kind: Any) -> Any:
        """The Struct of a record class, generating it (and its builder) once."""
        name = _name(kind)
        if name in self.structs:
            return self.structs[name]
        origin = typing.get_origin(kind) or kind
        hints = _resolved_hints(kind)
        fields = [f for f in attrs.fields(origin) if f.init]
        form = getattr(origin, "form", None)
        options: dict[str, Any] = {}
        if isinstance(form, str):
            options = {"tag": form, "tag_field": "form"}
        struct_fields: list[tuple[Any, ...]] = []
        if origin is Portfolio:
            struct_fields.append(("format", str))
        self.structs[name] = None  # a record holding itself would loop
        for field in fields:
            field_type = self.struct_of(hints[field.name])
            if field.default is attrs.NOTHING:
                struct_fields.append((field.name, field_type))
            else:
                unset = self.msgspec.UnsetType
                struct_fields.append((field.name, field_type | unset, self.msgspec.UNSET))
        struct = self.msgspec.defstruct(
            f"_S_{name}",
            struct_fields,
            kw_only=True,
            frozen=True,
            gc=False,
            forbid_unknown_fields=True,
            **options,
        )
        self.structs[name] = struct
        self.names[f"_S_{name}"] = struct
        self.names[f"_C_{name}"] = origin
        self.sources.append(self.builder(kind, name, fields, hints, form))
        return struct

    def builder(  # noqa: PLR0912, PLR0915 - one generated function, in one piece
        self,
        kind: Any,
        name: str,
        fields: list[attrs.Attribute[Any]],
        hints: dict[str, Any],
        form: object,
    ) -> str:
        """The source of the function building one record from its Struct.

        It does what attrs' ``__init__`` does, minus the validators that only check a
        type the decoder and the type table already guarantee (:func:`_type_only`).
        A validator of the value alone (``Matches``, ``OneOf``, ``AtLeast``) runs where
        the value is read, and not for a default it is known to pass; every other
        validator runs once all fields are set, in attrs' order, then
        ``__attrs_post_init__``. A class this cannot copy exactly (converters, a
        pre-init, no slots) is called as it is. A failure only needs to raise: the
        detailed path writes the message.
        """
        origin = typing.get_origin(kind) or kind
        plain = _copyable(origin)
        required = [f for f in fields if f.default is attrs.NOTHING]
        keys = len(required) + isinstance(form, str) + (origin is Portfolio)  # and `format`
        lines = [f"def _build_{name}(s, load):", f"    n = {keys}"]
        shared = origin in SHARED
        if shared:  # count the keys before a shared record is found
            optional = [f for f in fields if f.default is not attrs.NOTHING]
            lines += [f"    if s.{f.name} is not _UNSET: n += 1" for f in optional]
            lines += [
                "    load.count += n",
                f"    memo = load.shared.setdefault({name!r}, {{}})",
                "    found = memo.get(s)",
                "    if found is not None: return found",
            ]
        if plain:
            lines.append(f"    r = _new(_C_{name})")
        later: list[str] = []
        for field in fields:
            local = f"f_{field.name}"
            attribute = f"_A_{name}_{field.name}"
            self.names[attribute] = field
            now: list[str] = []
            for number, check in enumerate(_validators(field.validator)):
                if _type_only(check):
                    continue
                validator = f"_V_{name}_{field.name}_{number}"
                self.names[validator] = check
                call = f"{validator}(r, {attribute}, {local})"
                if plain and isinstance(check, _VALUE_ONLY):
                    test = self.quick_test(check, local, validator)
                    now.append(f"if {test}: {call}" if test else call)
                else:
                    later.append(call)
            converted = self.expression(hints[field.name], f"s.{field.name}")
            if field.default is attrs.NOTHING:
                lines.append(f"    {local} = {converted}")
                lines += [f"    {line}" for line in now]
                continue
            default = f"_default_{name}_{field.name}"
            value = field.default
            if isinstance(value, attrs.Factory):  # type: ignore[arg-type]
                self.names[default] = value.factory  # type: ignore[union-attr]
                default += "()"
                value = value.factory()  # type: ignore[union-attr]
            else:
                self.names[default] = value
            lines += [
                f"    {local} = s.{field.name}",
                f"    if {local} is _UNSET:",
                f"        {local} = {default}",
            ]
            if not _passes(now and field.validator, field, value):
                lines += [f"        {line}" for line in now]
            converted = self.expression(hints[field.name], local)
            lines += [
                "    else:",
                *([] if shared else ["        n += 1"]),
                *([] if converted == local else [f"        {local} = {converted}"]),
                *[f"        {line}" for line in now],
            ]
            if lines[-1] == "    else:":
                lines.pop()
        if not shared:
            lines.append("    load.count += n")
        if plain:
            lines += [f"    _set(r, {f.name!r}, f_{f.name})" for f in fields]
            lines += [f"    {line}" for line in later]
            if hasattr(origin, "__attrs_post_init__"):
                lines.append("    r.__attrs_post_init__()")
        else:
            arguments = ", ".join(f"{f.name}=f_{f.name}" for f in fields)
            lines.append(f"    r = _C_{name}({arguments})")
        if shared:
            lines.append("    memo[s] = r")
        lines.append("    return r")
        return "\n".join(lines)

    def quick_test(self, check: Any, local: str, validator: str) -> str:
        """A condition true unless ``check`` surely passes (its common case inlined)."""
        if not isinstance(check, _checks.Matches) or check.items is not None or check.also:
            return ""
        test = f"{validator}_test"
        self.names[test] = check.pattern.fullmatch if check.whole else check.pattern.search
        condition = f"not (type({local}) is str and {test}({local}))"
        return f"{local} is not None and {condition}" if check.optional else condition

    def compile(self) -> tuple[Any, Callable[[Any, _Load], Portfolio]]:
        """The decoder of whole documents and the builder of the portfolio."""
        root = self.record(Portfolio)
        namespace = dict(self.names) | {
            "_repeated": _repeated,
            "_distinct": _distinct,
            "_new": object.__new__,
            "_set": object.__setattr__,
        }
        code = compile("\n\n".join(self.sources), "<samarbejde generated fast load>", "exec")
        exec(code, namespace)
        decoder = self.msgspec.json.Decoder(root)
        build: Callable[[Any, _Load], Portfolio] = namespace[f"_build_{_name(Portfolio)}"]
        return decoder, build


#: Validators that only check a type, which the Structs and the builders guarantee: the
#: type table reads each scalar into its type, msgspec decodes text, numbers, booleans
#: and enums strictly, and each record field is built as its declared record class.
_TYPE_ONLY_FACTORIES = ("instance_of", "optional_instance_of", "tuple_of")


#: Validators whose verdict depends on the value alone.
_VALUE_ONLY = (_checks.Matches, _checks.OneOf, _checks.AtLeast)


def _copyable(cls: Any) -> bool:
    """Whether a builder can do what the class's attrs ``__init__`` does."""
    return (
        "__slots__" in cls.__dict__
        and not hasattr(cls, "__attrs_pre_init__")
        and all(f.converter is None and f.init for f in attrs.fields(cls))
    )


def _passes(validator: Any, field: attrs.Attribute[Any], value: object) -> bool:
    """Whether the value-only validators of ``field`` pass ``value`` (its default)."""
    if not validator:
        return True
    try:
        for check in _validators(validator):
            if isinstance(check, _VALUE_ONLY):
                check(None, field, value)
    except Exception:
        return False
    return True


def _validators(validator: Any) -> list[Any]:
    """The validators of one field in order, ``attrs``' ``and_`` unpacked."""
    if validator is None:
        return []
    inner = getattr(validator, "_validators", None)
    if inner is not None:
        return [v for part in inner for v in _validators(part)]
    return [validator]


def _type_only(check: Any) -> bool:
    """Whether ``check`` only tests a type (the decoder guarantees it)."""
    if check in (is_date, is_optional_date):
        return True
    qualname = getattr(check, "__qualname__", "")
    module = getattr(check, "__module__", "")
    factory = qualname.split(".<locals>.")[0]
    return module == _checks.__name__ and factory in _TYPE_ONLY_FACTORIES


def _repeated(read: Callable[[Any, Any], Any], text: str, kind: Any, memo: dict[str, Any]) -> Any:
    found = memo.get(text)
    if found is None:
        found = memo[text] = read(text, kind)
    return found


def _distinct(items: list[Any]) -> frozenset[Any]:
    result = frozenset(items)
    if len(result) != len(items):
        raise ValueError("an item twice in a set")
    return result


@functools.cache
def _compiled() -> tuple[Any, Callable[[Any, _Load], Portfolio]] | None:
    """The decoder and builder, generated once; ``None`` without msgspec."""
    try:
        import msgspec  # noqa: PLC0415 - only the fast JSON load needs it
    except ImportError:  # pragma: no cover - msgspec is a dependency
        return None
    return _Generator(msgspec).compile()


def _key_ends(text: str) -> int:
    """How often a quote is followed by (white space and) a colon: at least once per key.

    Counted in C: ``str.count``, and the regular expression only when some colon does
    not follow a quote (indented JSON, where a key may end ``"a" :``, or a colon in
    text, as in a date-time).
    """
    count = text.count('":')
    if text.count(":") != count:
        count += len(_SPACED_KEY_END.findall(text))
    return count


def fast_loads_json(text: str) -> Portfolio | None:
    """The portfolio of a JSON document, or ``None`` when anything at all is not right.

    ``None`` is not an answer about the document: the caller reads it again with the
    detailed path, which reports every problem (or, rarely, loads it: a text value
    that looks like a key, or a record the fast path cannot share).
    """
    compiled = _compiled()
    if compiled is None:  # pragma: no cover - msgspec is a dependency
        return None
    decoder, build = compiled
    load = _Load()
    try:
        document = decoder.decode(text)
        if document.format not in READABLE_FORMATS:
            return None
        portfolio = build(document, load)
    except Exception:
        return None
    if load.count != _key_ends(text):
        return None  # a duplicate key, or text that looks like a key
    return portfolio
