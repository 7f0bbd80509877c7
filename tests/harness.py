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

from macros.check_config import ConfigLoader
from macros.clinic import CLINIC_FILE, engine_config_text
from macros.clinic import translations as clinic_translations
from macros.settings import Settings, check

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
    """The site's other languages that are on: ``{"es": "mkdocs.es.yml"}``, each built into
    ``<lang>/`` (``clinic.yml`` can turn one off)."""
    return clinic_translations(project)


def build_site(
    site_dir: Path,
    *,
    project: Path = ROOT,
    config_file: str = "mkdocs.yml",
    site_url: str | None = None,
    engine: str = ENGINE,
    languages: bool = True,
    log: list[str] | None = None,
) -> Path:
    """Build ``project`` strictly with ``engine`` into ``site_dir`` and return it.

    With ``languages`` (and the English ``mkdocs.yml``), every ``mkdocs.<lang>.yml`` is
    then built into ``site_dir/<lang>/``, as ``make build`` does. ``log``, when given,
    gets the output of each build (its warnings).
    """
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONDONTWRITEBYTECODE="1")
    if site_url is not None:
        env["SITE_URL"] = site_url
    output = [_build_one(site_dir, project, config_file, env, engine)]
    if languages and config_file == "mkdocs.yml":
        for lang, config in translations(project).items():
            if site_url is not None:
                env["SITE_URL_LANGUAGE"] = f"{site_url}{lang}/"
            output.append(_build_one(site_dir / lang, project, config, env, engine))
    if log is not None:
        log += output
    return site_dir


