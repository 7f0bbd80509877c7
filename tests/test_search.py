"""Search serves readers: for words readers use, reader pages come before the guides for
clinics and editors, and common variants find the right page. Queried through the real
search box in Chromium (Material's, or Zensical's own dialog), on the built search index.

Run on the example copy (``example_site``, the tests' own settings): the crisis lines a
copy lists are words of its Get support page ("Suicide & Crisis Lifeline", "Helpline"), so
the ranking is asserted for known lines, never for the lines a clinic chose."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page

from tests.content import DOCS, front_matter
from tests.harness import ENGINE, Server, close_search, search_hrefs

pytestmark = pytest.mark.browser

#: query -> the page that must come first (site path).
FIRST = {
    "crisis": "get-support/",
    "suicide": "get-support/if-you-are-thinking-about-suicide/",
    "suicidal thoughts": "get-support/if-you-are-thinking-about-suicide/",
    "hotline": "get-support/",
    "helpline": "get-support/",
    "exhausted": "learn/what-it-costs/",
    "burnout": "learn/at-work/",
    "hyperindependence": "learn/what-is-hyper-independence/",
    "hyper independent": "learn/what-is-hyper-independence/",
    "safety plan": "get-support/if-you-are-not-safe/",
    "private window": "get-support/browsing-safely/",
}
#: Words for which no guide for clinics or editors may come before a reader page.
READER_WORDS = ["crisis", "suicide", "help", "hotline", "exhausted", "support"]
GUIDES = ("clinics/", "editors/")


def _results(page: Page, site: Server, query: str) -> list[str]:
    """The pages the search box lists for ``query``, in order (site paths)."""
    paths = []
    for href in search_hrefs(page, query):
        path = urlsplit(href).path[len(urlsplit(site.url).path) :]
        if path not in paths:
            paths.append(path)
    close_search(page)
    return paths


@pytest.fixture
def search_page(page: Page, example_site: Server) -> Page:
    page.set_default_timeout(10_000)
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(example_site.url + "about/", wait_until="networkidle")
    return page


#: Zensical's own search ranks by its own rules and ignores Material's `search: boost`, so
#: under Zensical the page need only be among the first 3 results.
ZENSICAL_TOP = 3


def test_words_readers_use_find_the_right_page_first(
    search_page: Page, example_site: Server
) -> None:
    wrong = {}
    for query, expected in FIRST.items():
        found = _results(search_page, example_site, query)
        top = found[:ZENSICAL_TOP] if ENGINE == "zensical" else found[:1]
        if expected not in top:
            wrong[query] = found[:4]
    assert not wrong, f"first results were not the expected pages: {wrong}"


def test_reader_pages_come_before_the_guides(search_page: Page, example_site: Server) -> None:
    for query in READER_WORDS:
        found = _results(search_page, example_site, query)
        readers = [i for i, p in enumerate(found) if not p.startswith(GUIDES)]
        guides = [i for i, p in enumerate(found) if p.startswith(GUIDES)]
        assert readers, f"{query!r}: no reader page found ({found})"
        assert not guides or readers[0] < guides[0], f"{query!r}: {found}"


def test_guides_are_boosted_down_and_support_pages_up() -> None:
    for folder, boost in (("clinics", 0.5), ("editors", 0.5)):
        for md in sorted((DOCS / folder).glob("*.md")):
            assert front_matter(md.read_text()).get("search") == {"boost": boost}, md
    for name in ("index.md", "if-you-are-not-safe.md", "browsing-safely.md"):
        meta = front_matter((DOCS / "get-support" / name).read_text())
        assert meta.get("search", {}).get("boost", 1) > 1, name
