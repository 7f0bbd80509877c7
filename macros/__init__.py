"""Macros for the site: wiring only. The work lives in the modules beside this file.

Only ``env.macro``, ``env.filter``, ``env.variables`` and ``env.conf`` are used, the
subset that Zensical's macros support also runs. ``on_post_build`` runs under MkDocs
only; ``python -m macros build`` runs the same check after Zensical.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

# Zensical runs this file by its path, without the project folder on the import path, so
# `macros.quiz` below would not be found. MkDocs has it there already.
_ROOT = str(Path(__file__).resolve().parents[1])
if "macros" not in sys.modules and _ROOT not in sys.path:
    sys.path.append(_ROOT)

from macros.clinic import apply_to as apply_clinic  # noqa: E402 (needs the path above)
from macros.languages import register as register_languages  # noqa: E402 (needs the path above)
from macros.pages import register as register_pages  # noqa: E402
from macros.quiz import register as register_quiz  # noqa: E402
from macros.references import register as register_references  # noqa: E402
from macros.safety import check_site  # noqa: E402
from macros.support import register as register_support  # noqa: E402
from macros.theme_text import register as register_theme_text  # noqa: E402


def define_env(env: Any) -> None:
    """Lay clinic.yml over the config; check the clinic settings, the texts the theme
    prints as written, every page's front matter and the theme's copy of the string
    tables; then add the macros."""
    # Imported here: `python -m macros.theme_strings` runs that module as a script.
    from macros.check_config import check_config
    from macros.theme_strings import check as check_theme_strings

    check_theme_strings()
    # MkDocs: the config checked as `make build` checks it (Zensical's `python -m macros
    # build` has done so already, and runs this once per page).
    config = env.conf.get("config_file_path") if "config_file_path" in env.conf else None
    if config:
        check_config(Path(config))
    apply_clinic(env.conf)
    register_theme_text(env)
    register_support(env)
    register_pages(env)
    register_quiz(env)
    register_references(env)
    register_languages(env)


def on_post_build(env: Any) -> None:
    """MkDocs, once every page is written: each still carries its safety layer."""
    check_site(env.conf)
