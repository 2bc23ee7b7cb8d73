"""MkDocs hooks: pages generated from the library itself, so they cannot drift.

A page asks for generated content with a marker comment on a line of its own:

- ``<!-- samarbejde:glossary -->``: the Danish-English glossary of every enum value
  and known code, from :func:`samarbejde.label`;
- ``<!-- samarbejde:json-schema -->``: the JSON Schema of the document format, from
  ``samarbejde.json_schema()``;
- ``<!-- samarbejde:rule-catalogue -->`` (and ``rule-catalogue-da``): the rule catalogue
  in English with the Danish messages (in Danish), from
  ``samarbejde.rules.catalogue_markdown`` without its title; when the docs have no
  ``reference/rules.md`` of their own, the hook adds one that shows it;
- ``<!-- samarbejde:cli -->``: the ``--help`` of the command line and its subcommands.

The site also gets ``examples/report-da.html`` and ``examples/report-en.html``: the
report (``samarbejde.report``) of the bundled examples, made when the site is built.

After the build, the hook checks that every name in ``__all__`` of each documented
module has an entry in the API reference; a missing one is logged as a warning, which
``mkdocs build --strict`` turns into a failed build.
"""

from __future__ import annotations

import contextlib
import html
import importlib
import io
import json
import logging
import os
import re
from collections.abc import Callable, Iterable
from enum import Enum
from typing import Any

import samarbejde

log = logging.getLogger("mkdocs.plugins.samarbejde")

MARKER = re.compile(r"^<!-- samarbejde:([a-z-]+) -->$", re.MULTILINE)
SPHINX_ROLE = re.compile(r":(?:class|func|data|meth|attr|exc|mod|obj):(<code>)")
ANCHOR = re.compile(r'\bid="([A-Za-z_][\w.]*)"')

#: Modules whose public names must all appear in the API reference, when they exist.
DOCUMENTED_MODULES = (
    "samarbejde",
    "samarbejde.rules",
    "samarbejde.documents",
    "samarbejde.strategies",
    "samarbejde.analysis",
    "samarbejde.analysis.plots",
    "samarbejde.analysis.display",
    "samarbejde.examples",
    "samarbejde.interop",
    "samarbejde.store",
    "samarbejde.report",
    "samarbejde.cli",
)

_anchors: set[str] = set()


# -- generated content ----------------------------------------------------------------


def _enum_vocabularies() -> list[tuple[str, str, type[Enum]]]:
    return [
        ("Sector", "sektor", samarbejde.Sector),
        ("ProjectPhase", "projektfase", samarbejde.ProjectPhase),
        ("StrategicPhase", "strategisk fase", samarbejde.StrategicPhase),
        ("CommitmentStatus", "status for en forpligtelse", samarbejde.CommitmentStatus),
        ("MandateLevel", "mandatniveau", samarbejde.MandateLevel),
        ("Power", "beføjelse", samarbejde.Power),
        ("ReviewOutcome", "udfald af evaluering", samarbejde.ReviewOutcome),
        ("AgreementKind", "aftaletype", samarbejde.AgreementKind),
        ("GovernanceKind", "styringsorgan", samarbejde.GovernanceKind),
        ("DecisionPower", "beslutningskompetence", samarbejde.DecisionPower),
        ("SeatRole", "plads i et organ", samarbejde.SeatRole),
        ("FundingKind", "finansieringstype", samarbejde.FundingKind),
        ("AreaCategory", "områdekategori", samarbejde.AreaCategory),
        ("Unit", "enhed", samarbejde.Unit),
        ("Measure", "måleart", samarbejde.Measure),
        ("Direction", "retning", samarbejde.Direction),
    ]


def _code_vocabularies() -> list[tuple[str, str, tuple[str, ...]]]:
    return [
        ("KNOWN_ROLES", "roller", samarbejde.KNOWN_ROLES),
        ("KNOWN_COMMITMENT_KINDS", "typer af forpligtelse", samarbejde.KNOWN_COMMITMENT_KINDS),
        ("KNOWN_ENTRY_POINT_KINDS", "typer af indgang", samarbejde.KNOWN_ENTRY_POINT_KINDS),
        ("KNOWN_INTERESTS", "interesser", samarbejde.KNOWN_INTERESTS),
        ("KNOWN_GOVERNANCE_KINDS", "typer af organ", samarbejde.KNOWN_GOVERNANCE_KINDS),
        ("KNOWN_SECRETARIAT_KINDS", "typer af sekretariat", samarbejde.KNOWN_SECRETARIAT_KINDS),
        ("KNOWN_INVOLVEMENT_KINDS", "typer af inddragelse", samarbejde.KNOWN_INVOLVEMENT_KINDS),
    ]


