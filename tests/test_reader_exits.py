"""The way out and the way to help are never blocked, as a reader in danger meets them in
a real Chromium: the quick exit and every support link leave without the "Leave site?"
prompt, the exit stays in view at every scroll position, a quiz agrees with what the
browser restored after Back, every state can be seen and heard, support stays in reach
without pushing the next statement away, "Start again" can be undone, and print carries
help. Settings (lines, quick exit, disclaimer) are read from the copy's own mkdocs.yml,
so the checks hold for any clinic's values. A Spanish page is visited on a site that builds
Spanish: the copy's own, or the example copy where its clinic.yml turns Spanish off."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Dialog, FloatRect, Locator, Page
from pypdf import PdfReader

from tests.harness import Server, configured

pytestmark = pytest.mark.browser

PAGE = "editors/write-a-quiz/"
SR = 'form[data-quiz="example-self-reflection"]'
KC = 'form[data-quiz="example-knowledge-check"]'
#: The example statement that opens the support panel (support_if: [3, 4]).
OPENS_SUPPORT = '[data-quiz-item="no-one"]'
PHONE = {"width": 390, "height": 844}
#: Every address off this machine: answered here, so no test leaves 127.0.0.1.
ELSEWHERE = re.compile(r"^https?://(?!127\.0\.0\.1[:/])")
LESSON = "learn/what-it-costs/"


def _context(browser: Browser, **options: Any) -> BrowserContext:
    context = browser.new_context(**options)
    context.route(
        ELSEWHERE,
        lambda route: route.fulfill(body="<title>Elsewhere</title>", content_type="text/html"),
    )
    return context


@pytest.fixture
def desk(browser: Browser) -> Iterator[BrowserContext]:
    """A fresh desktop profile whose requests off this machine are answered here."""
    context = _context(browser, viewport={"width": 1280, "height": 800})
    yield context
    context.close()


@pytest.fixture
def phone(browser: Browser) -> Iterator[BrowserContext]:
    """The same on a phone's screen."""
    context = _context(browser, viewport=PHONE)
    yield context
    context.close()


def _open(context: BrowserContext, url: str) -> tuple[Page, list[str]]:
    """The page at ``url`` once its quizzes started; the prompts it raises are listed."""
    page = context.new_page()
    page.set_default_timeout(8000)
    prompts: list[str] = []

    def accept(dialog: Dialog) -> None:
        prompts.append(dialog.type)
        dialog.accept()

    page.on("dialog", accept)
    page.goto(url, wait_until="load")
    page.wait_for_selector("form[data-quiz][data-quiz-init]", state="attached")
    return page, prompts


def _progress(form: Locator) -> str:
    return form.locator("[data-quiz-progress]").inner_text()


def _step(form: Locator) -> str:
    return form.locator("[data-quiz-step]").inner_text()


# 1. Leaving on purpose is never questioned ---------------------------------------------


@pytest.mark.parametrize("how", ["tap", "shift three times"])
def test_quick_exit_with_unsaved_answers_leaves_without_a_prompt(
    desk: BrowserContext, exit_site: Server, how: str
) -> None:
    page, prompts = _open(desk, exit_site.url + PAGE)
    page.locator(SR).locator(".hi-quiz__choice").first.click()
    page.locator(KC).locator("[data-quiz-q] .hi-quiz__choice").first.click()
    # Unsaved answers are there: an ordinary reload would ask.
    assert page.evaluate("document.querySelectorAll('form[data-quiz] :checked').length") == 2
    if how == "tap":
        page.locator("a[data-quick-exit]").click()
    else:
        for _ in range(3):
            page.keyboard.press("Shift")
    page.wait_for_url(ELSEWHERE)
    assert prompts == [], f"the quick exit ({how}) raised {prompts}"


