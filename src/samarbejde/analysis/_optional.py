"""Optional dependencies: import them late and say which extra installs them."""

from __future__ import annotations

import importlib
from typing import Any

from samarbejde.model.errors import SamarbejdeError

__all__ = ["EXTRAS", "MissingExtraError", "require"]

#: Which extra of the ``samarbejde`` distribution installs each optional module.
EXTRAS: dict[str, str] = {
    "pandas": "frames",
    "pyarrow": "frames",
    "matplotlib": "plot",
    "networkx": "plot",
}


class MissingExtraError(SamarbejdeError, ImportError):
    """An optional dependency is not installed.

    Attributes:
        module: The module that could not be imported, e.g. ``"pandas"``.
        extra: The extra that installs it, e.g. ``"frames"``.
    """

    module: str
    extra: str

    def __init__(self, module: str, extra: str) -> None:
        self.module = module
        self.extra = extra
        super().__init__(
            f"{module} is needed for this and is not installed; "
            f"install it with: pip install 'samarbejde[{extra}]'",
            name=module,
        )


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
    samarbejde.analysis._optional.MissingExtraError: definitely_not_installed is needed ...
    """
    top = module.partition(".")[0]
    try:
        return importlib.import_module(module)
    except ImportError as error:
        raise MissingExtraError(top, EXTRAS.get(top, "notebook")) from error
