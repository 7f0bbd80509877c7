"""Macros for the site: wiring only. The work lives in the modules beside this file.

Only ``env.macro``, ``env.filter``, ``env.variables`` and ``env.conf`` are used, the
subset that Zensical's macros support also runs.
"""

from __future__ import annotations

from typing import Any

from macros.quiz import register as register_quiz
from macros.references import register as register_references
from macros.support import register as register_support


def define_env(env: Any) -> None:
    """Register the site's macros with mkdocs-macros."""
    register_support(env)
    register_quiz(env)
    register_references(env)
