"""``python -m samarbejde``: the same command as ``samarbejde``."""

from __future__ import annotations

import sys

from samarbejde.cli import main

if __name__ == "__main__":  # pragma: no branch - imported only by doctest collection
    sys.exit(main())
