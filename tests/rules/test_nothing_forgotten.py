"""Every rule defined in the rules package runs: none is decorated and then left out.

A rule made with ``@rule`` or ``Family.rule`` is a value; if no tuple the engine reads
holds it, :func:`builtin_rules` never runs it and no other test notices (issue 20). A
family module's tuple is now derived from the rules it defines (``defined_rules``); the
package is still walked here, so a rule defined in any of its modules (a new family
module the engine does not read, say), at module level or in a module-level tuple,
must be one of the catalogue's.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterator

import samarbejde.rules
from samarbejde.rules import Rule, builtin_rules


def defined_rules() -> Iterator[tuple[str, Rule]]:
    """Every rule a module of ``samarbejde.rules`` holds, named by where it is."""
    for info in pkgutil.walk_packages(samarbejde.rules.__path__, "samarbejde.rules."):
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            items = value if isinstance(value, tuple) else (value,)
            for index, item in enumerate(items):
                if isinstance(item, Rule):
                    where = name if items is not value else f"{name}[{index}]"
                    yield f"{info.name}.{where}", item


def test_the_walk_finds_the_rules_of_every_family_module() -> None:
    modules = {where.rsplit(".", 1)[0] for where, _ in defined_rules()}
    assert {f"samarbejde.rules.{m}" for m in ("structure", "time", "collaboration")} <= modules


def test_every_rule_defined_in_the_rules_package_is_built_in() -> None:
    catalogue = builtin_rules()
    forgotten = [
        f"{where} ({r.code})" for where, r in defined_rules() if not any(r is b for b in catalogue)
    ]
    assert not forgotten, f"rules defined but not in builtin_rules(): {forgotten}"
