"""The coverage gate: every field of every public record reaches every place that must know it.

Adding a field to a record used to take two files to make it exist and ten more to
make it used, and nothing failed when one of the ten was forgotten. This module walks
``attrs.fields`` of every record a portfolio can hold, and of every public record of
the model, and fails - naming the record, the field and the file to edit - when a field

- is never drawn with a non-default value by its record's strategy, or by
  :func:`samarbejde.strategies.portfolios` inside a portfolio;
- is neither mapped nor listed as left out by an exporter that reads its record (each
  exporter's ``FIELDS`` table), or a table names a field that does not exist;
- has no frame column and is not in :data:`samarbejde.analysis.frames.NOT_COLUMNS`;
- holds an id (or text that may be one) that, set to an id nothing has, draws no
  finding of a structure rule (an S code) pointing at it, and is not listed below as
  no reference or as an exempt one;
- is not given by the builders of :mod:`samarbejde.testing` that build its record, or
  never has a non-default value in :func:`samarbejde.testing.synthetic_portfolio`.

Each check collects every failure and the test asserts once, with the whole list.
Exemptions are the small tables below, each entry with its reason; an entry for a field
that no longer exists fails too, so the tables cannot rot. ``TODO lead`` marks what
needs a change outside this module's owners (rules, report, model).
"""

from __future__ import annotations

import functools
import inspect
import itertools
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import pendulum
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from tests.structure.records import (
    IN_PORTFOLIO,
    RECORDS,
    Key,
    existing,
    fields,
    hints,
    keys,
    located,
    name,
    non_default,
    optional_keys,
    reachable,
    replaced,
    seen_set,
    walk,
)

import samarbejde as s
from samarbejde import examples, interop
from samarbejde import strategies as sst
from samarbejde import testing as builders
from samarbejde.analysis import frames
from samarbejde.interop import _org
from samarbejde.interop._tables import FieldTable, Mapped
from samarbejde.model.errors import ModelError
from samarbejde.model.sources import Cited

ROOT = Path(__file__).resolve().parents[2]
AS_OF = pendulum.Date(2025, 6, 1)

Failures = list[str]


def source(thing: Any) -> str:
    """The file (relative to the repository) that defines a function or module."""
    module = sys.modules[thing.__module__] if not inspect.ismodule(thing) else thing
    return Path(inspect.getfile(module)).resolve().relative_to(ROOT).as_posix()


def unknown_keys(table: Iterable[Key], what: str, where: str) -> Failures:
    """A failure for each key of ``table`` that names no field of a record."""
    return [
        f"{name(key)}: {what} names a field that does not exist — edit {where}"
        for key in table
        if not existing(key)
    ]


# -- 1. strategies ----------------------------------------------------------------------

#: The strategy of each record, as a user calls it.
STRATEGIES: Mapping[type, Callable[[], st.SearchStrategy[Any]]] = {
    s.Term: sst.terms,
    s.Money: sst.money,
    s.Quantity: sst.quantities,
    s.PhaseChange: sst.phase_changes,
    s.StatusChange: sst.status_changes,
    s.Fulfilment: sst.fulfilments,
    s.Review: sst.reviews,
    s.Mandate: sst.mandates,
    s.Membership: sst.memberships,
    s.Commitment: sst.commitments,
    s.Goal: sst.goals,
    s.Measurement: sst.measurements,
    s.Challenge: sst.challenges,
    s.Vision: sst.visions,
    s.Signature: sst.signatures,
    s.Source: sst.sources,
    s.Agreement: sst.agreements,
    s.GovernanceBody: sst.governance_bodies,
    s.Seat: sst.seats,
    s.Secretariat: sst.secretariats,
    s.InvolvementEvent: sst.involvement_events,
    s.Funding: sst.funding,
    s.PeriodAmount: sst.period_amounts,
    s.FundingShare: sst.funding_shares,
    s.FundingChange: sst.funding_changes,
    s.PlanPeriod: sst.plan_periods,
    s.EntryPoint: sst.entry_points,
    s.Identifiers: sst.identifiers,
    s.Organisation: sst.organisations,
    s.Area: sst.areas,
    s.AreaList: sst.area_lists,
    s.Listing: sst.listings,
    s.Figure: sst.figures,
    s.Classification: sst.classifications,
    s.ProjectLifecycle: sst.project_lifecycles,
    s.StrategicLifecycle: sst.strategic_lifecycles,
    s.Partnership: sst.partnerships,
    s.Portfolio: sst.portfolios,
}

