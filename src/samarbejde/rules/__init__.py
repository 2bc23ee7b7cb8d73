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
    from samarbejde.rules._index import PartnershipIndex, PortfolioIndex
    from samarbejde.rules._model import (
        EVERY_PARTNERSHIP,
        LIVE_STRATEGIC,
        PORTFOLIO,
        PROFILES,
        PROJECTS,
        Family,
        Finding,
        Hit,
        PartnershipCheck,
        PortfolioCheck,
        Related,
        Rule,
        RuleContext,
        RuleError,
        Scope,
        Severity,
        hit,
        rule,
    )
    from samarbejde.rules._report import Report
    from samarbejde.rules._sarif import SARIF_SCHEMA, SARIF_VERSION, sarif_log
    from samarbejde.rules._text import Words
    from samarbejde.rules.mandates import CORE_ROLES

#: Each public name by the module that defines it.
_MODULES = {
    "COMMITMENT_POWERS": "samarbejde.model.codes",
    "CORE_ROLES": "samarbejde.rules.mandates",
    "ENTRY_POINT_GROUP": "samarbejde.rules._engine",
    "EVERY_PARTNERSHIP": "samarbejde.rules._model",
    "LIVE_STRATEGIC": "samarbejde.rules._model",
    "PORTFOLIO": "samarbejde.rules._model",
    "PROFILES": "samarbejde.rules._model",
    "PROJECTS": "samarbejde.rules._model",
    "SHORT_TERM_FUNDING": "samarbejde.model.funding",
    "Family": "samarbejde.rules._model",
    "Finding": "samarbejde.rules._model",
    "Hit": "samarbejde.rules._model",
    "Locator": "samarbejde.rules._engine",
    "PartnershipCheck": "samarbejde.rules._model",
    "PartnershipIndex": "samarbejde.rules._index",
    "PortfolioCheck": "samarbejde.rules._model",
    "PortfolioIndex": "samarbejde.rules._index",
    "Related": "samarbejde.rules._model",
    "Report": "samarbejde.rules._report",
    "Rule": "samarbejde.rules._model",
    "RuleContext": "samarbejde.rules._model",
    "RuleError": "samarbejde.rules._model",
    "Scope": "samarbejde.rules._model",
    "Severity": "samarbejde.rules._model",
    "SARIF_SCHEMA": "samarbejde.rules._sarif",
    "SARIF_VERSION": "samarbejde.rules._sarif",
    "Words": "samarbejde.rules._text",
    "builtin_families": "samarbejde.rules._engine",
    "builtin_rules": "samarbejde.rules._engine",
    "catalogue_markdown": "samarbejde.rules._catalogue",
    "hit": "samarbejde.rules._model",
    "plugin_rules": "samarbejde.rules._engine",
    "rule": "samarbejde.rules._model",
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
