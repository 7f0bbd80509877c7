"""A strict Content-Security-Policy on every page, and nothing on any page that needs an
exception: no inline script, no style attribute, no live link to a scheme that runs code.
In a real Chromium, no page and no reader action causes a single policy violation."""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page

from macros.settings.colors import DARK_BOX, DARK_PAGE, LIGHT_BOX
from macros.settings.csp import directives, policy
from tests.harness import (
    Server,
    close_search,
    configured,
    configured_extra,
    page_config,
    page_settings,
    page_url,
    search_hrefs,
    site_pages,
)

META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')
SCRIPT = re.compile(r"<script\b([^>]*)>", re.I)
COLORS_TAG = re.compile(r'<script src="(?:[^"]*/)?assets/javascripts/hi-colors\.js"([^>]*)>')
LINK_ATTR = re.compile(
    r"""\s(?:href|src|action|formaction|xlink:href)\s*=\s*["']([^"']*)["']""", re.I
)
WEB_OR_OURS = {"", "http", "https", "tel", "sms", "mailto"}


def _policy(html: str) -> dict[str, list[str]]:
    found = META.findall(html)
    assert len(found) == 1, "exactly one policy per page"
    return {d.split()[0]: d.split()[1:] for d in (p.strip() for p in found[0].split(";")) if d}


def test_every_page_has_the_strict_policy_before_anything_it_covers(site_dir: Path) -> None:
    for name in site_pages(site_dir):
        html = (site_dir / name).read_text(encoding="utf-8")
        policy = _policy(html)
        assert policy == directives(), name  # exactly overrides/partials/hi-csp.html
        assert policy["default-src"] == ["'self'"], name
        assert policy["script-src"] == ["'self'"], name
        for directive in ("img-src", "font-src", "connect-src", "worker-src"):
            assert policy[directive][0] == "'self'", (name, directive)
        assert policy["object-src"] == ["'none'"] and policy["form-action"] == ["'none'"]
        assert "'unsafe-inline'" not in html and "'unsafe-eval'" not in html
        head = html[: html.index("</head>")]
        meta_at = head.index('http-equiv="Content-Security-Policy"')
        for tag in ("<script", "<style", "<link"):
            assert tag not in head[:meta_at], (name, tag)


def test_the_policy_is_declared_once_and_allows_no_inline_style() -> None:
    # overrides/partials/hi-csp.html holds it; a theme template must not compute it
    # (under Zensical the theme never sees what the macros compute). Styles: files, plus
    # one hash for the fixed stylesheet of Zensical's search dialog (never 'unsafe-*').
    assert policy().startswith("default-src 'self'; script-src 'self'; style-src 'self' ")
    own, *hashes = directives()["style-src"]
    assert own == "'self'" and len(hashes) == 1
    assert re.fullmatch(r"'sha256-[A-Za-z0-9+/]{43}='", hashes[0])
    assert "\n" not in policy() and "{" not in policy()


def test_no_inline_style_and_the_colours_come_from_a_file(site_dir: Path) -> None:
    # The clinic's colours are data- attributes on a non-deferred script in <head>
    # (overrides/partials/hi-colors.html), which sets them as CSS custom properties: each
    # colour the copy's own config sets (checked), for the page's language.
    expected: dict[str, str] = {}
    for name in site_pages(site_dir):
        html = (site_dir / name).read_text(encoding="utf-8")
        assert "<style" not in html.lower(), name
        head = html[: html.index("</head>")]
        config = page_config(name)
        if config not in expected:
            expected[config] = _colour_attributes(config)
        assert COLORS_TAG.findall(head) == [expected[config]], name


def _colour_attributes(config_file: str) -> str:
    """The data- attributes hi-colors.html writes for ``config_file``'s colours: those set."""
    written = configured_extra(config_file).get("colors") or {}
    checked = configured(config_file).colors
    return "".join(
        f' data-hi-{key.replace("_", "-")}="{getattr(checked, key)}"'
        for key in ("primary", "link", "link_dark")
        if written.get(key)
    )


