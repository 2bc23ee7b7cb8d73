"""Where the fast JSON load's time goes, and its floor without any validator.

    python benchmarks/load_floor.py                  # 100k commitments, 3 rounds
    python benchmarks/load_floor.py --size 20000 --rounds 7

Each part of ``samarbejde.loads`` on the JSON path is timed alone, with the cyclic
collector paused, in alternating rounds in one process, against ``orjson.loads`` and
the pydantic peer (``_pydantic_peer.py``) with its collector paused too:

* ``decode into Structs``: msgspec decoding the text into the generated Structs;
* ``build``: the generated builders making the attrs records from them;
* ``build, validators stripped``: the same source with every validator call and
  ``__attrs_post_init__`` replaced by ``None``: what copying into records costs alone;
* ``key check``: the duplicate-key count.

The stripped build is the floor of this design: issue 16's note reads it against the
target of 0.6x the paused peer.
"""

from __future__ import annotations

import argparse
import gc
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import msgspec
import orjson

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _pydantic_peer import PortfolioDocument

from samarbejde import dumps, loads
from samarbejde.documents import _fast_load
from samarbejde.documents._codegen import generate
from samarbejde.testing import synthetic_portfolio

STRIPPED = re.compile(r"_V_\w+\(r, [^)]*\)|r\.__attrs_post_init__\(\)")


def parts(size: int) -> dict[str, Callable[[], Any]]:
    """The timed actions at ``size`` commitments."""
    text = dumps(synthetic_portfolio(size), "json")
    data = text.encode()
    generator = _fast_load._Generator(msgspec)
    decoder, builders = generator.compile()
    bare = _fast_load._Generator(msgspec)
    source = bare.source()  # fills in the names the source refers to
    namespace = dict(bare.names) | {
        "_repeated": _fast_load._repeated,
        "_distinct": _fast_load._distinct,
        "_new": object.__new__,
    }
    stripped = generate("load floor", "_builders", STRIPPED.sub("None", source), namespace)
    bare_decoder = msgspec.json.Decoder(bare.structs["Portfolio"])
    decoded, bare_decoded = decoder.decode(text), bare_decoder.decode(text)
    keys = builders()(decoded)[1]
    return {
        "orjson.loads": lambda: orjson.loads(data),
        "peer (gc paused)": lambda: PortfolioDocument.model_validate_json(text),
        "loads": lambda: loads(text, "json", max_bytes=1 << 40),
        "decode into Structs": lambda: decoder.decode(text),
        "build": lambda: builders()(decoded),
        "build, validators stripped": lambda: stripped()(bare_decoded),
        "key check": lambda: _fast_load._keys_once(text, keys),
    }


def main(argv: list[str] | None = None) -> None:
    """Run the breakdown from the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    actions = parts(args.size)
    samples: dict[str, list[float]] = {name: [] for name in actions}
    for _ in range(args.rounds):
        for name, action in actions.items():
            gc.collect()
            gc.disable()
            start = time.perf_counter()
            result = action()
            samples[name].append(time.perf_counter() - start)
            del result
            gc.enable()
    medians = {name: statistics.median(times) for name, times in samples.items()}
    peer = medians["peer (gc paused)"]
    print(f"{args.size:,} commitments, medians of {args.rounds} alternating rounds, GC paused")
    for name, value in medians.items():
        print(f"  {name:<28}{value * 1000:9.1f} ms  {value / peer:5.2f}x the paused peer")


if __name__ == "__main__":
    main()
