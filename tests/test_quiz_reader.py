"""The quizzes as a reader on a phone, perhaps in distress, meets them, in a real Chromium:
no answer leaves the page, support in every kind, answers never lost by accident, one
statement at a time, a result at a glance, clear feedback, print, and every control
readable while focused, hovered and pressed in both colour schemes."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, BrowserContext, Locator, Page, Request, ViewportSize
from pypdf import PdfReader

from tests.harness import Server

pytestmark = pytest.mark.browser

PAGE = "editors/write-a-quiz/"
PATTERNS = "reflect/noticing-my-patterns/"
SR = 'form[data-quiz="example-self-reflection"]'
KC = 'form[data-quiz="example-knowledge-check"]'
RE = 'form[data-quiz="example-reflection-exercise"]'
PHONE: ViewportSize = {"width": 390, "height": 844}
STORED = "JSON.stringify([Object.keys(localStorage), Object.keys(sessionStorage)])"


def _open(page: Page, url: str) -> list[str]:
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.set_default_timeout(5000)
    page.goto(url, wait_until="load")
    page.wait_for_selector("form[data-quiz][data-quiz-init]", state="attached")
    return errors


@pytest.fixture
def phone(browser: Browser) -> Iterator[BrowserContext]:
    """A fresh profile with a phone's screen (390 px wide)."""
    context = browser.new_context(viewport=PHONE)
    yield context
    context.close()


def _answer_all(form: Locator, value: int, skip: tuple[str, ...] = ()) -> None:
    for item in form.locator("[data-quiz-item]").all():
        if item.get_attribute("data-quiz-item") not in skip:
            item.locator(f'input[value="{value}"]').check()


# 1. No answer ever leaves the page -------------------------------------------------------


@pytest.mark.parametrize("how", ["javascript off", "quiz.js blocked"])
def test_no_answer_leaves_the_page_without_the_script(
    browser: Browser, site: Server, how: str
) -> None:
    context = browser.new_context(java_script_enabled=how != "javascript off")
    if how == "quiz.js blocked":
        context.route("**/quiz.js", lambda route: route.abort())
    requests: list[str] = []
    context.on("request", lambda r: requests.append(r.url))
    try:
        page = context.new_page()
        page.set_default_timeout(5000)
        url = site.url + PAGE
        page.goto(url, wait_until="load")
        navigations: list[str] = []
        page.on("framenavigated", lambda f: navigations.append(f.url))
        requests.clear()
        for selector, field in (
            (SR, "input[type=radio]"),
            (KC, "[data-quiz-q] input"),
            (KC, "[data-quiz-q] input[type=checkbox]"),
        ):
            answer = page.locator(selector).locator(field).first
            answer.check()
            answer.press("Enter")
        page.locator(RE).locator("textarea").first.fill("Something private")
        page.locator(RE).locator("textarea").first.press("Control+Enter")
        page.wait_for_timeout(300)
        # Material's navigation.tracking may put the heading in view into the #fragment as
        # the page scrolls: that is not a navigation and carries no answer.
        assert page.url.split("#")[0] == url
        assert {n.split("#")[0] for n in navigations} <= {url}, navigations  # no answer in a URL
        assert [r for r in requests if "?" in r or "hi-quiz" in r] == []
        assert page.locator(SR).get_attribute("method") == "dialog"
        # Still a worksheet: the answers stay ticked and it prints.
        assert page.locator(SR).locator("input:checked").count() == 1
        page.emulate_media(media="print")
        assert page.locator(SR).locator("[data-quiz-item]").first.is_visible()
    finally:
        context.close()


def test_with_the_script_no_request_carries_an_answer(page: Page, site: Server) -> None:
    requests: list[Request] = []
    errors = _open(page, site.url + PAGE)
    page.on("request", lambda r: requests.append(r))
    form = page.locator(SR)
    radio = form.locator("input[type=radio]").first
    radio.check()
    radio.press("Enter")  # never submits an unfinished quiz
    assert form.locator("[data-quiz-result]").inner_text() == ""
    form.get_by_role("button", name="See my results").click()
    assert page.url.split("#")[0] == site.url + PAGE  # a #heading is not a navigation
    assert [r.url for r in requests if "hi-quiz" in r.url or r.method != "GET"] == []
    assert errors == []


# 2. Support in every quiz kind, fitting what opened it --------------------------------


def test_reflection_exercise_shows_support_and_contacts(page: Page, site: Server) -> None:
    errors = _open(page, site.url + PAGE)
    panel = page.locator(RE).locator("[data-quiz-support]")
    assert panel.is_visible()
    assert panel.locator(".hi-support__line").count() >= 1
    assert panel.locator(".hi-support__org").count() == 1
    assert errors == []


