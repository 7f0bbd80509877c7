"""Bytes of a quiz page and its quiz assets, ours against ewels/mkdocs-quiz.

Gzip sizes are ``gzip -9`` of the file (Python's ``gzip.compress`` default level), with no
file name or time in the header.
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path
from typing import Any

QUIZ_JS = "assets/javascripts/quiz.js"
QUIZ_CSS = "assets/stylesheets/quiz.css"
_INLINE = re.compile(r"<(script|style)\b[^>]*>(.*?)</\1>", re.S | re.I)


def sizes(data: bytes) -> dict[str, int]:
    """Raw and gzip bytes."""
    return {"raw": len(data), "gzip": len(gzip.compress(data, mtime=0))}


def quiz_assets(site_dir: Path) -> dict[str, Any]:
    """Our quiz JS and CSS as built, each and together (the 5 KB gzip budget)."""
    js = (site_dir / QUIZ_JS).read_bytes()
    css = (site_dir / QUIZ_CSS).read_bytes()
    js_s, css_s = sizes(js), sizes(css)
    return {
        "js": js_s,
        "css": css_s,
        "total": {"raw": js_s["raw"] + css_s["raw"], "gzip": js_s["gzip"] + css_s["gzip"]},
    }


def inline_blocks(html: str) -> list[tuple[str, str]]:
    """Every inline ``<script>`` and ``<style>`` body (tag, text) with content."""
    return [(m.group(1).lower(), m.group(2)) for m in _INLINE.finditer(html) if m.group(2).strip()]


def ours_page(site_dir: Path, page: str) -> dict[str, Any]:
    """Our quiz page: its HTML, plus the quiz JS and CSS files it loads."""
    html = (site_dir / page).read_bytes()
    assets = quiz_assets(site_dir)
    html_s = sizes(html)
    return {
        "page": page,
        "html": html_s,
        "quiz_js": assets["js"],
        "quiz_css": assets["css"],
        "total_gzip": html_s["gzip"] + assets["total"]["gzip"],
        "total_raw": html_s["raw"] + assets["total"]["raw"],
    }


def mkdocs_quiz_page(site_dir: Path, page: str, reference_html: str) -> dict[str, Any]:
    """The mkdocs-quiz page: its HTML and, inside it, the JS and CSS the plugin inlined.

    Inline blocks that our own page has too (Material's and the theme override's) are not
    counted as the plugin's.
    """
    text = (site_dir / page).read_text(encoding="utf-8")
    shared = {body for _, body in inline_blocks(reference_html)}
    plugin = [(tag, body) for tag, body in inline_blocks(text) if body not in shared]
    js = "\n".join(body for tag, body in plugin if tag == "script").encode()
    css = "\n".join(body for tag, body in plugin if tag == "style").encode()
    html_s = sizes(text.encode())
    return {
        "page": page,
        "html": html_s,
        "quiz_js": sizes(js),
        "quiz_css": sizes(css),
        "inline_blocks": len(plugin),
        "total_gzip": html_s["gzip"],
        "total_raw": html_s["raw"],
    }


def site_extras(site_dir: Path, reference_dir: Path) -> list[str]:
    """Files in ``site_dir`` that ``reference_dir`` does not have (assets a plugin added)."""
    ours = {
        p.relative_to(reference_dir).as_posix() for p in reference_dir.rglob("*") if p.is_file()
    }
    return sorted(
        rel
        for p in site_dir.rglob("*")
        if p.is_file() and (rel := p.relative_to(site_dir).as_posix()) not in ours
    )
