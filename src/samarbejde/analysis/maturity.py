"""Maturity: an explainable score of how far a partnership has come.

Nine dimensions, each scored 0-3 from facts of the model by the rules written out in
``docs/explanation/maturity.md``; each score carries its evidence (the facts and the
rule findings that bear on it). The total gives a level on the scale networking →
coordinating → cooperating → collaborating.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from enum import Enum

import attrs
import pendulum

from samarbejde.analysis import _scoring
from samarbejde.analysis._scoring import fact
from samarbejde.model import days
from samarbejde.model.partnerships import Partnership
from samarbejde.model.portfolio import Portfolio
from samarbejde.model.text import Lang, Text
from samarbejde.model.words import DEFAULT_LANG
from samarbejde.rules import Finding, Severity

__all__ = [
    "DIMENSION_CODES",
    "Dimension",
    "DimensionScore",
    "Level",
    "Maturity",
    "assess",
    "level_for",
]


class Dimension(str, Enum):
    """A dimension of maturity, in the field's own terms."""

    PLACE_SPECIFIC = "place_specific"
    BINDING = "binding"
    LONG_LASTING = "long_lasting"
    SECTORS = "sectors"
    EARLY_INVOLVEMENT = "early_involvement"
    SHARED_VISION = "shared_vision"
    OWNERSHIP = "ownership"
    FUNDING = "funding"
    REVIEW_RHYTHM = "review_rhythm"

    def __str__(self) -> str:
        return str(self.value)

    def label(self, lang: Lang = DEFAULT_LANG) -> str:
        """The dimension's name in Danish (``"da"``) or English (``"en"``).

        >>> Dimension.BINDING.label("da")
        'forpligtende'
        """
        return _DIMENSION_LABELS[self].pick(lang)


_DIMENSION_LABELS = {
    Dimension.PLACE_SPECIFIC: Text("maturity.Dimension.place_specific"),
    Dimension.BINDING: Text("maturity.Dimension.binding"),
    Dimension.LONG_LASTING: Text("maturity.Dimension.long_lasting"),
    Dimension.SECTORS: Text("maturity.Dimension.sectors"),
    Dimension.EARLY_INVOLVEMENT: Text("maturity.Dimension.early_involvement"),
    Dimension.SHARED_VISION: Text("maturity.Dimension.shared_vision"),
    Dimension.OWNERSHIP: Text("maturity.Dimension.ownership"),
    Dimension.FUNDING: Text("maturity.Dimension.funding"),
    Dimension.REVIEW_RHYTHM: Text("maturity.Dimension.review_rhythm"),
}

#: The rule codes whose findings bear on each dimension.
DIMENSION_CODES: dict[Dimension, tuple[str, ...]] = {
    Dimension.PLACE_SPECIFIC: ("L001", "C004"),
    Dimension.BINDING: ("L002", "M001", "M002", "M003", "M004", "T001"),
    Dimension.LONG_LASTING: ("L003", "P001"),
    Dimension.SECTORS: ("C001", "C003"),
    Dimension.EARLY_INVOLVEMENT: ("C002", "C006"),
    Dimension.SHARED_VISION: ("L006", "L007"),
    Dimension.OWNERSHIP: ("C005", "L009", "M005"),
    Dimension.FUNDING: ("P002", "P003", "L008"),
    Dimension.REVIEW_RHYTHM: ("L004", "L005"),
}


class Level(str, Enum):
    """How far a partnership has come, from loose contact to real collaboration."""

    NETWORKING = "networking"
    COORDINATING = "coordinating"
    COOPERATING = "cooperating"
    COLLABORATING = "collaborating"

    def __str__(self) -> str:
        return str(self.value)

    @property
    def rank(self) -> int:
        """0 for networking up to 3 for collaborating."""
        return list(Level).index(self)

    def label(self, lang: Lang = DEFAULT_LANG) -> str:
        """The level's name in Danish (``"da"``) or English (``"en"``).

        >>> Level.COLLABORATING.label("da")
        'samskabelse'
        """
        return _LEVEL_LABELS[self].pick(lang)


