"""Every code example in docs/ and README.md runs, so the documentation cannot rot.

Each page's fenced ``python`` blocks run in order in one namespace (a later block may
use what an earlier one defined), in a fresh temporary working directory so examples
that write files leave nothing behind. ``pycon`` blocks (``>>>`` prompts with expected
output) run as doctests in the same namespace. A block preceded by
``<!-- skip: reason -->`` is not run; the reason is required.
"""

from __future__ import annotations

import doctest
import re
from pathlib import Path

import attrs
import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"

FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>[^\n`]*)$")
SKIP = re.compile(r"^\s*<!--\s*skip(?::\s*(?P<reason>.*?))?\s*-->\s*$")
RUN_AS_PYTHON = {"python", "py", "python3"}
RUN_AS_DOCTEST = {"pycon"}


@attrs.frozen
class Block:
    """One fenced code block of a Markdown page."""

    language: str
    code: str
    line: int  # 1-based line of the first line of code
    skip: str | None  # the reason given in the skip marker, if any


def extract(text: str) -> list[Block]:
    """Return the fenced code blocks of ``text`` in page order."""
    blocks: list[Block] = []
    lines = text.splitlines()
    index = 0
    skip: str | None = None
    while index < len(lines):
        line = lines[index]
        marker = SKIP.match(line)
        if marker:
            skip = marker.group("reason") or ""
            index += 1
            continue
        fence = FENCE.match(line)
        if not fence:
            if line.strip():
                skip = None
            index += 1
            continue
        indent, opener = fence.group("indent"), fence.group("fence")
        info = fence.group("info").strip()
        language = info.split()[0].lstrip(".{").rstrip("}").lower() if info else ""
        body: list[str] = []
        index += 1
        start = index + 1
        while index < len(lines):
            current = lines[index]
            stripped = current.strip()
            if stripped.startswith(opener[0] * len(opener)) and set(stripped) == {opener[0]}:
                break
            body.append(current[len(indent) :] if current.startswith(indent) else current.lstrip())
            index += 1
        blocks.append(Block(language, "\n".join(body) + "\n", start, skip))
        skip = None
        index += 1
    return blocks


def runnable(blocks: list[Block]) -> list[Block]:
    """The blocks that run: Python and doctest blocks without a skip marker."""
    return [
        b
        for b in blocks
        if b.skip is None and (b.language in RUN_AS_PYTHON or b.language in RUN_AS_DOCTEST)
    ]


def pages() -> list[Path]:
    """Every Markdown page of the documentation, and the README, that has a block to run."""
    candidates = [*DOCS.rglob("*.md"), ROOT / "README.md"]
    return sorted(
        path for path in candidates if path.is_file() and runnable(extract(path.read_text("utf-8")))
    )


def run_page(path: Path, name: str) -> int:
    """Run every runnable block of ``path`` in one namespace; return how many ran.

    ``name`` is the file name shown in tracebacks and doctest reports.
    """
    namespace: dict[str, object] = {"__name__": f"docs.{path.stem}"}
    blocks = runnable(extract(path.read_text("utf-8")))
    for block in blocks:
        if block.language in RUN_AS_PYTHON:
            # Pad with blank lines so a traceback points at the line in the Markdown file.
            # dont_inherit: the page runs as a reader's script would, without this
            # module's ``from __future__ import annotations`` (which would leave its
            # annotations as strings that FastAPI and pydantic cannot resolve).
            source = "\n" * (block.line - 1) + block.code
            code = compile(source, name, "exec", dont_inherit=True)
            exec(code, namespace)
        else:
            test = doctest.DocTestParser().get_doctest(
                block.code, namespace, f"{name}:{block.line}", name, block.line - 1
            )
            runner = doctest.DocTestRunner(
                optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
            )
            test.globs = namespace  # get_doctest copies the globals; share the page's
            report: list[str] = []
            failed = runner.run(test, out=report.append, clear_globs=False).failed
            assert failed == 0, (
                f"{name}:{block.line}: {failed} doctest example(s) failed\n" + "".join(report)
            )
    return len(blocks)


@pytest.mark.parametrize("path", pages(), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_example_on_the_page_runs(
    path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert run_page(path, path.relative_to(ROOT).as_posix()) > 0


def test_the_tutorial_is_among_the_pages_whose_examples_run() -> None:
    ran = {p.relative_to(ROOT).as_posix() for p in pages()}
    assert {"docs/tutorial/index.md", "docs/_readme_draft.md"} <= ran
    assert len(runnable(extract((DOCS / "tutorial/index.md").read_text("utf-8")))) >= 10


def test_every_skipped_block_says_why() -> None:
    unexplained = [
        f"{path.relative_to(ROOT)}:{block.line}"
        for path in [*DOCS.rglob("*.md"), ROOT / "README.md"]
        if path.is_file()
        for block in extract(path.read_text("utf-8"))
        if block.skip is not None and not block.skip.strip()
    ]
    assert unexplained == []


# -- the extractor itself ------------------------------------------------------------


SAMPLE = """\
# Title

```python
x = 1
```

<!-- skip: needs a network -->
```python
import urllib
```

!!! note
    ```python
    y = x + 1
    ```

```sh
samarbejde validate file.yaml
```

```pycon
>>> y
2
```

````markdown
```python
not_a_block_of_its_own = True
```
````
"""


def test_extract_finds_fenced_blocks_with_their_language_and_line() -> None:
    blocks = extract(SAMPLE)
    assert [(b.language, b.line) for b in blocks] == [
        ("python", 4),
        ("python", 9),
        ("python", 14),
        ("sh", 18),
        ("pycon", 22),
        ("markdown", 27),
    ]


def test_extract_dedents_blocks_inside_admonitions() -> None:
    assert extract(SAMPLE)[2].code == "y = x + 1\n"


def test_a_skip_marker_applies_to_the_next_block_only() -> None:
    blocks = extract(SAMPLE)
    assert [b.skip for b in blocks] == [None, "needs a network", None, None, None, None]


def test_only_python_and_pycon_blocks_without_skip_run() -> None:
    assert [b.line for b in runnable(extract(SAMPLE))] == [4, 14, 22]


def test_a_failing_example_fails_at_its_line_in_the_page(tmp_path: Path) -> None:
    page = tmp_path / "broken.md"
    page.write_text("text\n\n```python\nok = 1\nraise ValueError('boom')\n```\n", "utf-8")
    with pytest.raises(ValueError, match="boom") as caught:
        run_page(page, "broken.md")
    entry = caught.traceback[-1]
    assert (str(entry.path), entry.lineno + 1) == ("broken.md", 5)


def test_blocks_of_a_page_share_one_namespace(tmp_path: Path) -> None:
    page = tmp_path / "shared.md"
    page.write_text("```python\nx = 41\n```\n\n```pycon\n>>> x + 1\n42\n```\n", "utf-8")
    assert run_page(page, "shared.md") == 2


def test_a_failing_doctest_block_fails_the_page(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text("```pycon\n>>> 1 + 1\n3\n```\n", "utf-8")
    with pytest.raises(AssertionError, match=r"page\.md:2: 1 doctest example"):
        run_page(page, "page.md")
