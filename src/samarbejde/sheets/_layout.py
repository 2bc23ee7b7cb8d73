"""The tables of a portfolio, made from the one description of the document's shape.

:func:`layout` walks :func:`samarbejde.documents._shape.shape` once and lays the
document out as tables: one table per list of records (or of values) in the document,
one row per item, one column per scalar field. A nested record's fields become columns
of its parent's row (``term.start``); a union tagged by ``form`` becomes a ``form``
column and the columns of every member. A list inside a row becomes a table of its own,
each row keyed by its parent's id path: one key column per enclosing list, holding the
enclosing item's ``id``, or its number (from 1) among its siblings when it has no id.

A new field of the model reaches the tables with no edit here; its Danish header falls
back to its key until :data:`DANISH` gives it a word.
"""

from __future__ import annotations

from enum import Enum
from typing import Any, NamedTuple

from samarbejde.documents._scalars import Scalar
from samarbejde.documents._shape import (
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
from samarbejde.model._checks import TEXT, Matches
from samarbejde.model.portfolio import Portfolio

__all__ = ["DANISH", "Column", "Key", "Table", "layout"]

#: Danish words for the document's keys, used in Danish headers and sheet names. A key
#: missing here is shown as itself.
DANISH: dict[str, str] = {
    "organisations": "organisationer",
    "areas": "områder",
    "partnerships": "partnerskaber",
    "id": "id",
    "name": "navn",
    "sector": "sektor",
    "parent": "overordnet",
    "identifiers": "identifikatorer",
    "cvr": "cvr",
    "kommunekode": "kommunekode",
    "remit": "opgaver",
    "entry_points": "indgange",
    "kind": "type",
    "post": "stilling",
    "channel": "kanal",
    "covers": "dækker",
    "verified_on": "bekræftet",
    "municipality": "kommune",
    "residents": "beboere",
    "classifications": "klassifikationer",
    "category": "kategori",
    "list_date": "listedato",
    "lifecycle": "forløb",
    "form": "form",
    "term": "periode",
    "start": "start",
    "end": "slut",
    "phases": "faser",
    "phase": "fase",
    "on": "dato",
    "owner": "ejer",
    "since": "siden",
    "horizon": "horisont",
    "review_every": "evaluering_hver",
    "reviews": "evalueringer",
    "outcome": "udfald",
    "note": "note",
    "earlier": "tidligere",
    "vision": "vision",
    "text": "tekst",
    "agreed_on": "vedtaget",
    "agreed_by": "vedtaget_af",
    "challenges": "udfordringer",
    "title": "titel",
    "identified_on": "identificeret",
    "identified_by": "identificeret_af",
    "goals": "mål",
    "indicator": "indikator",
    "baseline": "udgangspunkt",
    "target": "målværdi",
    "due": "frist",
    "owners": "ejere",
    "members": "medlemmer",
    "organisation": "organisation",
    "role": "rolle",
    "joined": "indtrådt",
    "left": "udtrådt",
    "representative": "repræsentant",
    "mandates": "mandater",
    "level": "niveau",
    "powers": "beføjelser",
    "granted_by": "givet_af",
    "ceiling": "loft",
    "amount": "beløb",
    "currency": "valuta",
    "revoked": "tilbagekaldt",
    "interests": "interesser",
    "commitments": "tilsagn",
    "by": "fra",
    "quantity": "mængde",
    "unit": "enhed",
    "status": "status",
    "to": "til",
    "mandate": "mandat",
    "agreement": "aftale",
    "fulfilments": "indfrielser",
    "agreements": "aftaler",
    "parties": "parter",
    "signed_on": "underskrevet",
    "binding": "bindende",
    "theme": "tema",
    "notice": "varsel",
    "governance": "styring",
    "meets_every": "mødes_hver",
    "funding": "finansiering",
    "funder": "finansieret_af",
    "nr": "nr",
    "measure": "måleart",
    "direction": "retning",
    "measure_every": "måles_hver",
    "measurements": "målinger",
    "value": "værdi",
    "source": "kilde",
    "reported_by": "rapporteret_af",
    "reported_post": "rapporteret_stilling",
    "approved_by": "godkendt_af",
    "approved_post": "godkendt_stilling",
    "lists": "områdelister",
    "law": "lov",
    "listings": "på_listen",
    "figures": "tal",
    "new": "ny",
    "count": "antal",
    "complete": "komplet",
}


def _word(key: str, lang: str) -> str:
    return DANISH.get(key, key) if lang == "da" else key


class Column(NamedTuple):
    """One column: a scalar at ``path`` inside the row's item.

    Attributes:
        path: Keys from the row's item to the value (``("term", "start")``); empty for a
            table of plain values.
        scalars: What the value may be (several for a tagged union's shared key).
        text: Free text (kept exactly as typed); otherwise surrounding spaces are
            dropped when read.
        choices: The values of a tag column (``form``).
    """

    path: tuple[str, ...]
    scalars: tuple[Scalar, ...]
    text: bool
    choices: tuple[str, ...] = ()

    def header(self, lang: str, value_key: str) -> str:
        """The header in ``lang`` (``"da"`` or ``"en"``)."""
        return ".".join(_word(k, lang) for k in (self.path or (value_key,)))

    @property
    def enums(self) -> tuple[type[Enum], ...]:
        """The enums its values come from (none for other scalars)."""
        bases = [s.base for s in self.scalars]
        return tuple(s.type for s in bases if isinstance(s.type, type) and issubclass(s.type, Enum))

    @property
    def unknowable(self) -> bool:
        """Whether its value may be ``unknown`` (``ukendt`` is read too)."""
        return any(s.known is not None for s in self.scalars)


class Key(NamedTuple):
    """A key column: the id (or number) of the item of an enclosing list.

    Attributes:
        table: The enclosing table's path.
        by_id: The enclosing items have an ``id``; otherwise they are numbered from 1.
    """

    table: tuple[str, ...]
    by_id: bool

    def header(self, lang: str) -> str:
        """The header in ``lang``."""
        return f"{_word(self.table[-1], lang)}.{'id' if self.by_id else _word('nr', lang)}"


class Table:
    """One list of the document as a table.

    Attributes:
        path: Keys from the document's root to the list; a key of an enclosing list's
            item follows that list's key (``("partnerships", "commitments")``).
        within: The length of the path of each enclosing list, outermost first.
        keys: The key columns, one per enclosing list.
        columns: The value columns.
        numbered: Its items have no ``id`` and other tables are keyed by their number:
            it has a ``nr`` column of its own.
        by_id: Its items have an ``id``.
    """

    def __init__(
        self, path: tuple[str, ...], keys: tuple[Key, ...], columns: tuple[Column, ...], by_id: bool
    ) -> None:
        self.path = path
        self.keys = keys
        self.columns = columns
        self.by_id = by_id
        self.numbered = False

    def name(self, lang: str) -> str:
        """The sheet's (or file's) name in ``lang``: its last two keys."""
        words = [_word(k, lang) for k in self.path[-2:]] if len(self.path) > 1 else []
        if not words:
            words = [_word(self.path[0], lang)]
        name = " ".join(words)
        return (name[:1].upper() + name[1:])[:31]

    def headers(self, lang: str) -> list[str]:
        """Every header in ``lang``, keys first."""
        own = [f"{_word('nr', lang)}"] if self.numbered else []
        return (
            [k.header(lang) for k in self.keys]
            + own
            + [c.header(lang, self.path[-1]) for c in self.columns]
        )

    def __repr__(self) -> str:
        return f"Table({'.'.join(self.path)})"


def _free_text(record: Record | None, key: str) -> bool:
    if record is None:
        return False
    for field in record.fields:
        if field.key == key:
            validator = field.attribute.validator
            found = getattr(validator, "_validators", (validator,))
            return any(isinstance(v, Matches) and v.pattern is TEXT for v in found)
    return False


def _ids_repeat(owner: Record | None, key: str) -> bool:
    """Whether the list ``owner.key`` may hold one id several times (field metadata).

    Such a list (the earlier versions of governance bodies) is keyed by row number, not
    by id, so that what each item holds stays with it.
    """
    if owner is None:
        return False
    field = next((f for f in owner.fields if f.key == key), None)
    return field is not None and bool(field.attribute.metadata.get("ids_repeat"))


class _Builder:
    def __init__(self) -> None:
        self.tables: list[Table] = []

    def table(
        self, path: tuple[str, ...], keys: tuple[Key, ...], items: list[Kind], owner: Record | None
    ) -> None:
        """Lay out the list at ``path`` of items of ``items``; ``owner`` holds the list."""
        columns: dict[tuple[str, ...], Column] = {}
        children: dict[tuple[str, ...], tuple[list[Kind], Record | None]] = {}
        by_id = not _ids_repeat(owner, path[-1]) and any(
            isinstance(item, RecordKind) and any(f.key == "id" for f in item.record.fields)
            for item in items
        )
        table = Table(path, keys, (), by_id)
        self.tables.append(table)
        for item in items:
            self._columns(item, (), columns, children, holder=owner, key=path[-1])
        table.columns = tuple(columns.values())
        inner = (*keys, Key(path, by_id))
        for relative, (kinds, holder) in children.items():
            self.table(path + relative, inner, kinds, holder)
            table.numbered = table.numbered or not by_id

    def _columns(
        self,
        kind: Kind,
        prefix: tuple[str, ...],
        columns: dict[tuple[str, ...], Column],
        children: dict[tuple[str, ...], tuple[list[Kind], Record | None]],
        *,
        holder: Record | None,
        key: str = "",
    ) -> None:
        if isinstance(kind, OptionalKind):
            self._columns(kind.inner, prefix, columns, children, holder=holder, key=key)
        elif isinstance(kind, RecordKind):
            for field in kind.record.fields:
                self._columns(
                    field.kind,
                    (*prefix, field.key),
                    columns,
                    children,
                    holder=kind.record,
                    key=field.key,
                )
        elif isinstance(kind, TaggedKind):
            form = (*prefix, kind.tag)
            tags = tuple(o.tag_value or "" for o in kind.options)
            columns.setdefault(form, Column(form, (), False, tags))
            for option in kind.options:
                self._columns(RecordKind(option), prefix, columns, children, holder=holder, key=key)
        elif isinstance(kind, SequenceKind | SetKind):
            children.setdefault(prefix, ([], holder))[0].append(kind.item)
        else:
            assert isinstance(kind, ScalarKind)
            known = columns.get(prefix)
            scalars = (*known.scalars, kind.scalar) if known else (kind.scalar,)
            unique = tuple({id(s): s for s in scalars}.values())
            columns[prefix] = Column(prefix, unique, _free_text(holder, key))


_LAYOUTS: dict[type[Any], tuple[Table, ...]] = {}


def layout(root: type[Any] = Portfolio) -> tuple[Table, ...]:
    """The tables of documents of ``root`` records, outermost first (kept once made)."""
    found = _LAYOUTS.get(root)
    if found is None:
        builder = _Builder()
        for field in shape(root).root.fields:
            kind = field.kind
            assert isinstance(kind, SequenceKind | SetKind), "the root holds lists"
            builder.table((field.key,), (), [kind.item], shape(root).root)
        found = _LAYOUTS.setdefault(root, tuple(builder.tables))
    return found
