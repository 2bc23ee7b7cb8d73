"""The structure hooks of records and containers, and the converter that holds them.

Hooks are strict. They never coerce: a string is not a list of characters, a list
with the same member twice is not a set, and a mapping with an unknown key is refused.
Every failure raises :class:`InvalidValueError` with a message a person can act on;
the problem transformer turns those into located problems. The scalars' hooks are in
the type table (``_scalars``).
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import itertools
import operator
import types
import typing
from collections.abc import Callable, Iterator
from typing import Any, Union

import attrs
import cattrs
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn

from samarbejde.documents._invariants import constructor_failed, every_invariant
from samarbejde.documents._problems import MAX_PROBLEMS, said
from samarbejde.documents._scalars import InvalidValueError, describe, did_you_mean
from samarbejde.documents._shape import TaggedKind
from samarbejde.model.areas import Classification
from samarbejde.model.history import PhaseChange, StatusChange
from samarbejde.model.money import Money, Quantity
from samarbejde.model.terms import Term

__all__ = [
    "SHARED_RECORDS",
    "DocumentConverter",
    "Hook",
    "ProblemBudget",
    "Run",
    "frozenset_factory",
    "is_frozenset",
    "is_homogeneous_tuple",
    "is_optional",
    "memoised",
    "noun_of",
    "optional_factory",
    "record_factory",
    "structuring_run",
    "tagged_hook",
    "tagged_union",
    "tuple_factory",
]

Hook = Callable[[Any, Any], Any]
#: Value records that documents repeat (terms, amounts, dated entries). Frozen, so both
#: loading paths share one instance per distinct raw mapping within one document (the
#: fast JSON path, ``_fast_load``, also shares the tuples of them, such as histories).
SHARED_RECORDS: tuple[type[Any], ...] = (
    Term,
    Quantity,
    Money,
    StatusChange,
    PhaseChange,
    Classification,
)
_MEMO_LIMIT = 65_536


class DocumentConverter(cattrs.Converter):
    """A cattrs converter that shares equal values within one document.

    Documents repeat the same terms, amounts, dates and dated entries many times; the
    fast path builds each distinct one once. What a structuring run remembers (those
    values, and the problems it kept and counted) belongs to the run, not to the
    converter (:func:`structuring_run`): one converter serves several threads at once,
    and nothing is kept between runs.
    """

    __slots__ = ()

    def structure(self, obj: Any, cl: Any) -> Any:
        """Structure ``obj`` as ``cl``, in the current run or in a new one of its own."""
        if _RUN.get() is not None:
            return super().structure(obj, cl)
        with structuring_run():
            return super().structure(obj, cl)


class Run:
    """What one structuring run remembers: values built once, and its problem budget.

    Attributes:
        memos: Values built so far, one memory per kind of value (by a key the hook
            chooses: a record class, a scalar type).
        budget: The failures kept and the problems only counted.
    """

    __slots__ = ("budget", "memos")

    def __init__(self) -> None:
        self.memos: dict[object, dict[Any, Any]] = {}
        self.budget = ProblemBudget()

    def memo(self, key: object) -> dict[Any, Any]:
        """The memory of values of kind ``key``, empty at first."""
        memo = self.memos.get(key)
        if memo is None:
            memo = self.memos[key] = {}
        return memo


#: The run of the structuring in progress in this thread (or task), if any.
_RUN: contextvars.ContextVar[Run | None] = contextvars.ContextVar(
    "samarbejde.documents structuring run", default=None
)


@contextlib.contextmanager
def structuring_run() -> Iterator[Run]:
    """A new run for the structuring done in the block, in this thread or task only.

    The converters are made once and shared by every thread, so the hooks find the
    memories and the problem budget of the load they work for here, in a context
    variable: each thread (and each asyncio task) sees its own run, and a run ends with
    its block, so nothing is kept between loads (design decision D65).

    >>> with structuring_run() as run:
    ...     run.budget.kept, run.memo("dates")
    (0, {})
    """
    run = Run()
    token = _RUN.set(run)
    try:
        yield run
    finally:
        _RUN.reset(token)


class ProblemBudget:
    """How many failures the checked converter keeps, and how many it only counted.

    A document may hold hundreds of thousands of bad values; each kept failure is an
    exception object. Once ``MAX_PROBLEMS`` are kept, list hooks count the problems
    of further failing items (:func:`count_problems`) and let them go, so memory stays
    bounded. Each structuring run has its own (:class:`Run`).

    Attributes:
        kept: Failures kept so far.
        omitted: Problems counted but not kept.
    """

    __slots__ = ("kept", "omitted")

    def __init__(self) -> None:
        self.kept = 0
        self.omitted = 0

    @property
    def full(self) -> bool:
        """Whether no more failures are kept."""
        return self.kept >= MAX_PROBLEMS


def count_problems(error: BaseException) -> int:
    """How many problems a structuring failure stands for (as ``issues_from`` finds them).

    Also drops the tracebacks of the failure tree: they hold frames that refer back to
    the failures, cycles that only the paused garbage collector could free.
    """
    count = 0
    pending = [error]
    while pending:
        current = pending.pop()
        current.__traceback__ = None
        if isinstance(current, ClassValidationError | IterableValidationError):
            pending.extend(current.exceptions)
        elif isinstance(current, ForbiddenExtraKeysError):
            count += len(current.extra_fields)
        else:
            count += 1
    return count


def memoised(read: Hook, key: object) -> Hook:
    """``read``, remembering the value of each text: for scalars a document repeats.

    The values are immutable (dates), so one parsed value is shared by every place
    within the run (the memory ``key`` of :func:`structuring_run`'s run).
    """

    def structure(value: Any, _: Any) -> Any:
        run = _RUN.get()
        if run is None or type(value) is not str:
            return read(value, _)
        memo = run.memos.get(key)
        if memo is None:
            memo = run.memo(key)
        found = memo.get(value)
        if found is None:
            found = read(value, _)
            if len(memo) >= _MEMO_LIMIT:
                memo.clear()
            memo[value] = found
        return found

    return structure


def is_homogeneous_tuple(cl: Any) -> bool:
    args = typing.get_args(cl)
    return typing.get_origin(cl) is tuple and len(args) == 2 and args[1] is Ellipsis


def is_frozenset(cl: Any) -> bool:
    return typing.get_origin(cl) is frozenset


def is_optional(cl: Any) -> bool:
    args = typing.get_args(cl)
    origin = typing.get_origin(cl)
    return origin in (Union, types.UnionType) and len(args) >= 2 and type(None) in args


def _without_none(cl: Any) -> Any:
    """``X`` of ``X | None``; a union of the rest (``When`` of ``When | None``)."""
    options = tuple(a for a in typing.get_args(cl) if a is not type(None))
    return options[0] if len(options) == 1 else Union[options]  # noqa: UP007


def tuple_factory(converter: cattrs.Converter, detailed: bool) -> Callable[[Any], Hook]:
    def factory(cl: Any) -> Hook:
        item_type = typing.get_args(cl)[0]
        item = converter.get_structure_hook(item_type)

        def fast(value: Any, _: Any) -> tuple[Any, ...]:
            if type(value) is not list:
                raise InvalidValueError(said("expected.list", got=describe(value)))
            return tuple([item(x, item_type) for x in value])

        def checked(value: Any, _: Any) -> tuple[Any, ...]:
            if type(value) is not list:
                raise InvalidValueError(said("expected.list", got=describe(value)))
            out: list[Any] = []
            errors: list[Exception] = []
            run = _RUN.get()
            budget = None if run is None else run.budget
            for index, x in enumerate(value):
                full = budget is not None and budget.full
                if full:  # only counted from here on: the lean loop
                    assert budget is not None
                    budget.omitted += _count_failures(value, index, item, item_type)
                    break
                try:
                    out.append(item(x, item_type))
                except Exception as error:
                    if budget is not None:
                        budget.kept += 1
                    error.__traceback__ = None  # frames would outlive the failure
                    note = IterableValidationNote(f"@ index {index}", index, item_type)
                    setattr(error, "__notes__", [*getattr(error, "__notes__", []), note])  # noqa: B010
                    errors.append(error)
            if errors:
                raise IterableValidationError(f"While structuring {cl!r}", errors, cl)
            return tuple(out)

        return checked if detailed else fast

    return factory


def _count_failures(items: list[Any], start: int, item: Hook, item_type: Any) -> int:
    """The problems of ``items[start:]``, counted and let go: the budget is full.

    A flood of wrong values (millions of numbers where records belong) is counted at
    a small cost per value: a record (or a union of records) refuses anything but a
    mapping with one problem, so such values are counted without calling the hook.
    """
    mapping_only = _mapping_only(item_type)
    count = 0
    for x in itertools.islice(items, start, None):
        if mapping_only and type(x) is not dict:
            count += 1
            continue
        try:
            item(x, item_type)
        except Exception as error:
            count += count_problems(error)
    return count


@functools.cache
def _mapping_only(cl: Any) -> bool:
    """Whether the hook of ``cl`` refuses every value but a mapping, with one problem."""
    options = typing.get_args(cl) if typing.get_origin(cl) in (Union, types.UnionType) else (cl,)
    return all(attrs.has(typing.get_origin(o) or o) for o in options)


def frozenset_factory(converter: cattrs.Converter) -> Callable[[Any], Hook]:
    def factory(cl: Any) -> Hook:
        item_type = typing.get_args(cl)[0]
        item = converter.get_structure_hook(item_type)

        def structure(value: Any, _: Any) -> frozenset[Any]:
            if type(value) is not list:
                raise InvalidValueError(said("expected.list", got=describe(value)))
            items = [item(x, item_type) for x in value]
            result = frozenset(items)
            if len(result) != len(items):
                twice = next(x for i, x in enumerate(items) if x in items[:i])
                raise InvalidValueError(said("twice", item=str(twice)))
            return result

        return structure

    return factory


def optional_factory(converter: cattrs.Converter) -> Callable[[Any], Hook]:
    def factory(cl: Any) -> Hook:
        inner_type = _without_none(cl)
        inner = converter.get_structure_hook(inner_type)

        def structure(value: Any, _: Any) -> Any:
            return None if value is None else inner(value, inner_type)

        return structure

    return factory


def record_factory(converter: DocumentConverter, detailed: bool) -> Callable[[Any], Hook]:
    def factory(cl: Any) -> Hook:
        generated = make_dict_structure_fn(
            cl,
            converter,
            _cattrs_forbid_extra_keys=True,
            _cattrs_detailed_validation=detailed,
        )
        if not detailed:
            if (typing.get_origin(cl) or cl) in SHARED_RECORDS:
                return _shared(generated, cl)
            return generated
        name = getattr(cl, "__name__", str(cl))
        allowed = {a.name for a in attrs.fields(typing.get_origin(cl) or cl) if a.init}

        def structure(value: Any, _: Any) -> Any:
            if type(value) is not dict:
                raise InvalidValueError(said("expected.mapping", name=name, got=describe(value)))
            try:
                return generated(value, cl)
            except ClassValidationError as error:
                if constructor_failed(error):
                    raise every_invariant(converter, cl, value, error) from None
                if all(isinstance(e, ForbiddenExtraKeysError) for e in error.exceptions):
                    # Only unknown keys: check the rest too, so one load reports both.
                    known = {k: v for k, v in value.items() if k in allowed}
                    try:
                        structure(known, cl)
                    except ClassValidationError as more:
                        both = [*error.exceptions, *more.exceptions]
                        raise ClassValidationError(error.message, both, cl) from None
                raise

        return structure

    return factory


def _shared(generated: Hook, cl: Any) -> Hook:
    """``generated``, building each distinct mapping once in the run (memory ``cl``)."""

    def structure(value: Any, _: Any) -> Any:
        run = _RUN.get()
        if run is None:
            return generated(value, cl)
        key = tuple(value.items())  # any trouble (not a mapping) fails the fast path
        memo = run.memo(cl)
        found = memo.get(key)
        if found is None:
            found = generated(value, cl)
            if len(memo) >= _MEMO_LIMIT:
                memo.clear()
            memo[key] = found
        return found

    return structure


def tagged_union(kind: TaggedKind) -> Any:
    """The type of a tagged union, as the model annotates it (``Lifecycle``)."""
    return functools.reduce(operator.or_, [option.kind for option in kind.options])


def noun_of(kind: TaggedKind) -> str:
    """What a document calls a member of the union: its classes' common ending.

    >>> from samarbejde.documents._shape import shape
    >>> from samarbejde.model.partnerships import Partnership
    >>> noun_of(next(f.kind for f in shape(Partnership).root.fields if f.name == "lifecycle"))
    'lifecycle'
    """
    names = [option.cls.__name__ for option in kind.options]
    length = 0
    while length < min(map(len, names)) and len({n[-1 - length] for n in names}) == 1:
        length += 1
    return (names[0][len(names[0]) - length :] or "value").lower()


def tagged_hook(converter: cattrs.Converter, kind: TaggedKind) -> Hook:
    """The structure hook of a union of records told apart by ``kind.tag`` (a lifecycle)."""
    members = {str(option.tag_value): option.kind for option in kind.options}
    noun, tag = noun_of(kind), kind.tag
    forms = ", ".join(str(m) for m in members)
    needed = [f"`{tag}: {m}`" for m in members]
    needs = said("tag.needs", noun=noun, first=", ".join(needed[:-1]), last=needed[-1])

    def structure(value: Any, _: Any) -> Any:
        if type(value) is not dict:
            raise InvalidValueError(said("expected.tagged", noun=noun, got=describe(value)))
        form = value.get(tag)
        cls = members.get(form) if type(form) is str else None
        if cls is None:
            if tag not in value:
                raise InvalidValueError(needs)
            hint = did_you_mean(form, members)
            raise InvalidValueError(
                said("tag.unknown", noun=noun, tag=tag, form=repr(form), hint=hint, allowed=forms)
            )
        rest = {k: v for k, v in value.items() if k != tag}
        return converter.structure(rest, cls)

    return structure
