from __future__ import annotations

import sys

import pytest

from samarbejde import SamarbejdeError
from samarbejde.analysis import MissingExtraError
from samarbejde.analysis._optional import require


@pytest.mark.parametrize(
    ("module", "extra"),
    [
        ("pandas", "frames"),
        ("pyarrow", "frames"),
        ("matplotlib.figure", "plot"),
        ("networkx", "plot"),
    ],
)
def test_a_missing_optional_module_names_the_extra_to_install(
    monkeypatch: pytest.MonkeyPatch, module: str, extra: str
) -> None:
    top = module.partition(".")[0]
    if module != top:
        monkeypatch.delitem(sys.modules, module, raising=False)
    monkeypatch.setitem(sys.modules, top, None)  # an import of it now fails
    with pytest.raises(MissingExtraError) as caught:
        require(module)
    error = caught.value
    assert (error.module, error.extra) == (top, extra)
    assert f"pip install 'samarbejde[{extra}]'" in str(error)
    assert isinstance(error, ImportError)
    assert isinstance(error, SamarbejdeError)


def test_an_installed_optional_module_is_returned() -> None:
    assert require("json").dumps([]) == "[]"
