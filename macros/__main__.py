"""``python -m macros build|serve [options]``: run Zensical, with our errors as one line."""

from __future__ import annotations

import sys

from macros.engine import run_zensical

if __name__ == "__main__":
    sys.exit(run_zensical(sys.argv[1:]))
