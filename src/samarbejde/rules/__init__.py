"""Rules: the library's judgement of a portfolio, as findings in Danish or English.

:func:`validate` runs the built-in catalogue (S structure, M mandates, P projects,
L long-term strategic, C collaboration practice, T time) and any rules you add, and
returns a :class:`Report`. Write your own rule with the :func:`rule` decorator, or
declare a :class:`Family` whose rules share their profiles, severity and :class:`Scope`.

The most used names (``validate``, ``Report``, ``Finding``, ``Rule``, ``RuleError``,
``Severity``, ``rule``, ``builtin_rules``) are also exported from :mod:`samarbejde`.
Names here are imported on first use (PEP 562): the catalogue loads when a rule is
first asked for, not with ``import samarbejde``.
"""

from __future__ import annotations

import importlib
import typing

if typing.TYPE_CHECKING:
    from samarbejde.model.codes import COMMITMENT_POWERS
    from samarbejde.model.funding import SHORT_TERM_FUNDING
    from samarbejde.rules._catalogue import catalogue_markdown
    from samarbejde.rules._engine import (
        ENTRY_POINT_GROUP,
        Locator,
        builtin_families,
        builtin_rules,
        plugin_rules,
        select,
        validate,
    )
    from samarbejde.rules._families import Family
    from samarbejde.rules._findings import Finding, Related, Severity
    from samarbejde.rules._hits import Hit, hit
    from samarbejde.rules._index import PartnershipIndex, PortfolioIndex
    from samarbejde.rules._report import Report
    from samarbejde.rules._rule import (
        PROFILES,
        PartnershipCheck,
        PortfolioCheck,
        Rule,
        RuleContext,
        RuleError,
        rule,
    )
    from samarbejde.rules._sarif import SARIF_SCHEMA, SARIF_VERSION, sarif_log
    from samarbejde.rules._scopes import (
        EVERY_PARTNERSHIP,
        LIVE_STRATEGIC,
        PORTFOLIO,
        PROJECTS,
        Scope,
    )
    from samarbejde.rules._text import Words
    from samarbejde.rules.mandates import CORE_ROLES

#: Each public name by the module that defines it.
_MODULES = {
    "COMMITMENT_POWERS": "samarbejde.model.codes",
    "CORE_ROLES": "samarbejde.rules.mandates",
    "ENTRY_POINT_GROUP": "samarbejde.rules._engine",
    "EVERY_PARTNERSHIP": "samarbejde.rules._scopes",
    "LIVE_STRATEGIC": "samarbejde.rules._scopes",
    "PORTFOLIO": "samarbejde.rules._scopes",
    "PROFILES": "samarbejde.rules._rule",
    "PROJECTS": "samarbejde.rules._scopes",
    "SHORT_TERM_FUNDING": "samarbejde.model.funding",
    "Family": "samarbejde.rules._families",
    "Finding": "samarbejde.rules._findings",
    "Hit": "samarbejde.rules._hits",
    "Locator": "samarbejde.rules._engine",
    "PartnershipCheck": "samarbejde.rules._rule",
    "PartnershipIndex": "samarbejde.rules._index",
    "PortfolioCheck": "samarbejde.rules._rule",
    "PortfolioIndex": "samarbejde.rules._index",
    "Related": "samarbejde.rules._findings",
    "Report": "samarbejde.rules._report",
    "Rule": "samarbejde.rules._rule",
    "RuleContext": "samarbejde.rules._rule",
    "RuleError": "samarbejde.rules._rule",
    "Scope": "samarbejde.rules._scopes",
    "Severity": "samarbejde.rules._findings",
    "SARIF_SCHEMA": "samarbejde.rules._sarif",
    "SARIF_VERSION": "samarbejde.rules._sarif",
    "Words": "samarbejde.rules._text",
    "builtin_families": "samarbejde.rules._engine",
    "builtin_rules": "samarbejde.rules._engine",
    "catalogue_markdown": "samarbejde.rules._catalogue",
    "hit": "samarbejde.rules._hits",
    "plugin_rules": "samarbejde.rules._engine",
    "rule": "samarbejde.rules._rule",
    "sarif_log": "samarbejde.rules._sarif",
    "select": "samarbejde.rules._engine",
    "validate": "samarbejde.rules._engine",
}

__all__ = [
    "COMMITMENT_POWERS",
    "CORE_ROLES",
    "ENTRY_POINT_GROUP",
    "EVERY_PARTNERSHIP",
    "LIVE_STRATEGIC",
    "PORTFOLIO",
    "PROFILES",
    "PROJECTS",
    "SARIF_SCHEMA",
    "SARIF_VERSION",
    "SHORT_TERM_FUNDING",
    "Family",
    "Finding",
    "Hit",
    "Locator",
    "PartnershipCheck",
    "PartnershipIndex",
    "PortfolioCheck",
    "PortfolioIndex",
    "Related",
    "Report",
    "Rule",
    "RuleContext",
    "RuleError",
    "Scope",
    "Severity",
    "Words",
    "builtin_families",
    "builtin_rules",
    "catalogue_markdown",
    "hit",
    "plugin_rules",
    "rule",
    "sarif_log",
    "select",
    "validate",
]


def __getattr__(name: str) -> typing.Any:
    """Import a public name when it is first used (PEP 562)."""
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module 'samarbejde.rules' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """The public names, loaded or not, and the module's own attributes."""
    return sorted({*globals(), *__all__})
