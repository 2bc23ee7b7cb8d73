"""Hypothesis plugin: registers samarbejde's strategies when Hypothesis is imported.

``pyproject.toml`` names :func:`_hypothesis_setup_hook` under the entry point group
``hypothesis``. Registration is cheap: each type gets a deferred strategy, so no
strategy is built until a test draws one.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import Any

from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from samarbejde import model
from samarbejde.model.enums import ProjectPhase, StrategicPhase

__all__ = ["register"]


_STRATEGIES = {
    "Term": "terms",
    "Money": "money",
    "Quantity": "quantities",
    "StatusChange": "status_changes",
    "Fulfilment": "fulfilments",
    "Review": "reviews",
    "Mandate": "mandates",
    "Membership": "memberships",
    "Commitment": "commitments",
    "Goal": "goals",
    "Challenge": "challenges",
    "Vision": "visions",
    "Signature": "signatures",
    "Source": "sources",
    "Agreement": "agreements",
    "GovernanceBody": "governance_bodies",
    "Seat": "seats",
    "Secretariat": "secretariats",
    "InvolvementEvent": "involvement_events",
    "Funding": "funding",
    "PeriodAmount": "period_amounts",
    "FundingShare": "funding_shares",
    "FundingChange": "funding_changes",
    "PlanPeriod": "plan_periods",
    "EntryPoint": "entry_points",
    "Identifiers": "identifiers",
    "Organisation": "organisations",
    "Area": "areas",
    "Classification": "classifications",
    "ProjectLifecycle": "project_lifecycles",
    "StrategicLifecycle": "strategic_lifecycles",
    "Partnership": "partnerships",
    "Portfolio": "portfolios",
}
"""Each public type's name and the name of its strategy in ``samarbejde.strategies``."""


def _strategy(name: str) -> Callable[[], SearchStrategy[Any]]:
    """A function that looks the strategy up when it is first drawn from.

    Looking it up late keeps registration cheap and works even while
    ``samarbejde.strategies`` itself is still being imported.
    """

    def make() -> SearchStrategy[Any]:
        made: SearchStrategy[Any] = getattr(import_module("samarbejde.strategies"), name)()
        return made

    return make


def _phase_changes(kind: type[Any]) -> SearchStrategy[Any]:
    args = getattr(kind, "__args__", ())
    phase = args[0] if args and args[0] in (ProjectPhase, StrategicPhase) else None
    made: SearchStrategy[Any] = import_module("samarbejde.strategies").phase_changes(phase)
    return made


def register() -> None:
    """Register a strategy for every public samarbejde record and value type.

    After this, ``st.from_type(samarbejde.Partnership)`` and ``st.builds`` over
    samarbejde types draw valid objects. The Hypothesis plugin calls it for you.
    """
    for kind, name in _STRATEGIES.items():
        st.register_type_strategy(getattr(model, kind), st.deferred(_strategy(name)))
    st.register_type_strategy(model.PhaseChange, _phase_changes)


def _hypothesis_setup_hook() -> None:
    """Entry point for Hypothesis: register, and never break ``import hypothesis``."""
    try:
        register()
    except Exception:  # pragma: no cover - a broken install must not break Hypothesis
        return
