"""Render HTML from the autoescaped Jinja templates in ``overrides/partials/``.

HTML is never built in Python strings: a clinic can restyle any template by editing it.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from macros.engine import project_dir


@lru_cache(maxsize=8)
def _environment(partials: Path) -> Environment:
    return Environment(
        loader=FileSystemLoader(str(partials)),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )


def render(conf: Any, template: str, **context: Any) -> str:
    """Render ``overrides/partials/<template>`` with ``context``, autoescaped.

    The result has no blank lines, so Markdown keeps it as one raw HTML block.
    """
    env = _environment(project_dir(conf) / "overrides" / "partials")
    html = env.get_template(template).render(**context)
    return "\n".join(line for line in html.splitlines() if line.strip())
