"""A griffe extension: show docstring doctests and reST literal blocks as code.

The library's docstrings carry ``>>>`` examples that pytest runs. Markdown would read
them as prose (and ``[x][:3]`` as a link), so each run of ``>>>`` lines, up to the next
blank line as in doctest, is wrapped in a ``pycon`` fence. A paragraph ending in ``::``
(reST's literal block marker) ends in ``:`` instead; its indented block is already a
Markdown code block.
"""

from __future__ import annotations

import re
from typing import Any

PROMPT = re.compile(r"^(?P<indent>\s*)>>> ")


def fence_doctests(text: str) -> str:
    """Wrap each doctest example run in ``text`` in a ``pycon`` code fence."""
    out: list[str] = []
    lines = text.splitlines()
    index = 0
    in_fence = False
    while index < len(lines):
        line = lines[index]
        if line.lstrip().startswith("```"):
            in_fence = not in_fence
        prompt = None if in_fence else PROMPT.match(line)
        if prompt is None:
            out.append(line[:-1] if line.endswith("::") and not in_fence else line)
            index += 1
            continue
        indent = prompt.group("indent")
        out += [f"{indent}```pycon"]
        while index < len(lines) and lines[index].strip():
            out.append(lines[index])
            index += 1
        out += [f"{indent}```"]
    return "\n".join(out)


try:
    import griffe
except ImportError:  # the test suite checks fence_doctests without the docs extra
    griffe = None

if griffe is not None:

    class FenceDoctests(griffe.Extension):
        """Fence doctest examples in every docstring once the object tree is built."""

        def on_object(self, *, obj: griffe.Object, **_: Any) -> None:
            """Rewrite ``obj``'s docstring, if it has one."""
            if obj.docstring is not None:
                obj.docstring.value = fence_doctests(obj.docstring.value)
