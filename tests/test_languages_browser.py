"""The Spanish site in a real Chromium: every Spanish quiz by keyboard, in Spanish and
storing nothing; the language switch goes to the same page; Spanish search finds Spanish
pages. Run on ``translated_site``: the copy's own site, or the example copy's when the
copy's ``clinic.yml`` turns Spanish off. (axe in light and dark, links and privacy cover
the Spanish pages with the rest where the copy builds them: they walk every built page.)"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

from macros.engine import page_url
from macros.quiz.pages import DocsPages
from tests.harness import Server, search_hrefs
from tests.test_languages import english_shown
from tests.test_quiz_browser import EVERYTHING_STORED, _open

pytestmark = pytest.mark.browser

ES = Path(__file__).resolve().parents[1] / "docs" / "es"
#: (quiz id, Spanish page URL) for every quiz a Spanish page shows.
QUIZZES = [
    (str(use.quiz_id), "es/" + page_url(src).removeprefix("./"))
    for src, uses in DocsPages(ES, exclude=lambda s: s.startswith(("data/", "includes/")))
    .uses()
    .items()
    for use in uses
]
#: Words of the English quiz interface that must not show on a Spanish quiz.
ENGLISH = ("See my results", "See my summary", "Your results", "Your summary", "answered")
FOCUS = """() => { const e = document.activeElement;
  return [e.tagName, e.type || "", e.closest("form")?.dataset.quiz || "",
          e.matches("[type=submit]")]; }"""


@pytest.mark.parametrize(("quiz_id", "url"), QUIZZES, ids=[q for q, _ in QUIZZES])
def test_every_spanish_quiz_by_keyboard(
    page: Page, translated_site: Server, quiz_id: str, url: str
) -> None:
    errors = _open(page, translated_site.url + url)
    form = page.locator(f'form[data-quiz="{quiz_id}"]')
    form.locator("input[type=radio], textarea").first.focus()
    worksheet = form.locator("[type=submit]").count() == 0  # a reflection exercise
    for _ in range(300):
        tag, kind, owner, submit = page.evaluate(FOCUS)
        if worksheet and owner != quiz_id:  # past its last field and buttons
            break
        assert owner == quiz_id, "Tab left the quiz before its submit button"
        if submit:
            page.keyboard.press("Enter")
            break
        if kind == "radio":
            page.keyboard.press("Space")
        elif tag == "TEXTAREA":
            page.keyboard.type("Un paso pequeño.")
        page.keyboard.press("Tab")
    else:
        pytest.fail("no submit button reached by Tab")
    if worksheet:
        values = form.locator("textarea").evaluate_all("els => els.map(e => e.value)")
        assert values and all(v == "Un paso pequeño." for v in values)
    else:
        result = form.locator("[data-quiz-result]")
        expect(result).to_be_visible()
        assert result.inner_text().strip()
    shown = form.inner_text()
    assert [w for w in ENGLISH if w in shown] == []
    # Nor any English string of the tables, in the whole page as the script left it.
    assert english_shown(page.content()) == []
    assert page.evaluate(EVERYTHING_STORED) == "[[],[],0]"
    assert errors == []


def test_language_switch_goes_to_the_same_page(page: Page, translated_site: Server) -> None:
    site = translated_site
    page.goto(site.url + "learn/healing/", wait_until="load")
    switch = page.locator('.md-select__link[hreflang="es"]')
    page.goto(str(switch.evaluate("a => a.href")), wait_until="load")
    assert page.evaluate("document.documentElement.lang") == "es"
    assert page.url == site.url + "es/learn/healing/"
    expect(page).to_have_title(re.compile(r"^Sanar lleva tiempo"))
    back = page.locator('.md-select__link[hreflang="en"]').evaluate("a => a.href")
    assert back == site.url + "learn/healing/"


def test_spanish_search_finds_spanish_pages(page: Page, translated_site: Server) -> None:
    page.goto(translated_site.url + "es/learn/", wait_until="load")
    links = search_hrefs(page, "sanar")
    assert links and all("/es/" in href for href in links), links
    paths = {urlsplit(href).path for href in links}  # Zensical adds ?h=sanar and #parts
    assert any(path.endswith("/es/learn/healing/") for path in paths), links
