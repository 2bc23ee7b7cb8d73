"""A defect: broken data and the finding or load problem it must produce."""

from __future__ import annotations

from typing import Literal

import attrs
import pendulum

from samarbejde.model.portfolio import Portfolio

__all__ = ["Defect", "DocumentFormat"]

#: The formats a document can be written in.
DocumentFormat = Literal["json", "yaml", "toml"]


@attrs.frozen
class Defect:
    """A portfolio or document with one known defect, and what it must produce.

    Attributes:
        code: For a portfolio, the rule code ``validate`` must report as its only
            error (e.g. ``"S003"``); for a document, the class of load problem,
            ``"load:<class>"`` (e.g. ``"load:unknown-key"``).
        what: The defect, in a sentence.
        portfolio: The defective portfolio (rule defects).
        as_of: The day to validate as of, for rules that need one (``T002``).
        document: The defective document (load defects): text, or bytes for encodings.
        format: The document's format.
        max_bytes: The size limit to load it with, when the defect is its size.
        path: Where in the document the single problem is reported (``None``: where
            depends on the format).
        message: A fragment of the single problem's message.
    """

    code: str
    what: str
    portfolio: Portfolio | None = None
    as_of: pendulum.Date | None = None
    document: str | bytes | None = None
    format: DocumentFormat | None = None
    max_bytes: int | None = None
    path: str | None = ""
    message: str = ""
