"""The engine finds what a straightforward engine finds: the same findings, in the same order.

The engine renders messages, isolates rules and orders findings with shortcuts of its
own (design notes, D53); :mod:`tests.rules._reference` does each step plainly. The two
are compared on generated portfolios with one defect, on portfolios validated as of a
day inside their history, on synthetic portfolios located in their JSON text, and with
user rules that raise, relate, leave placeholders unfilled and pass every kind of value.
"""

from __future__ import annotations

import copy
import pickle
from collections.abc import Callable, Iterator
from decimal import Decimal

import attrs
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.opdrift import portfolio as opdrift
from tests.profiles import WHOLE_PORTFOLIOS
from tests.rules._fragments import AS_OF, document
from tests.rules._reference import reference_findings
from tests.rules.fragments import CASES

from samarbejde import (
    Finding,
    Portfolio,
    Rule,
    Severity,
    builtin_rules,
    dumps,
    loads_located,
    rule,
    validate,
)
from samarbejde.model.enums import CommitmentStatus, Sector
from samarbejde.model.text import LANGS, Text, fill
from samarbejde.rules import EVERY_PARTNERSHIP, PROJECTS, Hit, Related, RuleContext, Scope, hit
from samarbejde.rules._findings import Wording, _pending_finding, _rendered_finding
from samarbejde.rules._index import PartnershipIndex
from samarbejde.strategies import RULE_DEFECTS, dates, invalid_portfolios, portfolios
from samarbejde.testing import synthetic_portfolio

langs = st.sampled_from(LANGS)


@rule(
    "X901",
    "every-kind-of-value",
    en="{partnership}: {text} {status} {sector} {severity} {day} {every} {amount} {items} "
    "{kinds} {number} {missing}",
    da="{partnership}: {text} {status} {sector} {severity} {day} {every} {amount} {items} "
    "{kinds} {number} {missing} (da)",
    scope=EVERY_PARTNERSHIP,
)
def every_kind_of_value(ctx: RuleContext, part: PartnershipIndex) -> Iterator[Hit]:
    p = part.partnership
    for c in p.commitments[:3]:
        yield hit(
            f"{part.commitment_path(c.id)}.kind",
            c.id,
            text=Text.of(da="tekst", en="text"),
            status=c.current,
            sector=Sector.BUSINESS,
            severity=Severity.INFO,
            day=c.term.start,
            every=pendulum.duration(weeks=2),
            amount=Decimal("1500000.00"),
            items=[c.id, CommitmentStatus.AGREED],
            kinds=frozenset({"funding", "staff_hours", "bridge_builder"}),
            number=len(p.commitments),
        ).relating(part.member_path(c.by), Related(f"{part.path}.goals", "goals"))
    # the same path, code and subject twice: the message alone orders them
    if p.commitments:
        yield hit(part.path, p.id, text="b", status="", sector="", severity="", day="")
        yield hit(part.path, p.id, text="a", status="", sector="", severity="", day="")


@rule("X902", "breaks-on-some", en="{partnership} {n}", da="{partnership} {n}", scope=PROJECTS)
def breaks_on_some(ctx: RuleContext, part: PartnershipIndex) -> Iterator[Hit]:
    yield hit(part.path, part.partnership.id, n=1)
    if len(part.partnership.commitments) % 2:
        raise KeyError(part.partnership.id)


@rule(
    "X903",
    "portfolio-wide",
    en="{organisation} in {partnership}",
    da="{organisation} i {partnership}",
)
def portfolio_wide(ctx: RuleContext) -> Iterator[Hit]:
    for part in ctx.index.parts[:4]:
        for m in part.partnership.members[:2]:
            yield Hit(
                part.member_path(m.organisation),
                m.organisation,
                {"organisation": m.organisation},
                partnership=part.partnership.id,
                related=(Related("organisations"),),
            )


@rule("X904", "breaks-portfolio-wide", en="never", da="aldrig")
def breaks_portfolio_wide(ctx: RuleContext) -> Iterator[Hit]:
    yield hit("organisations", "")
    raise ValueError("broken")


