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
validator, the cross-field checks and ``__attrs_post_init__`` run as always. Three
shortcuts keep that cheap without changing a verdict (docs: design decision D51):

- a tuple of shared value records (a commitment's status history) is shared as a whole:
  each distinct tuple is built once and checked once by its field's validators that
  the model declares value-only (``_checks.value_only``: ``check_history`` depends on
  the history alone), every later equal tuple is the same object, already checked;
- a text matched whole by a pattern (an id, a code) is remembered once it passed, in a
  set per pattern, so the ids a document repeats (``by``, ``mandate``) are matched once;
- a record's slots are set through their descriptors, not ``object.__setattr__``.

Duplicate keys: msgspec keeps the last of duplicate keys silently, and a Python hook on
every object is what made the old fast path slow. Instead, the builder counts the keys
it received (required fields, present optional fields, each ``form`` tag), and the text
is counted in C. Every key has its own colon, so when the colons of the text are as
many as the keys counted (no colon in a text value), no key is there twice. Otherwise
the key ends are counted: every key is a closing quote followed by optional white space
and a colon, so the number of ``"\s*:`` in the text is at least the number of keys,
equal when no text value holds such a sequence. When the two counts differ (a duplicate
key, or text that merely looks like one) the fast path gives up and the detailed path
reads the document, so it reports the duplicates with their lines.

Any failure at all gives no portfolio, and the reason (:class:`GaveUp`, kept in the
call's :class:`FastLoad`, never in the module): the caller then reads the document
with the detailed path, which finds every problem with its line and column. Equal dates, equal
small value records (terms, amounts, dated entries) and equal tuples of them are shared
within one document. Every memory of a load (those values, the texts that passed, the
count of keys) is a local variable of the generated ``_builders``, which makes one
load's builders as closures: nothing is kept between loads.
"""

from __future__ import annotations

import functools
import operator
import re
import textwrap
import traceback
import types
from collections.abc import Callable
from enum import Enum
from typing import Any, NamedTuple

import attrs

from samarbejde.documents._codegen import generate
from samarbejde.documents._hooks import SHARED_RECORDS
from samarbejde.documents._parse import READABLE_FORMATS
from samarbejde.documents._scalars import Scalar
from samarbejde.documents._shape import (
    TAG,
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
from samarbejde.model import _checks
from samarbejde.model._checks import is_date, is_optional_date, validators_of
from samarbejde.model.portfolio import Portfolio

__all__ = ["FastLoad", "GaveUp", "fast_load_json", "fast_loads_json"]

#: A key of a JSON text that ends in white space before its colon.
_SPACED_KEY_END = re.compile(r'"[ \t\n\r]+:')


#: Builds one document's records and counts their keys: ``(portfolio, keys)``.
Build = Callable[[Any], tuple[Portfolio, int]]


class _Generator:
    """Writes a Struct and a builder function per record class, from the type table."""

    def __init__(self, msgspec: Any) -> None:
        self.msgspec = msgspec
        self.structs: dict[str, Any] = {}
        self.sources: list[str] = []
        self.names: dict[str, Any] = {"_UNSET": msgspec.UNSET}
        #: The memories of one load, by name: each is a local of ``_builders``.
        self.memos: list[str] = []
        #: The name of the load's set of texts that matched each pattern as a whole.
        self.passed: dict[re.Pattern[str], str] = {}

    def struct_of(self, kind: Kind) -> Any:
        """The Struct field type for ``kind``; records are generated on first sight."""
        if isinstance(kind, TaggedKind):  # msgspec tells the members apart by the tag
            return functools.reduce(operator.or_, [self.record(o) for o in kind.options])
        if isinstance(kind, OptionalKind):
            return self.struct_of(kind.inner) | None
        if isinstance(kind, SequenceKind | SetKind):
            return tuple[self.struct_of(kind.item), ...]  # type: ignore[misc]
        if isinstance(kind, ScalarKind):
            scalar = kind.scalar
            return scalar.type if _decoded(scalar) else str
        return self.record(kind.record)

    def expression(self, kind: Kind, value: str, depth: int = 0) -> str:  # noqa: PLR0911
        """Python source turning the decoded ``value`` into the model's value of ``kind``."""
        if isinstance(kind, TaggedKind):  # the member's builder, by its Struct
            *first, last = kind.options
            built = f"_build_{last.name}({value})"
            for option in reversed(first):
                test = f"type({value}) is _S_{option.name}"
                built = f"(_build_{option.name}({value}) if {test} else {built})"
            return built
        if isinstance(kind, OptionalKind):
            converted = self.expression(kind.inner, value, depth)
            return value if converted == value else f"(None if {value} is None else {converted})"
        if isinstance(kind, SequenceKind):
            item = f"_x{depth}"
            converted = self.expression(kind.item, item, depth + 1)
            return value if converted == item else f"tuple([{converted} for {item} in {value}])"
        if isinstance(kind, SetKind):
            item = f"_x{depth}"
            return (
                f"_distinct([{self.expression(kind.item, item, depth + 1)} for {item} in {value}])"
            )
        if isinstance(kind, ScalarKind):
            scalar = kind.scalar
            if _decoded(scalar):
                return value
            name = f"_read_{scalar.name}"
            self.names[name] = scalar.read
            self.names[f"_type_{scalar.name}"] = scalar.type
            if scalar.repeated:
                read = f"_repeated({name}, {value}, _type_{scalar.name}, dates)"
                return f"(dates_get({value}) or {read})"
            return f"{name}({value}, _type_{scalar.name})"
        return f"_build_{kind.record.name}({value})"

    def record(self, record: Record) -> Any:
        """The Struct of a record, generating it (and its builder) once."""
        name = record.name
        if name in self.structs:
            return self.structs[name]
        options: dict[str, Any] = {}
        if record.tag_value is not None:
            options = {"tag": record.tag_value, "tag_field": TAG}
        struct_fields: list[tuple[Any, ...]] = []
        if record.cls is Portfolio:
            struct_fields.append(("format", str))
        self.structs[name] = None  # a record holding itself would loop
        for field in record.fields:
            field_type = self.struct_of(field.kind)
            if field.required:
                struct_fields.append((field.key, field_type))
            else:
                unset = self.msgspec.UnsetType
                struct_fields.append((field.key, field_type | unset, self.msgspec.UNSET))
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
        self.names[f"_C_{name}"] = record.cls
        self.sources.append(self.builder(record))
        return struct

    def builder(self, record: Record) -> str:  # noqa: PLR0912, PLR0915 - one generated function
        """The source of the function building one record from its Struct.

        It does what attrs' ``__init__`` does, minus the validators that only check a
        type the decoder and the type table already guarantee (:func:`_type_only`).
        A validator of the value alone (:func:`_value_only`) runs where the value is
        read, and not for a default it is known to pass; every other validator runs
        once all fields are set, in attrs' order, then ``__attrs_post_init__``. A
        tuple of shared value records (a status history) is itself shared: built, and
        checked by its value-only validators, once per distinct tuple in the load
        (:meth:`share`). A class this cannot copy exactly (converters, a pre-init, no
        slots) is called as it is. A failure only needs to raise: the detailed path
        writes the message.
        """
        origin, name = record.cls, record.name
        fields = [f.attribute for f in record.fields]
        kinds = {f.name: f.kind for f in record.fields}
        plain = _copyable(origin)
        required = [f for f in fields if f.default is attrs.NOTHING]
        tagged = record.tag_value is not None
        keys = len(required) + tagged + (origin is Portfolio)  # and `format`
        lines = [f"def _build_{name}(s):", "    nonlocal count", f"    n = {keys}"]
        helpers: list[str] = []
        shared = origin in SHARED_RECORDS
        if shared:  # count the keys before a shared record is found
            memo = self.memo(name)
            optional = [f for f in fields if f.default is not attrs.NOTHING]
            lines += [f"    if s.{f.name} is not _UNSET: n += 1" for f in optional]
            lines += [
                "    count += n",
                f"    found = {memo}_get(s)",
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
            for number, check in enumerate(validators_of(field.validator)):
                if _type_only(check):
                    continue
                validator = f"_V_{name}_{field.name}_{number}"
                self.names[validator] = check
                call = f"{validator}(r, {attribute}, {local})"
                if plain and _value_only(check):
                    now += self.checked(check, local, validator, call)
                else:
                    later.append(call)
            hint = kinds[field.name]
            sharing = plain and _shared_tuple(hint)
            helper = f"_share_{name}_{field.name}"
            if sharing:  # the tuple is built, and checked by `now`, in its own function
                helpers.append(self.share(helper, hint, local, now))
            read = [] if sharing else now  # the checks of a value read here
            if field.default is attrs.NOTHING:
                converted = self.expression(hint, f"s.{field.name}")
                if sharing:
                    converted = f"{helper}(s.{field.name}, r)"
                lines.append(f"    {local} = {converted}")
                lines += [f"    {line}" for line in read]
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
            converted = f"{helper}({local}, r)" if sharing else self.expression(hint, local)
            lines += [
                "    else:",
                *([] if shared else ["        n += 1"]),
                *([] if converted == local else [f"        {local} = {converted}"]),
                *[f"        {line}" for line in read],
            ]
            if lines[-1] == "    else:":
                lines.pop()
        if not shared:
            lines.append("    count += n")
        if plain:
            lines += [f"    {self.setter(origin, name, f.name)}(r, f_{f.name})" for f in fields]
            lines += [f"    {line}" for line in later]
            if hasattr(origin, "__attrs_post_init__"):
                lines.append("    r.__attrs_post_init__()")
        else:
            arguments = ", ".join(f"{f.name}=f_{f.name}" for f in fields)
            lines.append(f"    r = _C_{name}({arguments})")
        if shared:
            lines.append(f"    {memo}[s] = r")
        lines.append("    return r")
        return "\n\n".join([*helpers, "\n".join(lines)])

    def memo(self, name: str) -> str:
        """A new memory of the load (a dictionary), for records or tuples called ``name``."""
        memo = f"memo_{name}"
        self.memos.append(memo)
        return memo

    def share(self, helper: str, hint: Kind, local: str, checks: list[str]) -> str:
        """The source of the function that shares a tuple of shared records in the load.

        Equal tuples of Structs give equal tuples of records, and ``checks`` are the
        field's value-only validators, whose verdict depends on the tuple alone: so
        each distinct tuple is built and checked once, and later records get the same
        tuple. The memory keeps the number of keys the tuple's records hold, which
        every occurrence adds to the count of keys.
        """
        memo = self.memo(helper[len("_share_") :])
        return "\n".join(
            [
                f"def {helper}(s, r):",
                "    nonlocal count",
                f"    found = {memo}_get(s)",
                "    if found is not None:",
                "        count += found[1]",
                "        return found[0]",
                "    before = count",
                f"    {local} = {self.expression(hint, 's')}",
                *[f"    {line}" for line in checks],
                f"    {memo}[s] = ({local}, count - before)",
                f"    return {local}",
            ]
        )

    def setter(self, cls: Any, name: str, field: str) -> str:
        """The name of the function that sets ``field`` of a new ``cls`` record.

        The slot's own descriptor where there is one (faster than
        ``object.__setattr__``, which finds the same descriptor on every call).
        """
        for klass in cls.__mro__:
            found = klass.__dict__.get(field)
            if found is not None:
                if isinstance(found, types.MemberDescriptorType):
                    setter = f"_D_{name}_{field}"
                    self.names[setter] = found.__set__
                    return setter
                break
        setter = f"_D_{name}_{field}"
        self.names[setter] = functools.partial(_set_field, field)
        return setter

    def checked(self, check: Any, local: str, validator: str, call: str) -> list[str]:
        """The lines that make ``call`` unless ``check`` surely passes (its common case inlined).

        A text matched as a whole (an id, a code) is remembered for the rest of the load
        once it passed, in a set per pattern: documents repeat the same ids (``by``,
        ``mandate``) and codes, and a set lookup costs a tenth of a match. Only texts
        that matched go in, so a set answers for its pattern alone. For a tuple of
        texts (``is_ids``) the items are matched in C (``map``); they are text, as the
        decoder guarantees, and anything else raises, which fails the fast path as a
        failed check would.
        """
        if not isinstance(check, _checks.Matches) or check.also:
            return [call]
        test = f"{validator}_test"
        self.names[test] = check.pattern.fullmatch if check.whole else check.pattern.search
        if check.items is not None:
            distinct = f" and len(set({local})) == len({local})" if check.distinct else ""
            condition = f"not (type({local}) is tuple and all(map({test}, {local})){distinct})"
        else:
            condition = f"not (type({local}) is str and {test}({local}))"
        if check.items is not None or not check.whole:
            if check.optional:
                condition = f"{local} is not None and {condition}"
            return [f"if {condition}: {call}"]
        passed = self.passed.get(check.pattern)
        if passed is None:
            passed = self.passed[check.pattern] = f"passed_{len(self.passed)}"
        guard = f"{local} not in {passed}"
        if check.optional:
            guard = f"{local} is not None and {guard}"
        return [f"if {guard}:", f"    if {condition}: {call}", f"    {passed}_add({local})"]

    def source(self) -> str:
        """The source of ``_builders``: called once per load, it makes that load's builders.

        The memories of the load (dates read, value records and tuples built) and the
        count of keys are its local variables, so the builders reach them as closure
        cells rather than by looking them up, and none outlives the load: once the
        returned ``_build`` is dropped, they are freed (the builders refer to each
        other, never to themselves, so reference counting frees them).
        """
        self.record(shape(Portfolio).root)
        preamble = ["count = 0", "dates = {}", "dates_get = dates.get"]
        for memo in self.memos:
            preamble += [f"{memo} = {{}}", f"{memo}_get = {memo}.get"]
        for passed in self.passed.values():
            preamble += [f"{passed} = set()", f"{passed}_add = {passed}.add"]
        build = f"def _build(s):\n    return _build_{shape(Portfolio).root.name}(s), count"
        body = "\n\n".join(["\n".join(preamble), *self.sources, build, "return _build"])
        return "def _builders():\n" + textwrap.indent(body, "    ")

    def compile(self) -> tuple[Any, Callable[[], Build]]:
        """The decoder of whole documents and the maker of one load's builders."""
        source = self.source()
        namespace = dict(self.names) | {"_repeated": _repeated, "_distinct": _distinct}
        namespace["_new"] = object.__new__
        builders: Callable[[], Build] = generate("fast load", "_builders", source, namespace)
        decoder = self.msgspec.json.Decoder(self.structs[shape(Portfolio).root.name])
        return decoder, builders


#: Validators that only check a type, which the Structs and the builders guarantee: the
#: type table reads each scalar into its type, msgspec decodes text, numbers, booleans
#: and enums strictly, and each record field is built as its declared record class.
_TYPE_ONLY_FACTORIES = ("instance_of", "optional_instance_of", "tuple_of")


def _value_only(check: Any) -> bool:
    """Whether the verdict of ``check`` depends on the value alone (the model says so)."""
    return _checks.is_value_only(check)


def _shared_tuple(kind: Kind) -> bool:
    """Whether ``kind`` is a tuple of shared value records (a status history)."""
    return (
        isinstance(kind, SequenceKind)
        and isinstance(kind.item, RecordKind)
        and kind.item.record.cls in SHARED_RECORDS
    )


def _decoded(scalar: Scalar) -> bool:
    """Whether msgspec decodes the scalar itself (text, numbers, booleans, enums)."""
    return scalar.write is None or (isinstance(scalar.type, type) and issubclass(scalar.type, Enum))


def _set_field(field: str, record: object, value: object) -> None:
    """Set ``field`` of a new frozen ``record`` that has no slot descriptor for it."""
    object.__setattr__(record, field, value)


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
        for check in validators_of(validator):
            if _value_only(check):
                check(None, field, value)
    except Exception:
        return False
    return True


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
def _compiled() -> tuple[Any, Callable[[], Build]] | None:
    """The decoder and builder, generated once; ``None`` without msgspec."""
    try:
        import msgspec  # noqa: PLC0415 - only the fast JSON load needs it
    except ImportError:  # pragma: no cover - msgspec is a dependency
        return None
    return _Generator(msgspec).compile()


def _keys_once(text: str, keys: int) -> bool:
    """Whether ``text`` holds no more than ``keys`` keys: none of them twice.

    Every key of the text is followed by its own colon, so the number of colons is at
    least the number of keys, which is at least the ``keys`` the builders counted (one
    per distinct key of each object). When the colons are exactly ``keys`` (no colon
    in any text value, the common case), there is no duplicate: one count in C.
    Otherwise the key ends are counted more closely (:func:`_key_ends`).
    """
    colons = text.count(":")
    return colons == keys or _key_ends(text, colons) == keys


def _key_ends(text: str, colons: int) -> int:
    """How often a quote is followed by (white space and) a colon: at least once per key.

    Counted in C: ``str.count``, and the regular expression only when some of the
    ``colons`` does not follow a quote (indented JSON, where a key may end ``"a" :``,
    or a colon in text, as in a date-time).
    """
    count = text.count('":')
    if colons != count:
        count += len(_SPACED_KEY_END.findall(text))
    return count


class GaveUp(NamedTuple):
    """Why the fast JSON load gave up on a document (the detailed path reads it then).

    Attributes:
        stage: Where: ``"decode"`` (msgspec refused the text), ``"format"`` (not a
            format this release reads), ``"build"`` (a builder or a validator raised)
            or ``"keys"`` (the key count says a key may be there twice).
        message: The exception's type and message, or what the check found.
        where: The record being built when it failed (``"Commitment"``), and the
            field where the error names one (``"Commitment.by"``); ``None`` if unknown.
        error: The exception, with its traceback through the generated builders.
    """

    stage: str
    message: str
    where: str | None = None
    error: BaseException | None = None

    def __str__(self) -> str:
        where = f" in {self.where}" if self.where else ""
        return f"{self.stage}{where}: {self.message}"


class FastLoad(NamedTuple):
    """The outcome of one fast JSON load: the portfolio, or why there is none.

    Attributes:
        portfolio: The portfolio, or ``None`` when the fast path gave up.
        gave_up: Why it gave up; ``None`` when it loaded the document.
    """

    portfolio: Portfolio | None
    gave_up: GaveUp | None = None


def _failed(stage: str, error: BaseException) -> FastLoad:
    """The outcome of a load that raised ``error`` at ``stage``: what, and where."""
    where = None
    for frame in reversed(traceback.extract_tb(error.__traceback__)):
        if frame.filename.startswith("<samarbejde fast load ") and frame.name.startswith("_build_"):
            where = frame.name[len("_build_") :]
            break
    record, field = getattr(error, "record", None), getattr(error, "field", None)
    if isinstance(record, str) and isinstance(field, str):  # a ModelError names both
        where = f"{record}.{field}"
    message = f"{type(error).__name__}: {error}"
    return FastLoad(None, GaveUp(stage, message, where, error))


def fast_load_json(text: str) -> FastLoad:
    """Load a JSON document the fast way: the portfolio, or why the fast path gave up.

    Giving up is not an answer about the document: the caller reads it again with the
    detailed path, which reports every problem (or, rarely, loads it: a text value
    that looks like a key, or a record the fast path cannot share). The reason is for
    tests and for debugging a load slower than it should be.
    """
    compiled = _compiled()
    if compiled is None:  # pragma: no cover - msgspec is a dependency
        return FastLoad(None, GaveUp("decode", "msgspec is not installed"))
    decoder, builders = compiled
    try:
        document = decoder.decode(text)
    except Exception as error:
        return _failed("decode", error)
    if document.format not in READABLE_FORMATS:
        return FastLoad(None, GaveUp("format", f"cannot read format {document.format!r}"))
    try:
        portfolio, keys = builders()(document)  # this load's builders and memories
    except Exception as error:
        return _failed("build", error)
    if not _keys_once(text, keys):  # a duplicate key, or text that looks like a key
        return FastLoad(None, GaveUp("keys", f"{keys} keys built, more key ends in the text"))
    return FastLoad(portfolio)


def fast_loads_json(text: str) -> Portfolio | None:
    """The portfolio of a JSON document, or ``None`` when anything at all is not right.

    :func:`fast_load_json` without the reason.
    """
    return fast_load_json(text).portfolio
