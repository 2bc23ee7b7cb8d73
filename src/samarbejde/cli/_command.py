"""A subcommand as a record (name, help, arguments, run) and the parser a table of them builds."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Mapping, Sequence
from types import MappingProxyType
from typing import Any, TextIO

import attrs
import pendulum

from samarbejde.model.words import DEFAULT_LANG, LANGS, Lang

__all__ = [
    "FAILURE",
    "FINDINGS",
    "FORMATS",
    "OK",
    "STDIO",
    "ZONE",
    "Argument",
    "Command",
    "Invocation",
    "Run",
    "UsageError",
    "argument",
    "codes",
    "date",
    "instant",
    "parser",
]

#: The exit codes: no error findings, error findings, a file or the arguments are wrong.
OK, FINDINGS, FAILURE = 0, 1, 2
#: Where "today" is, when the command reads the clock.
ZONE = "Europe/Copenhagen"
#: The file name that means standard input (to read) or standard output (to write).
STDIO = "-"
#: The document formats ``--from`` and ``--to`` name.
FORMATS = ("json", "yaml", "toml")


class UsageError(Exception):
    """The arguments are wrong; the message is the usage and what is wrong."""


class _Parser(argparse.ArgumentParser):
    """An argument parser that raises instead of exiting, so ``main`` returns a code."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(self.format_usage() + f"{self.prog}: error: {message}")


@attrs.frozen
class Invocation:
    """What a command runs with besides its arguments.

    Attributes:
        out: Where the output goes (standard output).
        err: Where messages go (standard error).
        stdin: What ``-`` reads (standard input); ``None`` when it is closed (``<&-``).
        today: The day that stands for today, given to ``main`` by tests.
    """

    out: TextIO
    err: TextIO
    stdin: TextIO | None
    today: pendulum.Date | None = None

    def day(self, given: pendulum.Date | None) -> pendulum.Date:
        """``given``, else :attr:`today`, else today in Europe/Copenhagen (the clock)."""
        return given or self.today or pendulum.today(ZONE).date()


#: What a command does: its parsed arguments and invocation in, its exit code out.
Run = Callable[[argparse.Namespace, Invocation], int]


@attrs.frozen
class Argument:
    """One argument of a command, as given to ``ArgumentParser.add_argument``.

    Attributes:
        names: The name (a positional) or the flags, e.g. ``("-o", "--output")``.
        options: The keyword arguments of ``add_argument`` (``help``, ``choices`` ...).
        exclusive: Arguments of one command with the same name here exclude each other.
    """

    names: tuple[str, ...]
    options: Mapping[str, Any] = MappingProxyType({})
    exclusive: str | None = None


#: The environment variable that sets the command line's language (``da``, ``en`` ...).
LANG_VARIABLE = "SAMARBEJDE_LANG"


def lang_argument(what: str) -> Argument:
    """``--lang``: one of the catalogues' languages, by default ``$SAMARBEJDE_LANG``.

    The default is resolved when the command runs (:func:`cli_lang`).
    """
    return argument(
        "--lang",
        choices=LANGS,
        default=None,
        help=f"{what} (default: ${LANG_VARIABLE}, else {DEFAULT_LANG})",
    )


def cli_lang(given: str | None, environ: Mapping[str, str]) -> Lang:
    """The language a command speaks: ``--lang``, else ``$SAMARBEJDE_LANG``, else the default.

    Raises:
        UsageError: ``$SAMARBEJDE_LANG`` names no language the package speaks.

    >>> cli_lang(None, {"SAMARBEJDE_LANG": "en"}), cli_lang("da", {}), cli_lang(None, {})
    ('en', 'da', 'en')
    """
    if given is not None:
        return given
    chosen = environ.get(LANG_VARIABLE, "").strip()
    if not chosen:
        return DEFAULT_LANG
    if chosen not in LANGS:
        known = ", ".join(LANGS)
        raise UsageError(f"samarbejde: {LANG_VARIABLE}={chosen!r} is not a language; use {known}")
    return chosen


def argument(*names: str, exclusive: str | None = None, **options: Any) -> Argument:
    """An :class:`Argument`, written as a call of ``add_argument`` is."""
    return Argument(names, MappingProxyType(options), exclusive)


@attrs.frozen
class Command:
    """A subcommand: ``samarbejde NAME ARGUMENTS``, or a group of them (``store``).

    Attributes:
        name: The subcommand's name.
        help: Its line in the help of the command above it.
        arguments: Its arguments, in the order the help lists them.
        run: What it does; ``None`` for a group.
        actions: A group's subcommands (``samarbejde store save``), chosen as ACTION.
    """

    name: str
    help: str
    arguments: tuple[Argument, ...] = ()
    run: Run | None = None
    actions: tuple[Command, ...] = ()

    def __attrs_post_init__(self) -> None:
        if (self.run is None) == (not self.actions):
            raise ValueError(f"command {self.name!r}: give it either a run or actions")


def parser(commands: Sequence[Command]) -> argparse.ArgumentParser:
    """The argument parser of ``samarbejde`` with ``commands``.

    The parsed arguments hold the chosen command's :attr:`Command.run` as ``run``; a
    wrong argument raises :class:`UsageError`.
    """
    top = _Parser(
        prog="samarbejde",
        description="Check and convert descriptions of partnerships in Danish housing areas.",
    )
    _add(top, commands, dest="command", metavar="COMMAND")
    return top


def _add(
    above: argparse.ArgumentParser, commands: Sequence[Command], *, dest: str, metavar: str
) -> None:
    choices = above.add_subparsers(dest=dest, metavar=metavar, parser_class=_Parser)
    choices.required = True
    for command in commands:
        one = choices.add_parser(command.name, help=command.help)
        groups: dict[str, argparse._MutuallyExclusiveGroup] = {}
        for arg in command.arguments:
            if arg.exclusive is None:
                one.add_argument(*arg.names, **arg.options)
            else:
                group = groups.get(arg.exclusive) or one.add_mutually_exclusive_group()
                groups[arg.exclusive] = group
                group.add_argument(*arg.names, **arg.options)
        if command.actions:
            _add(one, command.actions, dest="action", metavar="ACTION")
        else:
            one.set_defaults(run=command.run)


# -- argument types ----------------------------------------------------------------


def date(text: str) -> pendulum.Date:
    """A calendar day, ``YYYY-MM-DD``."""
    try:
        parsed = pendulum.parse(text, exact=True)
    except (ValueError, TypeError) as error:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from error
    if not isinstance(parsed, pendulum.Date) or isinstance(parsed, pendulum.DateTime):
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}")
    return parsed


def codes(text: str) -> list[str]:
    """Comma-separated rule codes or prefixes."""
    return [part.strip() for part in text.split(",") if part.strip()]


def instant(text: str) -> pendulum.DateTime:
    """An ISO 8601 date and time, in Europe/Copenhagen unless it names its zone."""
    try:
        parsed = pendulum.parse(text, tz=ZONE)
    except (ValueError, TypeError) as error:
        raise argparse.ArgumentTypeError(f"not a date and time (ISO 8601): {text!r}") from error
    if not isinstance(parsed, pendulum.DateTime):
        raise argparse.ArgumentTypeError(f"not a date and time (ISO 8601): {text!r}")
    return parsed
