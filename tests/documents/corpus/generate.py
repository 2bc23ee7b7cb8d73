"""Write the hostile corpus: documents in JSON, YAML and TOML, and their manifest.

Run from the repository root: ``python tests/documents/corpus/generate.py``. Each case
is a mutation of a bundled example (or a hand-written text) with the expected outcome
stated here: ``ok``, or the fragment that the first problem's message must contain.
The script loads each case once and records that problem's path, line and column in
``manifest.json`` (the review surface: a change in behaviour shows up in its diff).
Cases that the fuzzers find are saved in ``cases/`` as ``fuzz-*`` files; they need no
manifest entry (their expectation is the contract itself).
"""

from __future__ import annotations

import copy
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import tomli_w
import yaml

from samarbejde import LoadError, dumps, loads, unstructure
from samarbejde.examples import text as example_text

HERE = Path(__file__).parent
CASES = HERE / "cases"
SUFFIX = {"json": "json", "yaml": "yaml", "toml": "toml"}
FORMATS = ("json", "yaml", "toml")

Raw = dict[str, Any]
Case = tuple[str, str, bytes, str]  # name, format, content, expected fragment (or "ok")


def base() -> Raw:
    raw: Raw = {"format": "samarbejde/1"}
    raw.update(unstructure(loads(example_text("lerbakke"), "yaml")))  # type: ignore[arg-type]
    return raw


def write(raw: object, fmt: str) -> bytes:
    if fmt == "json":
        return json.dumps(raw, ensure_ascii=False, indent=1).encode()
    if fmt == "yaml":
        return yaml.safe_dump(raw, allow_unicode=True, sort_keys=False).encode()
    return tomli_w.dumps(raw).encode()  # type: ignore[arg-type]


def at(raw: Raw, path: tuple[object, ...], value: object) -> Raw:
    changed = copy.deepcopy(raw)
    node: Any = changed
    for part in path[:-1]:
        node = node[part]
    if value is _DELETE:
        del node[path[-1]]
    else:
        node[path[-1]] = value
    return changed


_DELETE = object()
P0 = ("partnerships", 0)
LC = (*P0, "lifecycle")
M0 = (*P0, "members", 0)
C0 = (*P0, "commitments", 0)