_LEVEL_LABELS = {
    Level.NETWORKING: Text("maturity.Level.networking"),
    Level.COORDINATING: Text("maturity.Level.coordinating"),
    Level.COOPERATING: Text("maturity.Level.cooperating"),
    Level.COLLABORATING: Text("maturity.Level.collaborating"),
}


@attrs.frozen
class DimensionScore:
    """A partnership's score on one dimension, with the evidence behind it.

    Attributes:
        dimension: The dimension scored.
        score: 0 (absent) to 3 (strong); 0 when not assessed.
        facts: The facts of the model the score was read from, in the chosen language.
        findings: The rule findings that bear on the dimension.
        assessed: ``False`` when the evidence is unknown (a fact stated
            :data:`~samarbejde.UNKNOWN` decides the score): the dimension is not
            assessed and adds nothing to the total (design decision D77).
    """

    dimension: Dimension
    score: int
    facts: tuple[str, ...]
    findings: tuple[Finding, ...]
    assessed: bool = True


@attrs.frozen
class Maturity:
    """The maturity of one partnership on a day.

    Attributes:
        partnership: The partnership's id.
        name: The partnership's name.
        form: ``"project"`` or ``"strategic"`` on that day.
        level: The overall level.
        total: The sum of the dimension scores (0-27); a dimension not assessed adds
            nothing, so with :attr:`assessed_share` below 1 the total and the level are
            what the known facts support, a lower bound.
        scores: One score per dimension, in the order of :class:`Dimension`.
    """

    partnership: str
    name: str
    form: str
    level: Level
    total: int
    scores: tuple[DimensionScore, ...]

    @property
    def assessed_share(self) -> float:
        """The share of the highest total (27) that could be assessed, 0.0 to 1.0.

        >>> from samarbejde.analysis import maturity as m
        >>> one = m.DimensionScore(m.Dimension.BINDING, 0, (), (), assessed=False)
        >>> rest = [m.DimensionScore(d, 3, (), ()) for d in list(m.Dimension)[1:]]
        >>> round(m.Maturity("p", "P", "strategic", m.Level.COOPERATING, 24,
        ...                  (one, *rest)).assessed_share, 3)
        0.889
        """
        if not self.scores:
            return 1.0
        return sum(1 for s in self.scores if s.assessed) / len(self.scores)

    @property
    def not_assessed(self) -> tuple[Dimension, ...]:
        """The dimensions not assessed because their evidence is unknown."""
        return tuple(s.dimension for s in self.scores if not s.assessed)

    def score(self, dimension: Dimension) -> DimensionScore:
        """The score on ``dimension``."""
        return next(s for s in self.scores if s.dimension is dimension)

    def _repr_html_(self) -> str:
        from samarbejde.analysis.display import maturity_html  # noqa: PLC0415 - lazy

        return maturity_html((self,))


#: A warning or error on a dimension caps its score here: a top score has no open issue.
CAP_WITH_FINDINGS = 2


def level_for(scores: Iterable[int]) -> Level:
    """The overall level for the nine dimension scores (in :class:`Dimension` order).

    * collaborating: total 20 or more, no dimension at 0, and binding, long-lasting and
      shared vision each at least 2;
    * cooperating: total 14 or more and binding at least 1;
    * coordinating: total 7 or more;
    * networking: anything less.

    >>> level_for([3] * 9)
    <Level.COLLABORATING: 'collaborating'>
    >>> level_for([1] * 9)
    <Level.COORDINATING: 'coordinating'>
    """
    by = dict(zip(Dimension, scores, strict=True))
    total = sum(by.values())
    core = (Dimension.BINDING, Dimension.LONG_LASTING, Dimension.SHARED_VISION)
    if total >= 20 and min(by.values()) >= 1 and all(by[d] >= 2 for d in core):
        return Level.COLLABORATING
    if total >= 14 and by[Dimension.BINDING] >= 1:
        return Level.COOPERATING
    if total >= 7:
        return Level.COORDINATING
    return Level.NETWORKING


