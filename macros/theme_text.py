"""Texts the engines' own templates print as written: checked for markup at build.

Material and Zensical print ``site_name``, page and nav titles and the palette's toggle
names into every page without escaping them, in partials that have no block to override
(``header.html``, ``nav.html``, ``footer.html``, Zensical's ``logo.html``, ``palette.html``)
and that differ between the two engines. Copying them all would tie the site to one
engine's markup, so the build refuses markup in those texts instead, with one line: a
``<`` or ``>`` (a tag, such as a ``<meta http-equiv="refresh">`` that sends readers
elsewhere), an HTML character code (``&amp;``, shown as written in some places and as the
character in others), and, where the engines print the text inside an attribute, a ``"``.

Where our own templates print a value they escape it, so those values may hold any text:
the description (``overrides/main.html``), the ``<title>``, the nav
(``partials/nav-item.html``) and the language names (``partials/alternate.html``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from macros.engine import SiteError, config_name, config_value, nav_titles, theme_option

_TAG = re.compile(r"[<>]")
_CODE = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")


class ThemeTextError(SiteError):
    """A text the theme prints as written that holds markup, as one line."""


def markup_problem(value: Any, *, attribute: bool = False) -> str | None:
    """Why ``value`` cannot be printed into a page as written, or ``None``.

    ``attribute``: the engines also print it inside an HTML attribute, where ``"`` ends it.
    """
    if not isinstance(value, str):
        return None
    tag = _TAG.search(value)
    if tag:
        return f"holds '{tag.group()}'; write it as plain text"
    code = _CODE.search(value)
    if code:
        return f"holds '{code.group()}', an HTML code; write the character itself"
    if attribute and '"' in value:
        return "holds '\"', which would break the page's markup; write “ ” or ' instead"
    return None


def _texts(conf: Any) -> Iterator[tuple[str, Any, bool]]:
    """Each text the engines print as written: where it is, its value, in an attribute."""
    yield "site_name", config_value(conf, "site_name"), True
    for where, title in nav_titles(config_value(conf, "nav")):
        yield where, title, False
    palette = theme_option(conf, "palette")
    for i, scheme in enumerate(palette if isinstance(palette, list) else [palette]):
        toggle = scheme.get("toggle") if isinstance(scheme, Mapping) else None
        if isinstance(toggle, Mapping):
            yield f"theme.palette[{i}].toggle.name", toggle.get("name"), True


def check_texts(conf: Any, file: str, lines: Mapping[str, int] | None = None) -> None:
    """Refuse markup in the texts of ``conf`` (a config or its YAML) that the engines print
    as written; ``lines`` gives each key's line (``python -m macros.check_config``)."""
    for where, value, attribute in _texts(conf):
        problem = markup_problem(value, attribute=attribute)
        if problem is None:
            continue
        line = (lines or {}).get(where)
        at = f" (line {line})" if line else ""
        field = f'nav: "{value}"' if where.startswith("nav[") else where
        raise ThemeTextError(f"{file}: {field}: {problem}{at}")


def register(env: Any) -> None:
    """Check the config's texts that the theme prints as written, before any page."""
    check_texts(env.conf, config_name(env.conf))
