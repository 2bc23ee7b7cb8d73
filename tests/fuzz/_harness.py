"""What the fuzzers of the new surfaces share: bytes to values, the loop, the findings.

Each fuzzer (``fuzz_popolo``, ``fuzz_store``, ``fuzz_report``) is a ``check(data)`` that
turns its input bytes into calls through :class:`Draw` and raises when the contract
breaks. :func:`run` drives it as ``fuzz_loads.py`` drives ``loads``: coverage-guided
with atheris when it is installed, otherwise a seeded loop of random and mutated
inputs; ``--seconds`` bounds the run. An input that breaks the contract is saved as
``tests/fuzz/findings/<fuzzer>-<sha>.bin`` (replay it with ``--replay FILE``), and the
run exits with status 1. The last line reads ``fuzz <name>: N executions in S s, F
findings`` (libFuzzer's own statistics with atheris).
"""

from __future__ import annotations

import argparse
import atexit
import hashlib
import os
import random
import sys
import time
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

import attrs

ROOT = Path(__file__).resolve().parents[2]
FINDINGS = Path(__file__).resolve().parent / "findings"
STATE = {"runs": 0, "findings": 0, "began": time.monotonic()}
T = TypeVar("T")

if str(ROOT) not in sys.path:  # the tests' own helpers (tests.report.pages)
    sys.path.insert(0, str(ROOT))

try:
    import atheris
except ImportError:  # the pure-Python loop serves
    atheris = None

if atheris is not None:
    with atheris.instrument_imports(include=["samarbejde"]):
        import samarbejde.interop
        import samarbejde.report
        import samarbejde.store  # noqa: F401 - instrumented for coverage

#: Pieces of text that broke a contract somewhere once: controls, directional
#: overrides, markup, non-characters, lone surrogates, very long numbers, edge dates.
HOSTILE = (
    "\x00",
    "\x07",
    "\x1b[31m",
    "\u202e",
    "\u2066",
    "\u200f",
    "\ufffe",
    "\uffff",
    "\ud800",
    "\udfff",
    "<script>alert(1)</script>",
    "]]>",
    "<!--",
    "&amp;",
    "&#0;",
    '"',
    "'",
    "\\",
    "\n",
    "\r\n",
    "{name}",
    "%s",
    "9" * 400,
    "0001-01-01",
    "9999-12-31",
    "party/labour",
    "ø",
    "\U0001f600",
    "\u05d0",
    " ",
)


