"""Count exports that pass the standards' validators: ``python -m tests.interop.exports_pass N``.

For the bundled examples and ``N`` generated portfolios (``samarbejde.strategies.portfolios``,
every organisation with a CVR number), it prints how many IATI exports pass every
error-level rule of IATI's Standard Ruleset and the 2.03 XSD, and how many ORG exports
pass the SHACL shapes. The suite runs a bounded number of the same checks
(``test_iati_validator.py``, ``test_org_shapes.py``); this is the long count.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections import Counter

from hypothesis import HealthCheck, given, settings
from tests.interop.conftest import with_cvr_numbers
from tests.interop.iati_rules import errors
from tests.interop.standards import SHAPES, iati_errors, org_graph, popolo_errors, shape_results
from tests.interop.test_iati import _with_cvr

from samarbejde import Portfolio, examples
from samarbejde import strategies as sst
from samarbejde.interop import InteropError, to_iati, to_org_jsonld, to_popolo

AS_OF = examples.AS_OF
BASE = "https://example.org/samarbejde/"
NOW = dt.datetime(AS_OF.year, AS_OF.month, AS_OF.day, 23, 59, 59)


class Count:
    def __init__(self) -> None:
        self.exports = self.passed = self.none = 0
        self.rules: Counter[str] = Counter()
        self.org = self.org_passed = self.popolo = self.popolo_passed = 0

    def org_and_popolo(self, portfolio: Portfolio) -> None:
        graph = org_graph(to_org_jsonld(portfolio, base=BASE).document)
        self.org += 1
        self.org_passed += all(not shape_results(graph, shape) for shape in SHAPES)
        self.popolo += 1
        self.popolo_passed += not popolo_errors(to_popolo(portfolio).document)

    def iati(self, portfolio: Portfolio) -> None:
        try:
            export = to_iati(portfolio, as_of=AS_OF)
        except InteropError:
            self.none += 1
            return
        document = export.document.encode()
        found = errors(document, now=NOW)
        self.exports += 1
        self.passed += not found and not iati_errors(document)
        self.rules.update(f.rule for f in found)


def main(generated: int) -> None:
    count = Count()
    for name in examples.names():
        count.iati(_with_cvr(name))
        count.org_and_popolo(examples.load(name))

    @settings(
        max_examples=generated,
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(with_cvr_numbers(sst.portfolios(as_of=AS_OF)))
    def draw(portfolio: Portfolio) -> None:
        count.iati(portfolio)
        count.org_and_popolo(portfolio)

    draw()
    print(
        f"IATI: {count.passed} of {count.exports} exports pass the Standard Ruleset's error"
        f" rules and the XSD ({count.none} portfolios with no activity to write);"
        f" failures by rule: {dict(count.rules)}"
    )
    print(f"ORG: {count.org_passed} of {count.org} exports pass the CPOV, CBV and ORG-AP-DK shapes")
    print(f"Popolo: {count.popolo_passed} of {count.popolo} exports pass Popolo's schemas")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200)
