"""Rules: the library's judgement of a portfolio, as findings in Danish or English.

:func:`validate` runs the built-in catalogue (S structure, M mandates, P projects,
L long-term strategic, C collaboration practice, T time) and any rules you add, and
returns a :class:`Report`. Write your own rule with the :func:`rule` decorator, or
declare a :class:`Family` whose rules share their profiles, severity and :class:`Scope`.
"""

from __future__ import annotations

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
    Rule,
    RuleContext,
    RuleError,
    Scope,
    Severity,
    hit,
    rule,
)
from samarbejde.rules._report import Report
from samarbejde.rules._text import Words
from samarbejde.rules.mandates import CORE_ROLES

__all__ = [
    "COMMITMENT_POWERS",
    "CORE_ROLES",
    "ENTRY_POINT_GROUP",
    "EVERY_PARTNERSHIP",
    "LIVE_STRATEGIC",
    "PORTFOLIO",
    "PROFILES",
    "PROJECTS",
    "SHORT_TERM_FUNDING",
    "Family",
    "Finding",
    "Hit",
    "Locator",
    "PartnershipCheck",
    "PartnershipIndex",
    "PortfolioCheck",
    "PortfolioIndex",
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
    "select",
    "validate",
]