def test_no_inline_script_handler_or_style_attribute(site_dir: Path) -> None:
    for name in site_pages(site_dir):
        html = (site_dir / name).read_text(encoding="utf-8")
        for attrs in SCRIPT.findall(html):
            assert "src=" in attrs or 'type="application/json"' in attrs, (name, attrs)
        assert not re.search(r"<[a-z][^>]*\sstyle=", html, re.I), name
        assert not re.search(r"<[a-z][^>]*\son[a-z]+=", html, re.I), name


def test_no_live_link_to_a_scheme_that_runs_code(site_dir: Path) -> None:
    for name in site_pages(site_dir):
        html = (site_dir / name).read_text(encoding="utf-8")
        for link in LINK_ATTR.findall(html):
            scheme = urlsplit(link).scheme.lower()
            assert scheme in WEB_OR_OURS, (name, link)
            if scheme in ("tel", "sms"):
                assert re.fullmatch(r"(tel|sms):\+?[0-9]{3,}", link), (name, link)


def test_scripts_load_deferred_bundle_first(site_dir: Path) -> None:
    # Deferred, so they do not hold up the first paint; in order, so quiz.js finds
    # Material's document$ (overrides/main.html adds `defer` to Material's own markup).
    # Moved here from test_quiz_browser.py: it needs no browser.
    for name in site_pages(site_dir):
        html = (site_dir / name).read_text(encoding="utf-8")
        srcs = re.findall(r"<script\b([^>]*)\bsrc=\"([^\"]+)\"", html)
        # quick-exit.js (deferred too, in the head) needs nothing from Material.
        quick_exit = [a for a, s in srcs if s.endswith("/quick-exit.js")]
        if page_settings(name).quick_exit.enabled:
            assert quick_exit and all("defer" in a for a in quick_exit), name
        else:
            assert quick_exit == [], name
        srcs = [(a, s) for a, s in srcs if not s.endswith("/quick-exit.js")]
        ours = ("theme.js", "quiz.js")
        assert [s for _, s in srcs if "bundle." in s or s.endswith(ours)] == [
            s for a, s in srcs if "defer" in a
        ], name
        names = [s.rsplit("/", 1)[-1] for a, s in srcs if "defer" in a]
        assert names[0].startswith("bundle.") and names[-1] == "quiz.js", name


