"""Bundled example documents: fictional partnerships in real municipalities (D114).

- ``opdrift``: *Opdrift i Ørnereden*, a strategic partnership in Esbjerg with the
  municipality, a housing organisation, Bryggens Erhverv as bridge builder, Ringkæden
  with a regional consultant and a local branch, and the residents' board.
- ``lerbakke``: *Partnerskab for Høje Lerbakke*, a place-specific, binding, long-lasting
  partnership between Gladsaxe Kommune and housing organisations.
- ``trappen``: *Trappen i Glenteby*, a four-year fund-financed project that ends with
  no successor.

>>> names()
('lerbakke', 'opdrift', 'trappen')
>>> load("opdrift").partnership("opdrift").name
'Opdrift i Ørnereden'
"""

from __future__ import annotations

from importlib.resources import files

import pendulum

from samarbejde.documents import SourceMap, loads, loads_located
from samarbejde.model.portfolio import Portfolio

__all__ = ["AS_OF", "load", "load_located", "names", "text"]

#: The date the documented findings of the examples refer to.
AS_OF = pendulum.Date(2025, 6, 1)

_NAMES = ("lerbakke", "opdrift", "trappen")


def names() -> tuple[str, ...]:
    """The names of the bundled examples, sorted."""
    return _NAMES


def text(name: str) -> str:
    """The YAML text of the example ``name``.

    Raises:
        KeyError: No example has that name; the message lists the names there are.
    """
    if name not in _NAMES:
        raise KeyError(f"no example {name!r}; there are: {', '.join(_NAMES)}")
    return (files(__package__) / f"{name}.yaml").read_text(encoding="utf-8")


def load(name: str) -> Portfolio:
    """The example ``name`` as a portfolio.

    Raises:
        KeyError: No example has that name.
    """
    return loads(text(name), "yaml", source=f"{name}.yaml")


def load_located(name: str) -> tuple[Portfolio, SourceMap]:
    """The example ``name`` as a portfolio, with its source map.

    Raises:
        KeyError: No example has that name.
    """
    return loads_located(text(name), "yaml", source=f"{name}.yaml")
