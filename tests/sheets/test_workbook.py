"""The workbook: made from the document's shape, read back equal, what people type read."""

from __future__ import annotations

import io

import attrs
import openpyxl
import pytest
from hypothesis import given
from tests.profiles import WHOLE_PORTFOLIOS

from samarbejde import examples, strategies
from samarbejde.documents._shape import (
    OptionalKind,
    RecordKind,
    ScalarKind,
    SequenceKind,
    SetKind,
    TaggedKind,
    shape,
)
from samarbejde.model.enums import Unit
from samarbejde.model.errors import LoadError
from samarbejde.model.labels import label
from samarbejde.model.portfolio import Portfolio
from samarbejde.sheets import dumps_workbook, layout, loads_workbook


def test_every_field_of_every_record_is_a_column_of_some_sheet() -> None:
    headers = {h for t in layout() for h in t.headers("en")}
    columns = {c.path[-1] for t in layout() for c in t.columns if c.path}
    tables = {t.path[-1] for t in layout()}
    described = shape(Portfolio)
    missing = []
    for record in described.records:
        for field in record.fields:
            kind = field.kind.inner if isinstance(field.kind, OptionalKind) else field.kind
            if isinstance(kind, ScalarKind) and field.key not in columns:
                missing.append(f"{record.name}.{field.key}")
            if isinstance(kind, SequenceKind | SetKind) and field.key not in tables:
                missing.append(f"{record.name}.{field.key}")
            if isinstance(kind, RecordKind | TaggedKind):  # its fields are columns of the row
                assert any(h.startswith(f"{field.key}.") or h == "form" for h in headers), field
    assert not missing


def test_sheet_names_are_unique_and_fit_excel() -> None:
    for lang in ("da", "en"):
        names = [t.name(lang) for t in layout()]
        assert len(set(names)) == len(names)
        assert all(len(n) <= 31 and not set(n) & set("[]:*?/\\") for n in names)


@pytest.mark.parametrize("name", examples.names())
@pytest.mark.parametrize("lang", ["da", "en"])
def test_bundled_examples_round_trip(name: str, lang: str) -> None:
    portfolio = examples.load(name)
    assert loads_workbook(dumps_workbook(portfolio, lang=lang)) == portfolio


@WHOLE_PORTFOLIOS
@given(strategies.portfolios())
def test_generated_portfolios_round_trip(portfolio: Portfolio) -> None:
    assert loads_workbook(dumps_workbook(portfolio, lang="en")) == portfolio


def _book(lang: str = "da") -> openpyxl.Workbook:
    data = dumps_workbook(examples.load("opdrift"), lang=lang)
    return openpyxl.load_workbook(io.BytesIO(data))


def _save(book: openpyxl.Workbook) -> bytes:
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _column(sheet: openpyxl.worksheet.worksheet.Worksheet, header: str) -> int:
    return next(c.column for c in sheet[1] if c.value == header)


def test_cells_are_typed_for_people() -> None:
    book = _book()
    organisations = book["Organisationer"]
    assert all(c.data_type == "s" for c in organisations["A"][1:])
    commitments = book["Partnerskaber tilsagn"]
    start = commitments.cell(2, _column(commitments, "periode.start"))
    assert start.is_date
    amount = commitments.cell(2, _column(commitments, "mængde.beløb"))
    assert isinstance(amount.value, int | float)
    assert amount.number_format == "#,##0.00"
    assert any(v.type == "list" for v in commitments.data_validations.dataValidation)


def test_what_people_type_is_read() -> None:
    expected = examples.load("opdrift")
    book = _book()
    commitments = book["Partnerskaber tilsagn"]
    start = commitments.cell(2, _column(commitments, "periode.start"))
    amount = commitments.cell(2, _column(commitments, "mængde.beløb"))
    day = start.value
    start.value = f"{day.day}.{day.month}.{day.year}"
    whole = amount.value
    amount.value = f"{int(whole):,}".replace(",", ".") + " " if whole == int(whole) else str(whole)
    unit = commitments.cell(2, _column(commitments, "mængde.enhed"))
    unit.value = label(Unit(unit.value), "da").upper() + " "
    commitments.insert_rows(3)  # an empty row
    assert loads_workbook(_save(book)) == expected


