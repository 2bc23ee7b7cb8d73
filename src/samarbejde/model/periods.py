"""Plan periods (*helhedsplanperioder*): one partnership across its funding periods."""

from __future__ import annotations

import attrs
import pendulum

from samarbejde.model._checks import (
    instance_of,
    is_id,
    is_ids,
    is_optional_date,
    is_optional_id,
    is_optional_text,
    is_texts,
)
from samarbejde.model.terms import Term

__all__ = ["PlanPeriod"]


@attrs.frozen
class PlanPeriod:
    """One period of a partnership that lives across funding periods (design decision D93).

    Køge's helhedsplan ran 2013-17, 2017-21 and 2021-25 with changing themes and
    areas: one partnership with three periods, not three projects.

    Attributes:
        id: Unique within the partnership.
        name: The period's name, e.g. ``"helhedsplan 2021-2025"``.
        term: The days it covers.
        themes: Its themes (LBF's *indsatsområder*), as written, e.g.
            ``"Beskæftigelse"``.
        areas: Ids of the areas it serves (they may differ from period to period).
        agreement: The id of the partnership's agreement for the period.
        decided_on: The day the partnership planned it (the ``on`` of
            :meth:`~samarbejde.Partnership.plan_period`); a view of an earlier day
            leaves it out. ``None`` when not recorded: then it is in every view (D63).
    """

    id: str = attrs.field(validator=is_id)
    term: Term = attrs.field(validator=instance_of(Term))
    name: str | None = attrs.field(default=None, validator=is_optional_text)
    themes: tuple[str, ...] = attrs.field(default=(), validator=is_texts)
    areas: tuple[str, ...] = attrs.field(default=(), validator=is_ids)
    agreement: str | None = attrs.field(default=None, validator=is_optional_id)
    decided_on: pendulum.Date | None = attrs.field(default=None, validator=is_optional_date)
