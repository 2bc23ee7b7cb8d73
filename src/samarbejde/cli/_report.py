"""``samarbejde report``: one self-contained HTML page about the documents, for people."""

from __future__ import annotations

import argparse
from pathlib import Path

from samarbejde.cli._command import FAILURE, OK, Command, Invocation, argument, date
from samarbejde.cli._lines import MAX_BYTES, problem_line
from samarbejde.cli._merge import MERGE, load_input
from samarbejde.cli._output import write_document, write_file
from samarbejde.cli._validate import RULE_CHOICE, chosen_rules
from samarbejde.model import Lang, Portfolio, Text
from samarbejde.model.errors import Problem

__all__ = ["REPORT"]

_OVERVIEW_NEEDS = Text(
    da="--overview skriver en mappe: giv én portefølje (eller --merge) og -o MAPPE",
    en="--overview writes a folder: give one portfolio (or --merge) and -o FOLDER",
)


def _report(args: argparse.Namespace, call: Invocation) -> int:
    from samarbejde.report import Document, narrowed, page, pages  # noqa: PLC0415 - only here

    lang: Lang = args.lang
    documents = []
    status = OK
    for file in [" + ".join(args.files)] if args.merge else args.files:
        loaded, _, lines, _ = load_input(file, args, None, lang)
        if loaded is None:
            status = FAILURE
            for line in lines:
                call.err.write(line + "\n")
            continue
        documents.append(Document(loaded[0], file=file, sources=loaded[1]))
    if status != OK:
        return status
    rules = chosen_rules(args)
    kommuner, regions = args.kommune, args.region
    if args.overview:
        if len(documents) != 1 or args.output is None:
            call.err.write(
                problem_line("report", Problem("", _OVERVIEW_NEEDS.pick(lang)), lang, "USAGE")
                + "\n"
            )
            return FAILURE
        folder = pages(
            documents[0],
            as_of=args.as_of,
            lang=lang,
            rules=rules,
            kommuner=kommuner,
            regions=regions,
        )
        return _write_folder(args.output, folder, call, lang)

    def keep(portfolio: Portfolio) -> tuple[str, ...]:
        return narrowed(portfolio.as_of(args.as_of).partnerships, portfolio, kommuner, regions)

    chosen = keep if kommuner or regions else None
    text = page(documents, as_of=args.as_of, lang=lang, rules=rules, keep=chosen)
    if args.output is None:
        write_document(call.out, text)
        return OK
    try:
        write_file(args.output, text)
    except OSError as error:
        problem = Problem("", f"cannot write the file: {error.strerror or error}")
        call.err.write(problem_line(args.output, problem, lang, "WRITE") + "\n")
        return FAILURE
    return OK


def _write_folder(directory: str, folder: dict[str, str], call: Invocation, lang: Lang) -> int:
    """Write each page of ``folder`` under ``directory`` (made if missing)."""
    root = Path(directory)
    try:
        for name, text in folder.items():
            target = root / name
            target.parent.mkdir(parents=True, exist_ok=True)
            write_file(str(target), text)
    except OSError as error:
        problem = Problem("", f"cannot write the file: {error.strerror or error}")
        call.err.write(problem_line(directory, problem, lang, "WRITE") + "\n")
        return FAILURE
    return OK


REPORT = Command(
    "report",
    "write one self-contained HTML page about the documents, for people",
    (
        argument("files", nargs="+", metavar="FILE", help="JSON, YAML or TOML documents"),
        argument("--as-of", type=date, required=True, help="the day the report is about"),
        MERGE,
        argument(
            "--lang", choices=("da", "en"), default="da", help="the page's language (default: da)"
        ),
        argument(
            "-o",
            "--output",
            metavar="OUT",
            default=None,
            help="the HTML file to write (default: stdout); with --overview, the folder",
        ),
        argument(
            "--overview",
            action="store_true",
            help="write a folder: a national overview (index.html) and a page per partnership",
        ),
        argument(
            "--kommune",
            action="append",
            default=[],
            metavar="CODE",
            help="show only partnerships serving an area in this kommune (repeatable)",
        ),
        argument(
            "--region",
            action="append",
            default=[],
            metavar="REGION",
            help="show only partnerships serving an area in this region, by code or name",
        ),
        *RULE_CHOICE,
        MAX_BYTES,
    ),
    _report,
)
