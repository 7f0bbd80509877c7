"""Test harness: build the real site, serve it on 127.0.0.1, find a real Chromium.

Every later test reuses these helpers through the fixtures in ``conftest.py``.
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from macros.inherit import inherit_as_mkdocs

if TYPE_CHECKING:
    from playwright.sync_api import Page

ROOT = Path(__file__).resolve().parents[1]

#: The engine the suite builds the site with: ``mkdocs`` (MkDocs + Material, the default)
#: or ``zensical`` (``ENGINE=zensical pytest``; ``make test`` runs both).
ENGINE = os.environ.get("ENGINE") or "mkdocs"
if ENGINE not in ("mkdocs", "zensical"):
    raise SystemExit(f"ENGINE={ENGINE}: use mkdocs (the default) or zensical")

#: Chromium flags for a machine with no network but the package registries.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

#: One search result. Material lists them as .md-search-result__item; Zensical's own search
#: is a listbox of options in a shadow root, which Playwright's CSS selectors reach.
SEARCH_RESULT = ".md-search-result__item, [role='listbox'] [role='option']"

NO_BROWSER = (
    "No Chromium found: install one (Debian: `apt-get install chromium`; elsewhere: "
    "`.venv/bin/playwright install chromium`) or set CHROMIUM=/path/to/chromium"
)


class BuildError(Exception):
    """The strict build failed; the message holds its output."""


def translations(project: Path = ROOT) -> dict[str, str]:
    """The site's other languages: ``{"es": "mkdocs.es.yml"}``, each built into ``<lang>/``."""
    return {p.name.split(".")[1]: p.name for p in sorted(project.glob("mkdocs.*.yml"))}


def build_site(
    site_dir: Path,
    *,
    project: Path = ROOT,
    config_file: str = "mkdocs.yml",
    site_url: str | None = None,
    engine: str = ENGINE,
    languages: bool = True,
) -> Path:
    """Build ``project`` strictly with ``engine`` into ``site_dir`` and return it.

    With ``languages`` (and the English ``mkdocs.yml``), every ``mkdocs.<lang>.yml`` is
    then built into ``site_dir/<lang>/``, as ``make build`` does.
    """
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONDONTWRITEBYTECODE="1")
    if site_url is not None:
        env["SITE_URL"] = site_url
    _build_one(site_dir, project, config_file, env, engine)
    if languages and config_file == "mkdocs.yml":
        for lang, config in translations(project).items():
            if site_url is not None:
                env["SITE_URL_LANGUAGE"] = f"{site_url}{lang}/"
            _build_one(site_dir / lang, project, config, env, engine)
    return site_dir


