"""The reference registry service of docs/how-to/registry-api.md, on both engines.

The docs tests run the page on SQLite (in ``test_markdown_examples``); here its
``exercise`` runs again against PostgreSQL, on the server ``.ci/run`` starts. Without
one the test skips, saying why; under CI (``CI=true``) a missing server fails it.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from tests.docs.test_markdown_examples import DOCS, RUN_AS_PYTHON, extract, runnable
from tests.store.conftest import NO_POSTGRES, POSTGRES_URL, postgres_target

PAGE = DOCS / "how-to" / "registry-api.md"


def page_namespace() -> dict[str, Any]:
    """The page's definitions, without running its last line (``exercise("registry.db")``)."""
    namespace: dict[str, Any] = {"__name__": "docs.registry_api"}
    for block in runnable(extract(PAGE.read_text("utf-8"))):
        assert block.language in RUN_AS_PYTHON
        code = block.code.replace('exercise("registry.db")\n', "")
        exec(compile(code, str(PAGE), "exec", dont_inherit=True), namespace)
    return namespace


def test_the_page_runs_its_service_on_sqlite(tmp_path: Path) -> None:
    page_namespace()["exercise"](str(tmp_path / "registry.db"))


def test_the_page_runs_its_service_on_postgresql() -> None:
    if not POSTGRES_URL and os.environ.get("CI") == "true":
        pytest.fail(f"under CI the registry service must run on PostgreSQL: {NO_POSTGRES}")
    for url in postgres_target():
        page_namespace()["exercise"](url)


def test_a_broken_service_fails_the_exercise(tmp_path: Path) -> None:
    namespace = page_namespace()
    make_app = namespace["make_app"]

    def without_conflicts(url: str) -> Any:
        app = make_app(url)
        app.exception_handlers.pop(namespace["ConflictError"])
        app.exception_handlers[namespace["ConflictError"]] = app.exception_handlers[
            namespace["ModelError"]
        ]
        return app

    namespace["make_app"] = without_conflicts
    namespace["exercise"].__globals__["make_app"] = without_conflicts
    with pytest.raises(AssertionError):
        namespace["exercise"](str(tmp_path / "registry.db"))
