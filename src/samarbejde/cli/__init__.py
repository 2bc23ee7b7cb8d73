"""The ``samarbejde`` command: validate, schema, convert, rules, example, export, store, report.

This is the only place that reads the clock: ``validate --as-of`` defaults to today
in Europe/Copenhagen (``store save`` records the revision when it is saved; the store reads
that time). Output is in linter form, ``FILE:LINE:COL: CODE severity: message``.
Exit codes: 0 no error findings, 1 error findings, 2 a file could not be loaded or the
arguments are wrong. The command never shows a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

import pendulum

import samarbejde
from samarbejde import interop
from samarbejde.documents import (
    Format,
    SourceMap,
    dump,
    dumps,
    json_schema,
    load_located,
    loads_located,
)
from samarbejde.examples import names as example_names
from samarbejde.examples import text as example_text
from samarbejde.model import LANGS, Lang, Text
from samarbejde.model.errors import LoadError, Problem, SamarbejdeError
from samarbejde.model.iso import write_date
from samarbejde.model.portfolio import Portfolio
from samarbejde.model.redaction import redact
from samarbejde.rules import (
    PROFILES,
    Finding,
    Report,
    builtin_rules,
    catalogue_markdown,
    plugin_rules,
    sarif_log,
    select,
    validate,
)

if TYPE_CHECKING:
    from samarbejde.store import Revision

__all__ = ["main"]

OK, FINDINGS, FAILURE = 0, 1, 2
ZONE = "Europe/Copenhagen"
#: The file name that means standard input (to read) or standard output (to write).
STDIO = "-"
_FORMATS = ("json", "yaml", "toml")

_SUMMARY = Text(
    da="{files} fil(er){unloaded}: {error} fejl, {warning} advarsel(er), {info} bemærkning(er).",
    en="{files} file(s){unloaded}: {error} error(s), {warning} warning(s), {info} info.",
)
_UNLOADED = Text(da=", {count} ikke indlæst", en=", {count} not loaded")
_LOAD = Text(da="fejl", en="error")
_UNREADABLE = Text(da="kan ikke læse filen: {reason}", en="cannot read the file: {reason}")
_BROKEN = Text(
    da="intern fejl under kontrollen: {reason}",
    en="internal error while validating: {reason}",
)


class _Parser(argparse.ArgumentParser):
    """An argument parser that raises instead of exiting, so ``main`` returns a code."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise _UsageError(self.format_usage() + f"{self.prog}: error: {message}")


class _UsageError(Exception):
    pass


def _date(text: str) -> pendulum.Date:
    try:
        parsed = pendulum.parse(text, exact=True)
    except (ValueError, TypeError) as error:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from error
    if not isinstance(parsed, pendulum.Date) or isinstance(parsed, pendulum.DateTime):
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}")
    return parsed


