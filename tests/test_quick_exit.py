"""The quick exit: on every page, first in the tab order, visible at every width in both
schemes; its link (and Shift pressed three times) hides the page, clears what the reader
entered, tells quiz.js, and takes the page's place in the history; a clinic can turn it off.
Also the crisis lines a reader can tap (tel: and sms: links)."""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterator
from html import escape
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from playwright.sync_api import Browser, BrowserContext, Page, Route

from macros.clinic import CLINIC_FILE
from macros.quiz.strings import strings
from tests.harness import (
    FIXTURE_EXTRA,
    ROOT,
    BuildError,
    Server,
    build_site,
    configured,
    copy_project,
    page_settings,
    serve,
    site_pages,
)

ASSETS = [
    ROOT / "docs" / "assets" / "javascripts" / "quick-exit.js",
    ROOT / "docs" / "assets" / "stylesheets" / "quick-exit.css",
]
LIMIT = 1024
EXERCISE = "reflect/my-first-small-step/"
SEEN_ON_EXIT = """() => document.addEventListener("hi:quick-exit", () => console.log("exit:" +
  JSON.stringify({hidden: getComputedStyle(document.body).display === "none",
  typed: [...document.querySelectorAll("textarea, input[type=text], input[type=search]")]
    .map(f => f.value).join(""),
  ticked: document.querySelectorAll("form[data-quiz] input:checked").length})))"""


def _exit_url() -> str:
    """The neutral site the quick exit of ``exit_site`` opens (English pages): the copy's
    own, or the example copy's when this copy turned it off."""
    if configured().quick_exit.enabled:
        return configured().quick_exit.url
    example = yaml.safe_load(FIXTURE_EXTRA.read_text(encoding="utf-8"))
    return str(example["extra"]["quick_exit"]["url"])


def _stub_exit_site(context: BrowserContext) -> None:
    """Answer the neutral site from here: tests never leave 127.0.0.1."""

    def fulfil(route: Route) -> None:
        route.fulfill(body="<title>Weather</title><p>Weather</p>", content_type="text/html")

    origin = "{0.scheme}://{0.netloc}/".format(urlsplit(_exit_url()))
    context.route(re.compile("^" + re.escape(origin) + ".*"), fulfil)


def _exit_messages(page: Page) -> list[str]:
    messages: list[str] = []
    page.on("console", lambda m: messages.append(m.text) if m.text.startswith("exit:") else None)
    return messages


def test_quick_exit_js_and_css_are_at_most_1_kb_gzipped() -> None:
    size = sum(len(gzip.compress(p.read_bytes(), 9, mtime=0)) for p in ASSETS)
    assert size <= LIMIT, f"quick-exit.js + quick-exit.css are {size} bytes gzipped ({LIMIT} max)"


def test_every_page_has_one_quick_exit_link_to_an_absolute_address(site_dir: Path) -> None:
    pages = site_pages(site_dir)
    assert len(pages) > 10
    for rel in pages:
        html = (site_dir / rel).read_text()
        links = re.findall(r"<a [^>]*data-quick-exit[^>]*>", html)
        if not page_settings(rel).quick_exit.enabled:
            assert links == [] and "quick-exit.js" not in html, f"{rel}: the quick exit is off"
            continue
        assert len(links) == 1, f"{rel}: {len(links)} quick exit links"
        assert f'href="{page_settings(rel).quick_exit.url}"' in links[0], links[0]
        assert "quick-exit.js" in html and "quick-exit.css" in html, rel
        # The first link of the page after Material's "Skip to content".
        body = html[html.index("<body") :]
        first = re.findall(r"<a [^>]*>", body)[:2]
        assert any("data-quick-exit" in a for a in first), f"{rel}: {first}"


