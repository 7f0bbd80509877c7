"""The page's Content-Security-Policy, as declared once in ``overrides/partials/hi-csp.html``.

The theme puts that partial's text in a ``<meta>`` on every page. It is a fixed string:
theme templates must not depend on values the macros compute, because under Zensical the
macros run per page in the Markdown stage and what they write never reaches the theme. So
nothing inline is allowed at all (no hash for a colour style): the clinic's colours are
set by ``assets/javascripts/hi-colors.js`` instead. The tests read the policy from here.
"""

from __future__ import annotations

import re
from pathlib import Path

#: The partial that declares the policy.
PARTIAL = Path(__file__).resolve().parents[2] / "overrides" / "partials" / "hi-csp.html"

_COMMENT = re.compile(r"\{#.*?#\}", re.S)


def policy(partial: Path = PARTIAL) -> str:
    """The policy text of ``partial`` (its Jinja comment left out)."""
    return _COMMENT.sub("", partial.read_text(encoding="utf-8")).strip()


def directives(partial: Path = PARTIAL) -> dict[str, list[str]]:
    """The policy as ``{"script-src": ["'self'"], ...}``."""
    found = (d.split() for d in policy(partial).split(";") if d.strip())
    return {d[0]: d[1:] for d in found}
