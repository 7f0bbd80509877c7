"""The quizzes in a real Chromium, on the real built site: by keyboard alone, private by
default, opt-in memory, instant navigation, no JavaScript, narrow screens and print."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Locator, Page

from tests.harness import Server, site_pages, translations
from tests.quiz_helpers import answer_files, golden_cases

pytestmark = pytest.mark.browser

PAGE = "editors/write-a-quiz/"
SR = 'form[data-quiz="example-self-reflection"]'
KC = 'form[data-quiz="example-knowledge-check"]'
RE = 'form[data-quiz="example-reflection-exercise"]'
KEY = "/.hi-quiz:example-self-reflection"
MIXED = {"manage-alone": 1, "asking-feels-normal": 2, "no-one": 3, "owe": 4, "accept-offer": 0}
EVERYTHING_STORED = """async () => JSON.stringify([Object.keys(localStorage),
  Object.keys(sessionStorage), indexedDB.databases ? (await indexedDB.databases()).length : 0])"""


def _open(page: Page, url: str) -> list[str]:
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.set_default_timeout(5000)
    page.goto(url, wait_until="load")
    page.wait_for_selector("form[data-quiz][data-quiz-init]", state="attached")
    return errors


def _answer(form: Locator, answers: dict[str, Any]) -> None:
    for item, value in answers.items():
        if value is not None:
            form.locator(f'[data-quiz-item="{item}"] input[value="{value}"]').check()


def _overall(form: Locator) -> str | None:
    """The overall score the result shows, to one decimal (as the golden answers give it)."""
    return form.locator('[data-quiz-result] [data-quiz-score-of=""]').get_attribute(
        "data-quiz-score"
    )


def _focused(page: Page) -> str:
    return str(page.evaluate("document.activeElement.outerHTML"))


def _tab_to(page: Page, selector: str) -> None:
    """Press Tab (past the support panel's links, say) until focus reaches ``selector``."""
    for _ in range(15):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def test_self_reflection_by_keyboard_alone(page: Page, site: Server) -> None:
    errors = _open(page, site.url + PAGE)
    form = page.locator(SR)
    support = form.locator("[data-quiz-support]")
    assert support.is_hidden()
    form.locator("input[type=radio]").first.focus()
    for item, value in MIXED.items():
        page.keyboard.press("Space")
        for _ in range(value):
            page.keyboard.press("ArrowRight")
        assert form.locator(f'[data-quiz-item="{item}"] input:checked').get_attribute("value") == (
            str(value)
        )
        if item == "no-one":  # flagged with support_if: the panel shows at once, next to it
            assert support.is_visible()
            assert form.locator('[data-quiz-item="no-one"] + [data-quiz-support]').count() == 1
        _tab_to(page, "input[type=radio], button[type=submit]")
    assert form.locator("[data-quiz-progress]").inner_text() == "5 of 5 answered"
    assert "See my results" in _focused(page)
    page.keyboard.press("Enter")
    assert "hi-quiz__result-title" in _focused(page)
    result = form.locator("[data-quiz-result]")
    assert result.get_attribute("aria-live") == "polite"
    text = result.inner_text()
    for expected in (
        "Your results",
        "Overall: Your answers lean toward carrying things alone",
        "not a diagnosis",
        "Your range: From 2 to 4, on a scale from 0 to 4",
        "Asking for help was hard at times",
        "Saying yes to help often felt uneasy",
    ):
        assert expected in text
    assert _overall(form) == "2.8"
    scores = result.locator("[data-quiz-score-of]")
    assert [s.get_attribute("data-quiz-score") for s in scores.all()] == ["2.8", "1.5", "4.0"]
    # Each part shows its band's range from the scoring key, never a rounded number.
    assert result.locator(".hi-quiz__score").all_inner_texts()[1:] == [
        "Your range: From 1.5 to below 2.5, on a scale from 0 to 4",
        "Your range: From 2 to 4, on a scale from 0 to 4",
    ]
    assert support.is_visible() and form.locator("[data-quiz-after]").is_visible()
    assert page.evaluate(EVERYTHING_STORED) == "[[],[],0]"
    assert page.context.cookies() == []
    # Print: no buttons, navigation or header; the result and the disclaimer remain.
    page.emulate_media(media="print")
    assert form.locator("button:visible").count() == 0
    for chrome in (".md-header", ".md-sidebar--primary", "[data-quiz-key]", "[data-quiz-item]"):
        assert page.locator(chrome).first.is_hidden(), chrome
    assert result.is_visible() and page.locator(".hi-footer").first.is_visible()
    assert errors == []


def test_knowledge_check_by_keyboard_alone(page: Page, site: Server) -> None:
    errors = _open(page, site.url + PAGE)
    form = page.locator(KC)
    form.locator("[data-quiz-q] input").first.focus()
    keys = [
        ["Space", "ArrowRight", "Tab", "Enter"],  # true-false: Myth, then "Check my answer"
        ["Tab", "Space", "ArrowRight", "Tab", "Enter"],  # single: the second option
        ["Tab", "Space", "Tab", "Space", "Tab", "Tab", "Enter"],  # multiple: A and B
    ]
    for i, presses in enumerate(keys):
        for key in presses:
            page.keyboard.press(key)
        question = form.locator("[data-quiz-q]").nth(i)
        assert question.locator("[data-quiz-verdict]").inner_text() == "In line with the lesson"
        assert question.locator("[data-quiz-verdict]").get_attribute("aria-live") == "polite"
    assert form.locator('[data-quiz-q="roots"] [data-quiz-fb="1"]').is_visible()
    assert form.locator('[data-quiz-q="roots"] [data-quiz-fb="0"]').is_hidden()
    assert form.locator('[data-quiz-q="strong"] [data-quiz-explain]').is_visible()
    page.keyboard.press("Tab")
    assert "See my summary" in _focused(page)
    page.keyboard.press("Enter")
    assert "hi-quiz__result-title" in _focused(page)
    text = form.locator("[data-quiz-result]").inner_text()
    assert "You answered 3 of 3 in line with the lesson." in text
    assert "you took time to think about this" in text
    assert "fail" not in text.lower()
    assert page.evaluate(EVERYTHING_STORED) == "[[],[],0]"
    assert errors == []


def test_reflection_exercise_by_keyboard_then_download(page: Page, site: Server) -> None:
    errors = _open(page, site.url + PAGE)
    form = page.locator(RE)
    form.locator("textarea").first.focus()
    for words in ("Ask Sam for a lift", "Sam", "Nervous, then relieved"):
        page.keyboard.type(words)
        page.keyboard.press("Tab")
    assert form.locator("[data-quiz-progress]").inner_text() == "3 of 3 answered"
    assert "Download as a text file" in _focused(page)
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    download = info.value
    assert download.suggested_filename == "example-reflection-exercise.txt"
    text = Path(download.path()).read_text(encoding="utf-8")
    assert "Who could you ask?\nSam\n" in text and "Nervous, then relieved" in text
    assert form.locator("[data-quiz-result]").inner_text() == "Your text file is ready."
    page.emulate_media(media="print")
    assert form.locator("button:visible").count() == 0
    assert form.locator("textarea").first.is_visible()
    assert page.evaluate(EVERYTHING_STORED) == "[[],[],0]"
    assert errors == []


def _stored(page: Page) -> Any:
    raw = page.evaluate(f"localStorage.getItem({json.dumps(KEY)})")
    return None if raw is None else json.loads(raw)


def test_remember_is_opt_in_restores_expires_and_erases(page: Page, site: Server) -> None:
    errors = _open(page, site.url + PAGE)
    form = page.locator(SR)
    _answer(form, {"manage-alone": 3})
    assert page.evaluate("localStorage.length") == 0
    form.locator("[data-quiz-remember]").check()
    _answer(form, {"owe": 2})
    saved = _stored(page)
    assert saved["v"] == 2 and saved["a"] == {
        "hi-quiz-example-self-reflection-manage-alone": ["3"],
        "hi-quiz-example-self-reflection-owe": ["2"],
    }
    assert round((saved["until"] - saved["at"]) / 86_400_000) == 30
    assert "Saved on" in form.locator("[data-quiz-saved]").inner_text()
    page.reload(wait_until="load")
    assert form.locator("[data-quiz-remember]").is_checked()
    assert form.locator("input:checked").count() == 3  # two answers and the box
    assert form.locator("[data-quiz-progress]").inner_text() == "2 of 5 answered"
    form.get_by_role("button", name="Erase my answers").click()
    assert _stored(page) is None
    assert form.locator("input:checked").count() == 0
    assert "erased" in form.locator("[data-quiz-result]").inner_text()
    # Corrupt, older-version and expired data are ignored quietly (and tidied away).
    for bad in (
        "{not json",
        '{"v": 0, "at": 1, "until": 9e15, "a": {}}',
        '{"v": 2, "at": 1, "until": 2, "a": {}}',
        '"text"',
        "[1,2]",
    ):
        page.evaluate(f"localStorage.setItem({json.dumps(KEY)}, {json.dumps(bad)})")
        page.reload(wait_until="load")
        assert not form.locator("[data-quiz-remember]").is_checked(), bad
        _answer(form, MIXED)
        form.get_by_role("button", name="See my results").click()
        assert _overall(form) == "2.8"
    assert errors == []


def test_storage_that_throws_is_ignored(browser: Browser, site: Server) -> None:
    context = browser.new_context()
    context.add_init_script(
        "for (const m of ['getItem', 'setItem', 'removeItem', 'key'])"
        " Storage.prototype[m] = () => { throw new Error('denied'); };"
    )
    try:
        page = context.new_page()
        errors = _open(page, site.url + PAGE)  # from the first script on, page load included
        form = page.locator(SR)
        form.locator("[data-quiz-remember]").check()
        _answer(form, MIXED)
        form.get_by_role("button", name="See my results").click()
        assert _overall(form) == "2.8"
        form.get_by_role("button", name="Erase my answers").click()
        assert errors == []
    finally:
        context.close()


def test_erase_everything_removes_only_this_sites_data(page: Page, site: Server) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(site.url + "about/privacy/", wait_until="load")
    page.evaluate(
        "localStorage.setItem('/.hi-quiz:x', '1'); localStorage.setItem('/.__palette', '1');"
        "localStorage.setItem('/other-site/.keep', '1'); sessionStorage.setItem('/.__tabs', '1')"
    )
    button = page.get_by_role("button", name="Erase everything this site saved")
    button.click()
    assert page.evaluate("Object.keys(localStorage)") == ["/other-site/.keep"]
    assert page.evaluate("sessionStorage.length") == 0
    assert "was erased" in page.locator("[data-quiz-erase-all] [data-quiz-status]").inner_text()
    assert errors == []


def test_instant_navigation_away_and_back_initialises_once(
    page: Page, subpath_site: Server
) -> None:
    # Material's instant navigation needs the site built for its real address and port.
    errors = _open(page, subpath_site.url + PAGE)
    page.evaluate("window.__sameDocument = true")
    page.locator('.md-nav a[href$="write-a-lesson/"]').first.click()
    page.wait_for_url("**/write-a-lesson/")
    page.go_back()
    page.wait_for_url("**/write-a-quiz/")
    page.wait_for_selector(f"{SR}[data-quiz-init]", state="attached")
    assert page.evaluate("window.__sameDocument") is True, "instant navigation was not used"
    form = page.locator(SR)
    _answer(form, MIXED)
    form.get_by_role("button", name="See my results").click()
    assert form.locator(".hi-quiz__result-title").count() == 1
    downloads: list[object] = []
    page.on("download", lambda d: downloads.append(d))
    with page.expect_download():
        form.get_by_role("button", name="Download summary").click()
    page.wait_for_timeout(300)
    assert len(downloads) == 1, "handlers were attached twice"
    assert errors == []


def test_without_javascript_each_quiz_is_a_worksheet(browser: Browser, site: Server) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site.url + PAGE, wait_until="load")
        for selector in (SR, KC, RE):
            form = page.locator(selector)
            assert form.locator("button:visible").count() == 0, selector
            assert form.locator("[data-quiz-js]:visible").count() == 0
        sr = page.locator(SR)
        assert sr.locator("[data-quiz-support]").is_visible()
        assert sr.locator("details[data-quiz-key] summary").inner_text().startswith("Scoring key")
        sr.locator("details[data-quiz-key] summary").click()
        assert "From 2.5 to 4" in sr.locator("[data-quiz-key]").inner_text()
        assert page.locator(KC).locator("details[data-quiz-key]").count() == 1
        page.goto(site.url + "about/privacy/", wait_until="load")
        assert page.locator("[data-quiz-erase-all] button").is_hidden()
    finally:
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_results_shown_have_no_axe_violations_and_fit_320px(
    browser: Browser, site: Server, scheme: str
) -> None:
    context = browser.new_context(color_scheme=scheme, viewport={"width": 320, "height": 700})  # type: ignore[arg-type]
    try:
        page = context.new_page()
        errors = _open(page, site.url + PAGE)
        sr, kc = page.locator(SR), page.locator(KC)
        sr.get_by_role("button", name="Show all statements on one page").click()
        _answer(sr, MIXED)
        sr.get_by_role("button", name="See my results").click()
        kc.locator("[data-quiz-q] input").first.check()
        kc.get_by_role("button", name="Check my answer").first.click()
        kc.get_by_role("button", name="See my summary").click()
        page.locator(RE).locator("textarea").first.fill("Something")
        overflow = "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        assert page.evaluate(overflow) <= 0, "the page scrolls sideways at 320px"
        result = Axe().run(page)
        assert result.violations_count == 0, result.generate_report()
        assert errors == []
    finally:
        context.close()


