"""The outcome of a validation run: :class:`Report`."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from html import escape

import attrs
import pendulum

from samarbejde.model.iso import write_date
from samarbejde.model.text import DEFAULT_LANG, Lang, Text
from samarbejde.rules._findings import Finding, Severity

__all__ = ["Report"]


def _order(finding: Finding) -> tuple[bool, int, int]:
    if finding.line is None:
        return (True, 0, 0)
    return (False, finding.line, finding.column or 0)


def _sorted(findings: Iterable[Finding]) -> tuple[Finding, ...]:
    given = tuple(findings)
    if all(f.line is None for f in given):
        return given  # none located: the order given is the order (the sort is stable)
    return tuple(sorted(given, key=_order))


def _codes(codes: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted(codes))


@attrs.frozen
class Report:
    """The findings of one validation run, in a stable order.

    Findings located in a source file come first, by line and column; the others
    keep the order they were given in (:func:`~samarbejde.validate` gives them by
    partnership, in portfolio order, and inside each by path and code).

    Attributes:
        findings: Every finding.
        skipped: Codes of selected rules that were not run because they need ``as_of``.
        as_of: The date the run took as today, if any.
        lang: The language of the messages.
    """

    findings: tuple[Finding, ...] = attrs.field(default=(), converter=_sorted)
    skipped: tuple[str, ...] = attrs.field(default=(), converter=_codes)
    as_of: pendulum.Date | None = None
    lang: Lang = DEFAULT_LANG

    @property
    def ok(self) -> bool:
        """Whether there are no error findings (warnings and info are allowed)."""
        return not any(f.severity is Severity.ERROR for f in self.findings)

    @property
    def counts(self) -> dict[str, int]:
        """The number of findings per severity, ``{"error": …, "warning": …, "info": …}``."""
        counts = {s.value: 0 for s in Severity}
        for finding in self.findings:
            counts[finding.severity.value] += 1
        return counts

    @property
    def codes(self) -> tuple[str, ...]:
        """The distinct codes found, sorted."""
        return tuple(sorted({f.code for f in self.findings}))

    def __len__(self) -> int:
        return len(self.findings)

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.findings)

    def filter(
        self,
        *,
        severity: Severity | str | None = None,
        code: str | None = None,
        partnership: str | Iterable[str] | None = None,
    ) -> Report:
        """A report with only the findings that match every criterion given.

        Args:
            severity: Keep the findings of this severity.
            code: Keep the findings whose code starts with this (``"M"``, ``"M003"``).
            partnership: Keep the findings about or inside this partnership (its id),
                or any of these; a finding about the portfolio as a whole (an
                organisation, an area) has none and is left out.

        >>> Report().filter(severity="error", code="M", partnership="opdrift").ok
        True
        """
        wanted = None if severity is None else Severity(severity)
        ids = None
        if partnership is not None:
            ids = {partnership} if isinstance(partnership, str) else set(partnership)
        kept = tuple(
            f
            for f in self.findings
            if (wanted is None or f.severity is wanted)
            and (code is None or f.code.startswith(code))
            and (ids is None or f.partnership in ids)
        )
        return attrs.evolve(self, findings=kept)

    def to_dict(self) -> dict[str, object]:
        """The report as plain JSON-ready values."""
        return {
            "ok": self.ok,
            "as_of": None if self.as_of is None else write_date(self.as_of),
            "lang": self.lang,
            "counts": self.counts,
            "skipped": list(self.skipped),
            "findings": [f.to_dict() for f in self.findings],
        }

    def _repr_html_(self) -> str:
        head = (h.pick(self.lang) for h in _HEADINGS)
        rows = "".join(
            "<tr>"
            f"<td><code>{escape(f.code)}</code></td>"
            f"<td>{escape(f.severity.label(self.lang))}</td>"
            f"<td><code>{escape(f.path)}</code></td>"
            f"<td>{escape(f.message)}</td>"
            "</tr>"
            for f in self.findings
        )
        counts = ", ".join(
            f"{n} {escape(_severity_noun(Severity(s), n, self.lang))}"
            for s, n in self.counts.items()
        )
        header = "".join(f"<th>{h}</th>" for h in head)
        return (
            f"<table><caption>{counts}</caption>"
            f"<thead><tr>{header}</tr></thead><tbody>{rows}</tbody></table>"
        )


#: The plural of each severity's label (its singular is ``Severity.label``).
_PLURALS = {
    Severity.ERROR: Text("rules.count.error"),
    Severity.WARNING: Text("rules.count.warning"),
    Severity.INFO: Text("rules.count.info"),
}


def _severity_noun(severity: Severity, count: int, lang: Lang) -> str:
    return severity.label(lang) if count == 1 else _PLURALS[severity].pick(lang)


_HEADINGS = (
    Text("rules.code"),
    Text("rules.severity"),
    Text("rules.path"),
    Text("rules.message"),
)