def test_english_and_danish_headers_both_read() -> None:
    da, en = _book("da"), _book("en")
    en_sheet = en["Partnerships commitments"]
    del da["Partnerskaber tilsagn"]
    copy = da.create_sheet("Partnerships commitments")
    for row in en_sheet.iter_rows(values_only=True):
        copy.append(row)
    assert loads_workbook(_save(da)) == examples.load("opdrift")


def test_every_problem_is_located_at_its_cell() -> None:
    book = _book("en")
    commitments = book["Partnerships commitments"]
    start = _column(commitments, "term.start")
    unit = _column(commitments, "quantity.unit")
    commitments.cell(2, start).value = "31.2.2025"
    commitments.cell(3, unit).value = "hourz"
    commitments.cell(1, 30).value = "colour"
    organisations = book["Organisations"]
    organisations.cell(2, 1).value = "Not An Id"
    with pytest.raises(LoadError) as caught:
        loads_workbook(_save(book))
    paths = {p.path: p.message for p in caught.value.problems}
    letter = openpyxl.utils.get_column_letter
    assert f"Partnerships commitments!{letter(start)}2" in paths
    assert "term.start" in paths[f"Partnerships commitments!{letter(start)}2"]
    assert "hours" in paths[f"Partnerships commitments!{letter(unit)}3"]  # did you mean
    assert f"Partnerships commitments!{letter(30)}1" in paths
    assert any(p.startswith("Organisations!A2") for p in paths), paths


@pytest.mark.parametrize("name", ["control\x01char", "looks_x0041_escaped", "=SUM(A1)"])
def test_text_a_workbook_cannot_hold_plainly_reads_back(name: str) -> None:
    portfolio = examples.load("opdrift")
    first = attrs.evolve(portfolio.organisations[0], name=name)
    changed = attrs.evolve(portfolio, organisations=(first, *portfolio.organisations[1:]))
    assert loads_workbook(dumps_workbook(changed)) == changed


def test_ten_typical_mistakes_are_each_located_at_once() -> None:
    book = _book("da")
    letter = openpyxl.utils.get_column_letter
    expected = set()

    def put(sheet_name: str, header: str, row: int, value: object) -> None:
        sheet = book[sheet_name]
        column = _column(sheet, header)
        sheet.cell(row, column).value = value
        expected.add(f"{sheet_name}!{letter(column)}{row}")

    put("Partnerskaber tilsagn", "periode.start", 2, "31.2.2025")  # no such date
    put("Partnerskaber tilsagn", "periode.slut", 3, "næste år")  # not a date
    put("Områder", "beboere", 2, "mange")  # not a number
    put("Organisationer", "sektor", 2, "kommunen")  # not a sector (did you mean)
    put("Partnerskaber aftaler", "bindende", 2, "måske")  # not yes/no
    put("Partnerskaber tilsagn", "mængde.beløb", 4, "1,2,3")  # not a number
    put("Tilsagn status", "tilsagn.id", 2, "c-ukendt")  # no such commitment above
    put("Partnerskaber tilsagn", "mængde.enhed", 5, "stk")  # not a unit
    put("Organisationer", "id", 3, "Jobcenter Esbjerg")  # not an id (the loader's check)
    sheet = book["Organisationer"]
    sheet.cell(1, 20).value = "Bemærkning"  # a column nobody knows
    expected.add("Organisationer!T1")
    with pytest.raises(LoadError) as caught:
        loads_workbook(_save(book))
    located = {p.path for p in caught.value.problems}
    assert expected <= located, expected - located
    assert any("did you mean 'kommune'" in p.message for p in caught.value.problems)
