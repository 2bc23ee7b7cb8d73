"""The IATI Standard Ruleset, evaluated offline with lxml's XPath 1.0.

The ruleset (``data/iati/rulesets/standard.json``, the rules the IATI Validator runs)
is data: for each context XPath, named rules with cases of XPath conditions. This
module evaluates each rule as ``data/iati/rulesets/SPEC.rst`` (the JS edition the
Validator runs) says; ``test_iati_rules.py`` shows on upstream's own ``meta_tests``
that it finds what the ruleset means.

Two inputs of the Validator are not in a file: the time it runs (``NOW`` and
``date_now``), given here as ``now``, and the IATI Registry's lists
(``idCondition`` and the ``ORG-ID-PREFIX`` set), given as ``org_id_prefixes``; with
no prefixes, a case that needs them is not evaluated (only warnings do).
"""

from __future__ import annotations

import datetime as dt
import decimal
import functools
import json
import math
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs
from lxml import etree

RULESETS = Path(__file__).parent / "data" / "iati" / "rulesets"
STANDARD = RULESETS / "standard.json"

Case = Mapping[str, Any]


@attrs.frozen
class Failure:
    """One case of one rule that an element of the document breaks.

    Attributes:
        rule: The rule's id (e.g. ``7.5.3``), or its name where the case has no id.
        severity: ``error``, ``warning`` or ``info`` (``error`` where none is given).
        message: The rule's message, or the case as JSON.
        where: The path of the context element in the document.
    """

    rule: str
    severity: str
    message: str
    where: str

    def __str__(self) -> str:
        return f"{self.rule} ({self.severity}) at {self.where}: {self.message}"


@functools.cache
def standard_ruleset() -> Mapping[str, Any]:
    """The Standard Ruleset for IATI 2.03."""
    loaded: Mapping[str, Any] = json.loads(STANDARD.read_text(encoding="utf-8"))
    return loaded


def _truth(value: Any) -> bool:
    """XPath's boolean() of an lxml XPath result."""
    if isinstance(value, float):
        return not math.isnan(value) and value != 0
    return bool(value)


def _text(node: Any) -> str:
    if isinstance(node, etree._Element):
        return "".join(node.itertext())
    return str(node)


def _nodes(element: etree._Element, path: str) -> list[Any]:
    result = element.xpath(path)
    return result if isinstance(result, list) else [result]


def _texts(element: etree._Element, paths: Sequence[str]) -> list[str]:
    return [_text(node) for path in paths for node in _nodes(element, path)]


def _instant(text: str) -> dt.datetime | None:
    """A date or date-time as written in IATI, naive and in its own zone; None if bad."""
    try:
        if len(text) == 10:
            return dt.datetime.combine(dt.date.fromisoformat(text), dt.time())
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).replace(tzinfo=None)
    except ValueError:
        return None