def _before(page: Page, first: str, second: str) -> bool:
    return bool(
        page.evaluate(
            """([a, b]) => !!(document.querySelector(a).compareDocumentPosition(
                 document.querySelector(b)) & Node.DOCUMENT_POSITION_FOLLOWING)""",
            [first, second],
        )
    )


def test_support_for_connection_leads_with_people(page: Page, site: Server) -> None:
    errors = _open(page, site.url + PAGE)
    form = page.locator(SR)
    page.evaluate(
        """s => document.querySelector(s + ' [data-quiz-item="no-one"]')
          .setAttribute('data-hi-support-topic', 'connection')""",
        SR,
    )
    form.locator('[data-quiz-item="no-one"] input[value="4"]').check()
    panel = form.locator("[data-quiz-support]")
    assert panel.is_visible()
    org, lines = f"{SR} [data-quiz-support] .hi-support__org", f"{SR} .hi-support__lines"
    assert _before(page, org, lines), "people to talk to come before crisis lines"
    assert panel.locator('[data-quiz-intro="connection"]').is_visible()
    assert panel.locator('[data-quiz-intro="crisis"]').is_hidden()
    # A crisis answer puts the crisis lines first again.
    page.evaluate(
        """s => document.querySelector(s + ' [data-quiz-item="no-one"]')
          .removeAttribute('data-hi-support-topic')""",
        SR,
    )
    form.get_by_role("button", name="Start again").click()
    assert panel.is_hidden()
    form.locator('[data-quiz-item="no-one"] input[value="3"]').check()
    assert _before(page, lines, org)
    assert panel.locator('[data-quiz-intro="crisis"]').is_visible()
    assert errors == []


def test_unscored_statements_count_in_no_score(page: Page, site: Server) -> None:
    errors = _open(page, site.url + PAGE)
    form = page.locator(SR)
    page.evaluate(
        """s => document.querySelector(s + ' [data-quiz-item="manage-alone"]')
          .setAttribute('data-hi-unscored', '')""",
        SR,
    )
    _answer_all(form, 2)
    form.locator('[data-quiz-item="manage-alone"] input[value="4"]').check()
    form.get_by_role("button", name="See my results").click()
    scores = form.locator("[data-quiz-result] [data-quiz-score-of]")
    assert {s.get_attribute("data-quiz-score") for s in scores.all()} == {"2.0"}
    assert errors == []


# 3. Answers never lost by accident, never stored without consent -----------------------


def test_answers_survive_instant_navigation_with_storage_empty(
    page: Page, subpath_site: Server
) -> None:
    errors = _open(page, subpath_site.url + PAGE)
    page.evaluate("window.__sameDocument = true")
    form = page.locator(SR)
    form.locator('[data-quiz-item="owe"] input[value="3"]').check()
    page.locator(RE).locator("textarea").first.fill("Ask Sam")
    page.locator('.md-nav a[href$="write-a-lesson/"]').first.click()
    page.wait_for_url(re.compile(r"/write-a-lesson/"))
    page.go_back()
    page.wait_for_url(re.compile(r"/write-a-quiz/"))
    page.wait_for_selector(f"{SR}[data-quiz-init]", state="attached")
    assert page.evaluate("window.__sameDocument") is True, "instant navigation was not used"
    assert form.locator('[data-quiz-item="owe"] input[value="3"]').is_checked()
    assert page.locator(RE).locator("textarea").first.input_value() == "Ask Sam"
    assert form.locator("[data-quiz-progress]").inner_text() == "1 of 5 answered"
    assert page.evaluate(STORED) == "[[],[]]"
    assert errors == []


def test_leaving_with_unsaved_answers_asks_first(page: Page, site: Server) -> None:
    errors = _open(page, site.url + PAGE)
    asked: list[str] = []

    def answer(dialog: object) -> None:
        asked.append(dialog.type)  # type: ignore[attr-defined]
        dialog.accept()  # type: ignore[attr-defined]

    page.on("dialog", answer)
    page.locator(SR).locator("input[type=radio]").first.click()
    page.reload(wait_until="load")
    assert asked == ["beforeunload"]
    # Nothing answered: no question.
    page.wait_for_selector("form[data-quiz][data-quiz-init]", state="attached")
    page.locator(KC).locator("[data-quiz-q] input").first.click()
    page.locator(KC).get_by_role("button", name="Start again").click()
    page.reload(wait_until="load")
    assert asked == ["beforeunload"]
    # Remembered on the device: nothing to lose, no question.
    page.wait_for_selector("form[data-quiz][data-quiz-init]", state="attached")
    form = page.locator(SR)
    form.locator("[data-quiz-remember]").check()
    form.locator("input[type=radio]").first.click()
    page.reload(wait_until="load")
    assert asked == ["beforeunload"]
    assert errors == []


