"""A reader using only the keyboard reaches support first and can switch colour scheme."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.harness import Server

FOCUSED_TEXT = "document.activeElement && document.activeElement.textContent.trim()"


@pytest.mark.browser
def test_support_link_is_among_the_first_tab_stops(page: Page, site: Server) -> None:
    page.goto(site.url + "learn/", wait_until="load")
    seen = []
    for _ in range(3):
        page.keyboard.press("Tab")
        seen.append(page.evaluate(FOCUSED_TEXT))
        if seen[-1] == "Need support now?":
            break
    assert seen[-1] == "Need support now?", f"tab stops were {seen}"
    page.keyboard.press("Enter")
    page.wait_for_url(site.url + "get-support/")
    # With instant navigation the URL changes first and the title a moment later (later
    # under Zensical than under MkDocs): wait for it as a screen reader would.
    expect(page).to_have_title(re.compile(r"^Get support"))


@pytest.mark.browser
def test_colour_scheme_toggle_works_by_keyboard(page: Page, site: Server) -> None:
    page.goto(site.url, wait_until="load")
    assert page.get_attribute("body", "data-md-color-scheme") == "default"
    toggle = page.get_by_title("Switch to dark mode")
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('[data-md-component=palette]') !== null"):
            break
    else:
        pytest.fail("the colour scheme toggle is not reachable by Tab")
    assert toggle.is_visible()
    page.keyboard.press("Enter")
    page.wait_for_function("document.body.dataset.mdColorScheme === 'slate'")
