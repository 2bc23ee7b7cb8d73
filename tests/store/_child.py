"""A second process for the fault tests: saves into or reads from a store, on command.

    python _child.py save TARGET DOCUMENT [--base N] [--wait FILE] [--pause]
    python _child.py saves TARGET DOCUMENT...
    python _child.py dump TARGET OUT

``save`` exits 0 and prints the new revision's number, or exits 3 on ConflictError.
``--wait`` waits for FILE to exist before saving (a start line for two racing savers).
``--pause`` prints ``halfway`` once the version rows are written, inside the open
transaction, and then sleeps, so that the test can kill it there.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

from samarbejde import dump, load
from samarbejde import store as stores
from samarbejde.store._engines import connect

CONFLICT = 3


class Pausing:
    """An engine that stops for good after writing the version rows."""

    def __init__(self, engine: Any) -> None:
        self._engine = engine

    def __getattr__(self, name: str) -> Any:
        return getattr(self._engine, name)

    def executemany(self, sql: str, rows: Any) -> None:
        self._engine.executemany(sql, rows)
        if "samarbejde_versions" in sql:
            print("halfway", flush=True)
            time.sleep(600)


class Slow:
    """An engine that dawdles between the statements of a save."""

    def __init__(self, engine: Any) -> None:
        self._engine = engine

    def __getattr__(self, name: str) -> Any:
        return getattr(self._engine, name)

    def executemany(self, sql: str, rows: Any) -> None:
        for row in rows:
            self._engine.executemany(sql, [row])
            time.sleep(0.002)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("command", choices=("save", "saves", "dump"))
    parser.add_argument("target")
    parser.add_argument("files", nargs="+")
    parser.add_argument("--base", type=int)
    parser.add_argument("--wait")
    parser.add_argument("--pause", action="store_true")
    args = parser.parse_args()
    engine: Any = connect(args.target, 30.0)
    if args.command == "saves":
        engine = Slow(engine)
    elif args.pause:
        engine = Pausing(engine)
    with stores.Store(engine, args.target) as registry:
        if args.command == "dump":
            dump(registry.portfolio(), args.files[0])
            return 0
        if args.command == "saves":
            for index, file in enumerate(args.files):
                registry.save(load(file), recorded_by="skriveren", note=f"save {index}")
            return 0
        portfolio = load(args.files[0])
        if args.wait:
            deadline = time.monotonic() + 60
            while not Path(args.wait).exists() and time.monotonic() < deadline:
                time.sleep(0.005)
        try:
            saved = registry.save(portfolio, recorded_by="kontoret", base=args.base)
        except stores.ConflictError as error:
            print(f"conflict: {error}", flush=True)
            return CONFLICT
        print(saved.number, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