def test_remember_comes_before_the_first_question(page: Page, site: Server) -> None:
    _open(page, site.url + PAGE)
    for selector in (SR, KC, RE):
        assert _before(page, f"{selector} [data-quiz-remember]", f"{selector} .hi-quiz__item"), (
            selector
        )


# 4. One statement at a time on a phone -------------------------------------------------


def _step(form: Locator) -> str:
    return form.locator("[data-quiz-step]").inner_text()


def test_one_statement_at_a_time_on_a_phone(phone: BrowserContext, site: Server) -> None:
    page = phone.new_page()
    errors = _open(page, site.url + PATTERNS)
    form = page.locator("form[data-quiz]")
    assert form.locator("[data-quiz-item]:visible").count() == 1
    assert _step(form) == "1 of 21"
    first = form.locator("[data-quiz-item]").first
    # Full width, one column, in scale order, "Prefer not to say" set apart.
    boxes = [c.bounding_box() for c in first.locator(".hi-quiz__choice").all()]
    assert all(b is not None for b in boxes)
    lefts = {round(b["x"]) for b in boxes if b}
    tops = [b["y"] for b in boxes if b]
    assert len(lefts) == 1 and tops == sorted(tops)
    gaps = [tops[i + 1] - tops[i] for i in range(len(tops) - 1)]
    assert gaps[-1] > max(gaps[:-1]) + 5, "Prefer not to say is not set apart"
    form_box = form.bounding_box()
    assert form_box and boxes[0] and boxes[0]["width"] > form_box["width"] * 0.8
    # A tap moves on, gently, with focus on the next statement.
    first.get_by_text("Often", exact=True).click()
    page.wait_for_function(
        "s => document.querySelector(s).innerText == '2 of 21'", arg="[data-quiz-step]"
    )
    second = form.locator("[data-quiz-item]").nth(1).get_attribute("data-quiz-item")
    assert page.evaluate("document.activeElement.dataset.quizItem") == second
    # Back keeps the answer.
    form.get_by_role("button", name="Back").click()
    assert _step(form) == "1 of 21"
    assert first.locator('input[value="3"]').is_checked()
    # Keyboard: arrows change the answer without moving on; Enter moves on, never submits.
    first.locator('input[value="3"]').focus()
    page.keyboard.press("ArrowDown")
    page.wait_for_timeout(700)
    assert _step(form) == "1 of 21" and first.locator('input[value="4"]').is_checked()
    page.keyboard.press("Enter")
    assert _step(form) == "2 of 21"
    assert form.locator("[data-quiz-result]").inner_text() == ""
    # Next keeps going; the switch shows everything on one page.
    form.get_by_role("button", name="Next").click()
    assert _step(form) == "3 of 21"
    form.get_by_role("button", name="Show all statements on one page").click()
    assert form.locator("[data-quiz-item]:visible").count() == 21
    form.get_by_role("button", name="Show one statement at a time").click()
    assert form.locator("[data-quiz-item]:visible").count() == 1
    assert errors == []


def test_not_enough_answers_says_how_many_are_needed(phone: BrowserContext, site: Server) -> None:
    page = phone.new_page()
    errors = _open(page, site.url + PATTERNS)
    form = page.locator("form[data-quiz]")
    form.get_by_role("button", name="Show all statements on one page").click()
    for item in form.locator("[data-quiz-item]").all()[:9]:
        item.locator('input[value="2"]').check()
    form.get_by_role("button", name="See my results").click()
    text = form.locator("[data-quiz-result]").inner_text()
    assert "Not enough answers yet for an overall result." in text
    assert "Answer at least 16 of 20. You have answered 9." in text
    assert errors == []


def test_without_javascript_the_phone_worksheet_shows_every_statement(
    browser: Browser, site: Server
) -> None:
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    try:
        page = context.new_page()
        page.goto(site.url + PATTERNS, wait_until="load")
        assert page.locator("[data-quiz-item]:visible").count() == 21
        assert page.locator("[data-quiz-step-nav]").is_hidden()
    finally:
        context.close()


# 5. A result at a glance -----------------------------------------------------------------


