"""The catalogues: one file per language, complete, and a third language is one new file."""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import string
import subprocess
import sys
import textwrap
from pathlib import Path
from types import ModuleType

import pytest

import samarbejde
from samarbejde.examples import AS_OF
from samarbejde.model.words import BASE_LANG, LANGS, fallbacks, language_name, own_words
from samarbejde.rules import builtin_families, builtin_rules

SRC = Path(samarbejde.__file__).parent
ROOT = SRC.parent.parent
KEYS = re.compile(r'\b(?:Text|Words)\(\s*"([a-zA-Z0-9_.]+)"\s*\)')


#: Texts whose Danish wording uses a value the English one leaves out (a Danish word).
DANISH_ONLY_VALUES = {"org.unknown_definition"}


def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_the_languages_are_the_catalogue_files() -> None:
    files = sorted(p.stem for p in (SRC / "model" / "words").glob("*.toml"))
    assert tuple(files) == LANGS
    assert {"da", "en"} <= set(LANGS)
    assert language_name("da") == "dansk"
    assert fallbacks("da") == ("da", "en")


@pytest.mark.parametrize("lang", ["da", "en"])
def test_danish_and_english_are_complete_and_agree_on_placeholders(lang: str) -> None:
    base = own_words(BASE_LANG)
    own = own_words(lang)
    assert sorted(set(base) - set(own)) == []
    assert sorted(set(own) - set(base)) == []
    wrong = {
        k: v
        for k, v in own.items()
        if _placeholders(v) != _placeholders(base[k]) and k not in DANISH_ONLY_VALUES
    }
    assert wrong == {}
    assert [k for k, v in own.items() if not v.strip() and base[k].strip()] == []


def test_every_message_id_the_code_names_is_in_the_catalogues() -> None:
    named = {key for path in SRC.rglob("*.py") for key in KEYS.findall(path.read_text())}
    assert len(named) > 200
    assert sorted(named - set(own_words(BASE_LANG))) == []


def test_every_builtin_rule_and_family_speaks_from_the_catalogues() -> None:
    for made in builtin_rules():
        assert made.messages.key == f"rule.{made.code}"
    for family in builtin_families():
        assert family.title.key == f"family.{family.prefix}.title"


SWEDISH = """\
[language]
name = "svenska"
fallback = "da"

[label]
"ProjectPhase.cancelled" = "inställt"
"Unit.items" = "st."

[severity]
warning = "varning"

[rule]
L004 = "Det strategiska samarbetet {partnership} anger ingen utvärderingsfrekvens."
"""

SCRIPT = """\
import json, sys
from importlib import resources
from samarbejde import ProjectPhase, Sector, label, validate
from samarbejde.model.words import LANGS
from samarbejde.examples import AS_OF, load
from samarbejde.report import html
p = load("opdrift")
found = validate(p, lang="sv", profiles=["all"], as_of=AS_OF).findings
print(json.dumps({
    "langs": LANGS,
    "labels": [label(ProjectPhase.CANCELLED, "sv"), label(Sector.HOUSING, "sv")],
    "messages": {f.code: f.message for f in found},
    "severity": found[0].severity.label("sv") if found else "",
    "page": len(html(p, as_of=AS_OF, lang="sv")),
}))
"""


def test_a_third_language_is_one_new_catalogue_file(tmp_path: Path) -> None:
    """A copy of the package with ``sv.toml`` added speaks Swedish, falling back to Danish."""
    copy = tmp_path / "samarbejde"
    shutil.copytree(SRC, copy, ignore=shutil.ignore_patterns("__pycache__"))
    (copy / "model" / "words" / "sv.toml").write_text(SWEDISH, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    run = subprocess.run(
        [sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, check=False
    )
    assert run.returncode == 0, run.stderr
    import json  # noqa: PLC0415

    out = json.loads(run.stdout)
    assert out["langs"] == ["da", "en", "sv"]
    assert out["labels"] == ["inställt", "almen boligorganisation"]  # the second from Danish
    assert out["page"] > 0
    messages = out["messages"]
    assert messages, "the example should have findings in the all profile"
    danish = {
        f.code: f.message
        for f in samarbejde.validate(_opdrift(), profiles=["all"], as_of=AS_OF, lang="da").findings
    }
    for code, message in messages.items():
        if code == "L004":
            assert message.startswith("Det strategiska samarbetet")
        else:
            assert message == danish[code]  # fell back to Danish
    cli = subprocess.run(
        [sys.executable, "-m", "samarbejde", "validate", "--lang", "sv", "-"],
        env=env,
        input=(SRC / "examples" / "opdrift.yaml").read_text(),
        capture_output=True,
        text=True,
        check=False,
    )
    assert "invalid choice" not in cli.stderr


def _opdrift() -> samarbejde.Portfolio:
    from samarbejde.examples import load  # noqa: PLC0415

    return load("opdrift")


def _converter() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "convert_texts", ROOT / "tools" / "convert_texts.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_converter_moves_literal_texts_and_rule_messages_to_the_catalogues() -> None:
    convert = _converter()
    catalogues: dict[str, dict[str, object]] = {"da": {}, "en": {}, "sv": {}}
    source = textwrap.dedent(
        """\
        WORDS = {"heading": Text("Overskrift", "Heading"), Sector.BUSINESS: Text("a", "b")}
        OPEN = Words(da="åben", en="open")
        same = Text("Overskrift", "Heading")

        @FAMILY.rule(
            "X001",
            "name",
            en="Partnership {partnership} is empty.",
            da="Samarbejdet {partnership} er tomt.",
            severity=Severity.INFO,
        )
        def check(ctx, part): ...
        """
    )
    out = convert.convert(source, "mine", catalogues)
    assert 'Text("mine.heading")' in out
    assert 'Text("label.Sector.business")' in out
    assert 'Words("mine.open")' in out
    assert 'same = Text("mine.same")' in out or 'same = Text("mine.heading")' in out
    assert "en=" not in out
    assert "da=" not in out
    assert "severity=Severity.INFO" in out
    assert catalogues["da"]["rule"] == {"X001": "Samarbejdet {partnership} er tomt."}
    assert catalogues["en"]["mine"]["heading"] == "Heading"  # type: ignore[index]
    assert catalogues["sv"]["mine"]["heading"] == "Heading"  # type: ignore[index]
    compile(out, "converted", "exec")
