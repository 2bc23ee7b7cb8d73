"""Messages say what happened: dates in their order, no "revoked no", counted nouns."""

from __future__ import annotations

from pathlib import Path

import pytest
from pendulum import Date as D  # noqa: N817
from tests.rules._fragments import AS_OF, document
from tests.rules.fragments import A

from samarbejde import (
    Area,
    AreaCategory,
    Classification,
    ModelError,
    Portfolio,
    cli,
    validate,
)
from samarbejde.examples import text


def _ngo_mandate_until(end: str, revoked: str | None = None) -> dict[str, str]:
    extra = "" if revoked is None else f", revoked: {revoked}"
    mandate = (
        "{id: m-ngo, level: strategic, powers: [commit_volunteers], "
        f"term: {{start: 2019-01-01, end: {end}}}, granted_by: Bestyrelsen{extra}}}"
    )
    return {f"{A}.members[ngo].mandates": f"[{mandate}]"}


def test_m004_for_a_mandate_never_revoked_does_not_say_revoked() -> None:
    report = validate(document(_ngo_mandate_until("2019-12-31")), as_of=AS_OF, select=["M004"])
    english = report.findings[0].message
    assert "revoked" not in english
    assert english.endswith("(term 1 January 2019 to 31 December 2019).")
    danish = validate(
        document(_ngo_mandate_until("2019-12-31")), as_of=AS_OF, select=["M004"], lang="da"
    ).findings[0]
    assert "tilbagekaldt" not in danish.message
    assert "nej" not in danish.message


def test_m004_for_a_revoked_mandate_says_when() -> None:
    report = validate(
        document(_ngo_mandate_until("2030-12-31", revoked="2020-03-01")),
        as_of=AS_OF,
        select=["M004"],
    )
    assert report.findings[0].message.endswith(
        "(term 1 January 2019 to 31 December 2030, revoked 1 March 2020)."
    )


def test_dates_that_go_backwards_are_named_in_the_order_listed() -> None:
    with pytest.raises(ModelError) as caught:
        Area(
            "a",
            "A",
            "561",
            classifications=(
                Classification(AreaCategory.UDSAT, D(2024, 9, 1)),
                Classification(AreaCategory.UDSAT, D(2022, 1, 1)),
            ),
        )
    assert "dates go backwards: 2022-01-01 is listed after 2024-09-01" in str(caught.value)


@pytest.mark.parametrize(
    ("counts", "english", "danish"),
    [
        (
            (1, 1, 1),
            "1 organisation, 1 area, 1 partnership",
            "1 organisation, 1 område, 1 samarbejde",
        ),
        (
            (2, 0, 3),
            "2 organisations, 0 areas, 3 partnerships",
            "2 organisationer, 0 områder, 3 samarbejder",
        ),
    ],
)
def test_html_captions_count_in_the_right_number(
    counts: tuple[int, int, int], english: str, danish: str
) -> None:
    from samarbejde import Organisation, Sector  # noqa: PLC0415
    from samarbejde.model._html import portfolio_html  # noqa: PLC0415 - the private renderer
    from samarbejde.testing import project  # noqa: PLC0415

    organisations, areas, partnerships = counts
    portfolio = Portfolio(
        tuple(Organisation(f"o{n}", "O", Sector.OTHER) for n in range(organisations)),
        tuple(Area(f"a{n}", "A", "561") for n in range(areas)),
        tuple(project(id=f"p{n}") for n in range(partnerships)),
    )
    assert f"<caption>{english}</caption>" in portfolio_html(portfolio, "en")
    assert f"<caption>{danish}</caption>" in portfolio_html(portfolio, "da")


def test_a_report_caption_counts_in_the_right_number() -> None:
    report = validate(document(_ngo_mandate_until("2019-12-31")), as_of=AS_OF, select=["M004"])
    html = report._repr_html_()
    assert "<caption>1 error, 0 warnings, 0 info</caption>" in html


def test_convert_blames_the_output_file_for_a_write_problem(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source = tmp_path / "in.yaml"
    source.write_text(text("opdrift"), encoding="utf-8")
    code = cli.main(["convert", str(source), str(tmp_path / "out.txt")], today=AS_OF)
    out = capsys.readouterr().out
    assert code == 2
    assert out.startswith(f"{tmp_path / 'out.txt'}: WRITE error: cannot tell the format")
    assert str(source) not in out
