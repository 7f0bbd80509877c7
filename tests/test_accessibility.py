"""axe finds zero violations on every built page, in light and in dark mode."""

from __future__ import annotations

from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser

from macros.clinic import languages_of
from tests.harness import Server, page_url, site_pages, translations

ROOT = Path(__file__).resolve().parents[1]


def _pages() -> list[str]:
    # The page list comes from the docs folder so it is known at collection time: every
    # page the copy builds, so none of a language its clinic.yml turns off.
    docs = ROOT / "docs"
    off = tuple(f"{lang}/" for lang in languages_of(ROOT) if lang not in translations())
    pages = []
    for md in sorted(docs.rglob("*.md")):
        rel = md.relative_to(docs).as_posix()
        if rel.startswith(("includes/", "data/")) or "/includes/" in rel or "/data/" in rel:
            continue
        if rel.startswith(off):
            continue
        stem = rel[: -len(".md")]
        if stem == "index":
            pages.append("index.html")
        elif stem.endswith("/index"):
            pages.append(stem[: -len("index")] + "index.html")
        else:
            pages.append(stem + "/index.html")
    return pages


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violations(
    browser: Browser, site: Server, site_dir: Path, scheme: str
) -> None:
    built = set(site_pages(site_dir))
    pages = [p for p in _pages() if p in built]
    assert len(pages) == len(_pages()), "a docs page was not built"
    context = browser.new_context(color_scheme=scheme)  # type: ignore[arg-type]
    page = context.new_page()
    axe = Axe()
    failures = []
    try:
        for rel in [*pages, "404.html"]:
            page.goto(page_url(site.url, rel), wait_until="load")
            expected = "slate" if scheme == "dark" else "default"
            assert page.get_attribute("body", "data-md-color-scheme") == expected
            result = axe.run(page)
            if result.violations_count:
                failures.append(f"--- {rel} ({scheme})\n{result.generate_report()}")
    finally:
        context.close()
    assert not failures, "\n".join(failures)
