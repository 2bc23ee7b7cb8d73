"""Store targets for both engines: a SQLite file, and a PostgreSQL schema of its own.

The PostgreSQL tests run against the server named by ``SAMARBEJDE_TEST_POSTGRES_URL``
(``.ci/run`` starts one); without it they are skipped, with the reason.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest

POSTGRES_URL = os.environ.get("SAMARBEJDE_TEST_POSTGRES_URL")
NO_POSTGRES = "SAMARBEJDE_TEST_POSTGRES_URL is not set: no PostgreSQL server to test against"


def postgres_target() -> Iterator[str]:
    """A URL whose connections use a fresh schema, dropped afterwards."""
    if not POSTGRES_URL:
        pytest.skip(NO_POSTGRES)
    import psycopg  # noqa: PLC0415 - only when a server is given

    schema = f"test_{secrets.token_hex(6)}"
    with psycopg.connect(POSTGRES_URL, autocommit=True) as db:
        db.execute(f"CREATE SCHEMA {schema}")
    separator = "&" if "?" in POSTGRES_URL else "?"
    yield f"{POSTGRES_URL}{separator}options={quote(f'-csearch_path={schema}')}"
    with psycopg.connect(POSTGRES_URL, autocommit=True) as db:
        db.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture(params=["sqlite", "postgresql"])
def target(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """Where a fresh store lives, once for each engine."""
    if request.param == "sqlite":
        yield str(tmp_path / "registry.db")
    else:
        yield from postgres_target()
