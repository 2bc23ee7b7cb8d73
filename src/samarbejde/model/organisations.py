"""Organisations (*aktører*) and their entry points (*indgange*)."""

from __future__ import annotations

import re
from typing import Any

import attrs
import pendulum

from samarbejde.model._checks import (
    Matches,
    OneOf,
    because,
    fail,
    instance_of,
    is_code,
    is_id,
    is_ids,
    is_optional_date,
    is_optional_id,
    is_optional_text,
    is_text,
    is_texts,
    tuple_of,
    unique_by,
)
from samarbejde.model.enums import Sector
from samarbejde.model.errors import UnknownIdError
from samarbejde.model.municipalities import municipalities
from samarbejde.model.sources import Cited

__all__ = ["EntryPoint", "Identifiers", "Organisation"]


def _cvr_checksum(value: str) -> bool:
    # python-stdnum pulls in ssl and pydoc: import it when a CVR number is first checked.
    from stdnum.dk import cvr  # noqa: PLC0415

    return bool(cvr.is_valid(value))


_cvr_valid = Matches(
    re.compile(r"[0-9]{8}"),
    "not a valid CVR number (8 digits, mod-11 checksum)",
    optional=True,
    also=_cvr_checksum,
)
_kommunekode = OneOf(municipalities, "not the kommunekode of a Danish municipality", optional=True)


@attrs.frozen
class Identifiers:
    """Official identifiers of an organisation.

    Attributes:
        cvr: The eight-digit CVR number, checked with python-stdnum.
        kommunekode: For a municipality, its three-digit code from the shipped list.
    """

    cvr: str | None = attrs.field(default=None, validator=_cvr_valid)
    kommunekode: str | None = attrs.field(default=None, validator=_kommunekode)


@attrs.frozen
class EntryPoint:
    """A post or function through which an organisation can be engaged (*indgang*).

    Attributes:
        id: Unique within the organisation.
        kind: An open code, e.g. ``regional_consultant`` or ``local_branch``
            (see :data:`samarbejde.model.codes.KNOWN_ENTRY_POINT_KINDS`).
        post: The title of the post, e.g. ``"Regional konsulent"`` - never a person's name.
        channel: How to reach it (a shared mailbox, a phone line). May hold personal
            data and is removed by :func:`samarbejde.redact`.
        covers: Area ids this entry point serves; empty means the whole organisation.
        verified_on: When the entry point was last checked to work.
    """

    id: str = attrs.field(validator=is_id)
    kind: str = attrs.field(validator=is_code)
    post: str = attrs.field(validator=is_text)
    channel: str | None = attrs.field(
        default=None, validator=is_optional_text, metadata={"personal": True}
    )
    covers: tuple[str, ...] = attrs.field(default=(), validator=is_ids)
    verified_on: pendulum.Date | None = attrs.field(default=None, validator=is_optional_date)


def _parent_not_self(
    instance: Organisation, attribute: attrs.Attribute[Any], value: object
) -> None:
    if value is not None and value == instance.id:
        fail(instance, attribute, value, because("organisation_own_parent"))


def _entry_points(
    instance: Organisation, attribute: attrs.Attribute[Any], value: tuple[EntryPoint, ...]
) -> None:
    unique_by(instance, attribute, value, lambda e: e.id, "entry point id")


@attrs.frozen
class Organisation(Cited):
    """An organisation or a unit of one (*aktør, forvaltning, afdeling*).

    Units point to their organisation with ``parent``; that is where silos show.

    Attributes:
        id: Unique among the portfolio's organisations.
        name: The organisation's name.
        sector: Which part of society it belongs to.
        parent: The id of the organisation this one is a unit of.
        identifiers: CVR number and, for municipalities, the kommunekode.
        remit: Themes it is responsible for (an open list of free text).
        entry_points: The posts through which it can be engaged.
    """

    id: str = attrs.field(validator=is_id)
    name: str = attrs.field(validator=is_text)
    sector: Sector = attrs.field(validator=instance_of(Sector))
    parent: str | None = attrs.field(default=None, validator=[is_optional_id, _parent_not_self])
    identifiers: Identifiers = attrs.field(factory=Identifiers, validator=instance_of(Identifiers))
    remit: tuple[str, ...] = attrs.field(default=(), validator=is_texts)
    entry_points: tuple[EntryPoint, ...] = attrs.field(
        default=(), validator=[tuple_of(EntryPoint), _entry_points]
    )

    def entry_point(self, id: str) -> EntryPoint:  # noqa: A002 - the domain's word
        """Return the entry point with ``id``.

        Raises:
            UnknownIdError: No entry point has that id (a ``KeyError``).
        """
        for entry in self.entry_points:
            if entry.id == id:
                return entry
        raise UnknownIdError("entry point", id)
