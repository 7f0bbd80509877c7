"""Macros for the site: wiring only. The work lives in the modules beside this file.

Only ``env.macro``, ``env.filter``, ``env.variables`` and ``env.conf`` are used, the
subset that Zensical's macros support also runs.
"""

from __future__ import annotations

from typing import Any

from macros.pages import register as register_pages
from macros.quiz import register as register_quiz
from macros.support import register as register_support


def define_env(env: Any) -> None:
    """Check the clinic settings and every page's front matter, then add the macros."""
    register_support(env)
    register_pages(env)
    register_quiz(env)
