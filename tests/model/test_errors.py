"""The error hierarchy: one root, builtin bases, fields people can act on."""

from __future__ import annotations

import copy
import pickle

import pytest

from samarbejde import LoadError, ModelError, Problem, SamarbejdeError, TransitionError


def test_every_error_derives_from_the_root_and_from_value_error() -> None:
    for error in (ModelError, TransitionError, LoadError):
        assert issubclass(error, SamarbejdeError)
        assert issubclass(error, ValueError)
    assert not issubclass(SamarbejdeError, ValueError)


def test_a_model_error_names_record_field_value_and_reason() -> None:
    error = ModelError("Term", "end", "2021-01-01", "ends before it starts (2021-02-01)")
    assert (error.record, error.field, error.value) == ("Term", "end", "2021-01-01")
    assert str(error) == "Term.end: ends before it starts (2021-02-01) (got '2021-01-01')"


def test_a_transition_error_lists_the_allowed_states_sorted() -> None:
    error = TransitionError(
        "Commitment", "status", "proposed", "fulfilled", ["withdrawn", "agreed"]
    )
    assert error.allowed == ("agreed", "withdrawn")
    assert error.value == "fulfilled"
    assert str(error) == (
        "Commitment.status: cannot go to 'fulfilled' from 'proposed'; "
        "allowed: agreed, withdrawn (got 'fulfilled')"
    )


def test_a_transition_error_at_the_start_says_so() -> None:
    error = TransitionError("Commitment", "status[0]", None, "fulfilled", ["proposed"])
    assert "cannot start in 'fulfilled'; allowed: proposed" in str(error)
    assert error.current is None


@pytest.mark.parametrize(
    "error",
    [
        ModelError("Term", "end", 3, "bad"),
        TransitionError("Commitment", "status[2]", "agreed", "proposed", ["breached"]),
        LoadError([Problem("areas[0].id", "bad id", 3, 7), Problem("", "empty")], "p.yaml"),
    ],
    ids=["model", "transition", "load"],
)
def test_errors_survive_pickling_and_copying(error: SamarbejdeError) -> None:
    for clone in (pickle.loads(pickle.dumps(error)), copy.copy(error)):
        assert type(clone) is type(error)
        assert str(clone) == str(error)
        assert clone.__dict__ == error.__dict__


def test_a_load_error_lists_every_problem_with_its_place() -> None:
    error = LoadError(
        [Problem("areas[0].id", "not a valid id", 3, 7), Problem("", "no format")], "p.yaml"
    )
    assert str(error) == (
        "p.yaml: 2 problems\n  p.yaml:3:7: not a valid id @ areas[0].id\n  no format"
    )
    assert str(LoadError([Problem("x", "bad")])) == "<string>: 1 problem\n  bad @ x"
    assert str(Problem("x", "bad", line=2)) == "2:1: bad @ x"
