"""What changed between two values of a record: :func:`diff` and :func:`apply`.

A change names its place by ids, as findings do: ``partnerships[opdrift].members[kbh]``
selects the partnership whose ``id`` is ``opdrift``, then the membership whose
``organisation`` is ``kbh``. Lists of records with an ``id`` (or ``organisation``) and
lists of ids are matched by those keys; other lists (dated histories) by position.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from typing import Any, Literal, TypeVar

import attrs
import pendulum

from samarbejde.model import DEFAULT_LANG, Lang, Text
from samarbejde.model._plain import plain
from samarbejde.model.sources import own_first
from samarbejde.model.text import check_lang, render
from samarbejde.model.words import has_word, word

__all__ = [
    "Change",
    "Kind",
    "Step",
    "apply",
    "diff",
    "keyed_changes",
    "name_of",
    "names_of",
    "render_steps",
    "say_place",
]

#: One step of a change's place: a field name, a position in a list (``int``), or a
#: key (a one-element tuple) selecting the list element with that ``id``,
#: ``organisation`` or value.
Step = str | int | tuple[str]

#: What happened at the place: something was added, removed, or changed.
Kind = Literal["added", "removed", "changed"]

_SELECTORS = ("id", "organisation")
T = TypeVar("T")

_VERBS: dict[Kind, Text] = {
    "added": Text("change.added"),
    "removed": Text("change.removed"),
    "changed": Text("change.changed"),
}
_NOTHING = Text("change.nothing")
_WHOLE = Text("change.whole")
_QUOTED = Text("change.quoted")


def render_steps(steps: Sequence[Step]) -> str:
    """Write steps as a path: ``partnerships[opdrift].commitments[c-1].status[2]``.

    >>> render_steps(("partnerships", ("opdrift",), "status", 2))
    'partnerships[opdrift].status[2]'
    """
    out = ""
    for step in steps:
        if isinstance(step, tuple):
            out += f"[{step[0]}]"
        elif isinstance(step, int):
            out += f"[{step}]"
        else:
            out += f".{step}" if out else step
    return out


def _shown(value: Any, lang: Lang, names: Mapping[str, str]) -> str:
    """A short human rendering of a value for a sentence: a record by its name."""
    if value is None:
        return _NOTHING.pick(lang)
    if type(value) is str:
        return names.get(value) or _QUOTED.pick(lang).format(text=value)
    if isinstance(value, tuple | frozenset):
        items = sorted(value, key=str) if isinstance(value, frozenset) else value
        return "(" + ", ".join(_shown(v, lang, names) for v in items) + ")"
    if attrs.has(type(value)):
        return _record(value, lang, names)
    return render(value, lang)


def _record(value: Any, lang: Lang, names: Mapping[str, str]) -> str:
    """A record as a reader knows it: its name, else what it is keyed by, else its first field.

    A membership is named by its organisation's name; a dated record by its date.
    """
    own = _name(value)
    if own is not None:
        return own
    key = _key(value)
    if key is not None:
        return names.get(key, key)
    field = attrs.fields(type(value))[0].name
    first = _shown(getattr(value, field), lang, names)
    day = getattr(value, "on", None)
    if field == "on" or not isinstance(day, pendulum.Date):
        return first
    return f"{first} ({render(day, lang)})"


def _place(steps: Sequence[Step], lang: Lang, names: Mapping[str, str]) -> str:
    """Steps as a reader says them: names for keys, words for fields, numbers from 1."""
    parts: list[str] = []
    for at, step in enumerate(steps):
        after = steps[at + 1] if at + 1 < len(steps) else None
        if isinstance(step, str) and isinstance(after, tuple) and after[0] in names:
            continue  # "Opdrift", not "samarbejder, Opdrift": the name says what it is
        if isinstance(step, tuple):
            parts.append(names.get(step[0], step[0]))
        elif isinstance(step, int):
            parts.append(Text("change.position").format(lang, n=step + 1))
        else:
            field = f"change.field.{step}"
            parts.append(word(field, lang) if has_word(field) else step.replace("_", " "))
    return Text("change.separator").pick(lang).join(parts)


_STEP = re.compile(r"([^.\[\]]+)|\[([^\]]*)\]")


def say_place(path: str, lang: Lang = DEFAULT_LANG, names: Mapping[str, str] | None = None) -> str:
    """A path by ids (as findings give it) as a reader says it: names and words, no brackets.

    >>> say_place("members[dab].role", "da", {"dab": "DAB"})
    'DAB › rolle'
    """
    steps: list[Step] = []
    for field, key in _STEP.findall(path):
        if field:
            steps.append(field)
        else:
            steps.append(int(key) if key.isdigit() else (key,))
    return _place(steps, check_lang(lang), names or {})


def _name(value: object) -> str | None:
    """A record's own name (or title), if it has one."""
    for field in ("name", "title"):
        own = getattr(value, field, None)
        if isinstance(own, str) and own:
            return own
    return None