def test_support_links_leave_without_a_prompt_and_other_links_still_ask(
    desk: BrowserContext, support_site: Server
) -> None:
    site = support_site
    page, prompts = _open(desk, site.url + PAGE)
    form = page.locator(SR)
    form.locator(f'{OPENS_SUPPORT} input[value="4"]').check()
    panel = form.locator("[data-quiz-support]")
    assert panel.is_visible()
    # A tap-to-call or tap-to-text link: the page stays, and nothing asked.
    taps = panel.locator("a[href^='tel:'], a[href^='sms:']")
    taps.first.click()
    page.wait_for_timeout(300)
    assert prompts == [], f"{taps.first.get_attribute('href')} raised {prompts}"
    # A line's or a referral's web address: reached, and nothing asked. (A fresh page:
    # headless Chromium holds back the next navigation after a tel: link.)
    page, prompts = _open(desk, site.url + PAGE)
    form = page.locator(SR)
    form.locator(f'{OPENS_SUPPORT} input[value="4"]').check()
    web = form.locator("[data-quiz-support] a[href^='http']")
    href = web.first.get_attribute("href")
    web.first.click()
    page.wait_for_url(ELSEWHERE)
    assert prompts == [], f"{href} raised {prompts}"
    # An ordinary link away from the site (one a lesson could hold), with answers unsaved,
    # still asks first.
    page, prompts = _open(desk, site.url + PAGE)
    page.locator(SR).locator(".hi-quiz__choice").first.click()
    page.evaluate(
        """() => { const a = document.createElement('a'); a.href = 'https://elsewhere.example/';
             a.textContent = 'Another site'; a.id = 'away';
             document.querySelector('.md-content article').prepend(a); }"""
    )
    page.locator("#away").click()
    page.wait_for_url(ELSEWHERE)
    assert prompts == ["beforeunload"], prompts


# 2. The quick exit always in reach -------------------------------------------------------


def _overlap(a: FloatRect, b: FloatRect) -> bool:
    return not (
        a["x"] + a["width"] <= b["x"]
        or b["x"] + b["width"] <= a["x"]
        or a["y"] + a["height"] <= b["y"]
        or b["y"] + b["height"] <= a["y"]
    )


#: Pages with the quick exit, each with the site that serves it (Spanish: one that builds
#: Spanish, with the quick exit on).
EXIT_PAGES = [(LESSON, "exit_site"), ("es/get-support/", "translated_exit_site")]


