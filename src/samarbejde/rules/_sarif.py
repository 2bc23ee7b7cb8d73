"""Reports as SARIF 2.1.0, the format code-scanning tools read: :func:`sarif_log`."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import PurePath

from samarbejde.model.text import DEFAULT_LANG, LANGS, Lang
from samarbejde.rules._findings import Finding, Related, Severity
from samarbejde.rules._report import Report
from samarbejde.rules._rule import Rule

__all__ = ["SARIF_SCHEMA", "SARIF_VERSION", "sarif_log"]

#: The SARIF version written.
SARIF_VERSION = "2.1.0"
#: The ``$schema`` of the written log (the OASIS schema of SARIF 2.1.0).
SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
#: Where the tool is described.
INFORMATION_URI = "https://pypi.org/project/samarbejde/"

_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _uri(file: str) -> str:
    """A relative file name as a SARIF URI reference (forward slashes), as given."""
    return PurePath(file).as_posix()


def _descriptor(rule: Rule, lang: Lang) -> dict[str, object]:
    messages = {other: {"text": rule.message(other)} for other in LANGS}
    help_text = "\n\n".join(
        part for part in (rule.rationale, *(rule.message(o) for o in LANGS)) if part
    )
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.name},
        "fullDescription": {"text": rule.rationale or rule.message(lang)},
        "help": {"text": help_text},
        "messageStrings": messages,
        "defaultConfiguration": {"level": _LEVELS[rule.severity]},
        "properties": {"profiles": sorted(rule.profiles), "needsAsOf": rule.needs_as_of},
    }


def _physical(file: str, line: int | None, column: int | None) -> dict[str, object]:
    where: dict[str, object] = {"artifactLocation": {"uri": _uri(file)}}
    if line is not None:
        where["region"] = {"startLine": line, "startColumn": column or 1}
    return where


def _related(file: str, number: int, related: Related) -> dict[str, object]:
    location: dict[str, object] = {
        "id": number,
        "physicalLocation": _physical(file, related.line, related.column),
        "logicalLocations": [{"fullyQualifiedName": related.path}],
    }
    if related.note:
        location["message"] = {"text": related.note}
    return location


def _result(file: str, finding: Finding, index: dict[str, int]) -> dict[str, object]:
    result: dict[str, object] = {
        "ruleId": finding.code,
        "level": _LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [
            {
                "physicalLocation": _physical(file, finding.line, finding.column),
                "logicalLocations": [{"fullyQualifiedName": finding.path}],
            }
        ],
        "properties": {"subject": finding.subject, "partnership": finding.partnership},
    }
    if finding.code in index:
        result["ruleIndex"] = index[finding.code]
    if finding.related:
        result["relatedLocations"] = [
            _related(file, number, r) for number, r in enumerate(finding.related, start=1)
        ]
    return result


def sarif_log(
    reports: Iterable[tuple[str, Report]],
    rules: Sequence[Rule],
    *,
    version: str = "0",
    unloaded: Iterable[str] = (),
) -> dict[str, object]:
    """A SARIF 2.1.0 log of validation reports, one run for the whole invocation.

    Args:
        reports: Each checked file (its name as given, used as the artifact URI) and its
            report.
        rules: The rules that ran; they become ``tool.driver.rules`` (id = code, help
            text = rationale and the message template in Danish and English).
        version: The tool version to record (``samarbejde.__version__``).
        unloaded: Files that could not be loaded; each is recorded as a failed
            ``toolExecutionNotification`` and the run's invocation as not successful.

    Returns:
        The log as plain JSON-ready values. Severity maps to ``level``: error to
        ``error``, warning to ``warning``, info to ``note``. Each result has a physical
        location (with a region when the finding was located in the source) and a
        logical location with the finding's path; related locations are
        ``relatedLocations``.

    >>> from samarbejde import Portfolio, validate, builtin_rules
    >>> log = sarif_log([("p.yaml", validate(Portfolio()))], builtin_rules())
    >>> log["version"], len(log["runs"][0]["results"])
    ('2.1.0', 0)
    """
    index = {r.code: number for number, r in enumerate(rules)}
    results: list[dict[str, object]] = []
    lang: Lang = DEFAULT_LANG
    for file, report in reports:
        lang = report.lang
        results += [_result(file, finding, index) for finding in report]
    failed = [
        {
            "level": "error",
            "message": {"text": "could not be loaded"},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(file)}}}],
        }
        for file in unloaded
    ]
    invocation: dict[str, object] = {"executionSuccessful": not failed}
    if failed:
        invocation["toolExecutionNotifications"] = failed
    run: dict[str, object] = {
        "tool": {
            "driver": {
                "name": "samarbejde",
                "version": version,
                "informationUri": INFORMATION_URI,
                "rules": [_descriptor(r, lang) for r in rules],
            }
        },
        "invocations": [invocation],
        "language": lang,
        "results": results,
    }
    return {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}