@rule("X905", "does-not-render", en="{n:d}", da="{n:d}", scope=EVERY_PARTNERSHIP)
def does_not_render(ctx: RuleContext, part: PartnershipIndex) -> Iterator[Hit]:
    yield hit(part.path, part.partnership.id, n="not a number")  # the format spec fails


USER_RULES = (
    every_kind_of_value,
    breaks_on_some,
    portfolio_wide,
    breaks_portfolio_wide,
    does_not_render,
)


def same(portfolio: Portfolio, **options: object) -> None:
    expected = reference_findings(portfolio, **options)  # type: ignore[arg-type]
    found = validate(portfolio, **options).findings  # type: ignore[arg-type]
    assert [f.to_dict() for f in found] == [f.to_dict() for f in expected]
    assert found == expected


@WHOLE_PORTFOLIOS
@given(invalid_portfolios(RULE_DEFECTS), langs)
def test_a_portfolio_with_a_defect_gives_the_reference_findings(defect, lang) -> None:  # type: ignore[no-untyped-def]
    assert defect.portfolio is not None
    same(defect.portfolio, as_of=defect.as_of, lang=lang)


@WHOLE_PORTFOLIOS
@given(st.data(), langs)
def test_a_portfolio_as_of_a_day_in_its_history_gives_the_reference_findings(data, lang) -> None:  # type: ignore[no-untyped-def]
    portfolio = data.draw(portfolios())
    day = data.draw(dates(pendulum.Date(2012, 1, 1), pendulum.Date(2035, 1, 1)))
    same(portfolio, as_of=day, lang=lang)
    same(portfolio, lang=lang, rules=[*builtin_rules(), *USER_RULES])


@WHOLE_PORTFOLIOS
@given(st.integers(1, 260), st.integers(0, 2**16), langs)
def test_a_located_synthetic_portfolio_gives_the_reference_findings(size, seed, lang) -> None:  # type: ignore[no-untyped-def]
    portfolio, sources = loads_located(dumps(synthetic_portfolio(size, seed=seed), "json"), "json")
    rules = [*builtin_rules(), *USER_RULES]
    same(portfolio, as_of=pendulum.Date(2025, 6, 1), lang=lang, rules=rules, sources=sources)
    same(portfolio, as_of=pendulum.Date(2019, 1, 1), lang=lang, rules=rules)


def test_the_comparison_sees_findings_of_every_kind() -> None:
    portfolio = synthetic_portfolio(120)
    rules = [*builtin_rules(), *USER_RULES]
    codes = set(validate(portfolio, as_of=pendulum.Date(2025, 6, 1), rules=rules).codes)
    assert {"T001", "X901", "X902", "X903", "X904"} <= codes
    internal = [f for f in validate(portfolio, rules=rules).findings if f.code in {"X902", "X904"}]
    assert any("internal error" in f.message for f in internal)
    # a user rule's message is rendered at once: one that cannot be is its rule's error
    (unrendered, *_) = validate(portfolio, rules=[does_not_render]).findings
    assert unrendered.severity is Severity.ERROR
    assert unrendered.message.startswith(
        "internal error in rule X905 (does-not-render): ValueError"
    )


#: Every way a finding's message is read, each tried on a finding not read before, and
#: the finding ``Finding(...)`` makes of the same fields.
READS: dict[str, Callable[[Finding, Finding], object]] = {
    "message": lambda f, made: f.message,
    "equality": lambda f, made: (f == made, made == f),
    "hash": lambda f, made: hash(f),
    "repr": lambda f, made: repr(f),
    "to_dict": lambda f, made: f.to_dict(),
    "attrs.asdict": lambda f, made: attrs.asdict(f, recurse=False),
    "attrs.astuple": lambda f, made: attrs.astuple(f, recurse=False),
    "attrs.evolve": lambda f, made: attrs.evolve(f, code="X").message,
    "pickle": lambda f, made: pickle.loads(pickle.dumps(f)).message,
    "copy": lambda f, made: copy.copy(f).message,
}