def test_a_clinic_can_turn_the_quick_exit_off_and_change_it(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    (project / CLINIC_FILE).unlink(missing_ok=True)  # the test's own settings, not the copy's
    (project / "off.yml").write_text(
        "INHERIT: mkdocs.yml\nextra:\n  quick_exit:\n    enabled: false\n"
    )
    (project / "own.yml").write_text(
        "INHERIT: mkdocs.yml\nextra:\n  quick_exit:\n    enabled: true\n"
        "    label: Weather now\n    url: https://weather.example/\n"
    )
    try:
        off = build_site(project / "off", project=project, config_file="off.yml")
        own = build_site(project / "own", project=project, config_file="own.yml")
    except BuildError as exc:
        pytest.fail(str(exc), pytrace=False)
    html = (off / "index.html").read_text()
    assert "data-quick-exit" not in html and "quick-exit.js" not in html
    html = (own / "learn" / "index.html").read_text()
    assert re.search(r'href="https://weather\.example/"[^>]*data-quick-exit>Weather now<', html)


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_quick_exit_is_in_the_first_screen_at_every_width(
    browser: Browser, exit_site: Server, scheme: str
) -> None:
    context = browser.new_context(color_scheme=scheme)  # type: ignore[arg-type]
    page = context.new_page()
    try:
        for width in (320, 390, 768, 1280):
            page.set_viewport_size({"width": width, "height": 640})
            page.goto(exit_site.url + "learn/what-it-costs/", wait_until="load")
            link = page.locator("a[data-quick-exit]")
            assert link.is_visible(), width
            box = link.bounding_box()
            assert box and box["y"] + box["height"] <= 640 and box["x"] >= 0, (width, box)
            assert box["x"] + box["width"] <= width and box["height"] >= 24, (width, box)
            # By keyboard: the second Tab stop, right after Material's "Skip to content".
            page.keyboard.press("Tab")
            page.keyboard.press("Tab")
            assert page.evaluate("document.activeElement.hasAttribute('data-quick-exit')")
            # A clinic's label of any length: one short word, and three long ones.
            for label in ("Exit", "Leave this website immediately"):
                link.evaluate("(a, text) => { a.textContent = text }", label)
                box = link.bounding_box()
                assert box and box["height"] >= 24 and box["width"] >= 24, (width, label, box)
                assert box["x"] >= 0 and box["x"] + box["width"] <= width, (width, label, box)
    finally:
        context.close()


@pytest.fixture
def neutral_site(tmp_path: Path) -> Iterator[Server]:
    """A neutral page on another port (so another origin) of 127.0.0.1, served for real:
    the history test leaves through the browser's own navigation, not a stubbed request."""
    (tmp_path / "index.html").write_text("<title>Weather</title><p>Weather</p>")
    with serve(tmp_path) as server:
        yield server


@pytest.mark.browser
def test_quick_exit_link_hides_clears_and_replaces_the_page(
    page: Page, exit_site: Server, neutral_site: Server
) -> None:
    messages = _exit_messages(page)
    page.set_default_timeout(5000)
    page.goto(exit_site.url + "reflect/", wait_until="load")
    # Reach the exercise by instant navigation, as a reader would, and write in it.
    page.locator(f'article a[href$="{EXERCISE}"]').first.click()
    page.wait_for_url(exit_site.url + EXERCISE)
    page.wait_for_selector("form[data-quiz][data-quiz-init]", state="attached")
    field = page.locator("form[data-quiz] textarea").first
    field.fill("Something private")
    page.evaluate(SEEN_ON_EXIT)
    entries = page.evaluate("history.length")
    # The link leaves for the neutral page served here (the copy's own is stubbed in the
    # other tests); quick-exit.js reads the address when the link is used.
    link = page.locator("a[data-quick-exit]")
    link.evaluate("(a, url) => a.setAttribute('href', url)", neutral_site.url)
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(neutral_site.url)
    assert messages == ['exit:{"hidden":true,"typed":"","ticked":0}'], messages
    # The neutral page took the exercise's place: no entry was added.
    assert page.evaluate("history.length") == entries
    # Back goes to the page before the exercise, never to the exercise.
    page.go_back(wait_until="load")
    # (Material may have put the heading scrolled to in the address: #the-exercises.)
    assert page.url.split("#")[0] == exit_site.url + "reflect/"
    assert page.locator("body").is_visible()
    assert page.title().startswith("Reflect")
    assert page.locator("form[data-quiz] textarea").count() == 0


@pytest.mark.browser
def test_shift_three_times_leaves_and_other_keys_start_again(
    context: BrowserContext, page: Page, exit_site: Server
) -> None:
    _stub_exit_site(context)
    messages = _exit_messages(page)
    page.goto(exit_site.url + "about/", wait_until="load")
    page.evaluate(SEEN_ON_EXIT)
    for key in ("Shift", "Shift", "Shift+A", "Shift", "a"):
        page.keyboard.press(key)
    page.wait_for_timeout(100)
    assert page.url == exit_site.url + "about/" and messages == []
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url(_exit_url())
    assert len(messages) == 1
    page.go_back(wait_until="load")
    assert page.url == "about:blank"


@pytest.mark.browser
def test_without_javascript_the_quick_exit_is_a_working_link(
    browser: Browser, exit_site: Server
) -> None:
    context = browser.new_context(java_script_enabled=False)
    _stub_exit_site(context)
    page = context.new_page()
    try:
        page.goto(exit_site.url + "get-support/", wait_until="load")
        page.locator("a[data-quick-exit]").click()
        page.wait_for_url(_exit_url())
    finally:
        context.close()


def test_crisis_lines_have_tap_to_call_and_tap_to_text_links(site_dir: Path) -> None:
    # Every line the copy's own settings give a phone or text number.
    lines = configured().crisis_lines
    assert any(line.phone or line.text for line in lines), "no line to tap in this copy"
    words = strings("en")
    html = (site_dir / "get-support" / "index.html").read_text()
    quiz = (site_dir / "reflect" / "noticing-my-patterns" / "index.html").read_text()
    panel = quiz[quiz.index("data-quiz-support") :]
    for line in lines:
        for number, href, kind, text in (
            (line.phone, line.tel, "call", "call_number"),
            (line.text, line.sms, "text", "text_number"),
        ):
            if not number:
                continue
            shown = escape(words[text].replace("{number}", number))
            assert f'href="{href}" data-hi-{kind}>{shown}</a>' in html, (line.name, kind)
            # And in every support panel of the quizzes.
            assert f'href="{href}"' in panel, (line.name, kind)
