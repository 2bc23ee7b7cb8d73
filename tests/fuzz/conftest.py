"""The fuzz scripts are run as programs (``.ci/run``), not collected by pytest.

``--doctest-modules`` would import them; those on the shared harness import it as a
sibling module (``from _harness import …``), which only works as a program.
"""

collect_ignore_glob = ["_harness.py", "fuzz_popolo.py", "fuzz_store.py", "fuzz_report.py"]
