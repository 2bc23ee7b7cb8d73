"""Loading and validating leave the cyclic collector as the caller has it (design decision D65)."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator

import pytest
from tests.opdrift import portfolio

from samarbejde import LoadError, dumps, loads, validate


@pytest.fixture
def collector() -> Iterator[None]:
    """Whatever a test does to the collector, it is on again afterwards."""
    try:
        yield
    finally:
        gc.enable()


def _load() -> object:
    return loads(dumps(portfolio(), "json"), "json")


def _validate() -> object:
    return validate(portfolio())


def _bad_load() -> object:
    return loads('{"format": "samarbejde/1", "areas": 3}', "json")


@pytest.mark.usefixtures("collector")
@pytest.mark.parametrize("action", [_load, _validate])
@pytest.mark.parametrize("was_on", [True, False])
def test_the_collector_is_as_it_was(action: Callable[[], object], was_on: bool) -> None:
    (gc.enable if was_on else gc.disable)()
    action()
    assert gc.isenabled() is was_on


@pytest.mark.usefixtures("collector")
def test_the_collector_is_back_on_after_a_refused_document() -> None:
    gc.enable()
    with pytest.raises(LoadError):
        _bad_load()
    assert gc.isenabled()
