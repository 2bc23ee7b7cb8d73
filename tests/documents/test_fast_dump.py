"""Dumping with each distinct date written once gives the same bytes as writing each afresh."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from tests.opdrift import portfolio

from samarbejde import Portfolio, dumps
from samarbejde import strategies as sst
from samarbejde.documents import _io
from samarbejde.documents._unstructure import unstructure_functions

REFERENCE = unstructure_functions(Portfolio, share_text=False)[Portfolio]
FORMATS = ("json", "yaml", "toml")


def _reference_unstructure(drawn: Portfolio) -> dict[str, object]:
    return {"format": _io.FORMAT_VERSION, **REFERENCE(drawn)}


def _reference_dumps(drawn: Portfolio, format: str) -> str:  # noqa: A002
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_io, "unstructure", _reference_unstructure)
        return dumps(drawn, format)  # type: ignore[arg-type]


@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(sst.portfolios())
def test_shared_date_text_gives_identical_bytes_in_every_format(drawn: Portfolio) -> None:
    for format in FORMATS:  # noqa: A001
        assert dumps(drawn, format) == _reference_dumps(drawn, format)  # type: ignore[arg-type]


def test_the_reference_really_writes_dates_afresh() -> None:
    # Both writers give equal data; only the shared one reuses one text per date.
    shared = unstructure_functions(Portfolio)[Portfolio](portfolio())
    fresh = REFERENCE(portfolio())
    assert shared == fresh

    def starts(data: object) -> list[object]:
        assert isinstance(data, dict)
        return [c["term"]["start"] for p in data["partnerships"] for c in p["commitments"]]

    shared_starts, fresh_starts = starts(shared), starts(fresh)
    assert len({id(s) for s in shared_starts}) == len(set(shared_starts))
    assert len({id(s) for s in fresh_starts}) == len(fresh_starts)


def test_no_date_text_is_kept_between_dumps() -> None:
    unstructure = unstructure_functions(Portfolio)[Portfolio]
    first, second = unstructure(portfolio()), unstructure(portfolio())
    assert first == second
    assert isinstance(first, dict)
    assert isinstance(second, dict)
    one = first["partnerships"][0]["commitments"][0]["term"]["start"]
    other = second["partnerships"][0]["commitments"][0]["term"]["start"]
    assert one == other
    assert one is not other
