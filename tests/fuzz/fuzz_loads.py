"""Fuzz ``loads`` in one format: every input ends in a portfolio or a ``LoadError``.

Coverage-guided with atheris (``pip install atheris``) when it is installed, otherwise
a seeded mutation loop in pure Python. Seeds: the hostile corpus of that format (cases
up to 16 KB) and dumps of the bundled examples and of generated portfolios. An input
that breaks the contract is saved as ``tests/documents/corpus/cases/fuzz-<sha>.<ext>``
(the corpus test then keeps it) and the run exits with status 1.

    python tests/fuzz/fuzz_loads.py json --seconds 60

Executions are counted in the last lines: libFuzzer's ``Done N runs in S second(s)``
with atheris, ``fuzz loads json: N executions in S s, F findings`` without it.
Not collected by pytest (the name does not start with ``test_``).
"""

from __future__ import annotations

import argparse
import atexit
import hashlib
import os
import random
import sys
import time
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1] / "documents" / "corpus" / "cases"
SEED_LIMIT = 16 * 1024
STATE = {"runs": 0, "findings": 0, "began": time.monotonic()}

try:
    import atheris
except ImportError:  # the pure-Python loop serves
    atheris = None

if atheris is not None:
    with atheris.instrument_imports(include=["samarbejde"]):
        import samarbejde  # noqa: F401 - instrumented for coverage
from samarbejde import LoadError, dumps, loads, validate  # noqa: E402


def check(data: bytes, fmt: str) -> None:
    """Raise ``ContractError`` (or anything else) when ``data`` breaks the contract."""
    try:
        portfolio = loads(data, fmt)  # type: ignore[arg-type]
    except LoadError as error:
        shown = str(error)
        shown.encode("utf-8")  # printable: raises on a lone surrogate
        if not error.problems or "set_int_max_str_digits" in shown:
            raise ContractError(f"a bad LoadError: {shown[:200]}") from None
        return
    again = loads(dumps(portfolio, fmt), fmt)  # type: ignore[arg-type]
    if again != portfolio:
        raise ContractError("a round trip lost something")
    validate(portfolio)


class ContractError(Exception):
    """The contract broke in a way no other exception shows."""


def save(data: bytes, fmt: str, error: BaseException) -> None:
    digest = hashlib.sha256(data).hexdigest()[:16]
    target = CORPUS / f"fuzz-{digest}.{fmt}"
    target.write_bytes(data)
    STATE["findings"] += 1
    print(f"FINDING {type(error).__name__}: {error!s:.200} -> {target}", file=sys.stderr)


def one(data: bytes, fmt: str, *, stop: bool = False) -> None:
    STATE["runs"] += 1
    try:
        check(data, fmt)
    except Exception as error:  # the contract broke: keep the input
        save(data, fmt, error)
        if stop:  # atheris reports the crash and exits with an error
            raise


def seeds(fmt: str) -> list[bytes]:
    from hypothesis import HealthCheck, given, settings  # noqa: PLC0415

    from samarbejde.examples import names, text  # noqa: PLC0415
    from samarbejde.strategies import portfolios  # noqa: PLC0415

    found = [
        p.read_bytes() for p in sorted(CORPUS.glob(f"*.{fmt}")) if p.stat().st_size <= SEED_LIMIT
    ]
    found += [dumps(loads(text(n), "yaml"), fmt).encode() for n in names()]  # type: ignore[arg-type]

    @settings(max_examples=8, database=None, suppress_health_check=list(HealthCheck))
    @given(portfolios())
    def generated(portfolio: object) -> None:
        found.append(dumps(portfolio, fmt).encode())  # type: ignore[arg-type]

    generated()
    return found


def mutate(rng: random.Random, data: bytes, pool: list[bytes]) -> bytes:
    buf = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        choice = rng.randrange(6)
        at = rng.randrange(len(buf) + 1)
        if choice == 0 and buf:
            buf[min(at, len(buf) - 1)] = rng.randrange(256)
        elif choice == 1:
            buf[at:at] = rng.choice(
                [
                    b"{",
                    b"[",
                    b"]",
                    b"}",
                    b'"',
                    b"\\u",
                    b"9" * 5000,
                    b"\x00",
                    b"\xed\xa0\x80",
                    b"&a",
                    b"*a",
                    b"!!",
                    b"\n",
                    b".a" * 60,
                    b"P9999Y",
                    b"9999-12-31",
                    b"0001-01-01",
                    b"\\ud800",
                ]
            )
        elif choice == 2:
            del buf[at : at + rng.randint(1, 64)]
        elif choice == 3:
            other = rng.choice(pool)
            start = rng.randrange(len(other) + 1)
            buf[at:at] = other[start : start + rng.randint(1, 256)]
        elif choice == 4 and buf:
            piece = buf[at : at + rng.randint(1, 32)]
            buf[at:at] = piece * rng.randint(2, 50)
        else:
            buf = buf[: rng.randrange(len(buf) + 1)]
    return bytes(buf[:65536])


def report(fmt: str) -> None:
    spent = time.monotonic() - STATE["began"]
    runs, findings = STATE["runs"], STATE["findings"]
    print(f"fuzz loads {fmt}: {runs} executions in {spent:.0f} s, {findings} findings")
    sys.stdout.flush()
    if findings:
        os._exit(1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("format", choices=("json", "yaml", "toml"))
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument(
        "--pure", action="store_true", help="the pure-Python loop, even with atheris"
    )
    args = parser.parse_args()
    fmt = args.format
    pool = seeds(fmt)
    STATE["began"] = time.monotonic()
    if atheris is not None and not args.pure:
        seed_dir = Path(os.environ.get("TMPDIR", "/tmp")) / f"samarbejde-fuzz-{fmt}-{os.getpid()}"
        seed_dir.mkdir(parents=True, exist_ok=True)
        for index, seed in enumerate(pool):
            (seed_dir / f"seed-{index}").write_bytes(seed)
        flags = [
            f"-max_total_time={args.seconds}",
            "-max_len=65536",
            "-rss_limit_mb=2048",
            "-timeout=20",
            "-print_final_stats=1",
        ]
        atheris.Setup([sys.argv[0], *flags, str(seed_dir)], lambda d: one(d, fmt, stop=True))
        atheris.Fuzz()
        return
    atexit.register(report, fmt)
    rng = random.Random(1914)
    deadline = time.monotonic() + args.seconds
    for seed in pool:
        one(seed, fmt)
    while time.monotonic() < deadline:
        one(mutate(rng, rng.choice(pool), pool), fmt)


if __name__ == "__main__":
    main()