def _build_one(
    site_dir: Path, project: Path, config_file: str, env: dict[str, str], engine: str
) -> Path:
    if engine == "zensical":
        return _build_zensical(site_dir, project, config_file, env)
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"]
    cmd += ["-f", config_file, "-d", str(site_dir)]
    proc = subprocess.run(cmd, cwd=project, env=env, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise BuildError(f"{config_file}: " + proc.stdout + proc.stderr)
    return site_dir


def _build_zensical(site_dir: Path, project: Path, config_file: str, env: dict[str, str]) -> Path:
    """``python -m macros build --strict`` (Zensical) in a copy of ``project``.

    Zensical has no ``-d``: it writes to ``site/`` inside the project, so each build runs
    in its own copy (parallel builds never share an output folder) and the result is
    copied to ``site_dir``.
    """
    with tempfile.TemporaryDirectory(prefix="zensical-") as tmp:
        work = Path(tmp)
        for config in [*project.glob("*.yml"), *project.glob("*.yaml")]:
            shutil.copy2(config, work / config.name)
        config = work / config_file
        config.write_text(inherit_as_mkdocs(config), encoding="utf-8")
        out = str((yaml.safe_load(_no_tags(config)) or {}).get("site_dir") or "site")
        skip = shutil.ignore_patterns("__pycache__")
        for name in ("docs", "overrides", "macros"):
            shutil.copytree(project / name, work / name, ignore=skip)
        cmd = [sys.executable, "-m", "macros", "build", "--strict", "-f", config_file]
        proc = subprocess.run(cmd, cwd=work, env=env, capture_output=True, text=True, check=False)
        if proc.returncode != 0:
            raise BuildError(f"{config_file}: " + proc.stdout + proc.stderr)
        shutil.copytree(work / out, site_dir, dirs_exist_ok=True)
    return site_dir


def _no_tags(config: Path) -> str:
    """The config's text with its ``!ENV`` tags dropped, for reading plain keys."""
    return re.sub(r"!\w+\s", "", config.read_text(encoding="utf-8"))


def copy_project(dest: Path) -> Path:
    """Copy what a build reads (config, docs, overrides, macros) to ``dest``."""
    dest.mkdir(parents=True, exist_ok=True)
    for config in ROOT.glob("mkdocs*.yml"):
        shutil.copy2(config, dest / config.name)
    for name in ("docs", "overrides", "macros"):
        shutil.copytree(ROOT / name, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
    return dest


class _QuietHandler(SimpleHTTPRequestHandler):
    prefix = "/"

    def log_message(self, format: str, *args: Any) -> None:
        """Keep test output clean."""

    def translate_path(self, path: str) -> str:
        # Serve the site only under its prefix, as GitHub Pages serves a project site.
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "__outside_prefix__")
        return super().translate_path("/" + path[len(self.prefix) :])


@dataclass
class Server:
    """A static file server for a built site on 127.0.0.1."""

    directory: Path
    prefix: str
    port: int

    @property
    def url(self) -> str:
        """The site's base URL, ending in a slash."""
        return f"http://127.0.0.1:{self.port}{self.prefix}"


@contextmanager
def serve(directory: Path, prefix: str = "/") -> Iterator[Server]:
    """Serve ``directory`` under ``prefix`` on a free port of 127.0.0.1."""
    handler = functools.partial(
        type("Handler", (_QuietHandler,), {"prefix": prefix}), directory=str(directory)
    )
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield Server(directory, prefix, httpd.server_address[1])
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


def find_chromium() -> str | None:
    """The browser to test with: ``$CHROMIUM``, ``/usr/bin/chromium``, then Playwright's own.

    Returns ``None`` for Playwright's own build (if installed) and raises
    ``FileNotFoundError`` with a one-line message when there is no browser at all.
    """
    env = os.environ.get("CHROMIUM")
    if env:
        if not Path(env).is_file():
            raise FileNotFoundError(f"CHROMIUM={env} does not exist. {NO_BROWSER}")
        return env
    if Path("/usr/bin/chromium").is_file():
        return "/usr/bin/chromium"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        if Path(p.chromium.executable_path).is_file():
            return None
    raise FileNotFoundError(NO_BROWSER)


def site_pages(site_dir: Path) -> list[str]:
    """Every HTML page of a built site, as paths relative to it (``about/index.html``)."""
    return sorted(
        p.relative_to(site_dir).as_posix()
        for p in site_dir.rglob("*.html")
        if not p.relative_to(site_dir).as_posix().startswith("assets/")
    )


def page_url(base_url: str, page: str) -> str:
    """The URL a reader would use for a built page (``about/`` for ``about/index.html``)."""
    if page.endswith("index.html"):
        page = page[: -len("index.html")]
    return base_url + page


def search_hrefs(page: Page, query: str) -> list[str]:
    """The links the site's search box lists for ``query``, in order, typed as a reader
    types it: Material's box in the header, or Zensical's own dialog."""
    read = _zensical_hrefs if ENGINE == "zensical" else _material_hrefs
    return read(page, query)


def close_search(page: Page) -> None:
    """Close the search with Escape (Zensical's dialog takes no typing until it is shut)."""
    page.keyboard.press("Escape")
    if ENGINE == "zensical":
        page.locator("dialog [role=combobox]").wait_for(state="hidden")


def _material_hrefs(page: Page, query: str) -> list[str]:
    """Material: results are .md-search-result__item, each with one link."""
    box = page.locator("input[data-md-component=search-query]")
    box.click()
    box.fill("")
    box.type(query, delay=10)
    page.wait_for_function(
        """([q, item]) => document.querySelector('[data-md-component=search-query]').value === q
             && document.querySelectorAll(item).length > 0""",
        arg=[query, SEARCH_RESULT],
    )
    page.wait_for_timeout(150)  # the worker answers the last keystroke
    links = page.locator(".md-search-result__item > .md-search-result__link")
    hrefs: list[str] = links.evaluate_all("els => els.map(a => a.href)")
    return hrefs


def _zensical_hrefs(page: Page, query: str) -> list[str]:
    """Zensical: its own dialog in a shadow root (Playwright's CSS reaches into it); each
    result is a link with role=option in the results listbox, opened from the header."""
    box = page.locator("dialog [role=combobox]")
    if not box.is_visible():
        page.locator("button.md-search__button").click()
        box.wait_for(state="visible")
    box.fill("")
    box.type(query, delay=10)
    options = page.locator(f"dialog {SEARCH_RESULT}")
    # The list updates as the reader types: read it once it holds still for the query.
    hrefs: list[str] = []
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        page.wait_for_timeout(200)
        now = (
            options.evaluate_all("els => els.map(a => a.href)")
            if box.input_value() == query
            else []
        )
        if now and now == hrefs:
            return hrefs
        hrefs = now
    raise AssertionError(f"{query!r}: no search results")
