"""``python -m macros build|serve [options]``: run Zensical, with our errors as one line.

A config with ``INHERIT:`` (``-f mkdocs.es.yml``) is handed to Zensical merged the way
MkDocs merges it (``macros/inherit.py``), in a hidden file beside it, removed afterwards.
"""

from __future__ import annotations

import sys
from pathlib import Path

from macros.engine import run_zensical
from macros.inherit import inherit_as_mkdocs


def main(args: list[str]) -> int:
    """Run Zensical with ``args``, merging an inherited config first."""
    flag = next((i for i, a in enumerate(args) if a in ("-f", "--config-file")), None)
    if flag is None or flag + 1 >= len(args):
        return run_zensical(args)
    config = Path(args[flag + 1])
    text = inherit_as_mkdocs(config)
    if text == config.read_text(encoding="utf-8"):
        return run_zensical(args)
    merged = config.with_name(f".{config.stem}.merged.yml")
    merged.write_text(text, encoding="utf-8")
    try:
        return run_zensical([*args[: flag + 1], str(merged), *args[flag + 2 :]])
    finally:
        merged.unlink(missing_ok=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
