"""Issue 14: each class of broken contract, one test (or a few) per class.

The contract: any malformed document ends in ``LoadError`` (never a bare ``ValueError``),
``validate`` and the analysis never raise on a loaded document, and the command line
never shows an internal error.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pendulum
import pytest
from tests.documents.texts import only, problems
from tests.opdrift import portfolio

from samarbejde import (
    LoadError,
    Severity,
    builtin_rules,
    cli,
    dump,
    dumps,
    load,
    loads,
    rule,
    validate,
)
from samarbejde.analysis import assess, lifecycle_mix, status_over_time
from samarbejde.documents import MAX_PROBLEMS, Format
from samarbejde.rules import EVERY_PARTNERSHIP, Hit, PartnershipIndex, RuleContext

FORMATS: tuple[Format, ...] = ("json", "yaml", "toml")
HUGE = "9" * 5000


def _with(fmt: Format, key: str, raw: str) -> str:
    return {
        "json": '{"format": "samarbejde/1", "' + key + '": ' + raw + "}",
        "yaml": f"format: samarbejde/1\n{key}: {raw}\n",
        "toml": f'format = "samarbejde/1"\n{key} = {raw}\n',
    }[fmt]


# -- huge integers -------------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_integer_beyond_pythons_digit_limit_is_a_load_error(fmt: Format) -> None:
    found = problems(_with(fmt, "x", HUGE), fmt)
    assert all("set_int_max_str_digits" not in p.message for p in found)
    if fmt != "yaml":  # YAML keeps such a long plain scalar as text: an unknown key here
        assert only(found).message == "a number of more than 1000 digits"
        assert only(found).line == 2 if fmt == "toml" else 1


def test_a_duration_too_long_to_represent_leaks_no_python_internals() -> None:
    text = dumps(portfolio(), "yaml").replace("horizon: P10Y", "horizon: P99999999999999Y")
    problem = only(problems(text, "yaml"))
    assert "too long to represent" in problem.message
    assert "C int" not in problem.message


# -- lone surrogates -----------------------------------------------------------------


def test_a_lone_surrogate_in_a_json_string_is_refused_at_load() -> None:
    text = dumps(portfolio(), "json").replace("Ørnereden", "\\udc00sterbyen", 1)
    found = problems(text, "json")
    assert found[0].message.startswith("a lone surrogate (\\udc00)")
    assert found[0].line == 1
    # the model refuses the name too, so the record says the same at its own path
    assert [p.path for p in found[1:]] == ["areas[0].name"]


def test_a_surrogate_pair_is_one_character_and_loads() -> None:
    text = dumps(portfolio(), "json").replace("Ørnereden", "\\ud83d\\ude00 Ørnereden", 1)
    assert "😀 Ørnereden" in dumps(loads(text, "json"), "json")


def test_a_lone_surrogate_in_a_key_gives_a_printable_message() -> None:
    found = problems('{"format": "samarbejde/1", "\\ud800x": 1}', "json")
    for problem in found:
        str(problem).encode("utf-8")  # strict: would raise on a surrogate
    assert "\\ud800x" in {p.path for p in found}


# -- dates past the end of the calendar ----------------------------------------------


def _far(horizon: str, review: str = "P1Y") -> str:
    text = dumps(portfolio(), "yaml")
    text = text.replace("horizon: P10Y", f"horizon: {horizon}")
    return text.replace("review_every: P1Y", f"review_every: {review}")


@pytest.mark.parametrize(("horizon", "review"), [("P9000Y", "P1Y"), ("P10Y", "P8000Y")])
def test_validate_and_the_analysis_never_raise_past_year_9999(horizon: str, review: str) -> None:
    loaded = loads(_far(horizon, review), "yaml")
    day = pendulum.Date(2025, 6, 1)
    report = validate(loaded, as_of=day)
    assert not [f for f in report if "internal error" in f.message]
    assert assess(loaded, as_of=day)
    assert status_over_time(loaded, as_of=pendulum.Date(9999, 12, 31), every=None)
    assert lifecycle_mix(loaded, as_of=day)
    assert loaded.partnerships[0].lifecycle.horizon_end is not None


# -- FIFOs and other files that are not regular ---------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_load_refuses_a_fifo_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    outcome: list[object] = []
    worker = threading.Thread(target=lambda: outcome.append(_load_error(fifo)), daemon=True)
    worker.start()
    worker.join(timeout=10)
    if worker.is_alive():  # unblock the reader so the test run can end
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        pytest.fail("load waited on the FIFO")
    assert outcome == ["not a regular file (a FIFO): only files are read"]


def _load_error(path: Path) -> str:
    try:
        load(path)
    except LoadError as error:
        return only(error.problems).message
    return "loaded"


def test_load_refuses_a_directory(tmp_path: Path) -> None:
    folder = tmp_path / "folder.yaml"
    folder.mkdir()
    assert _load_error(folder) == "not a regular file (a directory): only files are read"


# -- bounded problems ---------------------------------------------------------------


#: Bad values in the smaller document of the memory test; the larger has four times as many.
BAD_VALUES = 2_000
#: Bytes each further bad value may add to the peak: the parsed input costs up to about
#: 230 (YAML's nodes), a kept problem about 1,200 more (measured with the cap lifted).
BYTES_PER_BAD_VALUE = 600


def _peak_of_bad_areas(fmt: Format, count: int) -> tuple[int, LoadError]:
    text = _with(fmt, "areas", "[" + ",".join(["1"] * count) + "]")
    tracemalloc.start()
    try:
        loads(text, fmt)
    except LoadError as error:
        caught = error
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return peak, caught


@pytest.mark.parametrize("fmt", FORMATS)
def test_problems_are_capped_and_counted_with_memory_bounded_by_the_cap(fmt: Format) -> None:
    few, many = BAD_VALUES, 4 * BAD_VALUES
    _peak_of_bad_areas(fmt, few)  # the first load builds the converters
    low, _ = _peak_of_bad_areas(fmt, few)
    high, caught = _peak_of_bad_areas(fmt, many)
    assert len(caught.problems) == MAX_PROBLEMS
    assert caught.omitted == many - MAX_PROBLEMS
    assert f"{many} problems" in str(caught).splitlines()[0]
    assert str(caught).endswith(f"... and {many - MAX_PROBLEMS} more problems")
    # Past the cap, more bad values cost only their input, not a kept problem each.
    grown = high - low
    assert grown < (many - few) * BYTES_PER_BAD_VALUE, f"{grown / (many - few):.0f} B a value"


@pytest.mark.parametrize("fmt", ["json", "yaml"])
def test_parser_problems_are_capped_too(fmt: Format) -> None:
    text = {
        "json": '{"format": "samarbejde/1", ' + ", ".join(['"a": 1'] * 5000) + "}",
        "yaml": "format: samarbejde/1\n" + "a: 1\n" * 5000,
    }[fmt]
    with pytest.raises(LoadError) as caught:
        loads(text, fmt)
    assert len(caught.value.problems) == MAX_PROBLEMS
    assert len(caught.value.problems) + caught.value.omitted == 5000  # a kept, 4999 twice


# -- TOML dotted keys of thousands of parts ------------------------------------------


@pytest.mark.parametrize("head", ["", "["])
def test_a_dotted_toml_key_of_thousands_of_parts_is_refused_before_parsing(head: str) -> None:
    key = ".".join(["a"] * 20_000)
    text = f'format = "samarbejde/1"\n{head}{key}{"]" if head else " = 1"}\n'
    tracemalloc.start()
    try:
        problem = only(problems(text, "toml"))
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    assert problem.message == "a dotted key of more than 48 parts: nested too deep"
    assert (problem.line, problem.column) == (2, 1 + len(head))
    assert peak < 20 * 1024 * 1024


def test_a_dotted_toml_key_within_the_depth_limit_still_reads() -> None:
    text = 'format = "samarbejde/1"\n' + ".".join(["a"] * 5) + " = 1\n"
    assert only(problems(text, "toml")).message.startswith("unknown key 'a'")


# -- dump keeps the target's identity --------------------------------------------------


def test_dump_keeps_the_mode_bits(tmp_path: Path) -> None:
    target = tmp_path / "p.yaml"
    target.write_text("old")
    target.chmod(0o600)
    dump(portfolio(), target)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert load(target) == portfolio()


def test_dump_writes_through_a_symlink_to_its_target(tmp_path: Path) -> None:
    real = tmp_path / "real.yaml"
    real.write_text("old")
    link = tmp_path / "link.yaml"
    link.symlink_to(real)
    dump(portfolio(), link)
    assert link.is_symlink()
    assert load(real) == portfolio()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.yaml", "real.yaml"]


def test_dump_replaces_a_hard_linked_file_atomically_leaving_other_names(
    tmp_path: Path,
) -> None:
    # The documented choice: atomic replacement wins; the other name keeps the old text.
    first = tmp_path / "first.yaml"
    first.write_text("old")
    other = tmp_path / "other.yaml"
    os.link(first, other)
    dump(portfolio(), first)
    assert load(first) == portfolio()
    assert other.read_text() == "old"
    assert first.stat().st_nlink == 1


def test_dump_to_a_new_file_follows_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o077)
    try:
        dump(portfolio(), tmp_path / "new.json")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.json").stat().st_mode) == 0o600


# -- YAML reader errors are located --------------------------------------------------


@pytest.mark.parametrize(("char", "code"), [("\x07", "0007"), ("\x1b", "001B"), ("\ufffe", "FFFE")])
def test_yaml_characters_it_does_not_allow_are_located(char: str, code: str) -> None:
    problem = only(problems(f"format: samarbejde/1\nname: ab{char}c\n", "yaml"))
    assert f"(U+{code})" in problem.message
    assert (problem.line, problem.column) == (2, 9)


# -- the command line with standard output closed or full -----------------------------


def test_the_cli_with_standard_output_closed_says_so() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "samarbejde", "schema"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
        preexec_fn=lambda: os.close(1),
    )
    assert done.returncode == 2
    assert done.stderr == "samarbejde: cannot write the output: standard output is closed\n"


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_the_cli_with_standard_output_full_says_so() -> None:
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "samarbejde", "schema"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    assert done.returncode == 2
    assert done.stderr == "samarbejde: cannot write the output: No space left on device\n"


# -- a rule that raises is a finding; the CLI keeps the other files' findings ---------


@rule(
    "X900",
    "always-breaks",
    en="never shown",
    da="vises aldrig",
    severity=Severity.INFO,
    scope=EVERY_PARTNERSHIP,
)
def always_breaks(ctx: RuleContext, part: PartnershipIndex) -> Iterator[Hit]:
    raise ZeroDivisionError("division by zero")
    yield  # pragma: no cover - a generator that never yields


def test_a_rule_that_raises_becomes_an_internal_finding_naming_it() -> None:
    day = pendulum.Date(2025, 6, 1)
    alone = validate(portfolio(), as_of=day)
    report = validate(portfolio(), as_of=day, rules=[*builtin_rules(), always_breaks])
    broken = [f for f in report if f.code == "X900"]
    assert [f.message for f in broken] == [
        "internal error in rule X900 (always-breaks): ZeroDivisionError: division by zero"
    ]
    assert broken[0].severity is Severity.ERROR
    assert broken[0].path == "partnerships[opdrift]"
    assert [f for f in report if f.code != "X900"] == list(alone)


def test_the_cli_prints_the_other_files_findings_when_one_breaks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    good, bad = tmp_path / "good.yaml", tmp_path / "bad.yaml"
    dump(portfolio(), good)
    dump(portfolio(), bad)
    real = cli._validate.validate

    def breaks_on_the_second(*args: object, **kwargs: object) -> object:
        if kwargs.get("sources") is not None and breaks_on_the_second.calls:  # type: ignore[attr-defined]
            raise RuntimeError("boom")
        breaks_on_the_second.calls = 1  # type: ignore[attr-defined]
        return real(*args, **kwargs)  # type: ignore[arg-type]

    breaks_on_the_second.calls = 0  # type: ignore[attr-defined]
    monkeypatch.setattr(cli._validate, "validate", breaks_on_the_second)
    code = cli.main(["validate", str(good), str(bad), "--as-of", "2025-06-01"])
    out = capsys.readouterr().out
    assert code == 2
    assert f"{bad}: LOAD error: internal error while validating: RuntimeError: boom" in out
    assert str(good) in out.replace(str(bad), "")
    assert "2 file(s)" in out
