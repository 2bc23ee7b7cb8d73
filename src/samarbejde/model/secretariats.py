"""The secretariat or backbone that runs a partnership's daily work."""

from __future__ import annotations

import attrs
import pendulum

from samarbejde.model._checks import (
    is_code,
    is_optional_date,
    is_optional_id,
    is_optional_text,
    is_text,
)

__all__ = ["Secretariat"]


@attrs.frozen
class Secretariat:
    """The partnership's secretariat (*sekretariat*, *områdesekretariat*) or backbone.

    It need not be a member: it may be hosted by one (a housing organisation that
    employs the staff), by an organisation outside the partnership, or by none (design
    decision D90).

    Attributes:
        name: Its name, e.g. ``"Boligsocialt Fællessekretariat Køge"``.
        kind: An open code, ``secretariat`` (the default) or ``backbone`` (see
            :data:`~samarbejde.model.codes.KNOWN_SECRETARIAT_KINDS`).
        host: The id of the organisation that hosts it, member or not; ``None`` when it
            stands on its own or the host is not recorded.
        address: The postal address of its office, e.g. ``"Karlemoseparken 20, 4600 Køge"``.
        area: The id of the area where its office is.
        decided_on: The day the partnership set it up or last changed it (the ``on``
            of :meth:`~samarbejde.Partnership.set_secretariat`); a view of an earlier
            day leaves it out. ``None`` when not recorded: then it is in every view.
    """

    name: str = attrs.field(validator=is_text)
    kind: str = attrs.field(default="secretariat", validator=is_code)
    host: str | None = attrs.field(default=None, validator=is_optional_id)
    address: str | None = attrs.field(default=None, validator=is_optional_text)
    area: str | None = attrs.field(default=None, validator=is_optional_id)
    decided_on: pendulum.Date | None = attrs.field(default=None, validator=is_optional_date)
