"""Printing: every page keeps the disclaimer and the contacts; a lesson prints without the
header, drawer, quick exit and search, and in a sensible number of A4 pages."""

from __future__ import annotations

import io

import pytest
from playwright.sync_api import Page
from pypdf import PdfReader

from macros.quiz.strings import strings
from tests.harness import Server, configured

pytestmark = pytest.mark.browser


def _disclaimer_start() -> str:
    """The first words of the copy's own disclaimer, as the footer shows it."""
    return " ".join(configured().disclaimer.split()[:6])


def _on_screen_only() -> list[str]:
    quick_exit = configured().quick_exit
    label = quick_exit.label or strings("en")["quick_exit"]
    return [label, "Need support now?", "Skip to content"]


def _pdf_pages(page: Page, url: str) -> list[str]:
    page.goto(url, wait_until="load")
    pdf = page.pdf(format="A4", print_background=False)
    return [p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages]


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_the_disclaimer_looked_for_is_the_one_in_mkdocs_yml() -> None:
    assert len(_disclaimer_start().split()) >= 3


@pytest.mark.parametrize(
    ("path", "max_pages"),
    [("learn/what-it-costs/", 7), ("get-support/", 4), ("about/", 3)],
)
def test_page_prints_with_disclaimer_and_contacts(
    page: Page, site: Server, path: str, max_pages: int
) -> None:
    pages = _pdf_pages(page, site.url + path)
    text = _flat(" ".join(pages))
    assert 1 <= len(pages) <= max_pages, f"{path} prints on {len(pages)} A4 pages"
    assert _disclaimer_start() in text, f"{path}: no disclaimer in print"
    # The footer's organisation (the example name shows in English as it is written).
    assert configured().organisation.name in text, f"{path}: no contacts in print"
    for screen_only in _on_screen_only():
        assert screen_only not in text, f"{path}: {screen_only!r} printed"
    # The navigation drawer's links do not print (its "For editors" section, say).
    assert "Write a quiz" not in text or path == "get-support/", path


def test_lesson_headings_are_not_stranded_at_the_foot_of_a_page(page: Page, site: Server) -> None:
    page.goto(site.url + "learn/what-it-costs/", wait_until="load")
    page.emulate_media(media="print")
    rules = page.evaluate(
        """() => [...document.querySelectorAll('.md-typeset h2, .md-typeset h3')]
             .map(h => getComputedStyle(h).breakAfter)"""
    )
    assert rules and set(rules) == {"avoid"}, rules