LISTEN = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  const where = `${event.sourceFile}:${event.lineNumber}`;
  window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI} ${where}`);
});
"""


def _violations(page: Page, where: str, console: list[str]) -> list[str]:
    found = [f"{where}: {v}" for v in page.evaluate("window.__cspViolations || []")]
    found += [f"{where}: {m}" for m in console]
    page.evaluate("window.__cspViolations = []")
    console.clear()
    return found


def _unlisted_shadow_styles(page: Page) -> list[str]:
    """Each <style> a theme script put in a shadow root (Zensical's search dialog) whose
    hash the policy lacks, named with the hash to put in overrides/partials/hi-csp.html."""
    texts = page.evaluate(
        "[...document.querySelectorAll('*')].filter(e => e.shadowRoot)"
        ".flatMap(e => [...e.shadowRoot.querySelectorAll('style')].map(s => s.textContent))"
    )
    allowed = directives()["style-src"]
    missing = []
    for text in texts:
        digest = base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()
        if f"'sha256-{digest}'" not in allowed:
            missing.append(f"shadow-root style: add 'sha256-{digest}' to style-src")
    return missing


def _use_every_quiz(page: Page) -> None:
    """Answer, remember, submit, download, start again and erase in every quiz on the page."""
    for form in page.locator("form[data-quiz]").all():
        for item in form.locator("fieldset").all():
            choice = item.locator(
                "input[type=radio], input[type=checkbox]:not([data-quiz-remember])"
            )
            if choice.count():
                choice.first.check()
        for area in form.locator("textarea").all():
            area.fill("Ask Sam")
        remember = form.locator("[data-quiz-remember]")
        if remember.count() and remember.is_visible():
            remember.check()
        buttons = form.locator("button")
        for i in range(buttons.count()):
            if buttons.nth(i).is_visible():
                buttons.nth(i).click()
    erase_all = page.locator("[data-quiz-erase-all] button")
    if erase_all.count() and erase_all.is_visible():
        erase_all.click()


@pytest.mark.browser
def test_no_policy_violation_on_any_page_or_action(
    browser: Browser, site: Server, site_dir: Path
) -> None:
    context = browser.new_context(accept_downloads=True)
    context.add_init_script(LISTEN)
    page = context.new_page()
    page.set_default_timeout(5000)
    console: list[str] = []
    page.on(
        "console",
        lambda m: console.append(m.text) if "Content Security Policy" in m.text else None,
    )
    found: list[str] = []
    try:
        # The listener works: an injected inline script is blocked and reported.
        page.goto(site.url, wait_until="load")
        page.evaluate(
            "document.head.append(Object.assign(document.createElement('script'),"
            " {textContent: 'window.ran = true'}))"
        )
        page.wait_for_function("window.__cspViolations.length > 0")
        assert page.evaluate("window.ran") is None
        assert _violations(page, "probe", console)[0].startswith("probe: script-src-elem")
        for name in site_pages(site_dir):
            page.goto(page_url(site.url, name), wait_until="load")
            _use_every_quiz(page)
            found += _violations(page, name, console)
        # Search (Material's worker and index), the palette toggle, instant navigation.
        page.goto(site.url, wait_until="load")
        page.set_default_timeout(10_000)  # the index loads now: slower on a busy machine
        assert search_hrefs(page, "help"), "search found nothing for 'help'"
        found += _unlisted_shadow_styles(page)
        close_search(page)
        page.get_by_title("Switch to dark mode").click()
        page.wait_for_function("document.body.dataset.mdColorScheme === 'slate'")
        # Material turns the title into a tooltip once shown: find the label by its input.
        page.locator("label[for='__palette_0']").click()
        page.wait_for_function("document.body.dataset.mdColorScheme === 'default'")
        # Instant navigation: the support banner, a link in the text, the footer, back.
        page.locator("a.hi-announce__link").click()
        page.wait_for_url("**/get-support/")
        page.go_back()
        page.wait_for_url(site.url)
        page.locator(".md-content a[href$='reflect/noticing-my-patterns/']").first.click()
        page.wait_for_url("**/reflect/noticing-my-patterns/")
        page.wait_for_selector("form[data-quiz][data-quiz-init]", state="attached")
        _use_every_quiz(page)
        page.locator(".hi-footer__links a", has_text="Privacy").click()
        page.wait_for_url("**/about/privacy/")
        # The address changes before the new content is in (Zensical swaps it later): wait
        # for the privacy page's own box, and for the quiz page's form to be gone.
        page.wait_for_selector("[data-quiz-erase-all][data-quiz-init]", state="attached")
        page.wait_for_function("!document.querySelector('form[data-quiz]')")
        _use_every_quiz(page)
        page.go_back()
        page.wait_for_url("**/reflect/noticing-my-patterns/")
        found += _violations(page, "search, palette, instant navigation", console)
    finally:
        context.close()
    assert found == []


def _rgb(color: str) -> str:
    r, g, b = (int(color[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgb({r}, {g}, {b})"


@pytest.mark.browser
@pytest.mark.parametrize(
    ("scheme", "page_bg", "box_bg"),
    [
        ("default", "#ffffff", LIGHT_BOX),
        ("slate", DARK_PAGE, DARK_BOX),
    ],
)
def test_contrast_surfaces_are_the_real_ones(
    page: Page, site: Server, scheme: str, page_bg: str, box_bg: str
) -> None:
    # macros/settings/colors.py checks each clinic colour against these surfaces.
    page.goto(site.url + "get-support/", wait_until="load")
    page.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{scheme}')")
    background = "el => getComputedStyle(el).backgroundColor"
    assert page.locator("body").evaluate(background) == _rgb(page_bg)
    assert page.locator(".hi-support__line").first.evaluate(background) == _rgb(box_bg)
    primary = page_settings("get-support/index.html").colors.primary
    assert page.locator(".md-header").evaluate(background) == _rgb(primary)