#: Public records with no strategy, and why.
NO_STRATEGY: Mapping[type, str] = {
    s.Problem: "a load error's detail (LoadError.problems), not data a portfolio holds",
    s.Municipality: "reference data read from the bundled register (municipalities())",
    s.CountCheck: "the result of check_list_counts(), not data a portfolio holds",
}

#: Fields a strategy may leave at their default, and why.
STRATEGY_DEFAULTS: Mapping[Key, str] = {
    (s.Money, "currency"): "money() draws the currency asked for, DKK unless told",
    (s.Organisation, "parent"): "organisations() draws organisations that stand alone, "
    "to be added to any portfolio; portfolios() draws units",
}

#: Fields ``portfolios()`` may leave at their default, and why.
PORTFOLIO_DEFAULTS: Mapping[Key, str] = {
    (s.Money, "currency"): "a drawn portfolio is in DKK: the rules compare money in DKK",
}

#: Records drawn per record strategy, and whole portfolios drawn (each costs more).
EXAMPLES, WHOLE_EXAMPLES = 40, 60
#: Strategies of whole portfolios: ``partnerships()`` is ``portfolios(partnerships=1)``
#: seen from its partnership, so the portfolio check covers both.
WHOLE = (s.Partnership, s.Portfolio)

#: Where ``portfolios()`` draws each record (records not listed: ``_partnerships.py``).
_DRAWN_IN = {
    **dict.fromkeys(
        (
            s.Portfolio,
            s.Organisation,
            s.Identifiers,
            s.EntryPoint,
            s.Area,
            s.Classification,
            s.AreaList,
            s.Listing,
            s.Figure,
        ),
        "src/samarbejde/strategies/_portfolios.py",
    ),
    **dict.fromkeys(
        (s.ProjectLifecycle, s.StrategicLifecycle, s.PhaseChange, s.Review),
        "src/samarbejde/strategies/_lifecycles.py",
    ),
    **dict.fromkeys(
        (s.StatusChange, s.Fulfilment, s.Quantity), "src/samarbejde/strategies/_records.py"
    ),
}