def name_of(record: object) -> str:
    """What a reader calls ``record``: its name (or title) where it has one, else its id.

    Findings, maturity evidence and the report name records by this; a record without a
    name (a commitment, a funding) is called by its id.

    >>> from samarbejde import Area
    >>> name_of(Area("hg", "Høje Lerbakke", "159"))
    'Høje Lerbakke'
    """
    own = _name(record)
    return own if own is not None else str(getattr(record, "id", record))


def names_of(*values: object) -> dict[str, str]:
    """Every id in ``values`` (portfolios, partnerships, any records) with its record's name.

    A change sentence names a record by this (:meth:`Change.sentence`'s ``names``). An
    id two records of different names share (an area and a partnership both
    ``hoeje-lerbakke``) is left out, so it is shown as it is rather than misnamed.

    >>> from samarbejde import Area, Portfolio
    >>> names_of(Portfolio(areas=(Area("hg", "Høje Lerbakke", "159"),)))
    {'hg': 'Høje Lerbakke'}
    """
    found: dict[str, set[str]] = {}
    todo: list[Any] = list(values)
    while todo:
        value = todo.pop()
        if isinstance(value, tuple | frozenset | list):
            todo.extend(value)
        elif attrs.has(type(value)):
            key, name = getattr(value, "id", None), _name(value)
            if isinstance(key, str) and name is not None:
                found.setdefault(key, set()).add(name)
            todo.extend(getattr(value, f.name) for f in attrs.fields(type(value)))
    return {key: next(iter(named)) for key, named in sorted(found.items()) if len(named) == 1}


@attrs.frozen
class Change:
    """One difference between two values, at a place named by ids.

    Attributes:
        steps: The place, step by step (see :data:`Step`); ``()`` for the whole value.
        kind: ``"added"``, ``"removed"`` or ``"changed"``.
        old: The value before (``None`` when added).
        new: The value after (``None`` when removed).
    """

    steps: tuple[Step, ...]
    kind: Kind
    old: Any = None
    new: Any = None

    @property
    def path(self) -> str:
        """The place as a path by ids, as findings give it (``""`` for the whole value)."""
        return render_steps(self.steps)

    def sentence(self, lang: Lang = DEFAULT_LANG, names: Mapping[str, str] | None = None) -> str:
        """The change as one sentence a reader would write, in ``lang``.

        Records are named by their names; an id is named by ``names`` (an id -> name
        mapping, :func:`names_of` a portfolio) where it has one, else shown as it is.

        >>> from samarbejde import Area
        >>> (change,) = diff(Area("a", "A", "561"), Area("a", "B", "561"))
        >>> change.sentence("en")
        'Name changed from "A" to "B".'
        >>> change.sentence("da")
        'Navn ændret fra «A» til «B».'
        """
        lang = check_lang(lang)
        names = names or {}
        old, new = _shown(self.old, lang, names), _shown(self.new, lang, names)
        steps = self.steps
        if self.kind != "changed" and steps and isinstance(steps[-1], tuple):
            verb = f"change.item_{self.kind}"
            field = steps[-2] if len(steps) > 1 and isinstance(steps[-2], str) else None
            own = field is not None and has_word(f"{verb}.{field}")
            key, where = (f"{verb}.{field}", steps[:-2]) if own else (verb, steps[:-1])
            key += "" if where else ".here"
            text = Text(key).format(lang, where=_place(where, lang, names), old=old, new=new)
        else:
            what = _place(steps, lang, names) if steps else _WHOLE.pick(lang)
            text = _VERBS[self.kind].pick(lang).format(what=what, old=old, new=new)
        keys = [names.get(step[0], step[0]) for step in steps if isinstance(step, tuple)]
        if text.startswith((old, new, *keys[:1])):  # a name or id is written as it is
            return text + "."
        return text[0].upper() + text[1:] + "."

    def to_dict(self, lang: Lang = DEFAULT_LANG) -> dict[str, Any]:
        """The change as plain JSON-ready values, for an API's answer.

        Stable keys: ``path``, ``steps`` (a field name as text, a position as a
        number, a key as ``{"key": id}``), ``kind``, ``old`` and ``new`` (records as
        objects with the document's keys, dates and decimals as ISO text) and
        ``sentence`` (:meth:`sentence` in ``lang``).

        >>> from samarbejde import Area
        >>> (change,) = diff(Area("a", "A", "561"), Area("a", "B", "561"))
        >>> change.to_dict("da")["sentence"], change.to_dict()["old"]
        ('Navn ændret fra «A» til «B».', 'A')
        """
        return {
            "path": self.path,
            "steps": [{"key": step[0]} if isinstance(step, tuple) else step for step in self.steps],
            "kind": self.kind,
            "old": plain(self.old),
            "new": plain(self.new),
            "sentence": self.sentence(lang),
        }