# (name, path, value, expected fragment): mutations of the plain data, in every format.
MUTATIONS: list[tuple[str, tuple[object, ...], object, str]] = [
    # dates
    ("date-month-13", (*LC, "since"), "2021-13-01", "date"),
    ("date-feb-30", (*LC, "since"), "2021-02-30", "date"),
    ("date-year-0", (*LC, "since"), "0000-01-01", "date"),
    ("date-year-10000", (*LC, "since"), "10000-01-01", "date"),
    ("date-short", (*LC, "since"), "2021-1-1", "date"),
    ("date-time", (*LC, "since"), "2021-01-01T00:00:00", "date"),
    ("date-number", (*LC, "since"), 20210101, "date"),
    ("date-empty", (*LC, "since"), "", "date"),
    ("date-words", (*LC, "since"), "first of january", "date"),
    ("date-year-1", (*LC, "since"), "0001-01-01", "ok"),
    ("date-year-9999", (*LC, "since"), "9999-12-31", "phase"),
    ("date-year-only", (*LC, "since"), "2021", "ok"),
    ("date-year-number", (*LC, "since"), 2021, "ok"),
    ("date-month-only", (*LC, "since"), "2021-01", "ok"),
    ("date-month-0", (*LC, "since"), "2021-00", "year or month"),
    ("date-month-after-phase", (*LC, "since"), "2021-02", "phase"),
    ("review-after-9999", (*LC, "reviews", 0, "on"), "9999-12-31", "dates go backwards"),
    # durations
    ("horizon-9000-years", (*LC, "horizon"), "P9000Y", "ok"),
    ("review-every-8000-years", (*LC, "review_every"), "P8000Y", "ok"),
    ("horizon-past-c-int", (*LC, "horizon"), "P99999999999999Y", "too long"),
    ("horizon-5000-digits", (*LC, "horizon"), "P" + "9" * 5000 + "Y", "too long"),
    ("horizon-zero", (*LC, "horizon"), "P0D", "longer than zero"),
    ("horizon-negative", (*LC, "horizon"), "P-1Y", "duration"),
    ("horizon-no-p", (*LC, "horizon"), "10Y", "duration"),
    ("horizon-fraction", (*LC, "horizon"), "P1.5Y", "duration"),
    ("horizon-empty", (*LC, "horizon"), "", "duration"),
    ("horizon-number", (*LC, "horizon"), 10, "duration"),
    ("horizon-bare-t", (*LC, "horizon"), "PT", "duration"),
    # ids
    ("id-empty", (*P0, "id"), "", "id"),
    ("id-upper", (*P0, "id"), "Hoeje", "id"),
    ("id-leading-dash", (*P0, "id"), "-x", "id"),
    ("id-too-long", (*P0, "id"), "x" * 65, "id"),
    ("id-space", (*P0, "id"), "hoeje lerbakke", "id"),
    ("id-danish", (*P0, "id"), "høje", "id"),
    ("id-number", (*P0, "id"), 5, "text"),
    ("id-control", (*P0, "id"), "a\u0001b", ""),
    ("id-list", (*P0, "id"), ["a"], "text"),
    ("org-id-duplicate", ("organisations", 1, "id"), "gladsaxe-kommune", "ok"),  # a rule finding
    ("area-unknown", (*P0, "areas"), ["nowhere"], "ok"),  # a rule finding, not a load error
    ("member-unknown", (*M0, "organisation"), "nobody", "ok"),  # a rule finding
    # decimals and numbers
    ("ceiling-exponent", (*M0, "mandates", 0, "ceiling", "amount"), "1e6", "decimal"),
    ("ceiling-nan", (*M0, "mandates", 0, "ceiling", "amount"), "NaN", "decimal"),
    ("ceiling-inf", (*M0, "mandates", 0, "ceiling", "amount"), "Infinity", "decimal"),
    ("ceiling-comma", (*M0, "mandates", 0, "ceiling", "amount"), "5,5", "decimal"),
    ("ceiling-float", (*M0, "mandates", 0, "ceiling", "amount"), 5.5, "decimal"),
    ("ceiling-int", (*M0, "mandates", 0, "ceiling", "amount"), 5, "decimal"),
    ("ceiling-2000-digits", (*M0, "mandates", 0, "ceiling", "amount"), "9" * 2000, "ok"),
    ("ceiling-negative", (*M0, "mandates", 0, "ceiling", "amount"), "-1", "negative"),
    ("ceiling-huge-exp", (*M0, "mandates", 0, "ceiling", "amount"), "1e999999999", "decimal"),
    ("baseline-bool", (*P0, "goals", 0, "baseline"), True, "decimal"),
    ("kommunekode-number", ("areas", 0, "municipality"), 159, "text"),
    ("kommunekode-unknown", ("areas", 0, "municipality"), "000", "000"),
    # types and structure
    ("partnerships-mapping", ("partnerships",), {"a": 1}, "list"),
    ("partnerships-text", ("partnerships",), "x", "list"),
    ("partnership-list", P0, [1, 2], "mapping"),
    ("lifecycle-text", LC, "strategic", "mapping"),
    ("lifecycle-form-unknown", (*LC, "form"), "eternal", "eternal"),
    ("phase-unknown", (*LC, "phases", 0, "phase"), "dreaming", "dreaming"),
    ("phases-empty", (*LC, "phases"), [], "phase"),
    ("sector-unknown", ("organisations", 0, "sector"), "church", "church"),
    ("sector-number", ("organisations", 0, "sector"), 1, "got the number 1"),
    ("unknown-key", (*P0, "colour"), "blue", "unknown key 'colour'"),
    ("unknown-key-typo", (*P0, "nmae"), "x", "did you mean"),
    ("missing-name", (*P0, "name"), _DELETE, "missing required key 'name'"),
    ("missing-format", ("format",), _DELETE, "missing key 'format'"),
    ("format-2", ("format",), "samarbejde/2", "cannot read format"),
    ("format-number", ("format",), 1, "cannot read format"),
    ("name-empty", (*P0, "name"), "", "name"),
    ("name-blank", (*P0, "name"), "   ", "name"),
    ("name-100k", (*P0, "name"), "ø" * 100_000, "ok"),
    ("bool-as-text", (*M0, "mandates", 0, "powers"), "yes", "list"),
    ("powers-duplicate", (*M0, "mandates", 0, "powers"), ["share_data", "share_data"], "once"),
    (
        "term-end-before-start",
        (*M0, "mandates", 0, "term"),
        {"start": "2021-01-01", "end": "2020-01-01"},
        "before",
    ),
    (
        "reviews-out-of-order",
        (*LC, "reviews"),
        [
            {"on": "2023-09-01", "outcome": "continued"},
            {"on": "2022-09-01", "outcome": "continued"},
        ],
        "dates go backwards",
    ),
    ("review-outcome-unknown", (*LC, "reviews", 0, "outcome"), "maybe", "maybe"),
    ("surrogate-free-emoji", (*P0, "name"), "Høje Lerbakke 😀", "ok"),
    ("nul-in-name", (*P0, "name"), "a\u0000b", "ok"),  # the model allows control characters
    ("rtl-override-in-name", (*P0, "name"), "a\u202eb", "ok"),
    ("zero-width-id", (*P0, "id"), "a\u200bb", "id"),
]