def _table(rows: Iterable[tuple[str, str, str]]) -> list[str]:
    lines = ["| Code | Dansk | English |", "|---|---|---|"]
    lines += [f"| `{code}` | {da} | {en} |" for code, da, en in rows]
    return lines


def glossary() -> str:
    """The glossary of every enum value and known code, in Danish and English."""
    lines: list[str] = []
    for name, danish, enum in _enum_vocabularies():
        lines += [f"### {name} ({danish}) {{ #{name.lower()} }}", ""]
        lines += [f"Closed list: [`{name}`][samarbejde.{name}].", ""]
        lines += _table(
            (str(m.value), samarbejde.label(m, "da"), samarbejde.label(m, "en")) for m in enum
        )
        lines.append("")
    lines += ["### Severity (alvor) { #severity }", ""]
    lines += ["How serious a finding is: [`Severity`][samarbejde.rules.Severity].", ""]
    lines += _table((str(s.value), s.label("da"), s.label("en")) for s in samarbejde.Severity)
    lines.append("")
    for name, danish, codes in _code_vocabularies():
        lines += [f"### {name} ({danish}) {{ #{name.lower().replace('_', '-')} }}", ""]
        lines += [
            f"Open list: [`{name}`][samarbejde.{name}]; documents may use other codes too.",
            "",
        ]
        lines += _table(
            (code, samarbejde.label(code, "da"), samarbejde.label(code, "en")) for code in codes
        )
        lines.append("")
    return "\n".join(lines)


def json_schema() -> str:
    """The JSON Schema of the document format, as a fenced JSON block."""
    schema = samarbejde.json_schema()  # type: ignore[attr-defined]
    text = json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=False)
    return f"```json\n{text}\n```\n"


def _catalogue(lang: str) -> str:
    rules = importlib.import_module("samarbejde.rules")
    render: Callable[..., str] | None = getattr(rules, "catalogue_markdown", None)
    if render is None:
        raise RuntimeError("samarbejde.rules has no catalogue_markdown() to render the catalogue")
    text = render(lang=lang)
    # The page has its own title: drop the renderer's, keep its family and rule headings.
    return re.sub(r"\A# [^\n]*\n+", "", text)


def rule_catalogue() -> str:
    """The rule catalogue in English, with each rule's Danish message under its English one."""
    danish = {r.code: r.message("da") for r in samarbejde.builtin_rules()}
    lines: list[str] = []
    code = None
    for line in _catalogue("en").splitlines():
        lines.append(line)
        heading = re.match(r"### (\S+) ", line)
        if heading:
            code = heading.group(1)
        elif line.startswith("- Message: ") and code in danish:
            lines.append(f"- Besked (dansk): {danish[code]}")
    return "\n".join(lines) + "\n"


def rule_catalogue_da() -> str:
    """The rule catalogue in Danish, rendered by the rules package."""
    return _catalogue("da")


def _help(args: list[str]) -> str:
    from samarbejde.cli import main  # noqa: PLC0415 - the CLI is only needed here

    buffer = io.StringIO()
    columns = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = "88"  # stable wrapping, whatever the terminal
    try:
        with contextlib.redirect_stdout(buffer):
            main(args)
    finally:
        if columns is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = columns
    return buffer.getvalue().rstrip()


def cli_help() -> str:
    """The ``--help`` text of the command and of each of its subcommands."""
    top = _help(["--help"])
    commands = re.findall(r"^ {4}([a-z][a-z-]*) {2,}", top, re.MULTILINE)
    lines = ["```text", "$ samarbejde --help", top, "```", ""]
    for command in commands:
        lines += [f"## `samarbejde {command}`", ""]
        lines += ["```text", f"$ samarbejde {command} --help", _help([command, "--help"])]
        lines += ["```", ""]
    return "\n".join(lines)


