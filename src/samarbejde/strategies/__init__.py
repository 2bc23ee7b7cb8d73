"""Hypothesis strategies for every public samarbejde type (needs ``samarbejde[hypothesis]``).

Use them in your own property-based tests::

    from hypothesis import given
    from samarbejde import strategies as sst

    @given(sst.portfolios(lifecycle="strategic"))
    def test_my_dashboard_accepts_any_portfolio(portfolio): ...

Every drawn object satisfies every construction invariant. :func:`portfolios` and
:func:`partnerships` draw referentially consistent data; :func:`invalid_portfolios`
draws portfolios (or documents) with exactly one known defect.

Installing samarbejde also registers these strategies with Hypothesis through its
plugin entry point, so ``st.from_type(samarbejde.Partnership)`` works without
importing this module.
"""

from __future__ import annotations

import importlib
import warnings
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from samarbejde.strategies._bodies import (
        governance_bodies,
        involvement_events,
        seats,
        secretariats,
    )
    from samarbejde.strategies._defect import Defect
    from samarbejde.strategies._funding import (
        funding,
        funding_changes,
        funding_shares,
        period_amounts,
        plan_periods,
    )
    from samarbejde.strategies._invalid import invalid_portfolios
    from samarbejde.strategies._invalid_documents import LOAD_PROBLEMS
    from samarbejde.strategies._invalid_rules import RULE_DEFECTS
    from samarbejde.strategies._lifecycles import project_lifecycles, strategic_lifecycles
    from samarbejde.strategies._operations import (
        Operation,
        Refusal,
        operations,
        refused_operations,
    )
    from samarbejde.strategies._partnerships import KIND_POWERS
    from samarbejde.strategies._portfolios import Size, partnerships, portfolios
    from samarbejde.strategies._records import (
        KIND_UNITS,
        agreements,
        area_lists,
        areas,
        challenges,
        classifications,
        codes,
        commitments,
        entry_points,
        figures,
        fulfilments,
        goals,
        identifiers,
        listings,
        mandates,
        measurements,
        memberships,
        organisations,
        reviews,
        signatures,
        visions,
    )
    from samarbejde.strategies._sources import cited, sources
    from samarbejde.strategies._values import (
        DEFAULT_END,
        DEFAULT_START,
        amounts,
        cvr_numbers,
        dates,
        durations,
        ids,
        kommunekoder,
        money,
        phase_changes,
        quantities,
        status_changes,
        terms,
        texts,
        whens,
    )

# Loaded on first use, so that the Hypothesis plugin (``_plugin``) can be imported
# cheaply, and even if a strategy module failed to import, without breaking
# ``import hypothesis``.
_MODULES = {
    "DEFAULT_END": "_values",
    "DEFAULT_START": "_values",
    "Defect": "_defect",
    "KIND_POWERS": "_partnerships",
    "KIND_UNITS": "_records",
    "Operation": "_operations",
    "Refusal": "_operations",
    "LOAD_PROBLEMS": "_invalid_documents",
    "RULE_DEFECTS": "_invalid_rules",
    "Size": "_portfolios",
    "agreements": "_records",
    "area_lists": "_records",
    "amounts": "_values",
    "areas": "_records",
    "challenges": "_records",
    "cited": "_sources",
    "classifications": "_records",
    "codes": "_records",
    "commitments": "_records",
    "cvr_numbers": "_values",
    "dates": "_values",
    "durations": "_values",
    "entry_points": "_records",
    "figures": "_records",
    "fulfilments": "_records",
    "funding": "_funding",
    "funding_changes": "_funding",
    "funding_shares": "_funding",
    "goals": "_records",
    "governance_bodies": "_bodies",
    "involvement_events": "_bodies",
    "seats": "_bodies",
    "secretariats": "_bodies",
    "identifiers": "_records",
    "listings": "_records",
    "ids": "_values",
    "invalid_portfolios": "_invalid",
    "kommunekoder": "_values",
    "mandates": "_records",
    "measurements": "_records",
    "memberships": "_records",
    "money": "_values",
    "operations": "_operations",
    "organisations": "_records",
    "partnerships": "_portfolios",
    "period_amounts": "_funding",
    "phase_changes": "_values",
    "plan_periods": "_funding",
    "portfolios": "_portfolios",
    "project_lifecycles": "_lifecycles",
    "quantities": "_values",
    "refused_operations": "_operations",
    "reviews": "_records",
    "signatures": "_records",
    "sources": "_sources",
    "status_changes": "_values",
    "strategic_lifecycles": "_lifecycles",
    "terms": "_values",
    "texts": "_values",
    "whens": "_values",
    "visions": "_records",
}

__all__ = [
    "DEFAULT_END",
    "DEFAULT_START",
    "KIND_POWERS",
    "KIND_UNITS",
    "LOAD_PROBLEMS",
    "RULE_DEFECTS",
    "Defect",
    "Operation",
    "Refusal",
    "Size",
    "agreements",
    "amounts",
    "area_lists",
    "areas",
    "challenges",
    "cited",
    "classifications",
    "codes",
    "commitments",
    "cvr_numbers",
    "dates",
    "durations",
    "entry_points",
    "figures",
    "fulfilments",
    "funding",
    "funding_changes",
    "funding_shares",
    "goals",
    "governance_bodies",
    "identifiers",
    "ids",
    "invalid_portfolios",
    "involvement_events",
    "kommunekoder",
    "listings",
    "mandates",
    "measurements",
    "memberships",
    "money",
    "operations",
    "organisations",
    "partnerships",
    "period_amounts",
    "phase_changes",
    "plan_periods",
    "portfolios",
    "project_lifecycles",
    "quantities",
    "refused_operations",
    "reviews",
    "seats",
    "secretariats",
    "signatures",
    "sources",
    "status_changes",
    "strategic_lifecycles",
    "terms",
    "texts",
    "visions",
    "whens",
]


#: Old names kept for code written against them: each warns and gives the new strategy.
_RENAMED = {"fundings": "funding"}


def __getattr__(name: str) -> Any:
    renamed = _RENAMED.get(name)
    if renamed is not None:
        warnings.warn(
            f"samarbejde.strategies.{name} is now samarbejde.strategies.{renamed}",
            DeprecationWarning,
            stacklevel=2,
        )
        return __getattr__(renamed)
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module 'samarbejde.strategies' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"samarbejde.strategies.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
