"""``python -m macros build|serve [options]``: run Zensical, with our errors as one line.

A config with ``INHERIT:`` (``-f mkdocs.es.yml``) is handed to Zensical merged the way
MkDocs merges it (``macros/inherit.py``), in a hidden file beside it, removed afterwards.
After a build, every page it wrote is checked for its safety layer (``macros/safety.py``):
Zensical has no hook after the build, which MkDocs runs the same check from.
"""

from __future__ import annotations

import sys
from pathlib import Path

from macros.engine import SiteError, run_zensical
from macros.inherit import inherit_as_mkdocs
from macros.safety import check_config_site


def main(args: list[str]) -> int:
    """Run Zensical with ``args``, merging an inherited config first."""
    flag = next((i for i, a in enumerate(args) if a in ("-f", "--config-file")), None)
    config = Path(args[flag + 1]) if flag is not None and flag + 1 < len(args) else None
    if config is None or flag is None:
        return _run(args, Path("mkdocs.yml"), "mkdocs.yml")
    text = inherit_as_mkdocs(config)
    if text == config.read_text(encoding="utf-8"):
        return _run(args, config, config.name)
    merged = config.with_name(f".{config.stem}.merged.yml")
    merged.write_text(text, encoding="utf-8")
    try:
        return _run([*args[: flag + 1], str(merged), *args[flag + 2 :]], merged, config.name)
    finally:
        merged.unlink(missing_ok=True)


def _run(args: list[str], config: Path, file: str) -> int:
    """Zensical with ``args``; after a build, the safety layer of every page it wrote."""
    status = run_zensical(args)
    if status or not args or args[0] != "build":
        return status
    try:
        check_config_site(config, file)
    except SiteError as error:
        print(f"Error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
