"""``samarbejde report``: one self-contained HTML page about the documents, for people."""

from __future__ import annotations

import argparse

from samarbejde.cli._command import FAILURE, OK, Command, Invocation, argument, date, lang_argument
from samarbejde.cli._lines import MAX_BYTES, problem_line
from samarbejde.cli._merge import MERGE, load_input
from samarbejde.cli._output import write_document, write_file
from samarbejde.model import Lang
from samarbejde.model.errors import Problem

__all__ = ["REPORT"]


def _report(args: argparse.Namespace, call: Invocation) -> int:
    from samarbejde.report import Document, page  # noqa: PLC0415 - only this command needs it

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
    text = page(documents, as_of=args.as_of, lang=lang)
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


REPORT = Command(
    "report",
    "write one self-contained HTML page about the documents, for people",
    (
        argument("files", nargs="+", metavar="FILE", help="JSON, YAML or TOML documents"),
        argument("--as-of", type=date, required=True, help="the day the report is about"),
        MERGE,
        lang_argument("the page's language"),
        argument(
            "-o",
            "--output",
            metavar="OUT",
            default=None,
            help="the HTML file to write (default: stdout)",
        ),
        MAX_BYTES,
    ),
    _report,
)
