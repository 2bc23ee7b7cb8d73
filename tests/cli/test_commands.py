"""The table of subcommands: it builds the parser and dispatches, and each command is tested."""

from __future__ import annotations

import argparse
import ast
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from samarbejde import cli
from samarbejde.cli._command import OK, Command, Invocation, argument, parser

TESTS = Path(__file__).parent.parent


def paths(commands: Sequence[Command], above: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    """Every command of the table by its words, ``("store", "save")``, groups included."""
    for command in commands:
        yield (*above, command.name)
        yield from paths(command.actions, (*above, command.name))


def parser_paths(
    parsed: argparse.ArgumentParser, above: tuple[str, ...] = ()
) -> Iterator[tuple[str, ...]]:
    """Every subcommand the argument parser knows, read from argparse itself."""
    for action in parsed._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield (*above, name)
                yield from parser_paths(sub, (*above, name))


ALL = list(paths(cli.COMMANDS))


def test_every_subcommand_of_the_parser_is_in_the_table() -> None:
    assert sorted(parser_paths(parser(cli.COMMANDS))) == sorted(ALL)
    assert [c.name for c in cli.COMMANDS] == [
        "validate",
        "schema",
        "convert",
        "rules",
        "example",
        "export",
        "store",
        "report",
        "template",
        "import",
    ]


@pytest.mark.parametrize("words", ALL, ids=" ".join)
def test_every_command_has_help_that_exits_0(
    capsys: pytest.CaptureFixture[str], words: tuple[str, ...]
) -> None:
    assert cli.main([*words, "--help"]) == OK
    out, err = capsys.readouterr()
    assert out.startswith(f"usage: samarbejde {' '.join(words)} [-h]")
    assert err == ""


def called_with() -> set[tuple[str, ...]]:
    """The leading string arguments of every call in the tests, e.g. ``("store", "log")``."""
    found: set[tuple[str, ...]] = set()
    for file in TESTS.rglob("test_*.py"):
        for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            given = [*node.args]
            given = [e for a in given for e in (a.elts if isinstance(a, ast.List) else [a])]
            words = [a.value for a in given if isinstance(a, ast.Constant)]
            if words and all(isinstance(w, str) for w in words) and "--help" not in words:
                found.add(tuple(words))
    return found


@pytest.mark.parametrize("words", ALL, ids=" ".join)
def test_every_command_is_run_by_a_test(words: tuple[str, ...]) -> None:
    runs = called_with()
    assert any(call[: len(words)] == words for call in runs), (
        f"no test runs `samarbejde {' '.join(words)}`: add one under tests/cli"
    )


def test_a_command_added_to_the_table_is_offered_and_dispatched(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def greet(args: argparse.Namespace, call: Invocation) -> int:
        call.out.write(f"hej {args.name}\n")
        return 7

    hello = Command("hello", "say hello", (argument("name", help="who"),), greet)
    monkeypatch.setattr(cli, "COMMANDS", (*cli.COMMANDS, hello))
    assert cli.main(["hello", "verden"]) == 7
    assert capsys.readouterr().out == "hej verden\n"
    assert cli.main(["--help"]) == OK
    assert "    hello     say hello\n" in capsys.readouterr().out


def test_a_command_either_runs_or_groups_actions() -> None:
    def run(args: argparse.Namespace, call: Invocation) -> int:
        return OK

    with pytest.raises(ValueError, match="'empty': give it either a run or actions"):
        Command("empty", "nothing")
    leaf = Command("leaf", "a leaf", run=run)
    with pytest.raises(ValueError, match="'both': give it either a run or actions"):
        Command("both", "both", run=run, actions=(leaf,))


def test_arguments_marked_exclusive_exclude_each_other(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert cli.main(["store", "export", "r.db", "o.yaml", "--at", "2026-01-01", "--revision", "1"])
    assert "not allowed with argument --at" in capsys.readouterr().err