def drawn(strategy: st.SearchStrategy[Any], count: int, *, per_example: int = 1) -> list[Any]:
    """``count`` values of ``strategy``, the same ones on every run (no database).

    ``per_example`` values are drawn in each Hypothesis example (as a list): small
    records cost far less that way than one example each.
    """
    found: list[Any] = []
    if per_example > 1:
        strategy = st.lists(strategy, min_size=per_example, max_size=per_example)

    @settings(
        max_examples=max(1, count // per_example),
        derandomize=True,
        database=None,
        deadline=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(strategy)
    def collect(value: Any) -> None:
        found.extend(value if per_example > 1 else [value])

    collect()
    return found


def strategy_failures(
    strategies: Mapping[type, Callable[[], st.SearchStrategy[Any]]] = STRATEGIES,
    defaults: Mapping[Key, str] = STRATEGY_DEFAULTS,
) -> Failures:
    """Fields a record's own strategy never draws with a non-default value."""
    failures = [
        f"{record.__name__}: no strategy draws it — add one to src/samarbejde/strategies/"
        for record in RECORDS
        if record not in strategies and record not in NO_STRATEGY
    ]
    for record, make in strategies.items():
        if record in WHOLE:
            continue
        values = drawn(make(), EXAMPLES, per_example=10)
        seen = {key for value in values for key in non_default(value)}
        failures += [
            f"{name(key)}: {make.__name__}() never draws a non-default value — edit {source(make)}"
            for key in optional_keys([record])
            if key not in seen and key not in defaults
        ]
    failures += unknown_keys(defaults, "STRATEGY_DEFAULTS", "tests/structure/test_coverage_gate.py")
    return failures


def portfolio_failures(defaults: Mapping[Key, str] = PORTFOLIO_DEFAULTS) -> Failures:
    """Fields ``portfolios()`` never gives a non-default value anywhere in a portfolio.

    Portfolios are drawn with two or three partnerships, so that what refers across
    partnerships (a project's parent) can appear.
    """
    seen = seen_set(drawn(sst.portfolios(partnerships=(2, 3)), WHOLE_EXAMPLES))
    failures = [
        f"{name(key)}: portfolios() never draws a non-default value — edit "
        f"{_DRAWN_IN.get(key[0], 'src/samarbejde/strategies/_partnerships.py')}"
        for key in optional_keys(IN_PORTFOLIO)
        if key not in seen and key not in defaults
    ]
    return failures + unknown_keys(
        defaults, "PORTFOLIO_DEFAULTS", "tests/structure/test_coverage_gate.py"
    )


# -- 2. exporters -----------------------------------------------------------------------

#: Each exporter of the table the command reads, with the module its function lives in:
#: the exporter's ``fields`` are the gate's oracle, so a new exporter is gated as it lands.
EXPORTERS = {e.title: (e.fields, sys.modules[e.function.__module__]) for e in interop.EXPORTERS}


def exporter_failures(label: str, table: FieldTable, where: str) -> Failures:
    """Fields of records an exporter reads that its table neither maps nor omits."""

    def follow(key: Key) -> bool:  # into the records of fields written, or not yet decided
        return not (key in table and not isinstance(table[key], Mapped))

    read = reachable(s.Portfolio, follow)
    failures = [
        f"{name(key)}: the {label} export neither maps it nor lists it as left out — "
        f"add it to FIELDS in {where}"
        for key in keys(read)
        if key not in table
    ]
    failures += unknown_keys(table, f"{label}'s FIELDS", where)
    failures += [
        f"{name(key)}: {label}'s FIELDS names a field of a record it does not read — edit {where}"
        for key in table
        if existing(key) and key[0] not in read
    ]
    return failures


# -- 3. frames --------------------------------------------------------------------------


def frame_failures(
    shown: Mapping[Key, tuple[str, ...]], not_columns: Mapping[Key, str]
) -> Failures:
    """Fields of a portfolio's records that no frame column shows and no entry excuses."""
    where = source(frames)
    failures = [
        f"{name(key)}: no frame column shows it and NOT_COLUMNS does not list it — edit {where}"
        for key in keys(IN_PORTFOLIO)
        if key not in shown and key not in not_columns
    ]
    failures += [
        f"{name(key)}: shown by {', '.join(shown[key])} and listed in NOT_COLUMNS — edit {where}"
        for key in not_columns
        if key in shown
    ]
    failures += unknown_keys(shown, "a frame column", where)
    return failures + unknown_keys(not_columns, "NOT_COLUMNS", where)


# -- 4. references ----------------------------------------------------------------------

#: A value no record has as its id; it is a valid id and a valid code.
DANGLING = "dangling0"

#: Text fields that hold no id, and what they hold (a record's own ``id`` never refers).
NOT_REFERENCES: Mapping[Key, str] = {
    **dict.fromkeys(
        [
            (s.Organisation, "name"),
            (s.EntryPoint, "post"),
            (s.EntryPoint, "channel"),
            (s.Area, "name"),
            (s.Partnership, "name"),
            (s.Mandate, "granted_by"),
            (s.Membership, "representative"),
            (s.Goal, "title"),
            (s.Goal, "indicator"),
            (s.Goal, "unit"),
            (s.AreaList, "law"),
            (s.AreaList, "source"),
            (s.Measurement, "source"),
            (s.Measurement, "reported_post"),
            (s.Measurement, "approved_post"),
            (s.Challenge, "title"),
            (s.Vision, "text"),
            (s.Agreement, "theme"),
            (s.GovernanceBody, "name"),
            (s.PlanPeriod, "name"),
            (s.Seat, "post"),
            (s.Secretariat, "name"),
            (s.Secretariat, "address"),
            (s.InvolvementEvent, "name"),
            (s.InvolvementEvent, "ideas"),
            (s.StatusChange, "note"),
            (s.Fulfilment, "note"),
            (s.Review, "note"),
            *((record, "note") for record in IN_PORTFOLIO if issubclass(record, Cited)),
            (s.Source, "title"),
            (s.Source, "address"),
        ],
        "free text",
    ),
    **dict.fromkeys(
        [
            (s.EntryPoint, "kind"),
            (s.Membership, "role"),
            (s.Membership, "interests"),
            (s.Commitment, "kind"),
            (s.AreaList, "category"),
            (s.Figure, "name"),
            (s.GovernanceBody, "kind"),
            (s.Secretariat, "kind"),
            (s.InvolvementEvent, "kind"),
        ],
        "an open code (documented known values)",
    ),
    (s.Organisation, "remit"): "free texts",
    (s.PlanPeriod, "themes"): "free texts: themes as the period's programme words them "
    "(the lbf-2019-26 profile checks them against LBF's indsatsområder, LBF003)",
    (s.Identifiers, "cvr"): "a number in the CVR register, checked by its check digit",
}

#: Reference fields no structure rule checks, and why.
EXEMPT_REFERENCES: Mapping[Key, str] = {}


def _text_kind(kind: Any) -> bool:
    return kind in (str, str | None, tuple[str, ...])


def reference_keys() -> list[Key]:
    """The fields of a portfolio's records that hold text which may be an id."""
    return [
        (record, f.name)
        for record in IN_PORTFOLIO
        for f in fields(record)
        if f.name != "id" and _text_kind(hints(record)[f.name])
    ]


def portfolios_to_break() -> list[s.Portfolio]:
    """Valid portfolios that hold every record: the examples, then a synthetic one."""
    named = [examples.load(n) for n in ("opdrift", "lerbakke", "trappen")]
    return [*named, builders.synthetic_portfolio(60)]


def _s_paths(portfolio: s.Portfolio) -> set[tuple[str, str]]:
    report = s.validate(portfolio, as_of=AS_OF)
    return {(f.code, f.path) for f in report.findings if f.code.startswith("S")}


def _points_at(path: str, field_path: str, record_path: str) -> bool:
    """Whether a finding's path is the field (or inside it), its record or the record's list."""
    inside = path == field_path or path.startswith((f"{field_path}[", f"{field_path}."))
    listed = record_path.rsplit("[", 1)[0] if record_path.endswith("]") else record_path
    return inside or path in (record_path, listed)


def reference_failures(
    not_references: Mapping[Key, str] = NOT_REFERENCES,
    exempt: Mapping[Key, str] = EXEMPT_REFERENCES,
) -> Failures:
    """Id fields that, set to an id nothing has, draw no S finding pointing at them."""
    where = "src/samarbejde/rules/structure.py"
    gate = "tests/structure/test_coverage_gate.py"
    todo = [k for k in reference_keys() if k not in not_references and k not in exempt]
    sources = portfolios_to_break()
    baselines = [_s_paths(p) for p in sources]
    failures = []
    for key in todo:
        record, field = key
        target = next(
            (
                (portfolio, baseline, value, steps, path)
                for portfolio, baseline in zip(sources, baselines, strict=True)
                for value, steps, path in located(portfolio)
                if type(value) is record
            ),
            None,
        )
        if target is None:
            failures.append(
                f"{name(key)}: no example or synthetic portfolio holds a {record.__name__} "
                f"to test it against the structure rules — edit src/samarbejde/examples/"
            )
            continue
        portfolio, baseline, held, steps, _ = target
        old = getattr(held, field)
        dangling: object = (*old, DANGLING) if isinstance(old, tuple) else DANGLING
        try:
            broken = replaced(portfolio, steps, field, dangling)
        except ModelError:
            continue  # the model refuses it at construction: checked
        # the path after the change: a member is named by the organisation it now names
        path = next(where for _, at, where in located(broken) if at == steps)
        field_path = f"{path}.{field}" if path else field
        found = _s_paths(broken) - baseline
        if not any(_points_at(p, field_path, path) for _, p in found):
            failures.append(
                f"{name(key)}: set to an id nothing has ({field_path}), no structure rule "
                f"reports it (found {sorted(found) or 'nothing'}) — add a check to {where}, "
                f"or list it in NOT_REFERENCES or EXEMPT_REFERENCES in {gate}"
            )
    failures += unknown_keys(not_references, "NOT_REFERENCES", gate)
    return failures + unknown_keys(exempt, "EXEMPT_REFERENCES", gate)


# -- 5. builders and the synthetic portfolio -------------------------------------------

#: Each builder of :mod:`samarbejde.testing` and the arguments it needs.
BUILDERS: Mapping[Callable[..., Any], tuple[Any, ...]] = {
    builders.organisation: ("kommune",),
    builders.mandate: (),
    builders.member: ("kommune",),
    builders.commitment: (),
    builders.funding: (),
    builders.project_lifecycle: (),
    builders.strategic_lifecycle: (),
    builders.project: (),
    builders.strategic: (),
}

#: Fields the synthetic portfolio may leave at their default, and why.
SYNTHETIC_DEFAULTS: Mapping[Key, str] = {
    (s.Money, "currency"): "a synthetic portfolio is in DKK, as the rules compare money in DKK",
}


@functools.cache
def _synthetic_records() -> tuple[object, ...]:
    return tuple(walk(builders.synthetic_portfolio(150)))


def _other_values(record: type, field: str, than: object) -> Iterator[object]:
    """Values of ``record.field`` other than ``than`` in the synthetic portfolio."""
    for value in _synthetic_records():
        if type(value) is record and getattr(value, field) != than:
            yield getattr(value, field)


def builder_failures(table: Mapping[Callable[..., Any], tuple[Any, ...]] = BUILDERS) -> Failures:
    """Builders that no longer build their record, or that drop or refuse a field.

    Each field is passed by keyword with a value the builder does not give by itself
    (taken from the synthetic portfolio); the record built must hold it. A value that
    does not fit the builder's other defaults (a cross-field check) is skipped.
    """
    where = source(builders.commitment)
    failures = []
    for build, needs in table.items():
        label = build.__name__
        try:
            built = build(*needs)
        except (TypeError, ModelError) as error:
            failures.append(f"{label}(): builds no record ({error}) — edit {where}")
            continue
        record = type(built)
        bound = inspect.signature(build).bind_partial(*needs).arguments
        for f in fields(record):
            key = (record, f.name)
            for value in itertools.islice(_other_values(record, f.name, getattr(built, f.name)), 3):
                try:  # by keyword; a field the builder names as a parameter replaces it
                    again = build(**{**bound, f.name: value})
                except ModelError:
                    continue  # does not fit the builder's other defaults: try another
                except TypeError as error:
                    failures.append(
                        f"{name(key)}: {label}() does not take it ({error}) — edit {where}"
                    )
                    break
                if getattr(again, f.name) != value:
                    failures.append(f"{name(key)}: {label}() does not pass it on — edit {where}")
                break
    return failures


def synthetic_failures(
    defaults: Mapping[Key, str] = SYNTHETIC_DEFAULTS, portfolio: s.Portfolio | None = None
) -> Failures:
    """Fields of records the synthetic portfolio builds that are never non-default in it.

    Three partnerships: the third runs under the second, the first strategic one.
    """
    if portfolio is None:
        portfolio = builders.synthetic_portfolio(150)
    present = {type(record) for record in walk(portfolio)}
    built = [record for record in RECORDS if record in present]
    seen = seen_set([portfolio])
    where = source(builders.synthetic_portfolio)
    failures = [
        f"{name(key)}: synthetic_portfolio() never gives it a non-default value — edit {where}"
        for key in optional_keys(built)
        if key not in seen and key not in defaults
    ]
    return failures + unknown_keys(
        defaults, "SYNTHETIC_DEFAULTS", "tests/structure/test_coverage_gate.py"
    )


# -- not gated yet ----------------------------------------------------------------------

#: Places a new field may need that no check above covers yet, and what they lack.
NOT_GATED: Mapping[str, str] = {}


def test_what_is_not_gated_yet_is_still_there_to_gate() -> None:
    assert all((ROOT / path).is_file() for path in NOT_GATED)


# -- the gate ---------------------------------------------------------------------------


def gate_failures() -> Failures:
    """Every failure of every check, in one list."""
    failures = strategy_failures() + portfolio_failures()
    for label, (table, module) in EXPORTERS.items():
        failures += exporter_failures(label, table, source(module))
    failures += frame_failures(frames.shown_fields(), frames.NOT_COLUMNS)
    failures += reference_failures()
    return failures + builder_failures() + synthetic_failures()


def test_every_field_of_every_record_reaches_every_place_that_must_know_it() -> None:
    failures = gate_failures()
    assert not failures, f"{len(failures)} place(s) forgot a field:\n" + "\n".join(failures)


# -- the gate can fail: each check, given a gap, names it --------------------------------


def test_a_strategy_that_never_draws_a_field_is_named() -> None:
    bare = {s.Goal: lambda: st.builds(s.Goal, sst.ids(), sst.texts())}
    failures = strategy_failures(bare, {})
    assert any(f.startswith("Goal.indicator: <lambda>() never draws") for f in failures)
    assert any(f.startswith("Commitment: no strategy draws it") for f in failures)


def test_an_exporter_table_missing_a_field_or_naming_a_lost_one_is_named() -> None:
    table = {k: v for k, v in _org.FIELDS.items() if k != (s.Membership, "interests")}
    table[s.Membership, "reported_to"] = Mapped("nowhere")
    failures = exporter_failures("ORG", table, "src/samarbejde/interop/_org.py")
    assert failures == [
        "Membership.interests: the ORG export neither maps it nor lists it as left out — "
        "add it to FIELDS in src/samarbejde/interop/_org.py",
        "Membership.reported_to: ORG's FIELDS names a field that does not exist — "
        "edit src/samarbejde/interop/_org.py",
    ]


def test_a_field_with_no_column_and_no_excuse_is_named() -> None:
    excused = {k: v for k, v in frames.NOT_COLUMNS.items() if k != (s.Goal, "challenges")}
    failures = frame_failures(frames.shown_fields(), excused)
    assert failures == [
        "Goal.challenges: no frame column shows it and NOT_COLUMNS does not list it — "
        "edit src/samarbejde/analysis/frames.py"
    ]


def test_text_that_no_structure_rule_checks_is_named() -> None:
    texts = {k: v for k, v in NOT_REFERENCES.items() if k != (s.Agreement, "theme")}
    failures = reference_failures(texts, {})
    assert len(failures) == 1
    assert failures[0].startswith("Agreement.theme: set to an id nothing has")


def test_a_builder_that_cannot_build_or_drops_a_field_is_named() -> None:
    def broken(id: str = "kommune", **changes: Any) -> s.Organisation:  # noqa: A002
        changes.pop("parent", None)
        return builders.organisation(id, **changes)

    failures = builder_failures({builders.mandate: ("m-1", "not a power"), broken: ()})
    assert failures[0].startswith("mandate(): builds no record")
    assert failures[1:] == [
        "Organisation.parent: broken() does not pass it on — edit "
        "src/samarbejde/testing/_builders.py"
    ]


def test_a_field_the_synthetic_portfolio_never_sets_is_named() -> None:
    plain = s.Portfolio(areas=(s.Area("a", "A", "101"),))
    assert synthetic_failures({}, plain) == [
        f"{field}: synthetic_portfolio() never gives it a non-default value — edit "
        "src/samarbejde/testing/_synthetic.py"
        for field in (
            "Portfolio.organisations",
            "Portfolio.partnerships",
            "Portfolio.lists",
            "Area.sources",
            "Area.note",
            "Area.residents",
            "Area.classifications",
        )
    ]
