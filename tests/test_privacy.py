"""Nothing leaves the site's origin, no cookie is set, and nothing is stored unless the
reader chooses it."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page

from tests.harness import Server, page_url, search_hrefs, site_pages

STORAGE = "JSON.stringify([Object.keys(localStorage), Object.keys(sessionStorage)])"


@pytest.mark.browser
def test_no_request_leaves_the_origin_and_nothing_is_stored(
    browser: Browser, site: Server, site_dir: Path
) -> None:
    context = browser.new_context()
    page = context.new_page()
    origin = urlsplit(site.url).netloc
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    try:
        pages = site_pages(site_dir)
        assert len(pages) > 5
        for i, rel in enumerate(pages):
            # "load" (the page and everything it asks for while loading), not waiting for
            # the network to be idle half a second on each of ~60 pages; the listener also
            # hears what a page asks for later, until the next one replaces it, and the
            # first and last pages wait for the network to be idle.
            idle = i in (0, len(pages) - 1)
            page.goto(page_url(site.url, rel), wait_until="networkidle" if idle else "load")
            assert page.evaluate(STORAGE) == "[[],[]]", f"{rel} wrote to browser storage"
        # Search loads its index and worker on demand: use it too.
        page.goto(site.url, wait_until="networkidle")
        page.set_default_timeout(10_000)  # the index loads now: slower on a busy machine
        assert search_hrefs(page, "help"), "search found nothing for 'help'"
        foreign = [
            u
            for u in requests
            if urlsplit(u).scheme in ("http", "https") and urlsplit(u).netloc != origin
        ]
        assert not foreign, "requests to other origins:\n" + "\n".join(sorted(set(foreign)))
        assert context.cookies() == []
        assert page.evaluate(STORAGE) == "[[],[]]"
    finally:
        context.close()


def _toggle_to_dark(page: Page) -> None:
    page.get_by_title("Switch to dark mode").click()
    page.wait_for_function("document.body.dataset.mdColorScheme === 'slate'")


@pytest.mark.browser
def test_colour_scheme_is_stored_only_when_the_reader_chooses_it(page: Page, site: Server) -> None:
    page.goto(site.url, wait_until="load")
    assert page.evaluate("localStorage.length") == 0
    _toggle_to_dark(page)
    keys = page.evaluate("Object.keys(localStorage)")
    assert keys == ["/.__palette"], keys
    page.reload(wait_until="load")
    assert page.get_attribute("body", "data-md-color-scheme") == "slate"
