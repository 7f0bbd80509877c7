"""What the theme templates need beyond the settings: the colour style and the page's
Content-Security-Policy, built together so the style's hash always matches."""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from macros.settings.model import Settings


@dataclass(frozen=True)
class Theme:
    """``config.extra.hi`` in the templates: the checked settings and what comes from them."""

    settings: Settings
    colors_css: str
    csp: str
    example: bool


def colors_css(settings: Settings) -> str:
    """The ``<style>`` text with the clinic's colours (checked hex codes only)."""
    c = settings.colors
    return (
        f":root{{--md-primary-fg-color:{c.primary};--md-primary-fg-color--dark:{c.primary};"
        f"--md-accent-fg-color:{c.primary};--hi-link-color:{c.link};"
        f"--hi-link-color-dark:{c.link_dark}}}"
    )


def style_hash(css: str) -> str:
    """The CSP source for an inline ``<style>`` whose text is exactly ``css``."""
    digest = hashlib.sha256(css.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def policy(css: str) -> str:
    """The Content-Security-Policy of every page.

    Everything from the site's own origin only. Scripts: files only, no inline code.
    Styles: files and the one colour style (by hash). Images: also ``data:``, because
    Material's stylesheet draws its icons from ``data:`` SVG images. No form is ever
    sent anywhere (``form-action 'none'``): answers stay on the page.
    """
    return "; ".join(
        (
            "default-src 'self'",
            "script-src 'self'",
            f"style-src 'self' {style_hash(css)}",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "worker-src 'self'",
            "manifest-src 'self'",
            "media-src 'self'",
            "frame-src 'none'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'none'",
        )
    )


def theme_values(settings: Settings, example: bool) -> Theme:
    """The values ``overrides/main.html`` reads as ``config.extra.hi``."""
    css = colors_css(settings)
    return Theme(settings=settings, colors_css=css, csp=policy(css), example=example)
