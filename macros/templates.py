"""Render HTML from the autoescaped Jinja templates in ``overrides/partials/``.

HTML is never built in Python strings: a clinic can restyle any template by editing it.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import (
    Environment,
    FileSystemLoader,
    StrictUndefined,
    TemplateSyntaxError,
    select_autoescape,
)

from macros.engine import SiteError, project_dir


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


class TemplateError(SiteError):
    """A theme template in ``overrides/`` that cannot be read, as one line."""


def check_templates(overrides: Path) -> int:
    """Read every template under ``overrides/`` as the theme would, so an edit that broke
    one (a block left open, a typo in a tag) is one line naming the file and the line, not
    a traceback in the middle of the build. Returns how many were read."""
    env = Environment(extensions=["jinja2.ext.loopcontrols"])
    count = 0
    for path in sorted(overrides.rglob("*.html")) if overrides.is_dir() else []:
        shown = path.relative_to(overrides.parent).as_posix()
        try:
            env.parse(path.read_text(encoding="utf-8"), name=shown)
        except UnicodeDecodeError:
            raise TemplateError(f"{shown}: not saved as UTF-8; save it again as UTF-8") from None
        except TemplateSyntaxError as error:
            raise TemplateError(
                f"{shown}: line {error.lineno}: {(error.message or '').rstrip('.')}; undo the last "
                "change to this file, or finish the tag it opened"
            ) from None
        count += 1
    return count
