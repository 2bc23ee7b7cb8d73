"""``samarbejde store``: keep every revision of a portfolio (save, log, show, export)."""

from __future__ import annotations

import argparse
import functools
from collections.abc import Callable
from typing import TYPE_CHECKING

from samarbejde.cli._command import (
    FAILURE,
    OK,
    ZONE,
    Command,
    Invocation,
    argument,
    instant,
    lang_argument,
)
from samarbejde.cli._lines import load, problem_line
from samarbejde.documents import dump
from samarbejde.model import Lang
from samarbejde.model.errors import Problem
from samarbejde.model.redaction import redact
from samarbejde.model.words import DEFAULT_LANG

if TYPE_CHECKING:
    from samarbejde.store import Revision, Store

__all__ = ["STORE"]


def _stated(run: Callable[[argparse.Namespace, Invocation], int]) -> Callable[..., int]:
    """``run``, with a store's errors said as what they are.

    Some are also ``OSError`` (busy, unavailable), which the command line would
    otherwise report as a failed write of its output.
    """

    @functools.wraps(run)
    def stated(args: argparse.Namespace, call: Invocation) -> int:
        from samarbejde.store import StoreError  # noqa: PLC0415 - only for this command

        try:
            return run(args, call)
        except StoreError as error:
            call.err.write(
                f"samarbejde: {error.say(getattr(args, 'lang', None) or DEFAULT_LANG)}\n"
            )
            return FAILURE

    return stated


def _open(args: argparse.Namespace) -> Store:
    from samarbejde import store  # noqa: PLC0415 - only for this command

    return store.open(args.store)


def _revision_line(revision: Revision, redacted: bool) -> str:
    stamp = revision.recorded_at.strftime("%Y-%m-%dT%H:%M:%SZ")
    by = "-" if redacted or revision.recorded_by is None else revision.recorded_by
    count = len(revision.changes)
    base = "" if revision.base is None else f" (from {revision.base})"
    note = f"  {revision.note}" if revision.note else ""
    return f"{revision.number}\t{stamp}\t{by}\t{count} change(s){base}{note}"


@_stated
def _save(args: argparse.Namespace, call: Invocation) -> int:
    lang: Lang = DEFAULT_LANG
    loaded, problems = load(args.file, lang)
    if loaded is None:
        for problem in problems:
            call.out.write(problem_line(args.file, problem, lang) + "\n")
        return FAILURE
    with _open(args) as registry:
        latest = registry.latest
        if latest is not None and args.base is None and not args.force:
            call.err.write(
                f"samarbejde: the store has revisions up to {latest.number}; saving without"
                " --base records the document as it is and undoes what others saved since you"
                " exported it: give --base with the revision you started from (store log lists"
                " them), or --force to record it as it is\n"
            )
            return FAILURE
        start = registry.checkout(revision=args.base if args.base is not None else None)
        if start.portfolio == loaded[0]:
            call.out.write(f"nothing changed since revision {start.number}: no revision recorded\n")
            return OK
        saved = registry.save(loaded[0], recorded_by=args.by, note=args.note, base=args.base)
        call.out.write(f"revision {saved.number}: {len(saved.changes)} change(s)\n")
    return OK


@_stated
def _log(args: argparse.Namespace, call: Invocation) -> int:
    with _open(args) as registry:
        for revision in registry.revisions(args.record):
            call.out.write(_revision_line(revision, args.redact) + "\n")
    return OK


@_stated
def _show(args: argparse.Namespace, call: Invocation) -> int:
    with _open(args) as registry:
        revision = registry.revision(args.number)
        if args.redact:
            revision = redact(revision)
        call.out.write(_revision_line(revision, args.redact) + "\n")
        for change in revision.changes:
            call.out.write(f"  {change.sentence(args.lang)}\n")
    return OK


@_stated
def _export(args: argparse.Namespace, call: Invocation) -> int:
    with _open(args) as registry:
        portfolio = registry.portfolio(args.at, revision=args.revision)
        try:
            dump(portfolio, args.target)
        except OSError as error:
            problem = Problem("", f"cannot write the file: {error.strerror or error}")
            call.out.write(problem_line(args.target, problem, DEFAULT_LANG) + "\n")
            return FAILURE
    return OK


_WHERE = argument("store", metavar="STORE", help="a file, sqlite:///FILE or postgresql://...")

STORE = Command(
    "store",
    "keep a registry: every revision of a portfolio",
    actions=(
        Command(
            "save",
            "record a document as a new revision",
            (
                _WHERE,
                argument("file", metavar="FILE", help="the document (JSON, YAML or TOML)"),
                argument("--by", required=True, help="the post or system recording it"),
                argument("--note", default="", help="why"),
                argument(
                    "--base",
                    type=int,
                    help="the revision the edit started from (needed once the store has one)",
                ),
                argument(
                    "--force",
                    action="store_true",
                    help="without --base: record the document as it is, undoing later changes",
                ),
            ),
            _save,
        ),
        Command(
            "log",
            "list the revisions",
            (
                _WHERE,
                argument("--record", help="only those that changed this path, e.g. areas[a-1]"),
                argument("--redact", action="store_true", help="leave out who recorded them"),
            ),
            _log,
        ),
        Command(
            "show",
            "say what a revision changed",
            (
                _WHERE,
                argument("number", type=int, metavar="REVISION"),
                lang_argument("the language"),
                argument("--redact", action="store_true", help="leave out personal data"),
            ),
            _show,
        ),
        Command(
            "export",
            "write the portfolio as recorded to a document",
            (
                _WHERE,
                argument("target", metavar="OUT", help="the file to write (format from suffix)"),
                argument(
                    "--at",
                    type=instant,
                    exclusive="when",
                    help=f"as recorded at this instant (ISO 8601; default zone {ZONE})",
                ),
                argument(
                    "--revision",
                    type=int,
                    exclusive="when",
                    help="as recorded in this revision",
                ),
            ),
            _export,
        ),
    ),
)
