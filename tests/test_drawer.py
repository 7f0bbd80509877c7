"""Keyboard at phone width: the closed navigation drawer is out of the tab order, so the
first Tabs reach the quick exit, the support link and the content; opening the drawer makes
its links reachable. The site-level controls pass axe while focused and hovered, in light
and dark. The quick exit is looked for as the copy's own settings have it (its label, or
none when the copy turned it off)."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page

from macros.quiz.strings import strings
from tests.harness import Server, configured

pytestmark = pytest.mark.browser

IN_DRAWER = "!!document.activeElement.closest('.md-sidebar--primary')"
#: Controls on every page, outside the content: (what, selector).
CONTROLS = [
    ("quick exit", "a[data-quick-exit]"),
    ("support banner link", ".hi-announce__link"),
    ("drawer button", "label.md-header__button[for=__drawer]"),
    ("palette toggle", "[data-md-component=palette] label:not([hidden])"),
    ("search button", "label.md-header__button[for=__search]"),
    ("footer links", ".hi-footer__links a"),
    ("previous and next", ".md-footer__link"),
]


def _quick_exit_label() -> str | None:
    """The quick exit's text on an English page, or None when the copy has turned it off."""
    quick_exit = configured().quick_exit
    if not quick_exit.enabled:
        return None
    return quick_exit.label or strings("en")["quick_exit"]


def _phone(browser: Browser, scheme: str = "light") -> Page:
    context = browser.new_context(
        viewport={"width": 390, "height": 844},
        color_scheme=scheme,  # type: ignore[arg-type]
    )
    page = context.new_page()
    page.set_default_timeout(5000)
    return page


def test_first_tabs_skip_the_closed_drawer(browser: Browser, site: Server) -> None:
    page = _phone(browser)
    try:
        page.goto(site.url + "learn/what-it-costs/", wait_until="load")
        seen: list[str] = []
        for _ in range(6):
            page.keyboard.press("Tab")
            assert not page.evaluate(IN_DRAWER), f"Tab landed in the closed drawer after {seen}"
            seen.append(page.evaluate("document.activeElement.textContent.trim().slice(0, 30)"))
        label = _quick_exit_label()
        assert "Need support now?" in seen, seen
        assert label is None or label[:30] in seen, (label, seen)
        # Open the drawer from its header button: its links can now be reached and seen.
        page.locator("label.md-header__button[for=__drawer]").click()
        page.wait_for_function("document.getElementById('__drawer').checked")
        for _ in range(30):
            page.keyboard.press("Tab")
            if page.evaluate(IN_DRAWER):
                break
        else:
            pytest.fail("no drawer link could be reached by Tab once the drawer was open")
        assert page.evaluate("document.activeElement.checkVisibility()")
        # Closed again, it leaves the tab order again.
        page.keyboard.press("Escape")
        page.evaluate("document.getElementById('__drawer').checked = false")
        page.wait_for_timeout(400)
        assert page.locator(".md-sidebar--primary").evaluate(
            "el => getComputedStyle(el).visibility"
        ) == ("hidden")
    finally:
        page.context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_site_controls_pass_axe_focused_and_hovered(
    browser: Browser, site: Server, scheme: str
) -> None:
    axe = Axe()
    failures = []
    off = {"quick exit"} if _quick_exit_label() is None else set()
    for width in (390, 1280):
        page = _phone(browser, scheme)
        page.set_viewport_size({"width": width, "height": 844})
        try:
            page.goto(site.url + "learn/what-it-costs/", wait_until="load")
            for name, selector in [c for c in CONTROLS if c[0] not in off]:
                controls = page.locator(selector)
                assert controls.count(), f"{name}: {selector} not found"
                for i in range(controls.count()):
                    control = controls.nth(i)
                    if not control.is_visible():
                        continue
                    for state in ("focus", "hover"):
                        if state == "focus":
                            control.focus()
                        else:
                            control.hover()
                        result = axe.run(
                            page,
                            context=selector,
                            options={"runOnly": ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]},
                        )
                        if result.violations_count:
                            failures.append(
                                f"--- {name} ({state}, {scheme}, {width}px)\n"
                                + result.generate_report()
                            )
        finally:
            page.context.close()
    assert not failures, "\n".join(failures)
