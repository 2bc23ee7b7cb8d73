"""``samarbejde validate``: check documents against the rules, in linter lines, JSON or SARIF."""

from __future__ import annotations

import argparse
import json

import samarbejde
from samarbejde.cli._command import (
    FAILURE,
    FINDINGS,
    FORMATS,
    OK,
    ZONE,
    Command,
    Invocation,
    argument,
    codes,
    date,
    lang_argument,
)
from samarbejde.cli._lines import MAX_BYTES, as_dict, finding_line, problem_line
from samarbejde.cli._merge import MERGE, file_of, load_input
from samarbejde.cli._output import write_document
from samarbejde.documents._merge import MergedSources
from samarbejde.model import Lang, Text
from samarbejde.model.errors import Problem
from samarbejde.model.iso import write_date
from samarbejde.rules import (
    PROFILES,
    Report,
    Rule,
    builtin_rules,
    plugin_rules,
    sarif_log,
    select,
    validate,
)

__all__ = ["RULE_CHOICE", "VALIDATE", "chosen_rules"]

_SUMMARY = Text("cli.summary")
_UNLOADED = Text("cli.unloaded")
_BROKEN = Text("cli.broken")


#: ``--profile``, ``--select`` and ``--ignore``: the rules a command runs.
RULE_CHOICE = (
    argument(
        "--profile",
        action="append",
        choices=PROFILES,
        help="rule profile; repeat for several (default: all)",
    ),
    argument("--select", type=codes, action="append", default=[], help="codes or prefixes to keep"),
    argument("--ignore", type=codes, action="append", default=[], help="codes or prefixes to drop"),
)


def chosen_rules(args: argparse.Namespace) -> tuple[Rule, ...]:
    """The built-in and plug-in rules ``--profile``, ``--select`` and ``--ignore`` choose.

    The plug-ins' entry points are read once per command, not once per document.
    """
    return select(
        (*builtin_rules(), *plugin_rules()),
        profiles=args.profile or ["all"],
        select=[code for group in args.select for code in group],
        ignore=[code for group in args.ignore for code in group],
    )


def _validate(args: argparse.Namespace, call: Invocation) -> int:
    lang: Lang = args.lang
    out = call.out
    as_of = call.day(args.as_of)
    rules = chosen_rules(args)
    results: list[dict[str, object]] = []
    reports: list[tuple[str, Report]] = []
    failed: list[str] = []
    lines: list[str] = []
    totals = {"error": 0, "warning": 0, "info": 0}
    status = OK
    unloaded = 0
    merged: MergedSources | None = None
    for file in [" + ".join(args.files)] if args.merge else args.files:
        loaded, problems, problem_lines, merged = load_input(file, args, call.stdin, lang)
        lines += problem_lines
        if loaded is None:
            status = FAILURE
            unloaded += 1
            failed.append(file)
            shown = [as_dict(p, lang) for p in problems]
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
            lines.append(problem_line(file, problem, lang))
            results.append({"file": file, "loaded": True, "problems": [as_dict(problem, lang)]})
            continue
        lines += [
            finding_line(file_of(merged, f, file) if merged else file, f, lang) for f in report
        ]
        reports.append((file, report))
        for severity, count in report.counts.items():
            totals[severity] += count
        if not report.ok and status == OK:
            status = FINDINGS
        results.append({"file": file, "loaded": True, **report.to_dict()})
    if args.output == "json":
        document = {"ok": status == OK, "as_of": write_date(as_of), "files": results}
        write_document(out, json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    elif args.output == "sarif":
        log = sarif_log(reports, rules, version=samarbejde.__version__, unloaded=failed)
        write_document(out, json.dumps(log, ensure_ascii=False, indent=2) + "\n")
    else:
        for line in lines:
            out.write(line + "\n")
        not_loaded = _UNLOADED.format(lang, count=unloaded) if unloaded else ""
        out.write(
            _SUMMARY.format(lang, files=len(args.files), unloaded=not_loaded, **totals) + "\n"
        )
    return status


VALIDATE = Command(
    "validate",
    "check documents against the rules",
    (
        argument(
            "files", nargs="+", metavar="FILE", help="JSON, YAML or TOML documents; - reads stdin"
        ),
        argument(
            "--from", choices=FORMATS, dest="source_format", help="the format of - (and of FILEs)"
        ),
        argument(
            "--as-of", type=date, default=None, help=f"the day to judge by (default: today, {ZONE})"
        ),
        *RULE_CHOICE,
        lang_argument("message language"),
        MERGE,
        argument(
            "--format",
            choices=("text", "json", "sarif"),
            default="text",
            dest="output",
            help="text (linter lines), json, or sarif (SARIF 2.1.0, for code scanning)",
        ),
        MAX_BYTES,
    ),
    _validate,
)
