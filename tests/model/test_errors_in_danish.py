"""Every error class says its message in Danish from the catalogues; ``str(error)`` is English."""

from __future__ import annotations

import ast
import pickle
import re
import string
from decimal import Decimal
from pathlib import Path

import attrs
import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import samarbejde.model
from samarbejde import (
    DateTypeError,
    LoadError,
    ModelError,
    Partnership,
    Problem,
    SamarbejdeError,
    Seat,
    SeatRole,
    TransitionError,
    UnknownIdError,
    examples,
)
from samarbejde import store as stores
from samarbejde.model.errors import MissingExtraError
from samarbejde.model.money import Money
from samarbejde.model.words import own_words
from samarbejde.store import ConflictError


def _english_sentences() -> set[str]:
    found = set()
    for key, template in own_words("en").items():
        if key.startswith("error."):
            for literal, *_ in string.Formatter().parse(template):
                part = literal.strip(" ;:,.()`'\"")
                if len(re.findall(r"[A-Za-z]{2,}", part)) >= 2:
                    found.add(part)
    return found


ENGLISH = _english_sentences()

ERRORS: tuple[SamarbejdeError, ...] = (
    TransitionError("Commitment", "status", "proposed", "fulfilled", ["agreed", "withdrawn"]),
    TransitionError("Commitment", "status[0]", None, "fulfilled", []),
    DateTypeError("as_of", "2025-06-01", "use pendulum.date(…)"),
    UnknownIdError("commitment", "c-9"),
    LoadError([Problem("", "x")] * 2, "a.yaml", omitted=3),
    MissingExtraError("openpyxl", "sheets"),
    ConflictError(
        ["partnerships[opdrift]"], 3, 5, [("partnerships[opdrift]", 4, None, "2025-06-01", ("x",))]
    ),
    stores.StoreBusyError("another writer held the lock for 30 s"),
)


@pytest.mark.parametrize("error", ERRORS, ids=lambda e: type(e).__name__)
def test_each_error_class_says_its_message_in_danish(error: SamarbejdeError) -> None:
    danish = error.to_dict("da")["message"]
    assert danish == error.say("da") != str(error)
    assert error.say("en") == str(error) == error.to_dict("en")["message"]
    left = sorted(s for s in ENGLISH if s in danish)
    assert left == [], left
    assert pickle.loads(pickle.dumps(error)).say("da") == danish


def _partnership() -> Partnership:
    return examples.load("opdrift").partnerships[0]


def _break(case: str) -> None:
    partnership = _partnership()
    day = pendulum.Date(2030, 1, 1)
    member = partnership.members[0]
    commitment = partnership.commitments[0]
    if case == "admit twice":
        partnership.admit(member.organisation, role=member.role, on=day)
    elif case == "commit twice":
        partnership.commit(commitment, on=commitment.made_on)
    elif case == "set_status":
        partnership.set_status(commitment.id, commitment.status[-1].status, on=day)
    elif case == "bad id":
        attrs.evolve(partnership, id="Ikke Et Id")
    else:
        partnership.commit(attrs.evolve(commitment, id="c-ny", by="ukendt-organisation"), on=day)


@settings(max_examples=10, deadline=None)
@given(st.sampled_from(["admit twice", "commit twice", "set_status", "bad id", "not a member"]))
def test_the_operations_reasons_are_danish_and_str_stays_english(case: str) -> None:
    with pytest.raises(ModelError) as caught:
        _break(case)
    error = caught.value
    assert error.phrase is not None, str(error)
    danish = error.say("da")
    assert danish != str(error)
    assert error.reason not in danish
    assert str(error).startswith(f"{error.record}.{error.field}: {error.reason} (got ")
    assert pickle.loads(pickle.dumps(error)).say("da") == danish


def test_a_reason_given_as_text_stays_english_inside_a_danish_frame() -> None:
    error = ModelError("Term", "end", 3, "must be a date")
    assert error.phrase is None
    assert error.say("da") == "Term.end: must be a date (fik 3)"


def _reasons(lang: str) -> dict[str, str]:
    return {k: v for k, v in own_words(lang).items() if k.startswith("error.reason.")}


def test_every_reason_of_the_model_is_written_in_danish() -> None:
    # test_words checks that the catalogues are complete and agree on placeholders;
    # a reason copied over in English would pass that, and not this.
    english, danish = _reasons("en"), _reasons("da")
    assert english
    same = sorted(k for k, v in english.items() if danish[k] == v)
    assert same == [], same


def _plain_reasons(path: Path) -> list[str]:
    """Calls in ``path`` that give ``fail``/``ModelError`` a reason as literal text."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) in {"fail", "ModelError"}:
            reason = node.args[3] if len(node.args) > 3 else None
            if isinstance(reason, ast.Constant | ast.JoinedStr):
                found.append(f"{path.name}:{node.lineno}")
    return found


def test_the_model_gives_its_reasons_from_the_catalogues() -> None:
    model = Path(samarbejde.model.__file__).parent
    plain = [hit for path in sorted(model.glob("*.py")) for hit in _plain_reasons(path)]
    # The reasons of Approximate stay English: the catalogue machinery imports it.
    assert [h for h in plain if not h.startswith(("approximate.py:", "errors.py:"))] == []


def _portfolio_break(case: str) -> None:
    portfolio = examples.load("opdrift")
    partnership = portfolio.partnerships[0]
    day = pendulum.Date(2030, 1, 1)
    if case == "organisation twice":
        portfolio.add_organisation(portfolio.organisations[0])
    elif case == "own parent":
        attrs.evolve(partnership, parent=partnership.id)
    elif case == "chair seats":
        Seat(role=SeatRole.CHAIR, count=2)
    elif case == "currency":
        Money(Decimal(1), "DKX")
    elif case == "unknown area":
        portfolio.add_partnership(attrs.evolve(partnership, id="ny", areas=("ukendt-omraade",)))
    elif case == "funding twice":
        partnership.fund(partnership.funding[0], on=day)
    elif case == "body twice":
        partnership.set_up_body(partnership.governance[0], on=day)
    else:
        attrs.evolve(partnership.lifecycle, since=pendulum.Date(2020, 1, 1))


@settings(max_examples=10, deadline=None)
@given(
    st.sampled_from(
        [
            "organisation twice",
            "own parent",
            "chair seats",
            "currency",
            "unknown area",
            "funding twice",
            "body twice",
            "since",
        ]
    )
)
def test_records_and_portfolios_say_their_reasons_in_danish(case: str) -> None:
    with pytest.raises(ModelError) as caught:
        _portfolio_break(case)
    error = caught.value
    assert error.phrase is not None, str(error)
    danish = error.say("da")
    assert danish != str(error)
    left = sorted(s for s in ENGLISH if s in danish)
    assert left == [], (danish, left)
    assert str(error) == f"{error.record}.{error.field}: {error.reason} (got {error.value!r})"
