"""One JSON Schema per record, for an API's OpenAPI document, made from the document's shape."""

from __future__ import annotations

from typing import Any

import jsonschema
import pytest
from hypothesis import given
from referencing import Registry, Resource

from samarbejde import Area, Organisation, Partnership, Portfolio, json_schema
from samarbejde import strategies as sst
from samarbejde.documents import schema, schemas, unstructure

SCHEMA = "https://json-schema.org/draft/2020-12/schema"


def _openapi_validator(name: str) -> jsonschema.Draft202012Validator:
    """A validator of ``name`` as an OpenAPI document holding :func:`schemas` would have."""
    document = {"components": {"schemas": schemas()}}
    registry: Registry[Any] = Registry().with_resource(
        "urn:api", Resource.from_contents(document, default_specification=_draft())
    )
    return jsonschema.Draft202012Validator(
        {"$ref": f"urn:api#/components/schemas/{name}"}, registry=registry
    )


def _draft() -> Any:
    from referencing.jsonschema import DRAFT202012  # noqa: PLC0415

    return DRAFT202012


@given(sst.portfolios())
def test_every_record_of_a_generated_portfolio_is_valid_under_its_own_schema(
    portfolio: Portfolio,
) -> None:
    for record_type, records in (
        (Partnership, portfolio.partnerships),
        (Organisation, portfolio.organisations),
        (Area, portfolio.areas),
    ):
        validator = jsonschema.Draft202012Validator(schema(record_type))
        for record in records:
            validator.validate(unstructure(record))


@given(sst.portfolios())
def test_the_openapi_components_validate_what_the_standalone_schemas_do(
    portfolio: Portfolio,
) -> None:
    validator = _openapi_validator("Partnership")
    for p in portfolio.partnerships:
        validator.validate(unstructure(p))


def test_a_record_schema_refuses_an_unknown_key_and_a_bad_id() -> None:
    validator = jsonschema.Draft202012Validator(schema("Area"))
    good = {"id": "a-1", "name": "A", "municipality": "561"}
    validator.validate(good)
    assert not validator.is_valid({**good, "colour": "red"})
    assert not validator.is_valid({**good, "id": "Not An Id"})
    assert not _openapi_validator("Area").is_valid({**good, "id": "Not An Id"})


def test_each_record_schema_is_the_portfolio_schemas_own_entry() -> None:
    whole = json_schema()["$defs"]
    for name, found in schemas().items():
        if name == "Portfolio":
            continue
        assert _refs_as(found, "#/components/schemas/", "#/$defs/") == whole[name]
        standalone = schema(name)
        assert standalone["$schema"] == SCHEMA
        body = {k: v for k, v in standalone.items() if k not in ("$schema", "title", "$defs")}
        assert body == whole[name]
        assert set(standalone.get("$defs", {})) <= set(whole)


def test_a_type_that_is_no_record_of_a_document_is_refused_with_the_known_names() -> None:
    with pytest.raises(ValueError, match=r"known: .*Partnership"):
        schema(int)
    with pytest.raises(ValueError, match="'Nothing'"):
        schema("Nothing")


def _refs_as(value: Any, old: str, new: str) -> Any:
    if isinstance(value, dict):
        return {
            k: (v.replace(old, new) if k == "$ref" else _refs_as(v, old, new))
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [_refs_as(v, old, new) for v in value]
    return value
