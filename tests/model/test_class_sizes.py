"""No class of the model is too long to hold in one's head (issue 20).

A record with all its operations grew to 600 lines; its operations now live in groups by
concern. This test keeps every class defined in ``samarbejde.model`` within
:data:`MOST_LINES` source lines, so the next one is split before it grows.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import samarbejde.model

MOST_LINES = 250


def _classes() -> dict[str, int]:
    sizes: dict[str, int] = {}
    for info in pkgutil.iter_modules(samarbejde.model.__path__, "samarbejde.model."):
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if inspect.isclass(value) and value.__module__ == module.__name__:
                sizes[f"{module.__name__}.{name}"] = len(inspect.getsourcelines(value)[0])
    return sizes


def test_the_model_has_classes_to_measure() -> None:
    sizes = _classes()
    assert "samarbejde.model.partnerships.Partnership" in sizes
    assert len(sizes) > 30


def test_no_model_class_is_over_250_lines() -> None:
    long = {name: lines for name, lines in _classes().items() if lines > MOST_LINES}
    assert not long, f"split by concern (as Partnership is): {long}"