def mutations() -> Iterator[Case]:
    raw = base()
    for name, path, value, fragment in MUTATIONS:
        changed = at(raw, path, value)
        for fmt in FORMATS:
            try:
                content = write(changed, fmt)
            except (TypeError, ValueError, yaml.YAMLError):  # e.g. TOML cannot write it
                continue
            yield f"{name}", fmt, content, fragment


def many(n: int, item: str, joiner: str = ",") -> str:
    return joiner.join([item] * n)


def texts() -> Iterator[Case]:
    big = "9" * 5000
    # -- JSON --------------------------------------------------------------------------
    j = "json"
    head = '{"format": "samarbejde/1"'
    yield "big-int", j, f'{head}, "x": {big}}}'.encode(), "a number of more than 1000 digits"
    yield "big-negative-int", j, f'{head}, "x": -{big}}}'.encode(), "more than 1000 digits"
    yield "big-float", j, f'{head}, "x": {big}.5}}'.encode(), "more than 1000 digits"
    yield "huge-exponent", j, f'{head}, "x": 1e999999}}'.encode(), "unknown key 'x'"
    yield "lone-high-surrogate", j, f'{head}, "x": "\\ud800"}}'.encode(), "lone surrogate"
    yield "lone-low-surrogate", j, f'{head}, "x": "\\udfff"}}'.encode(), "lone surrogate"
    yield "surrogate-in-key", j, f'{head}, "\\ud800": 1}}'.encode(), "lone surrogate"
    yield "reversed-pair", j, f'{head}, "x": "\\ude00\\ud83d"}}'.encode(), "lone surrogate"
    yield "valid-pair-key", j, f'{head}, "\\ud83d\\ude00": 1}}'.encode(), "unknown key"
    yield "nan", j, f'{head}, "x": NaN}}'.encode(), "expected a value"
    yield "infinity", j, f'{head}, "x": Infinity}}'.encode(), "expected a value"
    yield "minus-infinity", j, f'{head}, "x": -Infinity}}'.encode(), "expected a value"
    yield "leading-zero", j, f'{head}, "x": 01}}'.encode(), "expected ',' or '}'"
    yield "plus-sign", j, f'{head}, "x": +1}}'.encode(), "expected a value"
    yield "hex", j, f'{head}, "x": 0x1F}}'.encode(), "expected ',' or '}'"
    yield "trailing-comma", j, f"{head},}}".encode(), "expected a key in double quotes"
    yield "trailing-list-comma", j, f'{head}, "areas": [1,]}}'.encode(), "expected a value"
    yield "single-quotes", j, b"{'format': 'samarbejde/1'}", "expected a key"
    yield "comment", j, f"{head} // c\n}}".encode(), "expected ',' or '}'"
    yield "cut-short", j, f"{head}, ".encode(), "expected a key"
    yield "cut-in-string", j, f'{head}, "x": "abc'.encode(), "unterminated string"
    yield "two-documents", j, f"{head}}}{head}}}".encode(), "unexpected text after"
    yield "top-level-list", j, b"[]", "a document is a mapping"
    yield "top-level-string", j, b'"samarbejde/1"', "a document is a mapping"
    yield "top-level-null", j, b"null", "a document is a mapping"
    yield "duplicate-format", j, f'{head}, "format": "samarbejde/1"}}'.encode(), "duplicate key"
    yield (
        "many-duplicates",
        j,
        f"{head}, {many(20_000, chr(34) + 'a' + chr(34) + ': 1')}}}".encode(),
        "duplicate key 'a'",
    )
    yield (
        "deep-lists",
        j,
        f'{head}, "x": {"[" * 100_000}{"]" * 100_000}}}'.encode(),
        "nested more than 48",
    )
    yield "deep-maps", j, ('{"a":' * 100_000 + "1" + "}" * 100_000).encode(), "nested more than 48"
    yield "deep-unclosed", j, ("[" * 200_000).encode(), "nested more than 48"
    yield "control-char", j, f'{head}, "x": "a\x01"}}'.encode(), "invalid control character"
    yield "bad-escape", j, f'{head}, "x": "\\q"}}'.encode(), "invalid \\escape"
    yield "short-unicode-escape", j, f'{head}, "x": "\\u12"}}'.encode(), "invalid \\uxxxx"
    yield (
        "many-problems",
        j,
        f'{head}, "areas": [{many(30_000, "1")}]}}'.encode(),
        "expected a mapping",
    )
    yield (
        "many-bad-areas",
        j,
        f'{head}, "areas": [{many(20_000, "{}")}]}}'.encode(),
        "missing required key",
    )
    yield "wide-flat", j, f'{head}, "x": [{many(50_000, "0")}]}}'.encode(), "unknown key 'x'"
    yield "long-string", j, f'{head}, "x": "{"a" * 200_000}"}}'.encode(), "unknown key 'x'"
    yield "long-key", j, f'{head}, "{"k" * 100_000}": 1}}'.encode(), "unknown key"
    yield "whitespace-padding", j, (" \n" * 100_000 + head + "}").encode(), "ok"
    # -- YAML --------------------------------------------------------------------------
    y = "yaml"
    head_y = "format: samarbejde/1\n"
    yield "big-int", y, f"{head_y}x: {big}\n".encode(), "unknown key 'x'"
    yield "control-bell", y, f"{head_y}name: a\x07b\n".encode(), "control characters"
    yield "control-escape", y, f"{head_y}name: a\x1bb\n".encode(), "control characters"
    yield "noncharacter", y, f"{head_y}name: a\ufffeb\n".encode(), "(U+FFFE)"
    yield "nul-byte", y, f"{head_y}name: a\x00b\n".encode(), "control characters"
    yield "escaped-surrogate", y, f'{head_y}name: "\\ud800"\n'.encode(), "Unicode"
    yield "anchors-alias", y, f"{head_y}a: &x [1]\nb: *x\n".encode(), "anchors (&x)"
    yield (
        "billion-laughs",
        y,
        (
            head_y
            + "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
            + "".join(
                f"{c}: &{c} [{', '.join(['*' + p] * 9)}]\n"
                for p, c in zip("abcdefgh", "bcdefghi", strict=True)
            )
        ).encode(),
        "anchors (&a)",
    )
    yield (
        "python-object",
        y,
        f"{head_y}x: !!python/object/apply:os.system ['true']\n".encode(),
        "tags (",
    )
    yield "python-name", y, f"{head_y}x: !!python/name:os.system\n".encode(), "tags ("
    yield "custom-tag", y, f"{head_y}x: !custom 5\n".encode(), "tags (!custom)"
    yield "int-tag", y, f"{head_y}x: !!int '5'\n".encode(), "tags ("
    yield "binary-tag", y, f"{head_y}x: !!binary aGVsbG8=\n".encode(), "tags ("
    yield "set-tag", y, f"{head_y}x: !!set {{a, b}}\n".encode(), "tags ("
    yield "merge-key", y, f"{head_y}a: &b {{x: 1}}\nc:\n  <<: *b\n".encode(), "anchors"
    yield "norway-format", y, b"format: no\n", "cannot read format False"
    yield (
        "yes-as-name",
        y,
        f"{head_y}areas: [{{id: a, name: yes, municipality: '159'}}]\n".encode(),
        "text",
    )
    yield (
        "octal-municipality",
        y,
        f"{head_y}areas: [{{id: a, name: A, municipality: 0159}}]\n".encode(),
        "0159",
    )
    yield "sexagesimal", y, f"{head_y}x: 1:30\n".encode(), "unknown key 'x'"
    yield "timestamp-since", y, f"{head_y}x: 2021-01-01 10:00:00\n".encode(), "unknown key 'x'"
    yield "null-tilde", y, f"{head_y}organisations: ~\n".encode(), "list"
    yield "second-document", y, f"{head_y}---\n{head_y}".encode(), "one document"
    yield "explicit-end", y, f"{head_y}...\n".encode(), "ok"
    yield "complex-key", y, f"{head_y}? [a, b]\n: c\n".encode(), "keys must be plain text"
    yield "key-number", y, f"{head_y}1: x\n".encode(), "unknown key '1'"
    yield "tab-indent", y, f"{head_y}areas:\n\t- x\n".encode(), "cannot start any token"
    yield "bad-indent", y, f"{head_y}areas:\n  - id: a\n   name: b\n".encode(), "block collection"
    yield "unclosed-flow", y, f"{head_y}areas: [a, b\n".encode(), "expected ',' or ']'"
    yield "unclosed-quote", y, f'{head_y}name: "abc\n'.encode(), "quoted scalar"
    yield "duplicate-key", y, f"{head_y}format: samarbejde/1\n".encode(), "duplicate key 'format'"
    yield "many-duplicates", y, (head_y + "a: 1\n" * 20_000).encode(), "duplicate key 'a'"
    yield (
        "deep-flow",
        y,
        (head_y + "x: " + "[" * 100_000 + "]" * 100_000 + "\n").encode(),
        "nesting depth",
    )
    yield (
        "deep-block",
        y,
        (head_y + "x:\n" + "".join(" " * i + "- \n" for i in range(0, 400, 2))).encode(),
        "nested more than 48",
    )
    yield "deep-dash", y, (head_y + "x: " + "- " * 5000 + "1\n").encode(), "not allowed"
    yield (
        "many-problems",
        y,
        f"{head_y}areas: [{many(30_000, '1')}]\n".encode(),
        "expected a mapping",
    )
    yield "directive", y, b"%YAML 1.1\n---\nformat: samarbejde/1\n", "ok"
    yield "unknown-directive", y, b"%FOO bar\n---\nformat: samarbejde/1\n", "unknown directive"
    yield "flow-top", y, b'{format: "samarbejde/1"}', "ok"
    yield "json-is-yaml", y, b'{"format": "samarbejde/1"}', "ok"
    yield "top-level-list", y, b"- format: samarbejde/1\n", "a document is a mapping"
    yield "top-level-scalar", y, b"samarbejde/1\n", "a document is a mapping"
    yield "tag-map-on-scalar", y, b"format: !!map samarbejde/1\n", "!!map does not fit a scalar"
    tagged = head_y.encode() + b"areas: "
    yield "tag-str-on-sequence", y, tagged + b"!!str []\n", "does not fit a sequence"
    yield "tag-seq-on-mapping", y, tagged + b"!!seq {}\n", "does not fit a mapping"
    yield "tag-seq-on-sequence", y, tagged + b"!!seq []\n", "ok"
    yield "long-plain", y, (head_y + "x: " + "a" * 200_000 + "\n").encode(), "unknown key 'x'"
    yield "crlf", y, head_y.replace("\n", "\r\n").encode(), "ok"
    yield "cr-only", y, b"format: samarbejde/1\rx: 1\r", "unknown key 'x'"
    yield "nbsp-indent", y, f"{head_y}areas:\n\u00a0- x\n".encode(), ""
    # -- TOML --------------------------------------------------------------------------
    t = "toml"
    head_t = 'format = "samarbejde/1"\n'
    yield "big-int", t, f"{head_t}x = {big}\n".encode(), "a number of more than 1000 digits"
    yield "big-int-underscores", t, f"{head_t}x = {'9_' * 3000}9\n".encode(), "unknown key 'x'"
    yield "big-negative-int", t, f"{head_t}x = -{big}\n".encode(), "more than 1000 digits"
    yield "big-float", t, f"{head_t}x = {big}.5\n".encode(), "unknown key 'x'"
    yield (
        "dotted-10k",
        t,
        (head_t + ".".join(["a"] * 10_000) + " = 1\n").encode(),
        "dotted key of more than 48 parts",
    )
    yield (
        "dotted-quoted",
        t,
        (head_t + ".".join(['"a"'] * 10_000) + " = 1\n").encode(),
        "dotted key",
    )
    yield (
        "dotted-literal",
        t,
        (head_t + ".".join(["'a'"] * 10_000) + " = 1\n").encode(),
        "dotted key",
    )
    yield (
        "dotted-spaced",
        t,
        (head_t + " . ".join(["a"] * 10_000) + " = 1\n").encode(),
        "dotted key",
    )
    yield "table-10k", t, (head_t + "[" + ".".join(["a"] * 10_000) + "]\n").encode(), "dotted key"
    yield (
        "array-table-10k",
        t,
        (head_t + "[[" + ".".join(["a"] * 10_000) + "]]\n").encode(),
        "dotted key",
    )
    yield "dotted-48", t, (head_t + ".".join(["a"] * 48) + " = 1\n").encode(), "unknown key 'a'"
    yield (
        "dotted-many-short",
        t,
        (head_t + "".join(f"k{i}." + ".".join(["a"] * 40) + " = 1\n" for i in range(500))).encode(),
        "unknown key 'k0'",
    )
    yield "escaped-surrogate", t, f'{head_t}x = "\\ud800"\n'.encode(), "not a unicode scalar"
    yield (
        "dotted-escaped",
        t,
        (head_t + ".".join(['"\\t"'] * 20_000) + " = 1\n").encode(),
        "dotted key of more than 48 parts",
    )
    yield "control-char", t, f'{head_t}x = "a\x01"\n'.encode(), "not valid TOML"
    yield "nan", t, f"{head_t}x = nan\n".encode(), "unknown key 'x'"
    yield "inf", t, f"{head_t}x = inf\n".encode(), "unknown key 'x'"
    yield "date-value", t, f"{head_t}x = 2021-01-01\n".encode(), "unknown key 'x'"
    yield "bad-date", t, f"{head_t}x = 2021-13-01\n".encode(), "not valid TOML"
    yield "year-0-date", t, f"{head_t}x = 0000-01-01\n".encode(), "not valid TOML"
    yield "duplicate-key", t, f"{head_t}{head_t}".encode(), "not valid TOML"
    yield "duplicate-table", t, f"{head_t}[a]\n[a]\n".encode(), "not valid TOML"
    yield "redefine-inline", t, f"{head_t}a = {{b = 1}}\na.c = 2\n".encode(), "not valid TOML"
    yield (
        "deep-arrays",
        t,
        (head_t + "x = " + "[" * 100_000 + "]" * 100_000 + "\n").encode(),
        "nest",
    )
    yield (
        "deep-inline",
        t,
        (head_t + "x = " + "{a = " * 10_000 + "1" + "}" * 10_000 + "\n").encode(),
        "nest",
    )
    yield (
        "many-problems",
        t,
        f"{head_t}areas = [{many(30_000, '1')}]\n".encode(),
        "expected a mapping",
    )
    yield "unclosed-string", t, f'{head_t}x = "abc\n'.encode(), "not valid TOML"
    yield "no-value", t, f"{head_t}x =\n".encode(), "not valid TOML"
    yield "bare-word", t, f"{head_t}x = yes\n".encode(), "not valid TOML"
    yield "top-array-table", t, b"[[format]]\nx = 1\n", "cannot read format"
    yield "long-string", t, f'{head_t}x = "{"a" * 200_000}"\n'.encode(), "unknown key 'x'"
    yield "multiline-dots", t, f'{head_t}x = """{"a." * 100}"""\n'.encode(), "dotted key"
    yield "crlf", t, head_t.replace("\n", "\r\n").encode(), "ok"
    # -- every format: encodings and framing -------------------------------------------
    for fmt, first in (
        ("json", b'{"format": "samarbejde/1"}'),
        ("yaml", b"format: samarbejde/1\n"),
        ("toml", b'format = "samarbejde/1"\n'),
    ):
        yield "empty", fmt, b"", "the document is empty"
        yield "blank", fmt, b" \n\t\n", "the document is empty"
        yield "bom-only", fmt, b"\xef\xbb\xbf", "the document is empty"
        yield "bom", fmt, b"\xef\xbb\xbf" + first, "ok"
        yield "latin-1", fmt, first[:-1] + b"\xf8" + first[-1:], "not UTF-8: byte 0xf8"
        yield "utf-16-le", fmt, first.decode().encode("utf-16-le"), ""
        yield "utf-16-bom", fmt, first.decode().encode("utf-16"), "not UTF-8"
        yield "utf-32", fmt, first.decode().encode("utf-32"), "not UTF-8"
        yield "overlong-slash", fmt, first + b"\xc0\xaf", "not UTF-8: byte 0xc0"
        yield "encoded-surrogate", fmt, first + b"\xed\xa0\x80", "not UTF-8: byte 0xed"
        yield "truncated-utf8", fmt, first + b"\xe2\x82", "not UTF-8"
        yield "nul-bytes", fmt, b"\x00" * 64, ""
        yield "random-binary", fmt, bytes(range(256)) * 4, ""
        yield "only-format", fmt, first, "ok"
        yield "gzip-magic", fmt, b"\x1f\x8b\x08\x00" + b"\x00" * 16, ""
        yield "html", fmt, b"<html><body>samarbejde</body></html>", ""
        yield "xml", fmt, b'<?xml version="1.0"?><format>samarbejde/1</format>', ""


