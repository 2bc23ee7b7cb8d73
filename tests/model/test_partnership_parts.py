"""Partnership is one record made of operation groups: the split changes nothing outside.

The operations live in private modules grouped by concern (members and mandates,
commitments, the lifecycle, plans), each a stateless base of ``Partnership``. These tests
hold what a user can see: the same fields, values that pickle, compare and hash as
before, no state outside the fields, and every public operation on the class.
"""

from __future__ import annotations

import copy
import pickle

import attrs
from hypothesis import given
from tests.profiles import WHOLE_PORTFOLIOS

from samarbejde import Partnership
from samarbejde.model.sources import Cited
from samarbejde.strategies import partnerships
from samarbejde.testing import project

FIELDS = (
    "id",
    "name",
    "lifecycle",
    "areas",
    "earlier",
    "parent",
    "vision",
    "challenges",
    "goals",
    "members",
    "commitments",
    "agreements",
    "governance",
    "funding",
    "periods",
    "governance_history",
    "secretariat",
    "involvement",
)
#: The public operations and lookups of docs/reference/operations.md and the API page.
PUBLIC = {
    "admit",
    "advance",
    "agree_vision",
    "amend_funding",
    "agreement",
    "as_of",
    "body",
    "change_body",
    "close_body",
    "commit",
    "commitment",
    "conclude",
    "declare_interests",
    "end_funding",
    "extend_funding",
    "form",
    "fund",
    "funding_by_id",
    "goal",
    "measure",
    "grant",
    "holder",
    "identify_challenge",
    "lifecycles",
    "make_strategic",
    "mandates",
    "member",
    "members_on",
    "memberships",
    "plan_period",
    "record_fulfilment",
    "record_involvement",
    "record_review",
    "release",
    "revoke",
    "set_goal",
    "set_governance",
    "set_secretariat",
    "set_status",
    "set_up_body",
    "sign",
}


def test_the_fields_are_the_records_own_and_only_cited_adds_any() -> None:
    own = tuple(f.name for f in attrs.fields(Partnership) if not f.inherited)
    inherited = tuple(f.name for f in attrs.fields(Partnership) if f.inherited)
    assert own == FIELDS
    assert inherited == tuple(f.name for f in attrs.fields(Cited))
    for base in Partnership.__mro__[1:-1]:
        if base is not Cited:
            assert base.__dict__.get("__slots__") == (), f"{base.__name__} must hold no state"


def test_the_public_names_are_the_fields_and_the_operations() -> None:
    public = {name for name in dir(Partnership) if not name.startswith("_")}
    assert public == PUBLIC | set(FIELDS) | {f.name for f in attrs.fields(Cited)}


def test_an_operation_returns_a_partnership_not_a_part_of_one() -> None:
    admitted = project().admit("x", role="partner", on=project().lifecycle.started)
    assert type(admitted) is Partnership


@WHOLE_PORTFOLIOS
@given(partnerships())
def test_a_partnership_pickles_copies_compares_and_hashes_by_value(
    partnership: Partnership,
) -> None:
    for clone in (pickle.loads(pickle.dumps(partnership)), copy.deepcopy(partnership)):
        assert type(clone) is Partnership
        assert clone == partnership
        assert hash(clone) == hash(partnership)
    assert not hasattr(partnership, "__dict__")
