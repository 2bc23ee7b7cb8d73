"""The commands about the format itself: ``schema``, ``convert``, ``rules`` and ``example``."""

from __future__ import annotations

import argparse
import json

from samarbejde.cli._command import (
    FAILURE,
    FORMATS,
    OK,
    STDIO,
    Command,
    Invocation,
    argument,
    lang_argument,
)
from samarbejde.cli._lines import MAX_BYTES, load, problem_line
from samarbejde.cli._output import write_document
from samarbejde.cli._sheets import dump_sheets, is_sheets
from samarbejde.documents import dump, dumps, json_schema
from samarbejde.examples import names as example_names
from samarbejde.examples import text as example_text
from samarbejde.model import Lang
from samarbejde.model.errors import LoadError, Problem
from samarbejde.model.words import DEFAULT_LANG
from samarbejde.rules import PROFILES, builtin_rules, catalogue_markdown, plugin_rules, select

__all__ = ["CONVERT", "EXAMPLE", "RULES", "SCHEMA"]


def _schema(args: argparse.Namespace, call: Invocation) -> int:
    write_document(call.out, json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n")
    return OK


def _convert(args: argparse.Namespace, call: Invocation) -> int:
    lang: Lang = DEFAULT_LANG
    out = call.out
    loaded, problems = load(args.source, lang, args.source_format, call.stdin, args.max_bytes)
    if loaded is None:
        for problem in problems:
            out.write(problem_line(args.source, problem, lang) + "\n")
        return FAILURE
    if args.target == STDIO:
        if args.target_format is None:
            problem = Problem("", "writing standard output (-) needs --to json, yaml or toml")
            out.write(problem_line(args.target, problem, lang, "WRITE") + "\n")
            return FAILURE
        write_document(out, dumps(loaded[0], args.target_format))
        return OK
    try:
        if args.target_format is None and is_sheets(args.target):
            dump_sheets(loaded[0], args.target, args.lang)
        else:
            dump(loaded[0], args.target, format=args.target_format)
    except LoadError as error:
        for problem in error.problems:
            out.write(problem_line(args.target, problem, lang, "WRITE") + "\n")
        return FAILURE
    except OSError as error:
        problem = Problem("", f"cannot write the file: {error.strerror or error}")
        out.write(problem_line(args.target, problem, lang, "WRITE") + "\n")
        return FAILURE
    return OK


def _rules(args: argparse.Namespace, call: Invocation) -> int:
    lang: Lang = args.lang
    chosen = select((*builtin_rules(), *plugin_rules()), profiles=args.profile or ["all"])
    if args.output == "markdown":
        call.out.write(catalogue_markdown(chosen, lang))
        return OK
    for r in chosen:
        profiles = ",".join(p for p in PROFILES if p in r.profiles)
        call.out.write(f"{r.code}  {r.severity.label(lang):<10} {profiles:<34} {r.name}\n")
    return OK


def _example(args: argparse.Namespace, call: Invocation) -> int:
    if args.name is None:
        for name in example_names():
            call.out.write(name + "\n")
        return OK
    try:
        write_document(call.out, example_text(args.name))
    except KeyError as error:
        call.err.write(f"samarbejde: {error.args[0]}\n")
        return FAILURE
    return OK


SCHEMA = Command("schema", "print the JSON Schema of the document format", run=_schema)

CONVERT = Command(
    "convert",
    "convert a document between formats",
    (
        argument("source", metavar="IN", help="the document, .xlsx or CSV folder; - reads stdin"),
        argument(
            "target",
            metavar="OUT",
            help="the file to write (format from suffix; .xlsx, or a folder/ for CSV)",
        ),
        argument(
            "--from", choices=FORMATS, dest="source_format", help="the format of IN (needed for -)"
        ),
        argument(
            "--to", choices=FORMATS, dest="target_format", help="the format of OUT (needed for -)"
        ),
        lang_argument("headers of a workbook or CSV OUT"),
        MAX_BYTES,
    ),
    _convert,
)

RULES = Command(
    "rules",
    "list the rule catalogue",
    (
        lang_argument("the language"),
        argument("--profile", action="append", choices=PROFILES),
        argument("--format", choices=("text", "markdown"), default="text", dest="output"),
    ),
    _rules,
)

EXAMPLE = Command(
    "example",
    "print a bundled example document",
    (argument("name", nargs="?", help="the example (omit to list them)"),),
    _example,
)
