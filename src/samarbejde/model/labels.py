"""Labels for every enum value and every known code, in every language (from the catalogues)."""

from __future__ import annotations

from enum import Enum
from types import MappingProxyType

from samarbejde.model.enums import (
    AgreementKind,
    AreaCategory,
    CommitmentStatus,
    DecisionPower,
    Direction,
    FundingKind,
    GovernanceKind,
    MandateLevel,
    Measure,
    Power,
    ProjectPhase,
    ReviewOutcome,
    SeatRole,
    Sector,
    StrategicPhase,
    Unit,
)
from samarbejde.model.text import DEFAULT_LANG, Lang, Text, check_lang
from samarbejde.model.unknown import UNKNOWN
from samarbejde.model.words import BASE_LANG, catalogue, word

__all__ = ["Lang", "label"]

_UNKNOWN = Text("label.unknown")

#: The enums whose values are labelled: each value's label is the catalogues'
#: ``label.<Enum>.<value>``.
LABELLED: tuple[type[Enum], ...] = (
    Sector,
    ProjectPhase,
    StrategicPhase,
    CommitmentStatus,
    MandateLevel,
    Power,
    ReviewOutcome,
    AgreementKind,
    GovernanceKind,
    FundingKind,
    AreaCategory,
    Unit,
    Measure,
    Direction,
    DecisionPower,
    SeatRole,
)

_LABELLED = frozenset(LABELLED)

#: Each labelled enum value's label (two str enums' equal values share one entry: use
#: :func:`label`, which looks a value up by its type).
ENUM_LABELS = MappingProxyType(
    {member: Text(f"label.{enum.__name__}.{member.value}") for enum in LABELLED for member in enum}
)


def label(value: Enum | str, lang: Lang = DEFAULT_LANG) -> str:
    """Return the human label of an enum value or a known code.

    Args:
        value: An enum member (``Sector.BUSINESS``), a code from an open list
            (``"bridge_builder"``) or :data:`~samarbejde.UNKNOWN` (``ukendt``). Unknown
            codes are returned unchanged; an enum of another layer (the rules'
            ``Severity``) gives its own ``label(lang)``.
        lang: One of :data:`~samarbejde.model.words.LANGS` (default
            :data:`~samarbejde.model.words.DEFAULT_LANG`).

    Returns:
        The label in the chosen language.

    Raises:
        ValueError: If ``lang`` is not one of :data:`samarbejde.model.text.LANGS`.

    >>> label(Sector.BUSINESS, "da")
    'erhvervsliv'
    >>> label("bridge_builder", lang="en")
    'bridge builder'
    >>> label(UNKNOWN, "da")
    'ukendt'
    """
    check_lang(lang)
    if value is UNKNOWN:
        return _UNKNOWN.pick(lang)
    if isinstance(value, Enum):
        if type(value) in _LABELLED:  # by its type: str enums of two types can be equal
            return word(f"label.{type(value).__name__}.{value.value}", lang)
        own = getattr(value, "label", None)  # enums of other layers label themselves
        return str(own(lang)) if callable(own) else str(value.value)
    try:
        return word(f"code.{value}", lang)
    except KeyError:
        return value


def __getattr__(name: str) -> object:
    """``CODES`` and ``CODE_LABELS``, read from the catalogues when first asked for.

    ``CODES`` are the codes of the open lists (roles, kinds of commitment, interests,
    kinds of entry point) that have labels, the catalogues' ``code.<code>``;
    ``CODE_LABELS`` maps each to its :class:`Text`. Importing the package reads no
    catalogue.
    """
    if name == "CODES":
        return tuple(key[5:] for key in catalogue(BASE_LANG) if key.startswith("code."))
    if name == "CODE_LABELS":
        codes = tuple(key[5:] for key in catalogue(BASE_LANG) if key.startswith("code."))
        return MappingProxyType({code: Text(f"code.{code}") for code in codes})
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
