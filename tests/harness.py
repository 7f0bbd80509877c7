"""Test harness: build the real site, serve it on 127.0.0.1, find a real Chromium.

Every later test reuses these helpers through the fixtures in ``conftest.py``.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]

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

NO_BROWSER = (
    "No Chromium found: install one (Debian: `apt-get install chromium`; elsewhere: "
    "`.venv/bin/playwright install chromium`) or set CHROMIUM=/path/to/chromium"
)


class BuildError(Exception):
    """``mkdocs build --strict`` failed; the message holds its output."""


def build_site(
    site_dir: Path,
    *,
    project: Path = ROOT,
    config_file: str = "mkdocs.yml",
    site_url: str | None = None,
) -> Path:
    """Build ``project`` with ``mkdocs build --strict`` into ``site_dir`` and return it."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONDONTWRITEBYTECODE="1")
    if site_url is not None:
        env["SITE_URL"] = site_url
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"]
    cmd += ["-f", config_file, "-d", str(site_dir)]
    proc = subprocess.run(cmd, cwd=project, env=env, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise BuildError(proc.stdout + proc.stderr)
    return site_dir


def copy_project(dest: Path) -> Path:
    """Copy what a build reads (config, docs, overrides, macros) to ``dest``."""
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy2(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
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
