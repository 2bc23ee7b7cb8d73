"""Many files, one register: documents that share organisations and areas, merged into one.

A national register is many files: one organisation register shared by many
partnership files, each kept by its own secretariat. :func:`merge` combines them: each
list of the document (organisations, areas, partnerships: the root's fields, read from
the one description of the document's shape) keeps every record once, in the order the
files give them; a record given twice, the same in both, is kept once; a record given
twice, differently (same id, different record), is a conflict, reported as a problem
located in both files.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import attrs

from samarbejde.documents._locate import SourceMap
from samarbejde.documents._shape import RecordKind, SequenceKind, shape
from samarbejde.model.errors import LoadError, Problem
from samarbejde.model.portfolio import Portfolio

__all__ = [
    "ADDED",
    "REPLACED",
    "UNCHANGED",
    "MergedSources",
    "import_records",
    "merge",
    "merge_located",
]

#: What an import did to one record.
ADDED, REPLACED, UNCHANGED = "added", "replaced", "unchanged"


class MergedSources:
    """Where each value of a merged portfolio stands: which file, and its line there.

    A :class:`~samarbejde.rules.Locator` (``locate``) for ``validate``, and
    :meth:`file_of` to name the file a finding's path lies in.
    """

    def __init__(
        self,
        owners: dict[str, int],
        files: Sequence[tuple[str, SourceMap | None]],
        shared: dict[str, list[int]] | None = None,
    ):
        self._owners = owners
        self._files = tuple(files)
        self._shared = shared or {}

    def _owner(self, path: str) -> int | None:
        head = path.split("].", 1)[0]
        head = head if head.endswith("]") else head + "]"
        return self._owners.get(head)

    def file_of(self, path: str) -> str | None:
        """The file holding the record at ``path`` (``partnerships[opdrift].goals``)."""
        owner = self._owner(path)
        return None if owner is None else self._files[owner][0]

    def files_of(self, path: str) -> tuple[str, ...]:
        """Every file that gave the record at ``path``: the one its line is in first.

        A record given, the same, by two files (a shared organisation) names both.
        """
        owner = self._owner(path)
        if owner is None:
            return ()
        head = path.split("].", 1)[0]
        head = head if head.endswith("]") else head + "]"
        return tuple(self._files[i][0] for i in (owner, *self._shared.get(head, ())))

    def locate(self, path: str) -> tuple[int, int] | None:
        """The ``(line, column)`` of ``path`` in the file holding it, when known."""
        owner = self._owner(path)
        source_map = None if owner is None else self._files[owner][1]
        return None if source_map is None else source_map.locate(path)


def _where(name: str, source_map: SourceMap | None, path: str) -> str:
    found = source_map.locate(path) if source_map is not None else None
    return f"{name}:{found[0]}:{found[1]}" if found else name


def merge_located(
    documents: Sequence[tuple[Portfolio, str, SourceMap | None]],
) -> tuple[Portfolio, MergedSources]:
    """Merge portfolios, each with its file's name and source map.

    Returns:
        The merged portfolio, and where each of its records came from.

    Raises:
        LoadError: Each conflict (same id, different record) as a problem naming both
            files and, where known, the line in each.
    """
    root = shape(Portfolio).root
    merged: dict[str, list[Any]] = {}
    owners: dict[str, int] = {}
    shared: dict[str, list[int]] = {}
    problems: list[Problem] = []
    for field in root.fields:
        kind = field.kind
        keyed = (
            isinstance(kind, SequenceKind)
            and isinstance(kind.item, RecordKind)
            and any(f.key == "id" for f in kind.item.record.fields)
        )
        kept: list[Any] = []
        seen: dict[str, tuple[Any, int]] = {}
        for index, (portfolio, name, source_map) in enumerate(documents):
            for record in getattr(portfolio, field.name):
                if not keyed:
                    kept.append(record)
                    continue
                path = f"{field.key}[{record.id}]"
                earlier = seen.get(record.id)
                if earlier is None:
                    seen[record.id] = (record, index)
                    owners[path] = index
                    kept.append(record)
                    continue
                if earlier[0] == record:
                    shared.setdefault(path, []).append(index)
                    continue
                first_name, first_map = documents[earlier[1]][1:]
                here = source_map.locate(path) if source_map is not None else None
                message = (
                    f"{path} in {_where(name, source_map, path)} differs from the one in "
                    f"{_where(first_name, first_map, path)}: the same id, a different record"
                )
                line, column = here if here else (None, None)
                problems.append(Problem(path, message, line, column))
        merged[field.name] = kept
    if problems:
        raise LoadError(problems, ", ".join(name for _, name, _ in documents))
    portfolio = attrs.evolve(Portfolio(), **{k: tuple(v) for k, v in merged.items()})
    return portfolio, MergedSources(owners, [(name, m) for _, name, m in documents], shared)


def merge(*portfolios: Portfolio) -> Portfolio:
    """Combine portfolios that share an organisation and area register into one.

    A record given by several portfolios, the same in each, is kept once; the lists keep
    the order the portfolios give them.

    Raises:
        LoadError: Each conflict (same id, different record) as a problem naming both
            portfolios (``<portfolio 1>``, ``<portfolio 2>`` …); use
            :func:`merge_located` to name files and lines.

    >>> from samarbejde.model.organisations import Organisation
    >>> from samarbejde.model.enums import Sector
    >>> kommune = Organisation("kommune", "Kommunen", Sector.MUNICIPALITY)
    >>> register = Portfolio(organisations=(kommune,))
    >>> len(merge(register, register).organisations)
    1
    """
    documents = [(p, f"<portfolio {i}>", None) for i, p in enumerate(portfolios, 1)]
    return merge_located(documents)[0]


def _keyed_fields() -> list[str]:
    """The root's lists of records with ids (organisations, areas, partnerships)."""
    out = []
    for field in shape(Portfolio).root.fields:
        kind = field.kind
        if (
            isinstance(kind, SequenceKind)
            and isinstance(kind.item, RecordKind)
            and any(f.key == "id" for f in kind.item.record.fields)
        ):
            out.append(field.name)
    return out


