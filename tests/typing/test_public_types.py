"""The public API's types, as a user's type checker sees them (issue 20).

Each function calls the public API as a user would and pins the static type of what
comes back with ``assert_type``: ``mypy --strict tests/typing`` (in ``.ci/run``) fails
when an annotation changes what a caller's checker infers, say ``validate`` returning
``Any`` or an operation returning a base class instead of ``Partnership``. Under pytest
the same functions run, so every call is also a working example, and the runtime
checks beside the ``assert_type`` lines make them fail if the value is wrong.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import hypothesis.strategies as st
import pendulum
import pytest

from samarbejde import (
    Commitment,
    CommitmentStatus,
    Finding,
    LoadError,
    Mandate,
    Membership,
    ModelError,
    Partnership,
    Portfolio,
    Problem,
    ProjectLifecycle,
    Quantity,
    Report,
    Rule,
    Severity,
    SourceMap,
    Unit,
    Unknown,
    UnknownIdError,
    builtin_rules,
    dump,
    dumps,
    examples,
    json_schema,
    label,
    load,
    load_located,
    loads,
    loads_located,
    redact,
    rule,
    validate,
)
from samarbejde import strategies as ss
from samarbejde.changes import Change, apply, diff
from samarbejde.model import Lifecycle
from samarbejde.rules import Hit, PartnershipCheck, PortfolioCheck, RuleContext, hit
from samarbejde.testing import commitment, mandate, project, synthetic_portfolio

if sys.version_info >= (3, 11):
    from typing import assert_type
else:  # typing_extensions comes with mypy, which the test extra installs
    from typing_extensions import assert_type

DAY = pendulum.Date(2025, 6, 1)


def _opdrift() -> Portfolio:
    return examples.load("opdrift")


def test_documents_load_and_dump_as_portfolios_and_text(tmp_path: Path) -> None:
    portfolio = _opdrift()
    text = assert_type(dumps(portfolio, "yaml"), str)
    assert assert_type(loads(text, "yaml"), Portfolio) == portfolio
    assert assert_type(loads(text.encode(), "yaml"), Portfolio) == portfolio
    located = assert_type(loads_located(text, "yaml"), tuple[Portfolio, SourceMap])
    assert located[0] == portfolio
    path = tmp_path / "opdrift.json"
    assert assert_type(dump(portfolio, path), None) is None
    assert assert_type(load(path), Portfolio) == portfolio
    assert assert_type(load(str(path), format="json"), Portfolio) == portfolio
    assert assert_type(load_located(path), tuple[Portfolio, SourceMap])[0] == portfolio
    assert "properties" in assert_type(json_schema(), dict[str, Any])


def test_a_load_error_carries_problems_with_their_places() -> None:
    with pytest.raises(LoadError) as caught:
        loads("format: samarbejde/1\nx: 1\n", "yaml")
    problems = assert_type(caught.value.problems, tuple[Problem, ...])
    assert assert_type(caught.value.omitted, int) == 0
    problem = problems[0]
    assert assert_type(problem.message, str).startswith("unknown key")
    assert assert_type(problem.path, str) == "x"
    assert assert_type(problem.line, int | None) == 2
    assert assert_type(problem.column, int | None) == 1


def test_a_portfolio_gives_its_records_by_id_and_new_portfolios() -> None:
    portfolio = _opdrift()
    opdrift = assert_type(portfolio.partnership("opdrift"), Partnership)
    assert assert_type(portfolio.partnerships, tuple[Partnership, ...])[0] == opdrift
    assert assert_type(portfolio.as_of(DAY), Portfolio).partnership("opdrift")
    assert assert_type(portfolio.replace_partnership(opdrift), Portfolio) == portfolio
    assert assert_type(redact(portfolio), Portfolio) != portfolio


def test_lookups_on_a_partnership_give_the_records_they_name() -> None:
    opdrift = _opdrift().partnership("opdrift")
    assert assert_type(opdrift.form, str) == "strategic"
    assert assert_type(opdrift.lifecycle, Lifecycle) in opdrift.lifecycles
    assert assert_type(opdrift.lifecycles, tuple[Lifecycle, ...])
    first = opdrift.commitments[0]
    assert assert_type(opdrift.commitment(first.id), Commitment) is first
    assert assert_type(opdrift.member(first.by), Membership).organisation == first.by
    held = assert_type(opdrift.mandates(), Iterable[tuple[Membership, Mandate]])
    for member, granted in held:
        assert assert_type(opdrift.holder(granted.id), Membership) == member
    assert assert_type(opdrift.members_on(DAY), tuple[Membership, ...])
    assert assert_type(first.current, CommitmentStatus) in CommitmentStatus


def test_every_operation_returns_a_partnership() -> None:
    started = project().lifecycle.started
    on = started.add(days=10)
    admitted = assert_type(project().admit("ngo-2", role="partner", on=on), Partnership)
    granted = assert_type(admitted.grant("ngo-2", mandate("m-9"), on=on), Partnership)
    revoked = assert_type(granted.revoke("m-9", on=on.add(days=1)), Partnership)
    released = assert_type(revoked.release("ngo-2", on=on.add(days=2)), Partnership)
    made = commitment("c-9", by=released.members[0].organisation, made_on=on)
    committed = assert_type(released.commit(made, on=on), Partnership)
    moved = assert_type(
        committed.set_status("c-9", CommitmentStatus.AGREED, on=on.add(days=3)), Partnership
    )
    assert moved.commitment("c-9").current is CommitmentStatus.AGREED
    strategic = assert_type(moved.make_strategic(on=on.add(days=30)), Partnership)
    assert strategic.form == "strategic"
    assert assert_type(strategic.as_of(on), Partnership).form == "project"


def test_validation_gives_a_report_of_findings() -> None:
    report = assert_type(validate(_opdrift(), as_of=DAY, lang="da"), Report)
    findings = assert_type(report.findings, tuple[Finding, ...])
    assert findings
    finding = findings[0]
    assert assert_type(finding.code, str)
    assert assert_type(finding.severity, Severity) in Severity
    assert assert_type(finding.message, str)
    assert assert_type(finding.path, str)
    assert_type(finding.line, int | None)
    assert_type(finding.partnership, str | None)
    assert assert_type(report.ok, bool)
    assert sum(assert_type(report.counts, dict[str, int]).values()) == len(findings)
    assert assert_type(report.filter(severity="info"), Report).findings
    assert assert_type(builtin_rules(), tuple[Rule, ...])


def test_a_rule_is_made_by_the_decorator_and_runs_in_validate() -> None:
    decorate = assert_type(
        rule("X900", "every-partnership", en="{subject} is here", da="{subject} er her"),
        Callable[[PortfolioCheck | PartnershipCheck], Rule],
    )

    def every_partnership(ctx: RuleContext) -> Iterator[Hit]:
        for partnership in ctx.index.portfolio.partnerships:
            yield hit(f"partnerships[{partnership.id}]", partnership.id)

    made = assert_type(decorate(every_partnership), Rule)
    report = validate(_opdrift(), rules=[made])
    assert [f.code for f in report.findings] == ["X900"]


def test_changes_between_records_are_values_that_apply() -> None:
    old = project()
    new = old.admit("ngo-2", role="partner", on=old.lifecycle.started)
    changes = assert_type(diff(old, new), tuple[Change, ...])
    assert assert_type(apply(changes, old), Partnership) == new


def test_builders_and_labels_have_plain_types() -> None:
    assert assert_type(synthetic_portfolio(10), Portfolio).partnerships
    assert assert_type(label(CommitmentStatus.AGREED, "en"), str)
    # an amount may be recorded as unknown: the type says so, and a reader must narrow it
    assert assert_type(Quantity(Decimal(3), Unit.HOURS).amount, Decimal | Unknown) == 3
    with pytest.raises(UnknownIdError) as caught:
        project().commitment("nope")
    assert isinstance(assert_type(caught.value, UnknownIdError), ModelError | KeyError)


def test_strategies_are_typed_by_what_they_draw() -> None:
    drawn: list[st.SearchStrategy[Any]] = [
        assert_type(ss.portfolios(), st.SearchStrategy[Portfolio]),
        assert_type(ss.partnerships(), st.SearchStrategy[Partnership]),
        assert_type(ss.commitments(), st.SearchStrategy[Commitment]),
        assert_type(ss.memberships(), st.SearchStrategy[Membership]),
        assert_type(ss.mandates(), st.SearchStrategy[Mandate]),
        assert_type(ss.dates(), st.SearchStrategy[pendulum.Date]),
        assert_type(ss.durations(), st.SearchStrategy[pendulum.Duration]),
        assert_type(ss.ids(), st.SearchStrategy[str]),
        assert_type(ss.quantities(), st.SearchStrategy[Quantity]),
        assert_type(ss.project_lifecycles(), st.SearchStrategy[ProjectLifecycle]),
    ]
    assert all(isinstance(s, st.SearchStrategy) for s in drawn)