def assess(
    portfolio: Portfolio,
    *,
    as_of: pendulum.Date,
    findings: Iterable[Finding] | None = None,
    lang: Lang = DEFAULT_LANG,
) -> tuple[Maturity, ...]:
    """Score the maturity of every partnership that had begun by ``as_of``.

    Args:
        portfolio: The portfolio.
        as_of: The day asked about; the portfolio is read as recorded then.
        findings: Rule findings to attach as evidence; by default
            :func:`samarbejde.validate` is run with every profile on ``as_of``.
        lang: The language of the facts (and of the findings when validated here).

    Returns:
        One :class:`Maturity` per partnership, most mature first, then by id.
    """
    as_of = days.day(as_of, "as_of")
    if findings is None:
        from samarbejde.rules import validate  # noqa: PLC0415 - rules import the analysis' peers

        findings = validate(portfolio, as_of=as_of, profiles=("all",), lang=lang).findings
    by_partnership = _by_partnership(findings)
    bearing_on = _bearing_on()
    seen = portfolio.as_of(as_of)
    found = [
        _assess(
            seen,
            partnership,
            as_of,
            by_partnership.get(partnership.id, ()),
            bearing_on=bearing_on,
            lang=lang,
        )
        for partnership in seen.partnerships
    ]
    found.sort(key=lambda m: (-m.level.rank, -m.total, m.partnership))
    return tuple(found)


def _by_partnership(findings: Iterable[Finding]) -> dict[str, list[Finding]]:
    grouped: dict[str, list[Finding]] = {}
    for finding in findings:
        if finding.partnership is None:
            continue
        own = grouped.get(finding.partnership)
        if own is None:  # not setdefault: its default list would be made for every finding
            own = grouped[finding.partnership] = []
        own.append(finding)
    return grouped


def _bearing_on() -> dict[str, tuple[Dimension, ...]]:
    """The dimensions each rule code bears on (:data:`DIMENSION_CODES` read the other way)."""
    bearing_on: dict[str, tuple[Dimension, ...]] = {}
    for dimension, codes in DIMENSION_CODES.items():
        for code in dict.fromkeys(codes):
            bearing_on[code] = (*bearing_on.get(code, ()), dimension)
    return bearing_on


def _assess(
    portfolio: Portfolio,
    partnership: Partnership,
    as_of: pendulum.Date,
    findings: Iterable[Finding],
    *,
    bearing_on: Mapping[str, tuple[Dimension, ...]],
    lang: Lang,
) -> Maturity:
    on: dict[Dimension, list[Finding]] = {}  # one pass over its findings, not one per dimension
    for finding in findings:
        for dimension in bearing_on.get(finding.code, ()):
            on.setdefault(dimension, []).append(finding)
    scores = []
    for dimension, (raw, facts) in zip(
        Dimension, _scoring.score_all(portfolio, partnership, as_of), strict=True
    ):
        bearing = tuple(on.get(dimension, ()))
        texts = [item.text(lang) for item in facts]
        if raw is None:  # its evidence is unknown
            scores.append(DimensionScore(dimension, 0, tuple(texts), bearing, assessed=False))
            continue
        score = raw
        if raw > CAP_WITH_FINDINGS and any(f.severity is not Severity.INFO for f in bearing):
            score = CAP_WITH_FINDINGS
            texts.append(fact("capped", cap=CAP_WITH_FINDINGS).text(lang))
        scores.append(DimensionScore(dimension, score, tuple(texts), bearing))
    values = [s.score for s in scores]
    return Maturity(
        partnership=partnership.id,
        name=partnership.name,
        form=partnership.form,
        level=level_for(values),
        total=sum(values),
        scores=tuple(scores),
    )