def _codes(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def _parser() -> _Parser:
    parser = _Parser(
        prog="samarbejde",
        description="Check and convert descriptions of partnerships in Danish housing areas.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    commands.required = True

    check = commands.add_parser("validate", help="check documents against the rules")
    check.add_argument(
        "files", nargs="+", metavar="FILE", help="JSON, YAML or TOML documents; - reads stdin"
    )
    check.add_argument(
        "--from", choices=_FORMATS, dest="source_format", help="the format of - (and of FILEs)"
    )
    check.add_argument(
        "--as-of", type=_date, default=None, help=f"the day to judge by (default: today, {ZONE})"
    )
    check.add_argument(
        "--profile",
        action="append",
        choices=PROFILES,
        help="rule profile; repeat for several (default: all)",
    )
    check.add_argument(
        "--select", type=_codes, action="append", default=[], help="codes or prefixes to keep"
    )
    check.add_argument(
        "--ignore", type=_codes, action="append", default=[], help="codes or prefixes to drop"
    )
    check.add_argument("--lang", choices=LANGS, default="en", help="message language")
    check.add_argument(
        "--format",
        choices=("text", "json", "sarif"),
        default="text",
        dest="output",
        help="text (linter lines), json, or sarif (SARIF 2.1.0, for code scanning)",
    )

    commands.add_parser("schema", help="print the JSON Schema of the document format")

    convert = commands.add_parser("convert", help="convert a document between formats")
    convert.add_argument("source", metavar="IN", help="the document to read; - reads stdin")
    convert.add_argument(
        "target", metavar="OUT", help="the file to write (format from suffix); - writes stdout"
    )
    convert.add_argument(
        "--from", choices=_FORMATS, dest="source_format", help="the format of IN (needed for -)"
    )
    convert.add_argument(
        "--to", choices=_FORMATS, dest="target_format", help="the format of OUT (needed for -)"
    )

    catalogue = commands.add_parser("rules", help="list the rule catalogue")
    catalogue.add_argument("--lang", choices=LANGS, default="en")
    catalogue.add_argument("--profile", action="append", choices=PROFILES)
    catalogue.add_argument("--format", choices=("text", "markdown"), default="text", dest="output")

    example = commands.add_parser("example", help="print a bundled example document")
    example.add_argument("name", nargs="?", help="the example (omit to list them)")
    _add_export(commands)
    _store_parser(commands)
    _add_report(commands)
    return parser


def _where(file: str, line: int | None, column: int | None) -> str:
    return f"{file}:{line}:{column or 1}:" if line is not None else f"{file}:"


_RELATED = Text(da="se også", en="see also")


def _finding_line(file: str, finding: Finding, lang: Lang) -> str:
    where = _where(file, finding.line, finding.column)
    tail = "" if finding.line is not None else f" [{finding.path}]"
    lines = [f"{where} {finding.code} {finding.severity.label(lang)}: {finding.message}{tail}"]
    for related in finding.related:
        at = _where(file, related.line, related.column)
        note = f" {related.note}" if related.note else ""
        lines.append(f"    {at} {_RELATED.pick(lang)}:{note} [{related.path}]")
    return "\n".join(lines)


def _problem_line(file: str, problem: Problem, lang: Lang, kind: str = "LOAD") -> str:
    where = _where(file, problem.line, problem.column)
    at = f" [{problem.path}]" if problem.path else ""
    return f"{where} {kind} {_LOAD.pick(lang)}: {problem.message}{at}"


_NEEDS_FORMAT = Text(
    da="standard input (-) kræver --from json, yaml eller toml",
    en="reading standard input (-) needs --from json, yaml or toml",
)


def _load(
    file: str, lang: Lang, fmt: Format | None = None, stdin: TextIO | None = None
) -> tuple[tuple[Portfolio, SourceMap] | None, list[Problem]]:
    try:
        if file == STDIO:
            if fmt is None:
                return None, [Problem("", _NEEDS_FORMAT.pick(lang))]
            data = (stdin or sys.stdin).buffer.read()
            return loads_located(data, fmt, source="<stdin>"), []
        return load_located(file, format=fmt), []
    except LoadError as error:
        return None, list(error.problems)
    except OSError as error:
        reason = error.strerror or str(error)
        return None, [Problem("", _UNREADABLE.format(lang, reason=reason))]


def _validate(
    args: argparse.Namespace, today: pendulum.Date | None, out: TextIO, stdin: TextIO
) -> int:
    lang: Lang = args.lang
    as_of = args.as_of or today or pendulum.today(ZONE).date()
    profiles = args.profile or ["all"]
    chosen = [code for group in args.select for code in group]
    dropped = [code for group in args.ignore for code in group]
    rules = select(
        (*builtin_rules(), *plugin_rules()), profiles=profiles, select=chosen, ignore=dropped
    )
    results: list[dict[str, object]] = []
    reports: list[tuple[str, Report]] = []
    failed: list[str] = []
    lines: list[str] = []
    totals = {"error": 0, "warning": 0, "info": 0}
    status = OK
    unloaded = 0
    for file in args.files:
        loaded, problems = _load(file, lang, args.source_format, stdin)
        if loaded is None:
            status = FAILURE
            unloaded += 1
            failed.append(file)
            lines += [_problem_line(file, p, lang) for p in problems]
            shown = [_as_dict(p) for p in problems]
            results.append({"file": file, "loaded": False, "problems": shown})
            continue
        portfolio, sources = loaded
        try:
            report: Report = validate(
                portfolio, as_of=as_of, lang=lang, rules=rules, sources=sources
            )
        except Exception as error:  # one file's failure never hides the others' findings
            status = FAILURE
            reason = f"{type(error).__name__}: {error}"
            problem = Problem("", _BROKEN.format(lang, reason=reason))
            lines.append(_problem_line(file, problem, lang))
            results.append({"file": file, "loaded": True, "problems": [_as_dict(problem)]})
            continue
        lines += [_finding_line(file, f, lang) for f in report]
        reports.append((file, report))
        for severity, count in report.counts.items():
            totals[severity] += count
        if not report.ok and status == OK:
            status = FINDINGS
        results.append({"file": file, "loaded": True, **report.to_dict()})
    if args.output == "json":
        document = {"ok": status == OK, "as_of": write_date(as_of), "files": results}
        out.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    elif args.output == "sarif":
        log = sarif_log(reports, rules, version=samarbejde.__version__, unloaded=failed)
        out.write(json.dumps(log, ensure_ascii=False, indent=2) + "\n")
    else:
        for line in lines:
            out.write(line + "\n")
        not_loaded = _UNLOADED.format(lang, count=unloaded) if unloaded else ""
        out.write(
            _SUMMARY.format(lang, files=len(args.files), unloaded=not_loaded, **totals) + "\n"
        )
    return status


def _as_dict(problem: Problem) -> dict[str, object]:
    return {
        "path": problem.path,
        "message": problem.message,
        "line": problem.line,
        "column": problem.column,
    }


def _convert(args: argparse.Namespace, out: TextIO, stdin: TextIO) -> int:
    lang: Lang = "en"
    loaded, problems = _load(args.source, lang, args.source_format, stdin)
    if loaded is None:
        for problem in problems:
            out.write(_problem_line(args.source, problem, lang) + "\n")
        return FAILURE
    if args.target == STDIO:
        if args.target_format is None:
            problem = Problem("", "writing standard output (-) needs --to json, yaml or toml")
            out.write(_problem_line(args.target, problem, lang, "WRITE") + "\n")
            return FAILURE
        out.write(dumps(loaded[0], args.target_format))
        return OK
    try:
        dump(loaded[0], args.target, format=args.target_format)
    except LoadError as error:
        for problem in error.problems:
            out.write(_problem_line(args.target, problem, lang, "WRITE") + "\n")
        return FAILURE
    except OSError as error:
        problem = Problem("", f"cannot write the file: {error.strerror or error}")
        out.write(_problem_line(args.target, problem, lang) + "\n")
        return FAILURE
    return OK


def _rules(args: argparse.Namespace, out: TextIO) -> int:
    lang: Lang = args.lang
    chosen = select((*builtin_rules(), *plugin_rules()), profiles=args.profile or ["all"])
    if args.output == "markdown":
        out.write(catalogue_markdown(chosen, lang))
        return OK
    for r in chosen:
        profiles = ",".join(p for p in PROFILES if p in r.profiles)
        out.write(f"{r.code}  {r.severity.label(lang):<10} {profiles:<34} {r.name}\n")
    return OK


def _example(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if args.name is None:
        for name in example_names():
            out.write(name + "\n")
        return OK
    try:
        out.write(example_text(args.name))
    except KeyError as error:
        err.write(f"samarbejde: {error.args[0]}\n")
        return FAILURE
    return OK


def _add_report(commands: argparse._SubParsersAction[_Parser]) -> None:
    report = commands.add_parser(
        "report", help="write one self-contained HTML page about the documents, for people"
    )
    report.add_argument("files", nargs="+", metavar="FILE", help="JSON, YAML or TOML documents")
    report.add_argument("--as-of", type=_date, required=True, help="the day the report is about")
    report.add_argument(
        "--lang", choices=("da", "en"), default="da", help="the page's language (default: da)"
    )
    report.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        default=None,
        help="the HTML file to write (default: stdout)",
    )


def _report(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from samarbejde.report import Document, page  # noqa: PLC0415 - only this command needs it

    lang: Lang = args.lang
    documents = []
    status = OK
    for file in args.files:
        loaded, problems = _load(file, lang)
        if loaded is None:
            status = FAILURE
            for problem in problems:
                err.write(_problem_line(file, problem, lang) + "\n")
            continue
        documents.append(Document(loaded[0], file=file, sources=loaded[1]))
    if status != OK:
        return status
    text = page(documents, as_of=args.as_of, lang=lang)
    if args.output is None:
        out.write(text)
        return OK
    try:
        with open(args.output, "w", encoding="utf-8") as target:
            target.write(text)
    except OSError as error:
        problem = Problem("", f"cannot write the file: {error.strerror or error}")
        err.write(_problem_line(args.output, problem, lang) + "\n")
        return FAILURE
    return OK


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
        args = _parser().parse_args(sys.argv[1:] if argv is None else list(argv))
    except _UsageError as error:
        err.write(f"{error}\n")
        return FAILURE
    except SystemExit as exit_:  # --help and --version print and exit
        return int(exit_.code or 0)
    if out is None:  # started with standard output closed (``>&-``)
        err.write("samarbejde: cannot write the output: standard output is closed\n")
        return FAILURE
    return _guarded(args, today, out, err, stdin)


def _guarded(
    args: argparse.Namespace,
    today: pendulum.Date | None,
    out: TextIO,
    err: TextIO,
    stdin: TextIO,
) -> int:
    """Run a command; every failure becomes a message on ``err`` and an exit code."""
    try:
        status = _run(args, today, out, err, stdin)
        out.flush()
    except BrokenPipeError:  # the reader went away (``| head``): stop quietly
        _silence(out)
        return OK
    except OSError as error:  # a full disk (ENOSPC), a closed descriptor (EBADF) ...
        _silence(out)
        err.write(f"samarbejde: cannot write the output: {error.strerror or error}\n")
        return FAILURE
    except SamarbejdeError as error:
        err.write(f"samarbejde: {error}\n")
        return FAILURE
    except Exception as error:  # the command line never shows a traceback
        err.write(f"samarbejde: internal error ({type(error).__name__}): {error}\n")
        return FAILURE
    return status


def _silence(out: TextIO) -> None:
    """Point ``out`` at the null device, so the interpreter's last flush cannot fail."""
    try:
        descriptor = out.fileno()
    except (OSError, ValueError):  # not backed by a descriptor (a test's StringIO)
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, descriptor)
    os.close(devnull)


def _run(  # noqa: PLR0911 - one return per command
    args: argparse.Namespace,
    today: pendulum.Date | None,
    out: TextIO,
    err: TextIO,
    stdin: TextIO,
) -> int:
    if args.command == "validate":
        return _validate(args, today, out, stdin)
    if args.command == "schema":
        out.write(json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n")
        return OK
    if args.command == "convert":
        return _convert(args, out, stdin)
    if args.command == "rules":
        return _rules(args, out)
    if args.command == "export":
        return _export(args, today, out, err)
    if args.command == "store":
        return _store(args, out)
    if args.command == "report":
        return _report(args, out, err)
    return _example(args, out, err)


# -- export: one target of samarbejde.interop.EXPORTERS -------------------------------


def _either(words: Sequence[str]) -> str:
    """``a``, ``a or b``, ``a, b or c``."""
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]


def _add_export(commands: argparse._SubParsersAction[_Parser]) -> None:
    exporters = interop.EXPORTERS  # read when the parser is built: the table is the choices
    titles = [exporter.title for exporter in exporters]
    dated = "/".join(exporter.name for exporter in exporters if exporter.needs_as_of)
    export = commands.add_parser("export", help=f"export a document as {_either(titles)}")
    export.add_argument("file", metavar="FILE", help="the document to read")
    export.add_argument(
        "--to", required=True, choices=[e.name for e in exporters], help="the target standard"
    )
    export.add_argument("-o", "--output", metavar="OUT", help="the file to write (default: stdout)")
    export.add_argument(
        "--as-of",
        type=_date,
        default=None,
        help=f"export the portfolio as recorded on this day ({dated} default: today, {ZONE})",
    )


def _export(args: argparse.Namespace, today: pendulum.Date | None, out: TextIO, err: TextIO) -> int:
    loaded, problems = _load(args.file, "en")
    if loaded is None:
        for problem in problems:
            err.write(_problem_line(args.file, problem, "en") + "\n")
        return FAILURE
    exporter = next(e for e in interop.EXPORTERS if e.name == args.to)
    as_of = args.as_of
    if exporter.needs_as_of:
        as_of = as_of or today or pendulum.today(ZONE).date()
    try:
        export = exporter.write(loaded[0], as_of=as_of)
    except interop.InteropError as error:
        err.write(f"samarbejde: {error}\n{interop.summary(error.omitted)}\n")
        return FAILURE
    if args.output is None:
        out.write(export.document)
    else:
        try:
            with open(args.output, "w", encoding="utf-8") as target:
                target.write(export.document)
        except OSError as error:
            err.write(f"samarbejde: cannot write {args.output}: {error.strerror or error}\n")
            return FAILURE
    err.write(f"export to {args.to}: {interop.summary(export.omitted)}\n")
    return OK


# -- samarbejde store ----------------------------------------------------------------


def _instant(text: str) -> pendulum.DateTime:
    try:
        parsed = pendulum.parse(text, tz=ZONE)
    except (ValueError, TypeError) as error:
        raise argparse.ArgumentTypeError(f"not a date and time (ISO 8601): {text!r}") from error
    if not isinstance(parsed, pendulum.DateTime):
        raise argparse.ArgumentTypeError(f"not a date and time (ISO 8601): {text!r}")
    return parsed


def _store_parser(commands: argparse._SubParsersAction[_Parser]) -> None:
    store = commands.add_parser("store", help="keep a registry: every revision of a portfolio")
    actions = store.add_subparsers(dest="action", metavar="ACTION", parser_class=_Parser)
    actions.required = True
    where = {"metavar": "STORE", "help": "a file, sqlite:///FILE or postgresql://..."}

    save = actions.add_parser("save", help="record a document as a new revision")
    save.add_argument("store", **where)  # type: ignore[arg-type]
    save.add_argument("file", metavar="FILE", help="the document (JSON, YAML or TOML)")
    save.add_argument("--by", required=True, help="the post or system recording it")
    save.add_argument("--note", default="", help="why")
    save.add_argument("--base", type=int, help="the revision the edit started from")

    log = actions.add_parser("log", help="list the revisions")
    log.add_argument("store", **where)  # type: ignore[arg-type]
    log.add_argument("--record", help="only those that changed this path, e.g. areas[a-1]")
    log.add_argument("--redact", action="store_true", help="leave out who recorded them")

    show = actions.add_parser("show", help="say what a revision changed")
    show.add_argument("store", **where)  # type: ignore[arg-type]
    show.add_argument("number", type=int, metavar="REVISION")
    show.add_argument("--lang", choices=("da", "en"), default="en")
    show.add_argument("--redact", action="store_true", help="leave out personal data")

    export = actions.add_parser("export", help="write the portfolio as recorded to a document")
    export.add_argument("store", **where)  # type: ignore[arg-type]
    export.add_argument("target", metavar="OUT", help="the file to write (format from suffix)")
    when = export.add_mutually_exclusive_group()
    when.add_argument(
        "--at", type=_instant, help=f"as recorded at this instant (ISO 8601; default zone {ZONE})"
    )
    when.add_argument("--revision", type=int, help="as recorded in this revision")


def _revision_line(revision: Revision, redacted: bool) -> str:
    stamp = revision.recorded_at.strftime("%Y-%m-%dT%H:%M:%SZ")
    by = "-" if redacted or revision.recorded_by is None else revision.recorded_by
    count = len(revision.changes)
    base = "" if revision.base is None else f" (from {revision.base})"
    note = f"  {revision.note}" if revision.note else ""
    return f"{revision.number}\t{stamp}\t{by}\t{count} change(s){base}{note}"


def _store(args: argparse.Namespace, out: TextIO) -> int:
    from samarbejde import store as stores  # noqa: PLC0415 - only for this command

    lang: Lang = getattr(args, "lang", "en")
    document: Portfolio | None = None
    if args.action == "save":
        loaded, problems = _load(args.file, lang)
        if loaded is None:
            for problem in problems:
                out.write(_problem_line(args.file, problem, lang) + "\n")
            return FAILURE
        document = loaded[0]
    with stores.open(args.store) as registry:
        if document is not None:
            saved = registry.save(document, recorded_by=args.by, note=args.note, base=args.base)
            out.write(f"revision {saved.number}: {len(saved.changes)} change(s)\n")
        elif args.action == "log":
            for revision in registry.revisions(args.record):
                out.write(_revision_line(revision, args.redact) + "\n")
        elif args.action == "show":
            revision = registry.revision(args.number)
            if args.redact:
                revision = redact(revision)
            out.write(_revision_line(revision, args.redact) + "\n")
            for change in revision.changes:
                out.write(f"  {change.sentence(lang)}\n")
        else:
            portfolio = registry.portfolio(args.at, revision=args.revision)
            try:
                dump(portfolio, args.target)
            except OSError as error:
                problem = Problem("", f"cannot write the file: {error.strerror or error}")
                out.write(_problem_line(args.target, problem, lang) + "\n")
                return FAILURE
    return OK