@pytest.mark.parametrize("width", [320, 390, 1280])
@pytest.mark.parametrize(("path", "served"), EXIT_PAGES, ids=[p for p, _ in EXIT_PAGES])
def test_quick_exit_stays_in_view_and_covers_nothing(
    browser: Browser, request: pytest.FixtureRequest, width: int, path: str, served: str
) -> None:
    exit_site: Server = request.getfixturevalue(served)
    context = browser.new_context(viewport={"width": width, "height": 700})
    try:
        page = context.new_page()
        page.goto(exit_site.url + path, wait_until="load")
        link = page.locator("a[data-quick-exit]")
        height = page.evaluate("document.documentElement.scrollHeight")
        for y in (0, height // 2, height):
            page.evaluate(f"window.scrollTo(0, {y})")
            page.wait_for_timeout(150)
            box = link.bounding_box()
            assert box and box["y"] >= 0 and box["y"] + box["height"] <= 700, (y, box)
            assert box["x"] >= 0 and box["x"] + box["width"] <= width, (y, box)
            # Nothing lies over it, and it lies over none of the header's controls.
            on_top = page.evaluate(
                "([x, y]) => !!document.elementFromPoint(x, y).closest('a[data-quick-exit]')",
                [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2],
            )
            assert on_top, f"{path} at {width} px, scrolled to {y}: the quick exit is covered"
            controls = page.locator(
                ".md-header__button:visible, .md-header__option:visible, .md-search__form:visible"
            )
            for control in controls.all():
                other = control.bounding_box()
                assert not (other and _overlap(box, other)), (
                    y,
                    control.evaluate("e => e.outerHTML.slice(0, 80)"),
                )
    finally:
        context.close()


# 3. A quiz that knows what the browser restored -------------------------------------------


def test_back_after_a_full_page_load_shows_what_is_ticked(
    phone: BrowserContext, site: Server
) -> None:
    page, prompts = _open(phone, site.url + PAGE)
    form = page.locator(SR)
    items = form.locator("[data-quiz-item]")
    total = items.count()
    # One at a time, by tapping, up to the statement that opens support.
    opener = form.locator(OPENS_SUPPORT).evaluate(
        "e => [...e.parentNode.children].filter(c => c.matches('[data-quiz-item]')).indexOf(e)"
    )
    for i in range(opener):
        items.nth(i).locator(".hi-quiz__choice").nth(1).click()
        page.wait_for_function(
            "([s, n]) => document.querySelector(s).innerText.startsWith(n + ' ')",
            arg=[f"{SR} [data-quiz-step]", str(i + 2)],
        )
    items.nth(opener).locator('input[value="4"]').check()
    assert form.locator("[data-quiz-support]").is_visible()
    # Away by a full page load, then Back.
    page.evaluate("location.href = 'https://elsewhere.example/'")
    page.wait_for_url(ELSEWHERE)
    assert prompts == ["beforeunload"]
    page.go_back(wait_until="load")
    # The browser puts back what it kept of the form (not always the last answer); the
    # quiz must then agree with it: count, statement shown and support panel.
    page.wait_for_function(
        "s => document.querySelectorAll(s + ' [data-quiz-item] :checked').length > 0", arg=SR
    )
    page.wait_for_timeout(500)
    ticked = [i for i in range(total) if items.nth(i).locator(":checked").count()]
    assert _progress(form) == f"{len(ticked)} of {total} answered"
    first_open = next(i for i in range(total) if i not in ticked)
    assert _step(form) == f"{first_open + 1} of {total}"
    assert form.locator("[data-quiz-item]:visible").count() == 1
    assert items.nth(first_open).is_visible()
    opened = form.locator(f'{OPENS_SUPPORT} input[value="4"]').is_checked()
    assert form.locator("[data-quiz-support]").is_visible() == opened
    # What the browser put back is unsaved again: a reload asks first.
    page.reload(wait_until="load")
    assert prompts == ["beforeunload", "beforeunload"], prompts


# 4. Every state seen and heard -------------------------------------------------------------

# The relative luminance and contrast of WCAG 2, over colours the browser computed.
CONTRAST_JS = """
const rgba = (c) => {
  const m = c.match(/[\\d.]+/g).map(Number);
  return [m[0], m[1], m[2], m.length > 3 ? m[3] : 1];
};
const over = (top, under) =>
  top.slice(0, 3).map((v, i) => v * top[3] + under[i] * (1 - top[3])).concat(1);
const lum = (c) => {
  const f = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4));
  return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
};
const ratio = (a, b) => {
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
};
// The colour behind an element: its ancestors' backgrounds, stacked over the page.
const behind = (e) => {
  const layers = [];
  for (; e; e = e.parentElement) layers.push(rgba(getComputedStyle(e).backgroundColor));
  return layers.reverse().reduce((under, top) => over(top, under), [255, 255, 255, 1]);
};
"""

# The fills of two answers (chosen, other) compared, and the weight of their words.
CHOICE_JS = """
const weight = (e) => +getComputedStyle(e).fontWeight;
return { fills: ratio(behind(a), behind(b)), chosenWeight: weight(a), otherWeight: weight(b) };
"""

# Resolves once what a focus change started (after a timer and a frame) has finished.
SETTLE_JS = """
new Promise((done) => setTimeout(done, 20))
  .then(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))))
  .then(() => Promise.allSettled(document.getAnimations().map((a) => a.finished)))
"""

# The focused element's ring: a problem in words, or "" when it is seen at 3:1 or more.
RING_JS = """
let e = document.activeElement;
// The colour scheme toggle's radios are hidden: its shown label has the ring.
if (e.matches(".md-option")) e = e.parentElement.querySelector("label:not([hidden])");
const r = e.getBoundingClientRect();
const s = getComputedStyle(e);
const what = e.tagName + "." + e.className + " " + (e.textContent || "").trim().slice(0, 24);
if (!(r.width > 0 && r.height > 0)) return { what, problem: "no size" };
if (s.outlineStyle == "none" || parseFloat(s.outlineWidth) < 1.5) {
  return { what, problem: "no ring" };
}
const back = behind(e.parentElement);
const contrast = ratio(over(rgba(s.outlineColor), back), back);
return { what, problem: contrast >= 3 ? "" : "ring " + contrast.toFixed(2) + ":1" };
"""


@pytest.mark.parametrize("scheme", ["light", "dark", "forced colours"])
def test_the_chosen_answer_stands_out_by_3_to_1(
    browser: Browser, site: Server, scheme: str
) -> None:
    forced = scheme == "forced colours"
    options: dict[str, Any] = {"forced_colors": "active"} if forced else {"color_scheme": scheme}
    context = _context(browser, **options)
    try:
        page, _ = _open(context, site.url + PAGE)
        choices = page.locator(SR).locator(".hi-quiz__item").first.locator(".hi-quiz__choice")
        choices.first.click()
        page.mouse.move(0, 0)
        page.wait_for_timeout(300)
        measured = page.evaluate(
            "([a, b]) => {" + CONTRAST_JS + CHOICE_JS + "}",
            [choices.nth(0).element_handle(), choices.nth(1).element_handle()],
        )
        assert measured["fills"] >= 3, (scheme, measured)
        # Not by colour alone: the chosen answer's words are bold, the others' are not.
        assert measured["chosenWeight"] >= 600 > measured["otherWeight"], (scheme, measured)
    finally:
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", ["learn/", PAGE])
def test_every_tab_stop_shows_a_ring_of_3_to_1(
    browser: Browser, site: Server, scheme: str, path: str
) -> None:
    context = _context(browser, viewport={"width": 1280, "height": 800}, color_scheme=scheme)
    try:
        page = context.new_page()
        page.goto(site.url + path, wait_until="load")
        problems = []
        for _ in range(24):
            page.keyboard.press("Tab")
            # Let the theme's transitions end (the search box turns white as it opens). They
            # start late: Material reacts to focus 1 ms after it moves (debounced), so wait a
            # timer and a frame before asking which transitions run.
            page.evaluate(SETTLE_JS)
            ring = page.evaluate("() => {" + CONTRAST_JS + RING_JS + "}")
            if ring["problem"]:
                problems.append(f"{ring['what']}: {ring['problem']}")
        assert problems == [], (scheme, path, problems)
    finally:
        context.close()


def test_progress_and_step_are_polite_live_regions(phone: BrowserContext, site: Server) -> None:
    page, _ = _open(phone, site.url + PAGE)
    form = page.locator(SR)
    for region in ("[data-quiz-step]", "[data-quiz-progress]"):
        assert form.locator(region).get_attribute("aria-live") == "polite", region
        assert form.locator(region).is_visible(), region
    total = form.locator("[data-quiz-item]").count()
    form.locator("[data-quiz-item]").first.locator(".hi-quiz__choice").nth(1).click()
    assert _progress(form) == f"1 of {total} answered"
    page.wait_for_function(
        "s => document.querySelector(s).innerText.startsWith('2 ')", arg=f"{SR} [data-quiz-step]"
    )


# 5. Support that helps without getting in the way -------------------------------------------


def test_support_panel_stays_reachable_without_pushing_next_away(
    phone: BrowserContext, site: Server
) -> None:
    page, _ = _open(phone, site.url + PAGE)
    form = page.locator(SR)
    items = form.locator("[data-quiz-item]")
    opener = form.locator(OPENS_SUPPORT)
    while not opener.is_visible():
        form.get_by_role("button", name="Next").click()
    opener.locator('input[value="4"]').check()
    panel = form.locator("[data-quiz-support]")
    link = form.locator("[data-quiz-support-link]")
    # With the statement that opened it, the panel follows that statement.
    assert panel.is_visible() and not link.is_visible()
    assert opener.evaluate("(e) => e.nextElementSibling.matches('[data-quiz-support]')")
    # With the next statement, Back and Next come before the panel, and a link leads to it.
    form.get_by_role("button", name="Next").click()
    current = items.locator("visible=true")
    assert current.count() == 1 and current.get_attribute("data-quiz-item") != "no-one"
    next_button = form.get_by_role("button", name="Next")
    assert page.evaluate(
        "([a, b]) => !!(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING)",
        [next_button.element_handle(), panel.element_handle()],
    )
    current.scroll_into_view_if_needed()
    box = next_button.bounding_box()
    assert box and box["y"] + box["height"] <= PHONE["height"], box
    assert link.is_visible()
    link.click()
    page.wait_for_timeout(300)
    heading = panel.locator("h3").bounding_box()
    assert heading and 0 <= heading["y"] < PHONE["height"], heading
    # Back at the statement that opened it, the panel follows it again.
    form.get_by_role("button", name="Back").click()
    assert opener.evaluate("(e) => e.nextElementSibling.matches('[data-quiz-support]')")


@pytest.mark.parametrize("quiz", [SR, KC])
def test_start_again_can_be_undone(desk: BrowserContext, site: Server, quiz: str) -> None:
    page, _ = _open(desk, site.url + PAGE)
    form = page.locator(quiz)
    form.locator(".hi-quiz__item").nth(0).locator(".hi-quiz__choice").nth(1).click()
    form.locator(".hi-quiz__item").nth(1).locator(".hi-quiz__choice").nth(0).click()
    total = form.locator(".hi-quiz__item").count()
    assert _progress(form) == f"2 of {total} answered"
    form.get_by_role("button", name="Start again").click()
    assert _progress(form) == f"0 of {total} answered"
    assert form.locator(":checked").count() == 0
    undo = form.get_by_role("button", name="Undo")
    assert undo.is_visible()
    assert form.locator("[data-quiz-result]").inner_text().strip()
    undo.click()
    assert _progress(form) == f"2 of {total} answered"
    assert form.locator(".hi-quiz__item :checked").count() == 2
    assert not undo.is_visible()
    # Once the reader answers again, there is nothing to undo.
    form.get_by_role("button", name="Start again").click()
    form.locator(".hi-quiz__item").nth(2).locator(".hi-quiz__choice").nth(0).click()
    assert not undo.is_visible()


def test_first_line_on_get_support_can_be_tapped_in_a_phones_first_screen(
    phone: BrowserContext, support_site: Server
) -> None:
    page = phone.new_page()
    page.goto(support_site.url + "get-support/", wait_until="load")
    box = page.locator(
        ".md-content a[href^='tel:'], .md-content a[href^='sms:']"
    ).first.bounding_box()
    assert box and box["y"] + box["height"] <= PHONE["height"], box


# 6. Print that carries help ---------------------------------------------------------------


def _pdf(page: Page) -> PdfReader:
    return PdfReader(io.BytesIO(page.pdf(format="A4")))


def _flat(text: str) -> str:
    return " ".join(text.split())


#: Pages to print, each with the site that serves it (Spanish: one that builds Spanish).
PRINTED = [
    (LESSON, "site"),
    ("about/", "site"),
    ("reflect/", "site"),
    ("es/learn/", "translated_site"),
]


@pytest.mark.parametrize(("path", "served"), PRINTED, ids=[p for p, _ in PRINTED])
def test_every_printed_page_carries_the_disclaimer_and_the_first_lines(
    desk: BrowserContext, request: pytest.FixtureRequest, path: str, served: str
) -> None:
    site: Server = request.getfixturevalue(served)
    page = desk.new_page()
    page.goto(site.url + path, wait_until="load")
    text = _flat(" ".join(p.extract_text() or "" for p in _pdf(page).pages))
    footer = page.locator(".hi-footer")
    # The words of this language's settings, as the page has them (es has its own).
    page.emulate_media(media="print")
    disclaimer = _flat(footer.locator(".hi-footer__disclaimer").inner_text())
    lines = [
        _flat(t) for t in footer.locator(".hi-footer__print-lines li strong").all_inner_texts()
    ]
    assert disclaimer and disclaimer[:40] in text, path
    assert lines, f"{path}: no crisis line in print"
    for name in lines:
        assert name in text, f"{path}: {name!r} is not printed"
    if path == LESSON:
        first = configured().crisis_lines[0]
        assert _flat(first.name) in text and _flat(first.how)[:30] in text


def _lowest_text(page: Any) -> float:
    """How far down the page its last text sits, from 0 (top) to 1 (bottom)."""
    ys: list[float] = []
    page.extract_text(
        visitor_text=lambda text, cm, tm, *_: ys.append(tm[5]) if text.strip() else None
    )
    height = float(page.mediabox.height)
    return 1 - min(ys) / height if ys else 0.0


@pytest.mark.parametrize("value", ["0", "2", "4"])
def test_a_result_prints_on_two_a4_pages_without_empty_half_pages(
    desk: BrowserContext, site: Server, value: str
) -> None:
    page, _ = _open(desk, site.url + "reflect/noticing-my-patterns/")
    form = page.locator("form[data-quiz]").first
    for item in form.locator("[data-quiz-item]").all():
        item.locator(f'input[value="{value}"]').check()
    form.locator("button[type=submit]").click()
    pdf = _pdf(page)
    assert len(pdf.pages) <= 2, f"answers of {value}: the result prints on {len(pdf.pages)} pages"
    for number, sheet in enumerate(pdf.pages[:-1], 1):
        assert _lowest_text(sheet) > 0.7, f"answers of {value}: page {number} is half empty"
