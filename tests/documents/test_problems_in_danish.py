"""Load problems and errors are said in the chosen language, from the catalogues.

A problem keeps its English ``message``; ``say(lang)`` and ``to_dict(lang)`` render the
phrase it keeps. The check for "Danish" is that no English sentence of the English
catalogue's ``load.`` and ``error.`` texts is left in the Danish rendering.
"""

from __future__ import annotations

import io
import pickle
import re
import string

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from samarbejde import cli, examples, loads
from samarbejde.model.errors import LoadError, Problem
from samarbejde.model.words import own_words
from samarbejde.sheets import dumps_workbook, loads_workbook
from samarbejde.strategies import LOAD_PROBLEMS, Defect, invalid_portfolios

PATIENT = settings(
    max_examples=5, suppress_health_check=[HealthCheck.too_slow], deadline=None, database=None
)


def _sentences() -> set[str]:
    """The literal parts of every English load and error text that hold at least two words."""
    found = set()
    for key, template in own_words("en").items():
        if not key.startswith(("load.", "error.")):
            continue
        for literal, *_ in string.Formatter().parse(template):
            part = literal.strip(" ;:,.()`'\"")
            if len(re.findall(r"[A-Za-z]{2,}", part)) >= 2:
                found.add(part)
    return found


ENGLISH = _sentences()


def _english_left(text: str) -> list[str]:
    return sorted(s for s in ENGLISH if s in text)


def test_the_english_sentences_are_many_and_absent_from_the_danish_catalogue() -> None:
    assert len(ENGLISH) > 50
    danish = " | ".join(v for k, v in own_words("da").items() if k.startswith(("load.", "error.")))
    assert _english_left(danish) == []


def _problems(defect: Defect) -> tuple[Problem, ...]:
    assert defect.document is not None
    kwargs = {"max_bytes": defect.max_bytes} if defect.max_bytes else {}
    with pytest.raises(LoadError) as caught:
        loads(defect.document, defect.format, **kwargs)  # type: ignore[arg-type]
    return caught.value.problems


@pytest.mark.parametrize("code", LOAD_PROBLEMS)
@PATIENT
@given(data=st.data())
def test_every_load_defect_is_said_in_danish_at_the_same_place(
    code: str, data: st.DataObject
) -> None:
    defect: Defect = data.draw(invalid_portfolios([code]))
    for problem in _problems(defect):
        danish, english = problem.to_dict("da"), problem.to_dict("en")
        assert problem.phrase is not None, problem
        assert english["message"] == problem.message
        assert danish["message"] != problem.message
        assert _english_left(str(danish["message"])) == [], danish
        assert {k: danish[k] for k in ("path", "line", "column")} == {
            k: english[k] for k in ("path", "line", "column")
        }
        assert pickle.loads(pickle.dumps(problem)).say("da") == danish["message"]


@PATIENT
@given(data=st.data())
def test_a_load_error_is_said_in_danish_with_every_problem(data: st.DataObject) -> None:
    defect: Defect = data.draw(invalid_portfolios(LOAD_PROBLEMS))
    assert defect.document is not None
    kwargs = {"max_bytes": defect.max_bytes} if defect.max_bytes else {}
    with pytest.raises(LoadError) as caught:
        loads(defect.document, defect.format, **kwargs)  # type: ignore[arg-type]
    error = caught.value
    said = error.to_dict("da")
    assert said["message"] == error.say("da") != str(error)
    assert error.say("en") == str(error)
    assert [p["message"] for p in said["problems"]] == [p.say("da") for p in error.problems]
    for problem in error.problems:
        assert problem.say("da") in error.say("da")


def test_a_workbook_with_bad_cells_gives_danish_problems_at_the_same_cells() -> None:
    book = openpyxl.load_workbook(io.BytesIO(dumps_workbook(examples.load("opdrift"), lang="da")))
    sheet = book["Områder"]
    column = next(c.column for c in sheet[1] if c.value == "beboere")
    sheet.cell(2, column).value = "mange"
    organisations = book["Organisationer"]
    sector = next(c.column for c in organisations[1] if c.value == "sektor")
    organisations.cell(2, sector).value = "kommunen"
    organisations.cell(1, 20).value = "Bemærkning"
    out = io.BytesIO()
    book.save(out)
    with pytest.raises(LoadError) as caught:
        loads_workbook(out.getvalue())
    problems = caught.value.problems
    assert len(problems) >= 3
    for problem in problems:
        assert problem.say("da") != problem.message
        assert _english_left(problem.say("da")) == [], problem.say("da")
    told = " ".join(p.say("da") for p in problems)
    assert "mente du 'kommune'" in told
    assert "ukendt kolonne 'Bemærkning'" in told


def test_validate_in_danish_says_a_broken_document_in_danish(
    capsys: pytest.CaptureFixture[str], tmp_path: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "brudt.yaml"  # type: ignore[operator]
    text = examples.text("opdrift").replace("sector: municipality", "sector: kommune", 1)
    path.write_text(text.replace("    remit:", "    remitt:", 1), encoding="utf-8")
    monkeypatch.delenv("SAMARBEJDE_LANG", raising=False)
    assert cli.main(["validate", "--lang", "da", str(path)]) != 0
    danish = capsys.readouterr().out
    assert cli.main(["validate", "--lang", "en", str(path)]) != 0
    english = capsys.readouterr().out
    assert "unknown Sector 'kommune'" in english
    assert "ukendt Sector 'kommune'" in danish
    assert "LOAD fejl" in danish
    assert _english_left(danish) == [], danish
    monkeypatch.setenv("SAMARBEJDE_LANG", "da")
    assert cli.main(["validate", "--format", "json", str(path)]) != 0
    assert "ukendt Sector" in capsys.readouterr().out