def _key(value: object) -> str | None:
    """The key that selects ``value`` in a list: its ``id``, ``organisation``, or itself."""
    if isinstance(value, str):
        return value
    if attrs.has(type(value)):
        for name in _SELECTORS:
            key = getattr(value, name, None)
            if isinstance(key, str):
                return key
    return None


def _keys(items: Sequence[object]) -> list[str] | None:
    """Every element's key, or ``None`` when one has none or two share one."""
    keys = [_key(item) for item in items]
    if any(k is None for k in keys):
        return None
    found = [k for k in keys if k is not None]
    return found if len(set(found)) == len(found) else None


def keyed_changes(
    steps: tuple[Step, ...],
    old_keys: Sequence[str],
    new_keys: Sequence[str],
    pair: Callable[[str], tuple[Any, Any]],
    changed: Callable[[str], bool] = lambda key: True,
) -> tuple[Change, ...] | None:
    """The changes between two keyed lists, or ``None`` when they must be replaced whole.

    Elements present in both are compared in place; removed ones are listed first (in
    the old order), then the others in the new order. When the common elements changed
    their order, or a new one stands before a common one, ``None`` says that the list
    is one change (:func:`diff` then replaces it whole).

    Args:
        steps: The place of the list.
        old_keys: The keys of the old list, in order, each once.
        new_keys: The keys of the new list, in order, each once.
        pair: The old and new element of a key (``None`` where it is absent).
        changed: Whether the element of a common key may differ (a shortcut for
            callers that know; :func:`diff` compares every element).
    """
    old_set, new_set = set(old_keys), set(new_keys)
    common_old = [k for k in old_keys if k in new_set]
    common_new = list(new_keys[: len(common_old)])
    if common_old != common_new:
        return None
    out: list[Change] = [
        Change((*steps, (k,)), "removed", old=pair(k)[0]) for k in old_keys if k not in new_set
    ]
    for k in new_keys:
        if k in old_set:
            if changed(k):
                old, new = pair(k)
                out += _diff((*steps, (k,)), old, new)
        else:
            out.append(Change((*steps, (k,)), "added", new=pair(k)[1]))
    return tuple(out)


def _diff_tuple(
    steps: tuple[Step, ...], old: tuple[Any, ...], new: tuple[Any, ...]
) -> list[Change]:
    old_keys, new_keys = _keys(old), _keys(new)
    if old_keys is not None and new_keys is not None:
        old_by = dict(zip(old_keys, old, strict=True))
        new_by = dict(zip(new_keys, new, strict=True))
        found = keyed_changes(steps, old_keys, new_keys, lambda k: (old_by.get(k), new_by.get(k)))
        return [Change(steps, "changed", old, new)] if found is None else list(found)
    out: list[Change] = []
    for index, (before, after) in enumerate(zip(old, new, strict=False)):
        out += _diff((*steps, index), before, after)
    out += [Change((*steps, i), "added", new=new[i]) for i in range(len(old), len(new))]
    out += [
        Change((*steps, i), "removed", old=old[i]) for i in range(len(old) - 1, len(new) - 1, -1)
    ]
    return out


def _diff(steps: tuple[Step, ...], old: Any, new: Any) -> list[Change]:  # noqa: PLR0911
    if old is new:
        return []
    if type(old) is not type(new):
        if old is None:
            return [Change(steps, "added", new=new)]
        if new is None:
            return [Change(steps, "removed", old=old)]
        return [Change(steps, "changed", old, new)]
    if isinstance(old, tuple):
        assert isinstance(new, tuple)
        return [] if old == new else _diff_tuple(steps, old, new)
    if isinstance(old, frozenset):
        assert isinstance(new, frozenset)
        gone = sorted(old - new, key=str)
        came = sorted(new - old, key=str)
        return [Change((*steps, (_set_key(v),)), "removed", old=v) for v in gone] + [
            Change((*steps, (_set_key(v),)), "added", new=v) for v in came
        ]
    if attrs.has(type(old)):
        if old == new:
            return []
        out: list[Change] = []
        for field in own_first(type(old)):
            if field.init and field.eq:
                out += _diff(
                    (*steps, field.name), getattr(old, field.name), getattr(new, field.name)
                )
        return out
    return [] if old == new else [Change(steps, "changed", old, new)]


