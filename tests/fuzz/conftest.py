"""The fuzz scripts are run as programs (``.ci/run``), not collected by pytest.

``--doctest-modules`` would import them; those on the shared harness import it as a
sibling module (``from _harness import …``), which only works as a program. Every
``fuzz_*.py`` is a program, so a new one needs no entry here.
"""

collect_ignore_glob = ["_harness.py", "fuzz_*.py"]
