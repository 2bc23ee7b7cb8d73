"""Deliberately broken data: a valid portfolio with exactly one targeted defect.

Each :class:`Defect` names what it must produce: an error-severity rule code (for a
portfolio to pass to :func:`samarbejde.validate`) or a class of load problem (for a
document to pass to :func:`samarbejde.loads`).
"""

from __future__ import annotations

from collections.abc import Iterable

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from samarbejde.strategies._defect import Defect, DocumentFormat
from samarbejde.strategies._invalid_documents import DOCUMENT_BASE, FORMATS, LOAD_PROBLEMS, LOADS
from samarbejde.strategies._invalid_rules import BASE, RULE_DEFECTS, RULES
from samarbejde.strategies._portfolios import portfolios
from samarbejde.strategies._values import pick

__all__ = ["invalid_portfolios"]


def invalid_portfolios(
    codes: Iterable[str] | None = None,
    *,
    formats: Iterable[DocumentFormat] = FORMATS,
) -> st.SearchStrategy[Defect]:
    """Valid portfolios with one targeted defect each, and the finding it must cause.

    A rule defect holds a portfolio whose only error-severity finding from
    ``validate(defect.portfolio, as_of=defect.as_of)`` has ``defect.code``. A load
    defect holds a document whose ``loads(defect.document, defect.format)`` (with
    ``max_bytes=defect.max_bytes`` when set) raises a ``LoadError`` with exactly one
    problem, at ``defect.path``, whose message contains ``defect.message``.

    Args:
        codes: The rule codes (from :data:`RULE_DEFECTS`) and load problems (from
            :data:`LOAD_PROBLEMS`) to draw; all of them by default.
        formats: The document formats load defects are written in. A load problem
            that none of them can hold (``load:yaml-anchor`` in JSON) is refused when
            named in ``codes``, and left out of the default (every defect).

    Raises:
        InvalidArgument: A code this strategy cannot produce, or cannot write in any
            of ``formats``; or no format.

    >>> from hypothesis import Phase, find, settings
    >>> draw_once = settings(phases=[Phase.generate], database=None)  # no shrinking
    >>> find(invalid_portfolios(["S003"]), lambda d: True, settings=draw_once).code
    'S003'
    """
    wanted = tuple(dict.fromkeys(codes)) if codes is not None else (*RULE_DEFECTS, *LOAD_PROBLEMS)
    unknown = [c for c in wanted if c not in RULE_DEFECTS and c not in LOAD_PROBLEMS]
    if unknown:
        raise InvalidArgument(
            f"cannot produce {unknown}; known: {', '.join((*RULE_DEFECTS, *LOAD_PROBLEMS))}"
        )
    chosen_formats = tuple(dict.fromkeys(formats))
    if not chosen_formats or not set(chosen_formats) <= set(FORMATS):
        raise InvalidArgument(f"formats must be some of {FORMATS}, got {chosen_formats}")
    if not wanted:
        raise InvalidArgument("codes must name at least one defect")
    unwritable = [c for c in wanted if c in LOAD_PROBLEMS and not _writable(c, chosen_formats)]
    if codes is not None and unwritable:
        told = "; ".join(f"{c} only in {', '.join(LOADS[c[5:]][1])}" for c in unwritable)
        raise InvalidArgument(f"cannot write {told}; formats given: {', '.join(chosen_formats)}")
    wanted = tuple(c for c in wanted if c not in unwritable)

    @st.composite
    def build(draw: st.DrawFn) -> Defect:
        code = pick(draw, wanted)
        if code in RULES:
            breaker, sizes = RULES[code]
            base = draw(portfolios(**{**BASE, **sizes}))
            return breaker(draw, base)
        maker, allowed = LOADS[code.removeprefix("load:")]
        usable = [f for f in chosen_formats if f in allowed]
        base = draw(portfolios(**DOCUMENT_BASE))
        return maker(draw, base, pick(draw, usable))

    return build()


def _writable(code: str, formats: tuple[DocumentFormat, ...]) -> bool:
    """Whether load problem ``code`` can be written in one of ``formats``."""
    return any(f in LOADS[code.removeprefix("load:")][1] for f in formats)
