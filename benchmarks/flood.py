"""Refusing a flood: one list of millions of wrong values (issue 28, item 3).

For each format a document is built whose ``areas`` list holds nothing but the number
1 (each one a wrong value: an area is a mapping), filling the given size. Each case is
refused by :func:`samarbejde.loads` in a child process of its own, and the child's CPU
seconds and peak resident memory are printed. The target: under 60 s of CPU and 2 GB
for a 64 MB document, per format.

    python benchmarks/flood.py                   # 8 and 64 MB, json yaml toml
    python benchmarks/flood.py 8                 # 8 MB only
    python benchmarks/flood.py 8 64 --formats json,yaml
"""

from __future__ import annotations

import argparse
import multiprocessing
import resource
import subprocess
import sys

MB = 1024 * 1024
_HEADS = {
    "json": ('{"format": "samarbejde/1", "areas": [', "]}"),
    "yaml": ("format: samarbejde/1\nareas: [", "]\n"),
    "toml": ('format = "samarbejde/1"\nareas = [', "]\n"),
}


def flood(fmt: str, size: int) -> str:
    """A document of about ``size`` bytes whose one list holds only wrong values."""
    head, tail = _HEADS[fmt]
    count = max(1, (size - len(head) - len(tail)) // 2)
    return head + ",".join(["1"] * count) + tail


def _refuse(fmt: str, size: int) -> None:
    from samarbejde import LoadError, loads  # noqa: PLC0415 - in the child only

    text = flood(fmt, size)
    try:
        loads(text, fmt, max_bytes=max(size * 2, 64 * MB))  # type: ignore[arg-type]
    except LoadError as error:
        print(f"    {len(error.problems)} problems kept, {error.omitted} omitted", flush=True)
    else:  # pragma: no cover - the document is all wrong values
        raise SystemExit("the flood was accepted")


def measure(fmt: str, megabytes: int) -> tuple[float, float]:
    """CPU seconds and peak RSS (MB) of refusing one flood in a fresh child process.

    Called in a process of its own per case (``--case``): ``ru_maxrss`` of the children
    is the largest of any child waited for, so one child per process keeps it per case.
    """
    child = multiprocessing.get_context("spawn").Process(target=_refuse, args=(fmt, megabytes * MB))
    child.start()
    child.join()
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime, used.ru_maxrss / 1024  # KiB on Linux


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[8, 64], help="sizes in MB")
    parser.add_argument("--formats", default="json,yaml,toml")
    parser.add_argument("--case", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.case:  # one format, one size: measured here, printed for the parent
        cpu, rss = measure(args.formats, args.sizes[0])
        print(f"{args.formats:6} {args.sizes[0]:>4}MB {cpu:>8.1f} {rss:>12.0f}", flush=True)
        return
    print(f"{'format':6} {'size':>6} {'CPU s':>8} {'peak RSS MB':>12}", flush=True)
    for megabytes in args.sizes:
        for fmt in args.formats.split(","):
            case = [str(megabytes), "--formats", fmt, "--case"]
            subprocess.run([sys.executable, __file__, *case], check=True)


if __name__ == "__main__":
    main(sys.argv[1:])
