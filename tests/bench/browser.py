"""In a real Chromium: axe on the quiz pages and the time from submit to result.

Chromium is the system one (``/usr/bin/chromium`` or ``$CHROMIUM``) with the harness flags.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, sync_playwright

from tests.harness import CHROMIUM_ARGS, find_chromium

#: Answers every statement (a spread of choices), then submits and waits for the result.
_SUBMIT_AND_TIME = """
async () => {
  const form = document.querySelector("form[data-quiz]") || document.querySelector("form");
  const result = form.querySelector("[data-quiz-result]") || form.querySelector("[aria-live]");
  const submit = form.querySelector("button[type=submit], input[type=submit]");
  let n = 0;
  for (const set of form.querySelectorAll("fieldset")) {
    const radios = set.querySelectorAll("input[type=radio]:not([value=skip])");
    if (radios.length) { radios[n % radios.length].click(); n += 1; }
  }
  const before = result.innerHTML;
  return await new Promise((resolve) => {
    let t0 = 0;
    const done = () => {
      const dom = performance.now() - t0;
      requestAnimationFrame(() => setTimeout(() => resolve({
        answered: n, dom_ms: dom, painted_ms: performance.now() - t0,
        chars: result.textContent.trim().length,
      }), 0));
    };
    const observer = new MutationObserver(() => {
      if (result.innerHTML !== before && result.textContent.trim()) {
        observer.disconnect(); done();
      }
    });
    observer.observe(result, {childList: true, subtree: true, characterData: true});
    setTimeout(() => { observer.disconnect(); resolve({answered: n, error: "no result in 5 s"}); },
               5000);
    t0 = performance.now();
    submit.click();
  });
}
"""


@contextmanager
def chromium() -> Iterator[Browser]:
    """One headless system Chromium for the benchmark."""
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=find_chromium(), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def axe_violations(browser: Browser, url: str) -> dict[str, Any]:
    """axe's violations on ``url`` (light scheme): rule ids with their node counts."""
    context = browser.new_context()
    page = context.new_page()
    try:
        page.goto(url, wait_until="load")
        result = Axe().run(page)
        rules = {v["id"]: len(v["nodes"]) for v in result.response["violations"]}
        return {"count": result.violations_count, "rules": rules}
    finally:
        context.close()


def _ready(page: Page, url: str) -> None:
    page.goto(url, wait_until="load")
    # Our quiz.js un-hides its controls when it starts: wait for the submit button.
    page.locator("form[data-quiz] button[type=submit]").first.wait_for(
        state="visible", timeout=10_000
    )


def submit_to_result(browser: Browser, url: str, runs: int) -> dict[str, Any]:
    """Median time (ms) from clicking submit on a fully answered quiz to the result shown.

    ``dom_ms`` is until the result's text is in the page; ``painted_ms`` adds the next frame.
    Each run starts from a fresh page load, with nothing stored.
    """
    context = browser.new_context(viewport={"width": 412, "height": 823})
    page = context.new_page()
    samples: list[dict[str, Any]] = []
    try:
        for _ in range(runs):
            _ready(page, url)
            sample: dict[str, Any] = page.evaluate(_SUBMIT_AND_TIME)
            if "error" in sample:
                return {"error": sample["error"], "answered": sample.get("answered")}
            samples.append(sample)
    finally:
        context.close()
    dom = [s["dom_ms"] for s in samples]
    painted = [s["painted_ms"] for s in samples]
    return {
        "runs": runs,
        "answered": samples[0]["answered"],
        "result_chars": samples[0]["chars"],
        "dom_ms": {"median": statistics.median(dom), "min": min(dom), "runs": dom},
        "painted_ms": {"median": statistics.median(painted), "min": min(painted), "runs": painted},
    }