@given(
    st.text(max_size=5),
    st.sampled_from(Severity),
    st.text(max_size=5),
    st.none() | st.integers(1, 9),
    st.none() | st.text(max_size=3),
    st.lists(st.builds(Related, st.text(max_size=4), st.text(max_size=4)), max_size=2),
)
def test_a_finding_made_by_the_engine_is_the_finding_init_makes(  # type: ignore[no-untyped-def]  # noqa: PLR0917
    text, severity, path, line, inside, related
) -> None:
    fields = (text, severity, text, path, text, line, line, inside, tuple(related))
    # the wording renders as the text, isolated where it could turn the text around it
    made = Finding(*fields[:2], fill("{partnership}", {"partnership": text}, "en"), *fields[3:])
    wording: Wording = ("{partnership}", "en", text)
    for make in (_pending_finding, _rendered_finding):
        for name, read in READS.items():
            fast = make(*fields[:2], wording, {}, *fields[3:])
            assert read(fast, made) == read(made, made), (make, name)


def test_a_pending_message_is_rendered_once_when_first_read_and_reads_the_same_after() -> None:
    values = {"status": CommitmentStatus.AGREED}
    wording: Wording = ("{partnership}: {status} {on}", "da", "p")
    finding = _pending_finding(
        "X001", Severity.INFO, wording, values, "p", "p", *[None] * 2, "p", ()
    )
    eager = Finding("X001", Severity.INFO, "p: aftalt {on}", "p", "p", partnership="p")
    assert finding._values is values
    assert repr(finding) == repr(eager)
    assert finding._values is None  # rendered: the values are let go
    assert finding.message is finding.message  # kept, not rendered again
    assert finding == eager
    assert hash(finding) == hash(eager)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        finding.message = "other"  # type: ignore[misc]


def test_a_finding_has_no_attribute_but_its_fields() -> None:
    wording: Wording = ("{a}", "en", None)
    finding = _pending_finding("X", Severity.INFO, wording, {"a": 1}, "", "", *[None] * 3, ())
    assert not hasattr(finding, "mesage")
    with pytest.raises(AttributeError, match="'Finding' object has no attribute 'mesage'"):
        finding.mesage  # type: ignore[attr-defined]  # noqa: B018 - the read is the test
    half_made = object.__new__(Finding)  # as unpickling begins: no message, no values
    assert not hasattr(half_made, "message")


@given(
    st.text(max_size=5), st.text(max_size=5), st.dictionaries(st.text(max_size=3), st.integers())
)
def test_hit_makes_the_hit_init_makes(path: str, subject: str, values: dict[str, int]) -> None:
    made = hit(path, subject, **values)
    assert (made, repr(made)) == (Hit(path, subject, values), repr(Hit(path, subject, values)))
    assert attrs.asdict(made, recurse=False) == attrs.asdict(
        Hit(path, subject, values), recurse=False
    )
    assert made.relating("x").related == (Related("x"),)


@pytest.mark.parametrize("code", sorted(CASES))
@pytest.mark.parametrize("lang", LANGS)
def test_every_rule_s_fragments_give_the_reference_findings(code: str, lang: str) -> None:
    for fragment in CASES[code]:
        same(document(fragment), as_of=AS_OF, lang=lang)
        same(document(fragment), lang=lang)


def test_a_scope_is_asked_once_per_partnership_however_many_rules_share_it() -> None:
    asked: list[str] = []

    def covers(part: PartnershipIndex) -> bool:
        asked.append(part.partnership.id)
        return part.partnership.id == "p1"

    odd = Scope("only p1", covers)
    seen: list[tuple[str, str]] = []

    def make(code: str) -> Rule:
        @rule(code, f"probe-{code.lower()}", scope=odd, en="{partnership}", da="{partnership}")
        def probe(ctx: RuleContext, part: PartnershipIndex) -> Iterator[Hit]:
            seen.append((code, part.partnership.id))
            yield hit(part.path, part.partnership.id)

        return probe

    drawn = Portfolio(
        partnerships=tuple(
            attrs.evolve(opdrift().partnerships[0], id=name) for name in ("p0", "p1", "p2")
        )
    )
    report = validate(drawn, rules=[make("XSC001"), make("XSC002")])
    assert sorted(asked) == ["p0", "p1", "p2"]
    assert seen == [("XSC001", "p1"), ("XSC002", "p1")]
    assert [f.code for f in report.findings] == ["XSC001", "XSC002"]