class Draw:
    """Values drawn from input bytes, in order; zeros once the bytes run out."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.at = 0

    def byte(self) -> int:
        """The next byte, 0 past the end."""
        if self.at >= len(self.data):
            return 0
        self.at += 1
        return self.data[self.at - 1]

    def number(self, size: int) -> int:
        """A number of ``size`` bytes, big-endian."""
        value = 0
        for _ in range(size):
            value = value * 256 + self.byte()
        return value

    def below(self, limit: int) -> int:
        """A number from 0 to ``limit - 1``."""
        return self.number(2) % limit if limit > 1 else 0

    def choice(self, options: Sequence[T]) -> T:
        """One of ``options``."""
        return options[self.below(len(options))]

    def flag(self) -> bool:
        """True or false."""
        return self.byte() % 2 == 1

    def text(self, pieces: int = 4) -> str:
        """Text of up to ``pieces`` pieces: raw bytes (lone surrogates where not UTF-8)
        or :data:`HOSTILE` ones."""
        parts: list[str] = []
        for _ in range(self.below(pieces + 1)):
            if self.flag():
                size = self.below(24)
                raw = self.data[self.at : self.at + size]
                self.at += size
                parts.append(raw.decode("utf-8", "surrogateescape"))
            else:
                parts.append(self.choice(HOSTILE))
        return "".join(parts)

    def integer(self) -> int:
        """An integer, often at an edge: 0, negative, huge."""
        return self.choice(
            (0, 1, 2, 3, -1, -(2**63), 2**31, 2**63, 10**30, -(10**30), self.number(3))
        )


#: The fields of the model's records that hold free text (names, titles), not ids or codes.
TEXT_FIELDS = frozenset({"name", "title", "text", "theme", "indicator", "representative"})


def with_texts(draw: Draw, portfolio: object) -> object:
    """``portfolio`` with some of its free texts replaced by drawn ones.

    A text the model refuses (its validators raise) keeps its old value: the fuzzers
    test the surfaces after the model, not the model.
    """
    if isinstance(portfolio, tuple):
        return tuple(with_texts(draw, item) for item in portfolio)
    if not attrs.has(type(portfolio)):
        return portfolio
    changes: dict[str, object] = {}
    for field in attrs.fields(type(portfolio)):
        if not field.init:
            continue
        old = getattr(portfolio, field.name)
        if type(old) is str and field.name in TEXT_FIELDS and draw.flag():
            changes[field.name] = draw.text()
        elif isinstance(old, tuple) or attrs.has(type(old)):
            new = with_texts(draw, old)
            if new is not old:
                changes[field.name] = new
    if not changes:
        return portfolio
    try:
        return attrs.evolve(portfolio, **changes)  # type: ignore[misc]
    except Exception:
        return portfolio


def save(name: str, data: bytes, error: BaseException) -> None:
    """Keep an input that broke the contract, and say so."""
    FINDINGS.mkdir(exist_ok=True)
    target = FINDINGS / f"{name}-{hashlib.sha256(data).hexdigest()[:16]}.bin"
    target.write_bytes(data)
    STATE["findings"] += 1
    shown = "".join(traceback.format_exception_only(type(error), error)).strip()
    print(f"FINDING {shown[:300]} -> {target}", file=sys.stderr)


def mutate(rng: random.Random, data: bytes, pool: list[bytes]) -> bytes:
    """A few random edits of ``data``: bytes changed, inserted, deleted, spliced."""
    buf = bytearray(data)
    for _ in range(rng.randint(1, 6)):
        at = rng.randrange(len(buf) + 1)
        choice = rng.randrange(4)
        if choice == 0 and buf:
            buf[min(at, len(buf) - 1)] = rng.randrange(256)
        elif choice == 1:
            buf[at:at] = rng.randbytes(rng.randint(1, 16))
        elif choice == 2:
            del buf[at : at + rng.randint(1, 16)]
        else:
            other = rng.choice(pool)
            start = rng.randrange(len(other) + 1)
            buf[at:at] = other[start : start + rng.randint(1, 64)]
    return bytes(buf[:4096])


def report(name: str) -> None:
    spent = time.monotonic() - STATE["began"]
    runs, findings = STATE["runs"], STATE["findings"]
    print(f"fuzz {name}: {runs} executions in {spent:.0f} s, {findings} findings")
    sys.stdout.flush()
    if findings:
        os._exit(1)


def run(name: str, check: Callable[[bytes], None], argv: list[str] | None = None) -> None:
    """Fuzz ``check`` for ``--seconds``; every exception it raises is a finding."""
    parser = argparse.ArgumentParser(description=f"fuzz {name}")
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--pure", action="store_true", help="the pure-Python loop")
    parser.add_argument("--replay", type=Path, help="run one saved input and show the error")
    args = parser.parse_args(argv)
    if args.replay is not None:
        check(args.replay.read_bytes())
        return

    def one(data: bytes, *, stop: bool = False) -> None:
        STATE["runs"] += 1
        try:
            check(data)
        except Exception as error:  # the contract broke: keep the input
            save(name, data, error)
            if stop:
                raise

    STATE["began"] = time.monotonic()
    if atheris is not None and not args.pure:
        flags = [f"-max_total_time={args.seconds}", "-max_len=4096", "-rss_limit_mb=2048"]
        atheris.Setup([sys.argv[0], *flags, "-print_final_stats=1"], lambda d: one(d, stop=True))
        atheris.Fuzz()
        return
    atexit.register(report, name)
    rng = random.Random(1914)
    pool = [rng.randbytes(rng.randrange(8, 512)) for _ in range(32)]
    deadline = time.monotonic() + args.seconds
    while time.monotonic() < deadline:
        data = mutate(rng, rng.choice(pool), pool)
        one(data)
        if rng.randrange(8) == 0:
            pool[rng.randrange(len(pool))] = data