#: The rule catalogue page, used when no docs/reference/rules.md is written by hand.
RULES_PAGE = """# Rule catalogue

Every built-in rule: its stable code and name, default severity, the profiles it
belongs to, its parameters, its message in English and Danish, and why it matters.
Generated from the rule registry when this site is built. The same list is printed by
`samarbejde rules` (add `--lang da` for Danish).

<!-- samarbejde:rule-catalogue -->
"""

#: The rendered reports of the bundled examples, by their place in the site.
REPORT_PAGES = {"examples/report-da.html": "da", "examples/report-en.html": "en"}


def example_report(lang: str) -> str:
    """The report page of the three bundled examples on their documented day."""
    from samarbejde import examples  # noqa: PLC0415 - only the site needs them
    from samarbejde.report import Document, page  # noqa: PLC0415

    documents = []
    for name in examples.names():
        portfolio, where = examples.load_located(name)
        documents.append(Document(portfolio, f"{name}.yaml", where))
    return page(documents, as_of=examples.AS_OF, lang=lang)  # type: ignore[arg-type]


GENERATORS: dict[str, Callable[[], str]] = {
    "cli": cli_help,
    "glossary": glossary,
    "json-schema": json_schema,
    "rule-catalogue": rule_catalogue,
    "rule-catalogue-da": rule_catalogue_da,
}


# -- MkDocs events ----------------------------------------------------------------------


def on_files(files: Any, config: Any, **_: Any) -> Any:
    """Add the rendered example reports, and the rule catalogue page unless the docs have one."""
    wanted = {
        path: lang for path, lang in REPORT_PAGES.items() if not files.get_file_from_path(path)
    }
    rules = files.get_file_from_path("reference/rules.md") is None
    if not wanted and not rules:
        return files
    from mkdocs.structure.files import File  # noqa: PLC0415 - only MkDocs has it

    if rules:
        files.append(File.generated(config, "reference/rules.md", content=RULES_PAGE))
    for path, lang in wanted.items():
        files.append(File.generated(config, path, content=example_report(lang)))
    return files


def on_page_markdown(markdown: str, page: Any, **_: Any) -> str:
    """Replace each marker with the content it asks for."""

    def fill(match: re.Match[str]) -> str:
        name = match.group(1)
        generator = GENERATORS.get(name)
        if generator is None:
            log.warning("%s: unknown marker samarbejde:%s", page.file.src_uri, name)
            return match.group(0)
        return generator()

    return MARKER.sub(fill, markdown)


def on_page_content(content: str, page: Any, **_: Any) -> str:
    """Tidy Sphinx roles in docstrings and remember the anchors of the API pages."""
    content = SPHINX_ROLE.sub(r"\1", content)
    _anchors.update(html.unescape(a) for a in ANCHOR.findall(content))
    return content


def on_pre_build(**_: Any) -> None:
    """Forget the anchors of an earlier build (``mkdocs serve`` rebuilds in-process)."""
    _anchors.clear()


def _paths_of(obj: object, modules: dict[str, Any]) -> set[str]:
    """Every documented dotted path under which ``obj`` can be reached."""
    paths = {
        f"{name}.{attr}"
        for name, module in modules.items()
        for attr in getattr(module, "__all__", ())
        if getattr(module, attr, None) is obj
    }
    qualname = getattr(obj, "__qualname__", None)
    defined_in = getattr(obj, "__module__", None)
    if isinstance(qualname, str) and isinstance(defined_in, str):
        paths.add(f"{defined_in}.{qualname}")
    return paths


def on_post_build(**_: Any) -> None:
    """Warn about every public name that has no entry in the API reference."""
    modules: dict[str, Any] = {}
    for module_name in DOCUMENTED_MODULES:
        try:
            modules[module_name] = importlib.import_module(module_name)
        except ImportError:
            continue
    for module_name, module in modules.items():
        for name in getattr(module, "__all__", ()):
            if name.startswith("__"):
                continue
            paths = {f"{module_name}.{name}"} | _paths_of(getattr(module, name), modules)
            if not paths & _anchors:
                log.warning(
                    "API reference: %s.%s is public but has no entry "
                    "(does it lack a docstring, or its module a page?)",
                    module_name,
                    name,
                )
