"""The ``samarbejde`` command: validate, schema, convert, rules, example, export, store, report.

This is the only place that reads the clock: ``validate --as-of`` defaults to today
in Europe/Copenhagen (``store save`` records the revision when it is saved; the store reads
that time). Output is in linter form, ``FILE:LINE:COL: CODE severity: message``.
Exit codes: 0 no error findings, 1 error findings, 2 a file could not be loaded or the
arguments are wrong. The command never shows a traceback.

Each subcommand is one :class:`~samarbejde.cli._command.Command` record (name, help,
arguments, run) in :data:`COMMANDS`, which builds the parser and dispatches: adding a
command is adding a record there.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import os
import sys
from collections.abc import Iterator, Sequence
from typing import TextIO

import pendulum

from samarbejde.cli._command import (
    FAILURE,
    OK,
    Command,
    Invocation,
    Run,
    UsageError,
    cli_lang,
    parser,
)
from samarbejde.cli._documents import CONVERT, EXAMPLE, RULES, SCHEMA
from samarbejde.cli._export import EXPORT
from samarbejde.cli._import import IMPORT
from samarbejde.cli._output import forgiving
from samarbejde.cli._report import REPORT
from samarbejde.cli._sheets import TEMPLATE
from samarbejde.cli._store import STORE
from samarbejde.cli._validate import VALIDATE
from samarbejde.model.errors import SamarbejdeError
from samarbejde.model.words import DEFAULT_LANG

__all__ = ["main"]

#: The subcommands, in the order ``samarbejde --help`` lists them.
COMMANDS: tuple[Command, ...] = (
    VALIDATE,
    SCHEMA,
    CONVERT,
    RULES,
    EXAMPLE,
    EXPORT,
    STORE,
    REPORT,
    TEMPLATE,
    IMPORT,
)


def main(argv: Sequence[str] | None = None, *, today: pendulum.Date | None = None) -> int:
    """Run the command line and return its exit code.

    Args:
        argv: The arguments, without the program name (default: ``sys.argv[1:]``).
        today: The day ``validate`` judges by when ``--as-of`` is not given (default:
            today in Europe/Copenhagen). For tests.

    Returns:
        0 without error findings, 1 with error findings, 2 when a file cannot be
        loaded or the arguments are wrong.
    """
    out, err, stdin = sys.stdout, sys.stderr, sys.stdin
    if err is None:  # standard error closed: nothing can be said, so say it nowhere
        err = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - lives as long as main
    try:
        args = parser(COMMANDS).parse_args(sys.argv[1:] if argv is None else list(argv))
        if "lang" in vars(args):
            args.lang = cli_lang(args.lang, os.environ)
    except UsageError as error:
        err.write(f"{error}\n")
        return FAILURE
    except SystemExit as exit_:  # --help and --version print and exit
        return int(exit_.code or 0)
    if out is None:  # started with standard output closed (``>&-``)
        err.write("samarbejde: cannot write the output: standard output is closed\n")
        return FAILURE
    with forgiving(out, err):
        return _guarded(args.run, args, Invocation(out, err, stdin, today))


def _guarded(run: Run, args: argparse.Namespace, call: Invocation) -> int:
    """Run a command; every failure becomes a message on ``err`` and an exit code."""
    out, err = call.out, call.err
    try:
        with _collector_paused():
            status = run(args, call)
        out.flush()
    except BrokenPipeError:  # the reader went away (``| head``): stop quietly
        _silence(out)
        return OK
    except OSError as error:  # a full disk (ENOSPC), a closed descriptor (EBADF) ...
        _silence(out)
        err.write(f"samarbejde: cannot write the output: {error.strerror or error}\n")
        return FAILURE
    except SamarbejdeError as error:
        err.write(f"samarbejde: {error.say(getattr(args, 'lang', None) or DEFAULT_LANG)}\n")
        return FAILURE
    except Exception as error:  # the command line never shows a traceback
        err.write(f"samarbejde: internal error ({type(error).__name__}): {error}\n")
        return FAILURE
    return status


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector for one command, as a program owning its process may.

    A command builds a portfolio of many records and keeps it to the end; the collector's
    passes over that growing heap cost about as much as reading the locations of every
    finding (design decision D103). The records are trees: reference counting frees
    them. The library itself never touches the collector (D65); the command line runs
    the whole process, and restores the collector as it found it.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _silence(out: TextIO) -> None:
    """Point ``out`` at the null device, so the interpreter's last flush cannot fail."""
    try:
        descriptor = out.fileno()
    except (OSError, ValueError):  # not backed by a descriptor (a test's StringIO)
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, descriptor)
    os.close(devnull)
