"""A selection that matches no rule is refused: a run never checks nothing silently.

Codes are case-sensitive, as printed; ``s003`` gets a did-you-mean like any typo.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from samarbejde import Portfolio, cli, validate
from samarbejde.examples import AS_OF, text
from samarbejde.rules import RuleError, builtin_rules, select


@pytest.mark.parametrize(
    ("option", "pattern", "suggestion"),
    [
        ("select", "S03", "S003"),
        ("select", "s003", "S003"),
        ("ignore", "m004", "M004"),
        ("select", "l", "L"),
        ("select", "T0001", "T001"),
        ("ignore", "X999", None),
    ],
)
def test_a_code_or_prefix_that_names_no_rule_is_refused_with_a_suggestion(
    option: str, pattern: str, suggestion: str | None
) -> None:
    with pytest.raises(RuleError) as caught:
        validate(Portfolio(), **{option: [pattern]})  # type: ignore[arg-type]
    message = str(caught.value)
    assert f"{option} {pattern!r} matches no rule" in message
    if suggestion is None:
        assert "did you mean" not in message
    else:
        assert f"did you mean {suggestion!r}?" in message
    assert "case-sensitive" in message


def test_known_codes_and_prefixes_still_select() -> None:
    assert [r.code for r in select(builtin_rules(), select=["S003"])] == ["S003"]
    assert all(r.code.startswith("M") for r in select(builtin_rules(), select=["M"]))
    assert select(builtin_rules(), select=["L001"], profiles=["project"]) == ()


def test_the_command_line_refuses_a_selection_of_nothing_with_exit_two(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    document = tmp_path / "opdrift.yaml"
    document.write_text(text("opdrift"), encoding="utf-8")
    code = cli.main(["validate", str(document), "--select", "S03"], today=AS_OF)
    captured = capsys.readouterr()
    assert code == 2
    assert "did you mean 'S003'?" in captured.err
    assert "Traceback" not in captured.err
