"""The command line's language: --lang, else $SAMARBEJDE_LANG, else the package default."""

from __future__ import annotations

import pytest

from samarbejde import cli
from samarbejde.examples import text
from samarbejde.model.words import DEFAULT_LANG


def _validate(capsys: pytest.CaptureFixture[str], tmp_path: object, *extra: str) -> str:
    path = tmp_path / "opdrift.yaml"  # type: ignore[operator]
    path.write_text(text("opdrift"), encoding="utf-8")
    cli.main(["validate", "--profile", "all", "--as-of", "2025-06-01", *extra, str(path)])
    return capsys.readouterr().out


def test_the_environment_variable_chooses_the_language_unless_lang_is_given(
    capsys: pytest.CaptureFixture[str], tmp_path: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SAMARBEJDE_LANG", raising=False)
    default = _validate(capsys, tmp_path)
    danish = _validate(capsys, tmp_path, "--lang", "da")
    english = _validate(capsys, tmp_path, "--lang", "en")
    assert danish != english
    assert default == (danish if DEFAULT_LANG == "da" else english)
    monkeypatch.setenv("SAMARBEJDE_LANG", "da")
    assert _validate(capsys, tmp_path) == danish
    assert _validate(capsys, tmp_path, "--lang", "en") == english


def test_an_unknown_language_in_the_environment_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SAMARBEJDE_LANG", "klingon")
    assert cli.main(["validate", "-"]) == 2
    assert "SAMARBEJDE_LANG='klingon' is not a language" in capsys.readouterr().err