def cases() -> Iterator[Case]:
    yield from mutations()
    yield from texts()


def outcome(content: bytes, fmt: str, fragment: str) -> dict[str, Any]:
    """Load once; record the first problem whose message holds ``fragment``."""
    try:
        portfolio = loads(content, fmt)  # type: ignore[arg-type]
    except LoadError as error:
        chosen = next((p for p in error.problems if fragment in p.message), error.problems[0])
        return {
            "outcome": "error",
            "path": chosen.path,
            "message": chosen.message,
            "line": chosen.line,
            "column": chosen.column,
            "problems": len(error.problems) + error.omitted,
        }
    dumps(portfolio, fmt)  # type: ignore[arg-type]
    return {"outcome": "ok"}


def main() -> int:
    CASES.mkdir(exist_ok=True)
    for old in CASES.iterdir():
        if not old.name.startswith("fuzz-"):
            old.unlink()
    manifest: dict[str, Any] = {}
    wrong: list[str] = []
    for name, fmt, content, fragment in cases():
        file = f"{fmt}-{name}.{SUFFIX[fmt]}"
        assert file not in manifest, file
        (CASES / file).write_bytes(content)
        found = outcome(content, fmt, fragment)
        expected = "ok" if fragment == "ok" else "error"
        if found["outcome"] != expected or fragment not in found.get("message", "ok"):
            wrong.append(f"{file}: expected {fragment!r}, got {found}")
        manifest[file] = {"format": fmt, "expect": fragment, **found}
        if len(found.get("message", "")) > 200:  # keep the manifest readable
            manifest[file]["message"] = found["message"][:200]
    text = json.dumps(manifest, indent=1, ensure_ascii=True, sort_keys=True)
    (HERE / "manifest.json").write_text(text + "\n")
    print(f"{len(manifest)} cases written to {CASES}")
    for line in wrong:
        print("MISMATCH", line[:300])
    return 1 if wrong else 0


check: Callable[[], int] = main

if __name__ == "__main__":
    sys.exit(main())
