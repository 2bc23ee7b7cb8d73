"""The type table: one entry per scalar type, and every reader of it agrees with it.

The hooks, the generated dump functions, the JSON Schema and the frames read the same
table; these tests tie its facts together (what a scalar writes, it reads back, and
the schema accepts) and check that the schema takes its constraints from the data the
validators carry, not from their names.
"""

from __future__ import annotations

import re
import typing
from decimal import Decimal
from typing import Any

import attrs
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

import samarbejde
from samarbejde import ModelError, Sector, json_schema
from samarbejde import strategies as sst
from samarbejde.documents import SCALARS, Scalar, make_converter, scalar_for
from samarbejde.documents._schema import _Builder
from samarbejde.documents._shape import shape
from samarbejde.model import _checks
from samarbejde.model.approximate import When

ISO = {
    pendulum.Date: sst.dates(),
    pendulum.DateTime: st.datetimes(timezones=st.just(pendulum.UTC)).map(pendulum.instance),
    pendulum.Duration: st.builds(
        pendulum.Duration,
        years=st.integers(0, 20),
        months=st.integers(0, 11),
        weeks=st.integers(0, 3),
        days=st.integers(0, 6),
        hours=st.integers(0, 23),
        minutes=st.integers(0, 59),
        seconds=st.integers(0, 59),
    ),
    Decimal: st.decimals(allow_nan=False, allow_infinity=False, places=4),
    When: sst.whens(),
}


def test_the_table_lists_every_scalar_the_model_uses() -> None:
    seen: set[Any] = set()
    for record in _records(samarbejde.Portfolio):
        hints = typing.get_type_hints(record)
        for field in attrs.fields(record):
            seen.update(_leaves(hints[field.name]))
    scalars = {kind for kind in seen if scalar_for(kind) is not None}
    records = {kind for kind in seen if attrs.has(kind)}
    # Date-times are in no portfolio record; the table has them for structure() of others.
    assert set(SCALARS) - {pendulum.DateTime} <= scalars
    assert seen - scalars - records == set()


@pytest.mark.parametrize("kind", list(ISO), ids=lambda k: k.__name__)
def test_what_a_scalar_writes_it_reads_back_and_the_schema_accepts(kind: Any) -> None:
    scalar = SCALARS[kind]
    assert scalar.write is not None
    write, pattern = scalar.write, scalar.schema.get("pattern")

    @given(ISO[kind])
    def check(value: Any) -> None:
        text = write(value)
        assert type(text) is str
        assert scalar.read(text, kind) == value
        if pattern is not None:
            assert re.search(pattern, text), (text, pattern)

    check()


@pytest.mark.parametrize("kind", list(SCALARS), ids=lambda k: k.__name__)
def test_the_converter_uses_the_table_s_reader_and_writer(kind: Any) -> None:
    scalar = SCALARS[kind]
    converter = make_converter()
    sample = {
        str: "x",
        int: 3,
        bool: True,
        Decimal: "2.5",
        pendulum.Date: "2024-02-29",
        pendulum.DateTime: "2024-02-29T10:00:00+01:00",
        pendulum.Duration: "P1Y2M",
        When: "2019-03",
    }[kind]
    value = converter.structure(sample, kind)
    assert value == scalar.read(sample, kind)
    assert converter.unstructure(value) == sample


def test_an_inline_expression_writes_what_the_function_writes() -> None:
    for scalar in (*SCALARS.values(), scalar_for(Sector)):
        assert scalar is not None
        if scalar.inline is None:
            continue
        assert scalar.write is not None
        value = {pendulum.Date: pendulum.Date(2024, 1, 2)}.get(
            scalar.type, pendulum.DateTime(2024, 1, 2, tzinfo=pendulum.UTC)
        )
        if scalar.type is Sector:
            value = Sector.BUSINESS
        assert eval(scalar.inline.format("v"), {"v": value}) == scalar.write(value)


def test_an_enum_is_a_scalar_of_its_own() -> None:
    scalar = scalar_for(Sector)
    assert isinstance(scalar, Scalar)
    assert scalar.schema == {"enum": [s.value for s in Sector]}
    assert scalar.column == "category"
    assert scalar.read("business", Sector) is Sector.BUSINESS
    assert scalar_for(samarbejde.Area) is None


# -- validators as data -----------------------------------------------------------------


@attrs.frozen
class Sample:
    """A record of the test's own, to show the schema reads any validator's data.

    Attributes:
        ref: An id-like text of another shape.
        colour: One of three.
        count: At least 2.
        share: Above 0.
        note: Free text.
    """

    ref: str = attrs.field(validator=_checks.Matches(re.compile(r"[A-Z]{2}-[0-9]+"), "bad ref"))
    colour: str | None = attrs.field(
        default=None,
        validator=_checks.OneOf(lambda: {"red", "green", "blue"}, "no colour", optional=True),
    )
    count: int = attrs.field(default=2, validator=_checks.AtLeast(2, "too few", whole=True))
    share: int = attrs.field(default=1, validator=_checks.AtLeast(0, "none", exclusive=True))
    note: str = attrs.field(default="-")