def test_next_steps_work_under_a_sub_path(page: Page, subpath_site: Server) -> None:
    errors = _open(page, subpath_site.url + PAGE)
    form = page.locator(SR)
    _answer(form, MIXED)
    form.get_by_role("button", name="See my results").click()
    link = form.locator("[data-quiz-result] .hi-quiz__links a").first
    with page.expect_navigation():
        link.click()
    assert page.url.startswith(subpath_site.url + "learn/what-is-hyper-independence/")
    assert "404" not in page.title()
    assert errors == []


def _page_with(site_dir: Path, quiz_id: str) -> str:
    """The English page that shows ``quiz_id`` (the Spanish one is in es/)."""
    for rel in site_pages(site_dir):
        if rel.split("/")[0] in translations():
            continue
        if f'data-quiz="{quiz_id}"' in (site_dir / rel).read_text(encoding="utf-8"):
            return rel[: -len("index.html")] if rel.endswith("index.html") else rel
    raise AssertionError(f"no page shows quiz {quiz_id}")


@pytest.mark.parametrize("path", answer_files(), ids=lambda p: p.stem)
def test_golden_answers_in_the_browser(
    page: Page, site: Server, site_dir: Path, path: Path
) -> None:
    qf, cases = golden_cases(path)
    errors = _open(page, site.url + _page_with(site_dir, qf.id))
    form = page.locator(f'form[data-quiz="{qf.id}"]')
    for case in cases:
        form.get_by_role("button", name="Start again").click()
        _answer(form, case["choices"])
        form.get_by_role("button", name="See my results").click()
        got = page.evaluate(
            """form => Object.fromEntries([...form.querySelectorAll('[data-quiz-score-of]')]
              .map(b => [b.dataset.quizScoreOf, [b.dataset.quizScore ?? null,
                b.querySelector('.hi-quiz__band-title')?.textContent ?? null]]))""",
            form.element_handle(),
        )
        expect = case["expect"]
        wanted = {"": expect["overall"], **expect["dimensions"]}
        assert got == {k: [w["score"], w["band"]] for k, w in wanted.items()}, case["name"]
    assert errors == []
