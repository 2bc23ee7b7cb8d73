"""Rules published under the entry point group ``samarbejde.rules``."""

from __future__ import annotations

import importlib.metadata
from collections.abc import Iterator

import pytest
from tests.rules._fragments import base

from samarbejde import validate
from samarbejde.rules import (
    ENTRY_POINT_GROUP,
    Hit,
    RuleContext,
    RuleError,
    hit,
    plugin_rules,
    rule,
)


@rule("ORG001", "no-units", en="No units.", da="Ingen enheder.")
def no_units(ctx: RuleContext) -> Iterator[Hit]:
    if not any(o.parent for o in ctx.index.portfolio.organisations):
        yield hit("organisations", "")


class _Point:
    def __init__(self, name: str, loaded: object) -> None:
        self.name = name
        self.value = f"plugin:{name}"
        self._loaded = loaded

    def load(self) -> object:
        if isinstance(self._loaded, Exception):
            raise self._loaded
        return self._loaded


def _publish(monkeypatch: pytest.MonkeyPatch, *points: _Point) -> list[str]:
    groups: list[str] = []

    def entry_points(*, group: str) -> list[_Point]:
        groups.append(group)
        return list(points)

    monkeypatch.setattr(importlib.metadata, "entry_points", entry_points)
    return groups


def test_published_rules_run_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    groups = _publish(monkeypatch, _Point("units", no_units))
    report = validate(base())
    assert report.codes == ("ORG001",)
    assert groups == [ENTRY_POINT_GROUP]


def test_an_entry_point_may_publish_several_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    other = rule("ORG002", "other", en="x", da="y")(lambda ctx: iter(()))
    _publish(monkeypatch, _Point("b", [other]), _Point("a", (no_units,)))
    assert [r.code for r in plugin_rules()] == ["ORG001", "ORG002"]


def test_explicit_rules_leave_plugins_unloaded(monkeypatch: pytest.MonkeyPatch) -> None:
    groups = _publish(monkeypatch, _Point("units", no_units))
    assert validate(base(), rules=[]).findings == ()
    assert groups == []


@pytest.mark.parametrize(
    ("loaded", "message"),
    [
        (ImportError("no module named plugin"), "no module named plugin"),
        (42, "does not name rules"),
        (["not a rule"], "does not name rules"),
    ],
)
def test_a_broken_entry_point_is_named(
    monkeypatch: pytest.MonkeyPatch, loaded: object, message: str
) -> None:
    _publish(monkeypatch, _Point("broken", loaded))
    with pytest.raises(RuleError, match=f"entry point 'broken'.*{message}"):
        validate(base())


def test_a_published_rule_may_not_shadow_a_builtin(monkeypatch: pytest.MonkeyPatch) -> None:
    shadow = rule("C001", "mine", en="x", da="y")(lambda ctx: iter(()))
    _publish(monkeypatch, _Point("shadow", shadow))
    with pytest.raises(RuleError, match="C001 is built in"):
        validate(base())
