"""Every internal link, source and #fragment in the built HTML resolves, at the root and
under a sub-path, including links that macros and templates produce."""

from __future__ import annotations

from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from playwright.sync_api import Page

from tests.harness import Server, configured, page_url, site_pages

SKIP_SCHEMES = {"mailto", "tel", "javascript", "data"}


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name in ("id", "name") and tag != "meta":
                self.ids.add(value)
            if (name == "href" and tag in ("a", "link", "area")) or (
                name == "src" and tag in ("img", "script", "iframe", "source")
            ):
                self.links.append(value)


@cache
def _parse(path: Path) -> _Collector:
    collector = _Collector()
    collector.feed(path.read_text())
    return collector


def _target_file(site_dir: Path, prefix: str, path: str) -> Path | None:
    path = unquote(path)
    if not path.startswith(prefix):
        return None
    rel = path[len(prefix) :]
    if rel == "" or rel.endswith("/"):
        rel += "index.html"
    return site_dir / rel


def broken_links(site_dir: Path, base_url: str) -> list[str]:
    """Every internal link of the site at ``site_dir`` (served at ``base_url``) that fails."""
    base = urlsplit(base_url)
    problems = []
    for rel in site_pages(site_dir):
        source = site_dir / rel
        for link in _parse(source).links:
            url = urlsplit(urljoin(page_url(base_url, rel), link))
            if url.scheme in SKIP_SCHEMES or url.netloc != base.netloc:
                continue
            target = _target_file(site_dir, base.path, url.path)
            if target is None:
                problems.append(f"{rel}: {link} points outside the site ({url.path})")
            elif not target.is_file():
                problems.append(f"{rel}: {link} -> no such file {target.relative_to(site_dir)}")
            elif (
                url.fragment
                and target.suffix == ".html"
                and unquote(url.fragment) not in _parse(target).ids
            ):
                problems.append(f"{rel}: {link} -> no #{url.fragment} in the target page")
    return problems


def test_links_resolve_at_the_root(site: Server, site_dir: Path) -> None:
    # The root build's canonical links use its default site_url; check against that too.
    assert broken_links(site_dir, site.url) == []
    assert broken_links(site_dir, "http://127.0.0.1:8000/") == []


def test_links_resolve_under_a_sub_path(subpath_site: Server) -> None:
    assert subpath_site.url.endswith("/clinic-site/")
    assert broken_links(subpath_site.directory, subpath_site.url) == []


def test_template_links_are_checked(site_dir: Path, site: Server) -> None:
    # The checker sees links that templates produce (the support link in the banner).
    links = _parse(site_dir / "about" / "index.html").links
    assert "../get-support/" in links


def test_checker_reports_a_broken_link(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text(
        '<a href="missing/">x</a><a href="#nowhere">y</a><a href="https://example.org/">z</a>'
    )
    assert broken_links(tmp_path, "http://127.0.0.1:1/") == [
        "index.html: missing/ -> no such file missing/index.html",
        "index.html: #nowhere -> no #nowhere in the target page",
    ]


@pytest.mark.browser
def test_sub_path_site_loads_its_assets(subpath_site: Server, page: Page) -> None:
    failed: list[str] = []
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
    page.goto(subpath_site.url + "get-support/", wait_until="networkidle")
    assert failed == []
    assert page.locator(".md-header").is_visible()
    # Material's stylesheet (system fonts), the clinic colours and site.css all applied:
    # a browser without them shows its default serif font, a grey header, left-aligned text.
    assert "Helvetica" in page.evaluate("getComputedStyle(document.body).fontFamily")
    header = page.locator(".md-header").evaluate("el => getComputedStyle(el).backgroundColor")
    r, g, b = (int(configured().colors.primary[i : i + 2], 16) for i in (1, 3, 5))
    assert header == f"rgb({r}, {g}, {b})"
    announce = page.locator(".hi-announce").evaluate("el => getComputedStyle(el).textAlign")
    assert announce == "center"
