"""``python -m macros build|serve [options]``: run Zensical, with our errors as one line.

Zensical is handed the config as MkDocs would build it (``macros/clinic.py``,
``engine_config_text``): ``INHERIT:`` merged the MkDocs way (``-f mkdocs.es.yml``), the
clinic's ``clinic.yml`` laid over it and ``extra:`` checked, in a hidden file beside it,
removed afterwards. Its theme sees only that file.
After a build, every page it wrote is checked for its safety layer (``macros/safety.py``):
Zensical has no hook after the build, which MkDocs runs the same check from.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

from macros.check_config import check_config
from macros.clinic import engine_config_text
from macros.engine import SiteError, run_zensical
from macros.safety import check_config_site


def main(args: list[str]) -> int:
    """Run Zensical with ``args`` on the config as MkDocs would build it."""
    flag = next((i for i, a in enumerate(args) if a in ("-f", "--config-file")), None)
    if flag is None or flag + 1 >= len(args):
        args = [*args[:1], "-f", "mkdocs.yml", *args[1:]] if args else args
        flag = 1
    if not args:
        return run_zensical(args)
    config = Path(args[flag + 1])
    try:
        check_config(config)  # as `make build` checks it: every mistake in one line
        text = engine_config_text(config)
    except (SiteError, yaml.YAMLError, OSError) as error:
        print(f"Error: {error}", file=sys.stderr)
        return 1
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
