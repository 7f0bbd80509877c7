"""The real site builds with --strict, and every page carries what a reader and a search
engine need: a title, a description and the support link."""

from __future__ import annotations

import re
from html import escape as html_escape
from pathlib import Path

import pytest

from macros.quiz.strings import strings
from tests.harness import site_pages, translations

META_DESCRIPTION = re.compile(r'<meta name="description" content="([^"]+)"')


def test_site_has_every_page(site_dir: Path) -> None:
    pages = site_pages(site_dir)
    for expected in ("index.html", "get-support/index.html", "about/privacy/index.html"):
        assert expected in pages


def test_data_and_snippets_are_not_published(site_dir: Path) -> None:
    assert not (site_dir / "data").exists(), "docs/data/ must not be published as files"
    assert not (site_dir / "includes").exists(), "docs/includes/ must not be published"


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_both_colour_schemes_are_offered_with_a_labelled_toggle(
    site_dir: Path, scheme: str
) -> None:
    html = (site_dir / "index.html").read_text()
    assert f'data-md-color-scheme="{scheme}"' in html
    assert 'title="Switch to dark mode"' in html
    assert 'title="Switch to light mode"' in html


def test_every_page_has_a_title_a_description_and_the_support_link(site_dir: Path) -> None:
    problems = []
    for page in site_pages(site_dir):
        if page == "404.html":
            continue
        html = (site_dir / page).read_text()
        title = re.search(r"<title>(.*?)</title>", html, re.S)
        if not title or not title.group(1).strip():
            problems.append(f"{page}: no <title>")
        if not META_DESCRIPTION.search(html):
            problems.append(f"{page}: no meta description (add description: to its front matter)")
        first = page.split("/")[0]
        banner = strings(first if first in translations() else "en")["banner_link"]
        if f">{html_escape(banner)}</a>" not in html:
            problems.append(f"{page}: no {banner!r} link")
    assert not problems, "\n".join(problems)


def test_no_google_fonts_or_remote_assets_in_the_markup(site_dir: Path) -> None:
    # Anything the browser would fetch by itself; a canonical link is not fetched.
    remote = re.compile(r'<(?:link|script|img|iframe)[^>]+(?:href|src)="(?:https?:)?//[^>]*>', re.I)
    hits = [
        f"{page}: {m.group(0)}"
        for page in site_pages(site_dir)
        for m in remote.finditer((site_dir / page).read_text())
        if 'rel="canonical"' not in m.group(0)
    ]
    assert not hits, "\n".join(hits)
    assert "fonts.googleapis" not in (site_dir / "index.html").read_text()
