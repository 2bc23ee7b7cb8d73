"""``samarbejde store``: save documents as revisions, list them, show one, export."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest
from tests import opdrift

from samarbejde import cli, dump, load
from samarbejde import store as stores


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def documents(tmp_path: Path) -> tuple[Path, Path]:
    first = opdrift.portfolio()
    area = attrs.evolve(first.areas[0], name="Ny Ørnerede")
    second = attrs.evolve(first, areas=(area, *first.areas[1:]))
    one, two = tmp_path / "one.yaml", tmp_path / "two.json"
    dump(first, one)
    dump(second, two)
    return one, two


def test_save_log_show_and_export(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, documents: tuple[Path, Path]
) -> None:
    registry = str(tmp_path / "registry.db")
    one, two = documents
    code, out, err = run(capsys, "store", "save", registry, str(one), "--by", "sekretariatet")
    assert (code, err) == (0, "")
    assert out.startswith("revision 1: ")
    code, out, _ = run(
        capsys,
        "store",
        "save",
        registry,
        str(two),
        "--by",
        "kontoret",
        "--note",
        "nyt navn",
        "--base",
        "1",
    )
    assert (code, out) == (0, "revision 2: 1 change(s)\n")

    code, out, _ = run(capsys, "store", "log", registry)
    lines = out.splitlines()
    assert code == 0
    assert [line.split("\t")[0] for line in lines] == ["1", "2"]
    assert lines[1].split("\t")[2:] == ["kontoret", "1 change(s) (from 1)  nyt navn"]
    code, out, _ = run(capsys, "store", "log", registry, "--record", "areas[ornereden]", "--redact")
    assert [line.split("\t")[2] for line in out.splitlines()] == ["-", "-"]

    code, out, _ = run(capsys, "store", "show", registry, "2", "--lang", "da")
    assert code == 0
    assert "Områder › ornereden › navn ændret fra «Ørnereden» til «Ny Ørnerede»." in out
    code, out, _ = run(capsys, "store", "show", registry, "1", "--redact")
    assert "\t-\t" in out.splitlines()[0]

    for extra, expected in [((), two), (("--revision", "1"), one)]:
        target = tmp_path / f"out{len(extra)}.toml"
        code, out, err = run(capsys, "store", "export", registry, str(target), *extra)
        assert (code, out, err) == (0, "", "")
        assert load(target) == load(expected)
    with stores.open(registry) as opened:
        latest = opened.latest
        assert latest is not None
        later = latest.recorded_at.add(seconds=1).isoformat()
        earlier = latest.recorded_at.subtract(years=1).isoformat()
    for instant, expected_areas in [(later, load(two).areas), (earlier, ())]:
        target = tmp_path / "at.json"
        assert run(capsys, "store", "export", registry, str(target), "--at", instant)[0] == 0
        assert load(target).areas == expected_areas


def test_a_conflict_and_bad_input_exit_2_without_a_traceback(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, documents: tuple[Path, Path]
) -> None:
    registry = str(tmp_path / "registry.db")
    one, two = documents
    assert run(capsys, "store", "save", registry, str(one), "--by", "a")[0] == 0
    assert run(capsys, "store", "save", registry, str(two), "--by", "b", "--base", "1")[0] == 0
    other = load(two)
    third = tmp_path / "three.json"
    dump(attrs.evolve(other, areas=(attrs.evolve(other.areas[0], name="Tredje"),)), third)
    code, out, err = run(capsys, "store", "save", registry, str(third), "--by", "c", "--base", "1")
    assert code == 2
    assert "samarbejde: revisions after 1" in err
    assert "Traceback" not in err

    broken = tmp_path / "broken.yaml"
    broken.write_text("format: samarbejde/1\nareas: [{id: x}]\n", encoding="utf-8")
    code, out, _ = run(capsys, "store", "save", registry, str(broken), "--by", "a")
    assert code == 2
    assert out.startswith(f"{broken}:")

    code, _, err = run(capsys, "store", "show", registry, "7")
    assert (code, "no revision 7" in err) == (2, True)
    code, _, err = run(capsys, "store", "export", registry, str(tmp_path / "x.json"), "--at", "P1D")
    assert code == 2
    assert "not a date and time" in err
    code, _, err = run(
        capsys,
        "store",
        "export",
        registry,
        str(tmp_path / "x.json"),
        "--at",
        "2026",
        "--revision",
        "1",
    )
    assert code == 2
    code, out, _ = run(capsys, "store", "export", registry, str(tmp_path / "no" / "x.json"))
    assert code == 2
    assert "cannot write the file" in out
    code, _, err = run(capsys, "store", "save", registry, str(one))
    assert code == 2
    assert "--by" in err
    code, _, err = run(capsys, "store")
    assert code == 2


@pytest.mark.parametrize(
    ("argv", "about"),
    [
        (("show", "{store}", "99999999999999999999999"), "revision 99999999999999999999999"),
        (("export", "{store}", "{out}", "--at", "0001-01-01"), "at 0001-01-01"),
        (("log", "/dev/null"), "/dev/null: not a file"),
        (("save", "{store}", "{doc2}", "--by", "\udcff", "--base", "1"), "recorded_by"),
        (("save", "{store}", "{doc2}", "--by", "a", "--note", "nul\x00", "--base", "1"), "note"),
        (("log", "{store}", "--record", "areas[a\x00]"), "record"),
    ],
    ids=["huge-revision", "at-year-1", "dev-null", "by-not-utf8", "nul-note", "nul-record"],
)
def test_bad_store_arguments_get_a_message_about_the_input(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    documents: tuple[Path, Path],
    argv: tuple[str, ...],
    about: str,
) -> None:
    registry = str(tmp_path / "registry.db")
    assert run(capsys, "store", "save", registry, str(documents[0]), "--by", "a")[0] == 0
    filled = [a.format(store=registry, out=tmp_path / "out.json", doc2=documents[1]) for a in argv]
    code, _, err = run(capsys, "store", *filled)
    assert code == 2
    assert "internal error" not in err
    assert about in err
    with stores.open(registry) as opened:
        assert [r.number for r in opened.revisions()] == [1]


def test_save_needs_a_base_or_force_and_an_unchanged_save_records_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, documents: tuple[Path, Path]
) -> None:
    registry = str(tmp_path / "registry.db")
    one, two = documents
    assert run(capsys, "store", "save", registry, str(one), "--by", "a")[0] == 0  # empty: fine
    code, out, err = run(capsys, "store", "save", registry, str(two), "--by", "b")
    assert (code, out) == (2, "")
    assert "--base" in err
    assert "--force" in err
    code, out, _ = run(capsys, "store", "save", registry, str(one), "--by", "b", "--base", "1")
    assert (code, out) == (0, "nothing changed since revision 1: no revision recorded\n")
    assert run(capsys, "store", "save", registry, str(two), "--by", "b", "--force")[0] == 0
    code, out, _ = run(capsys, "store", "save", registry, str(two), "--by", "b", "--force")
    assert out == "nothing changed since revision 2: no revision recorded\n"
    with stores.open(registry) as opened:
        assert [r.number for r in opened.revisions()] == [1, 2]
