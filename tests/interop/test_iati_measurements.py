"""Measurements reach IATI as indicator periods with actual values (D95)."""

from __future__ import annotations

import datetime as dt

import attrs
import pendulum
from lxml import etree
from tests.interop.iati_rules import errors
from tests.interop.standards import iati_errors
from tests.interop.test_iati import CVR

from samarbejde import Portfolio
from samarbejde.interop import to_iati
from samarbejde.model.iso import write_date, write_decimal
from samarbejde.testing import synthetic_portfolio


def _portfolio() -> Portfolio:
    portfolio = synthetic_portfolio(20)
    organisations = tuple(
        attrs.evolve(o, identifiers=attrs.evolve(o.identifiers, cvr=cvr))
        for o, cvr in zip(portfolio.organisations, CVR * 10, strict=False)
    )
    return attrs.evolve(portfolio, organisations=organisations)


def test_each_measurement_is_a_period_with_its_actual_and_the_file_stays_valid() -> None:
    portfolio = _portfolio()
    as_of = pendulum.Date(2030, 1, 1)
    export = to_iati(portfolio, as_of=as_of)
    xml = export.document.encode()
    assert iati_errors(xml) == []
    assert errors(xml, now=dt.datetime(2030, 1, 1)) == []
    root = etree.fromstring(xml)
    actuals = sorted(
        (
            p.find("period-start").get("iso-date"),
            p.find("period-end").get("iso-date"),
            p.find("actual").get("value"),
        )
        for p in root.iterfind(".//result/indicator/period")
        if p.find("actual") is not None
    )
    wanted = sorted(
        (write_date(m.since or m.on), write_date(m.on), write_decimal(m.value))
        for p in portfolio.as_of(as_of).partnerships
        for g in p.goals
        for m in g.measurements
    )
    assert actuals == wanted
    assert wanted
    omitted = {o.path for o in export.omitted}
    assert any(p.endswith(".reported_by") for p in omitted)
    assert "lists[udsat-2021]" in omitted