def import_records(
    base: Portfolio, incoming: Portfolio, *, replace: bool = False, source: str = "<import>"
) -> tuple[Portfolio, list[tuple[str, str]]]:
    """Import the records of ``incoming`` into ``base``, saying what became of each.

    A record whose id ``base`` lacks is added at the end of its list; one equal to
    ``base``'s is unchanged; one that differs replaces ``base``'s in its place, but only
    with ``replace``.

    Returns:
        The portfolio, and each incoming record's path with ``"added"``,
        ``"replaced"`` or ``"unchanged"``, in ``incoming``'s order.

    Raises:
        LoadError: Without ``replace``, each record that would be overwritten.

    >>> from samarbejde.model.areas import Area
    >>> one = Portfolio(areas=(Area("a", "A", "561"),))
    >>> two = Portfolio(areas=(Area("a", "A", "561"), Area("b", "B", "561")))
    >>> import_records(one, two)[1]
    [('areas[a]', 'unchanged'), ('areas[b]', 'added')]
    """
    changes: dict[str, tuple[Any, ...]] = {}
    outcomes: list[tuple[str, str]] = []
    refused: list[Problem] = []
    for name in _keyed_fields():
        records = list(getattr(base, name))
        where = {record.id: index for index, record in enumerate(records)}
        for record in getattr(incoming, name):
            path = f"{name}[{record.id}]"
            index = where.get(record.id)
            if index is None:
                where[record.id] = len(records)
                records.append(record)
                outcomes.append((path, ADDED))
            elif records[index] == record:
                outcomes.append((path, UNCHANGED))
            elif replace:
                records[index] = record
                outcomes.append((path, REPLACED))
            else:
                message = f"{path} would be replaced by a different record: import with replace"
                refused.append(Problem(path, message))
        changes[name] = tuple(records)
    if refused:
        raise LoadError(refused, source)
    return attrs.evolve(base, **changes), outcomes
