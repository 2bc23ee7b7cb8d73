"""Optional dependencies: import them late and say which extra installs them."""

from __future__ import annotations

import importlib
from typing import Any

from samarbejde.model.errors import MissingExtraError

__all__ = ["EXTRAS", "MissingExtraError", "require"]

#: Which extra of the ``samarbejde`` distribution installs each optional module.
EXTRAS: dict[str, str] = {
    "pandas": "frames",
    "pyarrow": "frames",
    "matplotlib": "plot",
    "networkx": "plot",
}


def require(module: str) -> Any:
    """Import an optional module, or raise :class:`MissingExtraError` naming its extra.

    Args:
        module: A dotted module name whose top-level package is listed in :data:`EXTRAS`,
            e.g. ``"matplotlib.figure"``.

    Returns:
        The imported module.

    Raises:
        MissingExtraError: The module (or its top-level package) is not installed.

    >>> require("definitely_not_installed")
    Traceback (most recent call last):
    ...
    samarbejde.model.errors.MissingExtraError: definitely_not_installed is needed ...
    """
    top = module.partition(".")[0]
    try:
        return importlib.import_module(module)
    except ImportError as error:
        raise MissingExtraError(top, EXTRAS.get(top, "notebook")) from error