class _Run:
    """One evaluation of a ruleset over one document."""

    def __init__(self, now: dt.datetime, org_id_prefixes: frozenset[str] | None) -> None:
        self.now = now
        self.org_id_prefixes = org_id_prefixes

    def dates(self, element: etree._Element, path: str) -> list[dt.datetime | None]:
        if path == "NOW":
            return [self.now]
        return [_instant(text.strip()) for text in _texts(element, [path])]

    # Each rule: True when the element keeps the case, None when the case does not apply.

    def atleast_one(self, element: etree._Element, case: Case) -> bool | None:
        return any(_nodes(element, path) for path in case.get("paths", []))

    def no_more_than_one(self, element: etree._Element, case: Case) -> bool | None:
        return sum(len(_nodes(element, path)) for path in case.get("paths", [])) <= 1

    def dependent(self, element: etree._Element, case: Case) -> bool | None:
        found = [bool(_nodes(element, path)) for path in case.get("paths", [])]
        return all(found) or not any(found)

    def only_one_of(self, element: etree._Element, case: Case) -> bool | None:
        found = sum(len(_nodes(element, path)) for path in case.get("paths", []))
        if any(_nodes(element, path) for path in case.get("excluded", [])):
            return found == 0
        return found == 1

    def one_or_all(self, element: etree._Element, case: Case) -> bool | None:
        if _nodes(element, case["one"]):
            return True
        every = case["all"]
        if every == "lang":
            return all(n.get(_XML_LANG) for n in element.iter("narrative"))
        if every == "currency":
            money = (n for tag in _MONEY for n in element.iter(tag))
            return all(n.get("currency") for n in money)
        if every == "sector":
            return all(t.find("sector") is not None for t in element.iter("transaction"))
        raise NotImplementedError(f"one_or_all over {every!r}")

    def sum(self, element: etree._Element, case: Case) -> bool | None:
        values = _texts(element, case.get("paths", []))
        try:
            total = math.fsum(float(v) for v in values)
        except ValueError:
            return False
        return math.isclose(total, float(case["sum"]))

    def strict_sum(self, element: etree._Element, case: Case) -> bool | None:
        values = _texts(element, case.get("paths", []))
        try:
            total = sum((decimal.Decimal(v) for v in values), decimal.Decimal(0))
        except decimal.InvalidOperation:
            return False
        return total == decimal.Decimal(str(case["sum"]))

    def range(self, element: etree._Element, case: Case) -> bool | None:
        low, high = case.get("min", -math.inf), case.get("max", math.inf)
        for value in _texts(element, case.get("paths", [])):
            try:
                number = float(value)
            except ValueError:
                return False
            if not low <= number <= high:
                return False
        return True

    def date_order(self, element: etree._Element, case: Case) -> bool | None:
        less, more = self.dates(element, case["less"]), self.dates(element, case["more"])
        if not less or not more:
            return None
        if None in less or None in more:
            return False
        return all(a <= b for a in less for b in more if a is not None and b is not None)

    def date_now(self, element: etree._Element, case: Case) -> bool | None:
        dates = self.dates(element, case["date"])
        return all(d is not None and d <= self.now for d in dates)

    def time_limit(self, element: etree._Element, case: Case) -> bool | None:
        starts, ends = self.dates(element, case["start"]), self.dates(element, case["end"])
        if not starts or not ends:
            return None
        start, end = starts[0], ends[0]
        if start is None or end is None:
            return False
        return (end - start).days <= _YEAR_DAYS

    def between_dates(self, element: etree._Element, case: Case) -> bool | None:
        starts, ends = self.dates(element, case["start"]), self.dates(element, case["end"])
        days = self.dates(element, case["date"])
        if not starts or not ends or not days:
            return None
        start, end = starts[0], ends[0]
        if start is None or end is None or None in days:
            return False
        return all(d is not None and start <= d <= end for d in days)

    def regex_matches(self, element: etree._Element, case: Case) -> bool | None:
        pattern = re.compile(case["regex"])
        return all(pattern.search(t) for t in _texts(element, case.get("paths", [])))

    def regex_no_matches(self, element: etree._Element, case: Case) -> bool | None:
        pattern = re.compile(case["regex"])
        return not any(pattern.search(t) for t in _texts(element, case.get("paths", [])))

    def startswith(self, element: etree._Element, case: Case) -> bool | None:
        wanted = case.get("prefix", case.get("start"))
        wanted = [wanted] if isinstance(wanted, str) else wanted
        prefixes: list[str] = []
        for path in wanted:
            if path == "ORG-ID-PREFIX":
                if self.org_id_prefixes is None:
                    return None
                prefixes += self.org_id_prefixes
            else:
                prefixes += _texts(element, [path])
        separator = case.get("separator", "")
        return all(
            any(text.startswith(p + separator) for p in prefixes)
            for text in _texts(element, case.get("paths", []))
        )

    def unique(self, element: etree._Element, case: Case) -> bool | None:
        texts = _texts(element, case.get("paths", []))
        return len(texts) == len(set(texts))

    def if_then(self, element: etree._Element, case: Case) -> bool | None:
        if not _truth(element.xpath(case["if"])):
            return None
        return _truth(element.xpath(case["then"]))

    def no_spaces(self, element: etree._Element, case: Case) -> bool | None:
        return all(t == t.strip() for t in _texts(element, case.get("paths", [])))

    # -- driving the rules -----------------------------------------------------------------

    def applies(self, element: etree._Element, case: Case) -> bool:
        condition = case.get("condition")
        if condition is not None and not _truth(element.xpath(condition)):
            return False
        # idCondition asks the IATI Registry; offline, only with its prefix list.
        return "idCondition" not in case or self.org_id_prefixes is not None

    def check(
        self, element: etree._Element, name: str, case: Case, where: str
    ) -> Iterator[Failure]:
        if name == "loop":
            for value in dict.fromkeys(_texts(element, [case["foreach"]])):
                for inner_name, inner in case["do"].items():
                    for inner_case in inner["cases"]:
                        substituted = _substitute(inner_case, case.get("subs", []), value)
                        yield from self.check(element, inner_name, substituted, where)
            return
        if not self.applies(element, case):
            return
        rule: Callable[[etree._Element, Case], bool | None] = getattr(self, name)
        if rule(element, case) is False:
            info = case.get("ruleInfo", {})
            message = info.get("message") or json.dumps(
                {k: v for k, v in case.items() if k != "ruleInfo"}
            )
            yield Failure(info.get("id", name), info.get("severity", "error"), message, where)


_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
#: The elements that carry an amount, each in a currency (IATI's @currency).
_MONEY = ("value", "forecast", "loan-status")
#: A period "longer than one year" is more than 365 days long (the Validator's check).
_YEAR_DAYS = 365


def _substitute(case: Case, keys: Sequence[str], value: str) -> Case:
    def sub(item: Any) -> Any:
        if isinstance(item, str):
            return item.replace("$1", value)
        if isinstance(item, list):
            return [sub(i) for i in item]
        return item

    return {k: sub(v) if k in keys else v for k, v in case.items()}


def failures(
    document: bytes | etree._ElementTree,
    ruleset: Mapping[str, Any] | None = None,
    *,
    now: dt.datetime,
    org_id_prefixes: frozenset[str] | None = None,
) -> list[Failure]:
    """Every case of ``ruleset`` (the Standard Ruleset by default) ``document`` breaks."""
    if isinstance(document, bytes):
        parser = etree.XMLParser(resolve_entities=False, no_network=True)
        tree = etree.ElementTree(etree.fromstring(document, parser=parser))
    else:
        tree = document
    run = _Run(now, org_id_prefixes)
    found: list[Failure] = []
    for context, rules in (ruleset or standard_ruleset()).items():
        for element in tree.xpath(context):
            where = tree.getpath(element)
            for name, rule in rules.items():
                for case in rule["cases"]:
                    found += run.check(element, name, case, where)
    return found


def errors(document: bytes, *, now: dt.datetime) -> list[Failure]:
    """The Standard Ruleset's error-level failures of ``document`` as checked at ``now``."""
    return [f for f in failures(document, now=now) if f.severity == "error"]