def test_the_schema_reads_pattern_values_and_bounds_from_the_validators() -> None:
    properties = _Builder().record(shape(Sample).root)["properties"]
    assert properties["ref"] == {"type": "string", "pattern": "^[A-Z]{2}-[0-9]+$"}
    assert properties["colour"] == {
        "anyOf": [{"type": "string", "enum": ["blue", "green", "red"]}, {"type": "null"}]
    }
    assert properties["count"] == {"type": "integer", "minimum": 2}
    assert properties["share"] == {"type": "integer", "exclusiveMinimum": 0}
    assert properties["note"] == {"type": "string"}


def test_the_validators_check_what_they_say() -> None:
    assert Sample("AB-12").colour is None
    for bad, reason in (
        ({"ref": "ab-12"}, "bad ref"),
        ({"ref": "AB-12", "colour": "pink"}, "no colour"),
        ({"ref": "AB-12", "count": 1}, "too few"),
        ({"ref": "AB-12", "count": True}, "too few"),
        ({"ref": "AB-12", "share": 0}, "none"),
    ):
        with pytest.raises(ModelError, match=reason):
            Sample(**bad)


def test_every_pattern_in_the_schema_is_a_validator_s_or_the_table_s() -> None:
    carried = {
        check.schema_pattern
        for record in _records(samarbejde.Portfolio)
        for field in attrs.fields(record)
        for check in _flatten(field.validator)
        if isinstance(check, _checks.Matches)
    }
    table = {str(s.schema["pattern"]) for s in SCALARS.values() if "pattern" in s.schema}
    assert set(_patterns(json_schema())) == carried | table


def _patterns(schema: Any) -> list[str]:
    if isinstance(schema, dict):
        own = [schema["pattern"]] if isinstance(schema.get("pattern"), str) else []
        return own + [p for v in schema.values() for p in _patterns(v)]
    if isinstance(schema, list):
        return [p for v in schema for p in _patterns(v)]
    return []


def test_the_kommunekoder_come_from_the_validator_s_values() -> None:
    area = json_schema()["$defs"]["Area"]["properties"]
    assert area["municipality"]["enum"] == sorted(samarbejde.municipalities())
    assert area["residents"]["anyOf"][0] == {"type": "integer", "minimum": 0}


def _flatten(validator: Any) -> list[Any]:
    inner = getattr(validator, "_validators", None)
    if inner is None:
        return [] if validator is None else [validator]
    return [leaf for v in inner for leaf in _flatten(v)]


def _leaves(kind: Any) -> set[Any]:
    if scalar_for(kind) is not None:  # a union the table reads as one (When)
        return {kind}
    args = typing.get_args(kind)
    if not args:
        if isinstance(kind, typing.TypeVar):
            return set(kind.__constraints__)
        return {kind}
    origin = typing.get_origin(kind)
    if attrs.has(origin):
        return {origin}
    rest = tuple(a for a in args if a is not type(None) and a is not Ellipsis)
    if len(rest) > 1 and rest != args and scalar_for(typing.Union[rest]) is not None:  # noqa: UP007
        return {typing.Union[rest]}  # noqa: UP007 - When | None
    return {leaf for a in rest for leaf in _leaves(a)}


def _records(root: type[Any]) -> list[type[Any]]:
    found: list[type[Any]] = []
    pending = [root, samarbejde.ProjectLifecycle, samarbejde.StrategicLifecycle]
    while pending:
        cls = pending.pop()
        if cls in found:
            continue
        found.append(cls)
        hints = typing.get_type_hints(cls)
        for field in attrs.fields(cls):
            pending.extend(k for k in _leaves(hints[field.name]) if attrs.has(k))
    return found


def test_a_validator_is_an_immutable_value_shown_by_its_fields() -> None:
    check = _checks.AtLeast(2, "too few", whole=True)
    assert check == _checks.AtLeast(2, "too few", whole=True)
    assert check != _checks.AtLeast(3, "too few", whole=True)
    assert check != "AtLeast"
    assert hash(check) == hash(_checks.AtLeast(2, "too few", whole=True))
    assert repr(check) == (
        "AtLeast(minimum=2, reason='too few', exclusive=False, whole=True, optional=False)"
    )
    with pytest.raises(AttributeError, match="immutable"):
        check.minimum = 0  # type: ignore[misc]
    assert _checks.is_ids != _checks.is_id
    assert "values" not in repr(_checks.OneOf(lambda: {"a"}, "no"))
