"""``samarbejde import``: records from a workbook, CSV package or document into a portfolio.

Each incoming record is added, replaces the record with its id (only with
``--replace``), or is unchanged; the command says which, per record, and writes the
result (to ``--into`` itself unless ``-o`` is given) only when nothing was refused.
With ``--into-store`` the result is one new revision of a store instead
(:meth:`samarbejde.store.Store.import_records`: onto ``--base``, by default the latest
revision, with a store save's conflict check).
"""

from __future__ import annotations

import argparse

from samarbejde.cli._command import FAILURE, OK, Command, Invocation, argument, lang_argument
from samarbejde.cli._lines import MAX_BYTES, load, problem_line
from samarbejde.cli._sheets import dump_sheets, is_sheets
from samarbejde.documents import dump, import_records
from samarbejde.model import Lang
from samarbejde.model.errors import LoadError, Problem

__all__ = ["IMPORT"]


def _import(args: argparse.Namespace, call: Invocation) -> int:
    lang: Lang = args.lang
    if args.into_store is not None:
        return _into_store(args, call)
    if args.into is None:
        call.err.write("samarbejde: import needs --into BASE or --into-store STORE\n")
        return FAILURE
    read = []
    for file in (args.source, args.into):
        loaded, problems = load(file, lang, max_bytes=args.max_bytes)
        if loaded is None:
            for problem in problems:
                call.out.write(problem_line(file, problem, lang) + "\n")
            return FAILURE
        read.append(loaded[0])
    try:
        portfolio, outcomes = import_records(
            read[1], read[0], replace=args.replace, source=args.source
        )
    except LoadError as error:
        for problem in error.problems:
            call.out.write(problem_line(args.source, problem, lang, "IMPORT") + "\n")
        return FAILURE
    for path, outcome in outcomes:
        call.out.write(f"{outcome:<9} {path}\n")
    target = args.output or args.into
    try:
        if is_sheets(target):
            dump_sheets(portfolio, target, lang)
        else:
            dump(portfolio, target)
    except (OSError, LoadError) as error:
        problem = Problem("", f"cannot write the file: {error}")
        call.out.write(problem_line(target, problem, lang, "WRITE") + "\n")
        return FAILURE
    return OK


def _into_store(args: argparse.Namespace, call: Invocation) -> int:
    from samarbejde import store  # noqa: PLC0415 - only for this command
    from samarbejde.store import StoreError  # noqa: PLC0415

    lang: Lang = args.lang
    if args.by is None:
        call.err.write("samarbejde: --into-store needs --by, the post or system recording it\n")
        return FAILURE
    loaded, problems = load(args.source, lang, max_bytes=args.max_bytes)
    if loaded is None:
        for problem in problems:
            call.out.write(problem_line(args.source, problem, lang) + "\n")
        return FAILURE
    try:
        with store.open(args.into_store) as registry:
            saved, outcomes = registry.import_records(
                loaded[0],
                recorded_by=args.by,
                note=args.note,
                base=args.base,
                replace=args.replace,
                source=args.source,
            )
    except LoadError as error:
        for problem in error.problems:
            call.out.write(problem_line(args.source, problem, lang, "IMPORT") + "\n")
        return FAILURE
    except StoreError as error:
        call.err.write(f"samarbejde: {error.say(lang)}\n")
        return FAILURE
    for path, outcome in outcomes:
        call.out.write(f"{outcome:<9} {path}\n")
    if saved is None:
        call.out.write("nothing changed: no revision recorded\n")
    else:
        call.out.write(f"revision {saved.number}: {len(saved.changes)} change(s)\n")
    return OK


IMPORT = Command(
    "import",
    "import the records of a workbook, CSV folder or document into a portfolio",
    (
        argument("source", metavar="IN", help="the .xlsx file, CSV folder or document to import"),
        argument("--into", metavar="BASE", exclusive="into", help="the portfolio to import into"),
        argument(
            "--into-store",
            metavar="STORE",
            exclusive="into",
            help="or a store (a file, sqlite:///FILE or postgresql://...): one new revision",
        ),
        argument("--by", help="with --into-store: the post or system recording it"),
        argument("--note", default="", help="with --into-store: why"),
        argument(
            "--base",
            type=int,
            help="with --into-store: the revision to import onto (default: the latest)",
        ),
        argument("--replace", action="store_true", help="let records replace those with their ids"),
        argument("-o", "--output", metavar="OUT", help="where to write (default: BASE itself)"),
        lang_argument("headers of a workbook OUT"),
        MAX_BYTES,
    ),
    _import,
)