def _set_key(value: object) -> str:
    return str(value.value) if isinstance(value, enum.Enum) else str(value)


def diff(old: object, new: object) -> tuple[Change, ...]:
    """The changes that turn ``old`` into ``new``, in a fixed order.

    Works on any record (a :class:`~samarbejde.Portfolio`, a
    :class:`~samarbejde.Partnership`, an :class:`~samarbejde.Organisation` …) and on
    the values inside one. ``diff(x, x) == ()`` and ``apply(diff(a, b), a) == b``.

    >>> from samarbejde import Area
    >>> [c.path for c in diff(Area("a", "A", "561"), Area("a", "A", "101"))]
    ['municipality']
    """
    return tuple(_diff((), old, new))


# -- applying -----------------------------------------------------------------------


def _grouped(
    items: Iterable[tuple[tuple[Step, ...], Change]],
) -> dict[Hashable, list[tuple[tuple[Step, ...], Change]]]:
    groups: dict[Hashable, list[tuple[tuple[Step, ...], Change]]] = {}
    for rest, change in items:
        groups.setdefault(rest[0], []).append((rest[1:], change))
    return groups


def _whole(items: list[tuple[tuple[Step, ...], Change]]) -> Change | None:
    for rest, change in items:
        if not rest:
            if len(items) != 1:
                raise ValueError(f"{change.path}: a whole-value change comes alone")
            return change
    return None


def _apply(value: Any, items: list[tuple[tuple[Step, ...], Change]]) -> Any:
    whole = _whole(items)
    if whole is not None:
        return whole.new
    if isinstance(value, tuple):
        return _apply_tuple(value, items)
    if isinstance(value, frozenset):
        out = set(value)
        for _, change in items:
            if change.kind == "removed":
                out.discard(change.old)
            else:
                out.add(change.new)
        return frozenset(out)
    if attrs.has(type(value)):
        fields = {f.name: f for f in attrs.fields(type(value))}
        updates: dict[str, Any] = {}
        for name, group in _grouped(items).items():
            field = fields.get(name) if isinstance(name, str) else None
            if field is None or not field.init:
                raise ValueError(f"{type(value).__name__} has no field {name!r}")
            updates[field.alias] = _apply(getattr(value, field.name), group)
        return attrs.evolve(value, **updates)
    raise ValueError(f"cannot apply a change inside {type(value).__name__}")


def _apply_tuple(value: tuple[Any, ...], items: list[tuple[tuple[Step, ...], Change]]) -> Any:
    result: list[Any] = list(value)
    gone: set[int] = set()
    added: list[Any] = []
    index_of: Mapping[str, int] = {}
    if any(isinstance(rest[0], tuple) for rest, _ in items):
        index_of = {k: i for i, k in reversed(list(enumerate(_key(v) for v in value))) if k}
    for step, group in _grouped(items).items():
        if isinstance(step, tuple):
            position = index_of.get(step[0])
        elif isinstance(step, int) and 0 <= step < len(value):
            position = step
        else:
            position = None
        whole = _whole(group)
        if whole is not None and whole.kind == "added":
            added.append(whole.new)
        elif position is None:
            raise ValueError(f"{group[0][1].path}: nothing there to change")
        elif whole is not None and whole.kind == "removed":
            gone.add(position)
        else:
            result[position] = _apply(result[position], group)
    return tuple(v for i, v in enumerate(result) if i not in gone) + tuple(added)


def apply(changes: Iterable[Change], value: T) -> T:
    """Apply ``changes`` (from :func:`diff`) to ``value`` and return the result.

    Each record is rebuilt once with all its changed fields, so its checks run on
    the final values. ``apply(diff(a, b), a) == b``.

    Raises:
        ValueError: A change names a place that ``value`` does not have.
        ModelError: The result breaks an invariant of the model.

    >>> from samarbejde import Area
    >>> old, new = Area("a", "A", "561"), Area("a", "B", "561")
    >>> apply(diff(old, new), old) == new
    True
    """
    items = [(change.steps, change) for change in changes]
    if not items:
        return value
    result: T = _apply(value, items)
    return result