def test_result_at_a_glance(phone: BrowserContext, site: Server) -> None:
    page = phone.new_page()
    errors = _open(page, site.url + PATTERNS)
    form = page.locator("form[data-quiz]")
    form.get_by_role("button", name="Show all statements on one page").click()
    _answer_all(form, 3)
    form.get_by_role("button", name="See my results").click()
    result = form.locator("[data-quiz-result]")
    heading = result.locator(".hi-quiz__result-title")
    assert page.evaluate("document.activeElement.className") == "hi-quiz__result-title"
    # Focused by a click, not the keyboard: no box that looks like a text field.
    assert heading.evaluate("h => getComputedStyle(h).outlineStyle") == "none"
    box = heading.bounding_box()
    assert box and box["y"] < PHONE["height"] / 3, "the heading is not near the top"
    first = result.locator(":scope > *").nth(1)
    assert first.locator(".hi-quiz__headline").inner_text().startswith("Overall: ")
    # The support panel (opened by an answer) sits before the parts.
    assert _before(page, "[data-quiz-result] [data-quiz-support]", '[data-quiz-score-of="control"]')
    parts = result.locator("[data-quiz-score-of]")
    assert parts.count() == 5
    for part in parts.all():
        assert part.locator(".hi-quiz__links li").count() <= 1
        words = part.locator(".hi-quiz__band-text").inner_text()
        number = part.locator(".hi-quiz__score").inner_text()
        assert words and number.startswith("Your range: From ")
        group = f'[data-quiz-score-of="{part.get_attribute("data-quiz-score-of")}"]'
        assert _before(page, f"{group} .hi-quiz__band-text", f"{group} .hi-quiz__score")
    assert errors == []


# 6. Knowledge-check feedback -------------------------------------------------------------


def test_knowledge_feedback_marks_the_chosen_and_the_right_answer(page: Page, site: Server) -> None:
    errors = _open(page, site.url + PAGE)
    question = page.locator(KC).locator('[data-quiz-q="roots"]')
    question.locator("input").nth(0).check()  # "Being lazy": not right
    question.get_by_role("button", name="Check my answer").click()
    marks = question.locator("[data-quiz-mark]")
    assert marks.all_inner_texts() == [
        "Your answer: not what the lesson says",
        "In line with the lesson",
    ]
    icons = [m.evaluate("m => getComputedStyle(m, '::before').content") for m in marks.all()]
    assert "✗" in icons[0] and "✓" in icons[1]
    assert question.locator('[data-quiz-fb="0"]').is_visible()
    assert question.locator('[data-quiz-fb="1"]').is_visible()
    assert question.locator('[data-quiz-fb="2"]').is_hidden()
    question.locator("input").nth(1).check()
    question.get_by_role("button", name="Check my answer").click()
    assert marks.all_inner_texts() == ["Your answer: in line with the lesson"]
    assert question.locator('[data-quiz-fb="0"]').is_hidden()
    assert errors == []


# 7. Print --------------------------------------------------------------------------------


def test_result_prints_on_two_a4_pages_with_the_disclaimer(page: Page, site: Server) -> None:
    errors = _open(page, site.url + PATTERNS)
    form = page.locator("form[data-quiz]")
    _answer_all(form, 3)
    form.get_by_role("button", name="See my results").click()
    page.emulate_media(media="print")
    assert page.locator(".hi-footer").is_visible()
    assert page.locator(".hi-footer__disclaimer").inner_text().strip()
    assert form.locator("[data-quiz-result] h4").first.evaluate(
        "h => getComputedStyle(h).breakAfter"
    ) in ("avoid", "avoid-page")
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4")))
    assert len(pdf.pages) <= 2, f"the result prints on {len(pdf.pages)} A4 pages"
    assert errors == []


# 8. Every quiz control readable while focused, hovered and pressed ---------------------

CONTROLS = [
    f"{SR} button[type=submit]",
    f"{SR} [data-quiz-do=reset]",
    f"{SR} .hi-quiz__choice",
    f"{RE} [data-quiz-do=download]",
    f"{KC} [data-quiz-do=check]",
]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_controls_pass_axe_focused_hovered_and_pressed(
    browser: Browser, site: Server, scheme: str
) -> None:
    context = browser.new_context(color_scheme=scheme)  # type: ignore[arg-type]
    try:
        page = context.new_page()
        errors = _open(page, site.url + PAGE)
        axe = Axe()
        for selector in CONTROLS:
            control = page.locator(selector).first
            control.scroll_into_view_if_needed()
            for state in ("focused", "hovered", "pressed"):
                if state == "focused":
                    page.keyboard.press("Shift")  # the keyboard was used: :focus-visible
                    control.focus()
                elif state == "hovered":
                    control.hover()
                else:
                    page.mouse.down()
                page.wait_for_timeout(300)  # Material's buttons fade their colours in
                result = axe.run(page, context=selector, options={"runOnly": ["color-contrast"]})
                if state == "pressed":
                    page.mouse.move(0, 0)
                    page.mouse.up()
                assert result.violations_count == 0, (
                    scheme,
                    selector,
                    state,
                    result.generate_report(),
                )
        assert errors == []
    finally:
        context.close()