def _build_one(
    site_dir: Path, project: Path, config_file: str, env: dict[str, str], engine: str
) -> str:
    """Build ``config_file`` of ``project`` into ``site_dir``; return the build's output."""
    if engine == "zensical":
        return _build_zensical(site_dir, project, config_file, env)
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"]
    cmd += ["-f", config_file, "-d", str(site_dir)]
    proc = subprocess.run(cmd, cwd=project, env=env, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise BuildError(f"{config_file}:\n" + proc.stdout + proc.stderr)
    return proc.stdout + proc.stderr


def _build_zensical(site_dir: Path, project: Path, config_file: str, env: dict[str, str]) -> str:
    """``python -m macros build --strict`` (Zensical) in a copy of ``project``; return the
    build's output.

    Zensical has no ``-d``: it writes to ``site/`` inside the project, so each build runs
    in its own copy (parallel builds never share an output folder) and the result is
    copied to ``site_dir``.
    """
    with tempfile.TemporaryDirectory(prefix="zensical-") as tmp:
        work = Path(tmp)
        for config in [*project.glob("*.yml"), *project.glob("*.yaml")]:
            shutil.copy2(config, work / config.name)
        config = work / config_file
        # `python -m macros build` merges INHERIT and clinic.yml itself.
        out = str((yaml.safe_load(_no_tags(config)) or {}).get("site_dir") or "site")
        skip = shutil.ignore_patterns("__pycache__")
        for name in ("docs", "overrides", "macros"):
            shutil.copytree(project / name, work / name, ignore=skip)
        cmd = [sys.executable, "-m", "macros", "build", "--strict", "-f", config_file]
        proc = subprocess.run(cmd, cwd=work, env=env, capture_output=True, text=True, check=False)
        if proc.returncode != 0:
            raise BuildError(f"{config_file}:\n" + proc.stdout + proc.stderr)
        shutil.copytree(work / out, site_dir, dirs_exist_ok=True)
    return proc.stdout + proc.stderr


def run(*cmd: str, cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """``cmd`` run in ``cwd`` with its output captured as text, this process's environment
    plus ``env`` (and no bytecode written); a failure is returned, never raised."""
    full = dict(os.environ, PYTHONDONTWRITEBYTECODE="1", **env)
    return subprocess.run(cmd, cwd=cwd, env=full, capture_output=True, text=True, check=False)


def run_check(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``python -m macros.check_config`` with ``args`` in ``project``, as ``make build``
    runs it."""
    return run(sys.executable, "-m", "macros.check_config", *args, cwd=project)


def _no_tags(config: Path) -> str:
    """The config's text with its ``!ENV`` tags dropped, for reading plain keys."""
    return re.sub(r"!\w+\s", "", config.read_text(encoding="utf-8"))


def copy_project(dest: Path) -> Path:
    """Copy what a build reads (config, docs, overrides, macros) to ``dest``."""
    dest.mkdir(parents=True, exist_ok=True)
    for config in [*ROOT.glob("mkdocs*.yml"), ROOT / CLINIC_FILE]:
        if config.is_file():
            shutil.copy2(config, dest / config.name)
    for name in ("docs", "overrides", "macros"):
        shutil.copytree(ROOT / name, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
    return dest


# Settings: the copy's own, read as the build reads them, and the tests' own ---------------

#: The clinic settings the tests own (an ``extra:`` block): the example copy's.
FIXTURE_EXTRA = Path(__file__).with_name("fixtures") / "extra.yml"
#: Settings of the copy that a fixture ``extra:`` block keeps: its languages, not a clinic's.
KEPT_FROM_COPY = ("alternate",)
_EXTRA_KEY = re.compile(r"^extra:[ \t]*(?:#.*)?$", re.M)
_TOP_LEVEL = re.compile(r"^[^\s#]", re.M)


def configured_extra(config_file: str = "mkdocs.yml", project: Path = ROOT) -> dict[str, Any]:
    """The ``extra:`` mapping of ``project``'s ``config_file`` as the engines build it:
    ``INHERIT`` merged as MkDocs merges it (``mkdocs.es.yml`` gets what it leaves out from
    ``mkdocs.yml``) and the clinic's ``clinic.yml`` laid over it."""
    data = yaml.load(engine_config_text(project / config_file), Loader=ConfigLoader)
    extra = data.get("extra") if isinstance(data, dict) else None
    return extra if isinstance(extra, dict) else {}


def configured(config_file: str = "mkdocs.yml", project: Path = ROOT) -> Settings:
    """The copy's own clinic settings, checked by the project's model (defaults filled in).

    What must hold for any clinic's settings (the quick exit, the support lines, colours,
    print) is asserted against these, never against the values we ship. Read once for each
    content of the project's config files.
    """
    texts = tuple(p.read_text(encoding="utf-8") for p in sorted(project.glob("*.yml")))
    return _configured(config_file, project, texts)


@functools.cache
def _configured(config_file: str, project: Path, texts: tuple[str, ...]) -> Settings:
    """``configured()`` for one content of the config files (``texts``, the cache key)."""
    return check(configured_extra(config_file, project), file=config_file)


def page_config(page: str, project: Path = ROOT) -> str:
    """The config file a built page (``es/about/index.html``) was made from: its language's."""
    return translations(project).get(page.split("/", 1)[0], "mkdocs.yml")


def page_settings(page: str, project: Path = ROOT) -> Settings:
    """The settings a built page (``es/about/index.html``) was made with: its language's."""
    return configured(page_config(page, project), project)


def fixture_extra() -> str:
    """The tests' own ``extra:`` block (``tests/fixtures/extra.yml``), from ``extra:`` on."""
    text = FIXTURE_EXTRA.read_text(encoding="utf-8")
    return text[_EXTRA_KEY.search(text).start() :]  # type: ignore[union-attr]


def _extra_span(config_text: str) -> tuple[int, int]:
    """Where the top-level ``extra:`` block of a config's text starts and ends."""
    found = _EXTRA_KEY.search(config_text)
    if found is None:
        raise ValueError("the config has no top-level extra: block")
    after = _TOP_LEVEL.search(config_text, found.end())
    return found.start(), after.start() if after else len(config_text)


def without_extra(config_text: str) -> str:
    """A config's text without its ``extra:`` block (the rest as written)."""
    start, end = _extra_span(config_text)
    return config_text[:start] + config_text[end:]


def with_extra(config_text: str, extra_text: str | None = None) -> str:
    """A config's text with its ``extra:`` block replaced, in the same place, by
    ``extra_text`` (default: the tests' own, ``fixture_extra()``). Only the copy's
    ``KEPT_FROM_COPY`` settings (its languages) are kept, after the new block."""
    extra_text = fixture_extra() if extra_text is None else extra_text
    start, end = _extra_span(config_text)
    own = yaml.load(config_text[start:end], Loader=ConfigLoader)["extra"] or {}
    given = yaml.safe_load(extra_text)["extra"] or {}
    kept = {k: own[k] for k in KEPT_FROM_COPY if k in own and k not in given}
    block = extra_text.rstrip("\n") + "\n"
    if kept:
        dumped = yaml.safe_dump(kept, sort_keys=False, allow_unicode=True)
        block += "\n" + "".join(f"  {line}" if line else line for line in dumped.splitlines(True))
    rest = config_text[end:]
    return config_text[:start] + block + ("\n" + rest if rest else "")


def example_project(dest: Path) -> Path:
    """A copy of the project whose ``mkdocs.yml`` has the tests' own settings, those of an
    example copy (``tests/fixtures/extra.yml``); its translations inherit them."""
    project = copy_project(dest)
    config = project / "mkdocs.yml"
    config.write_text(with_extra(config.read_text(encoding="utf-8")), encoding="utf-8")
    (project / CLINIC_FILE).unlink(missing_ok=True)  # none of the copy's own values
    return project


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
