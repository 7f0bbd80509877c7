"""Test harness: build the real site, serve it on 127.0.0.1, find a real Chromium.

Every later test reuses these helpers through the fixtures in ``conftest.py``.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import yaml

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


def build_site(
    site_dir: Path,
    *,
    project: Path = ROOT,
    config_file: str = "mkdocs.yml",
    site_url: str | None = None,
    engine: str = ENGINE,
) -> Path:
    """Build ``project`` strictly with ``engine`` into ``site_dir`` and return it."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONDONTWRITEBYTECODE="1")
    if site_url is not None:
        env["SITE_URL"] = site_url
    if engine == "zensical":
        return _build_zensical(site_dir, project, config_file, env)
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"]
    cmd += ["-f", config_file, "-d", str(site_dir)]
    proc = subprocess.run(cmd, cwd=project, env=env, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise BuildError(proc.stdout + proc.stderr)
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
        config.write_text(_inherit_as_mkdocs(config), encoding="utf-8")
        skip = shutil.ignore_patterns("__pycache__")
        for name in ("docs", "overrides", "macros"):
            shutil.copytree(project / name, work / name, ignore=skip)
        cmd = [sys.executable, "-m", "macros", "build", "--strict", "-f", config_file]
        proc = subprocess.run(cmd, cwd=work, env=env, capture_output=True, text=True, check=False)
        if proc.returncode != 0:
            raise BuildError(proc.stdout + proc.stderr)
        shutil.copytree(work / "site", site_dir, dirs_exist_ok=True)
    return site_dir


class _Tagged:
    """A YAML value with a tag such as ``!ENV``, kept for the engine to resolve."""

    def __init__(self, tag: str, value: Any) -> None:
        self.tag, self.value = tag, value


class _KeepTags(yaml.SafeLoader):
    pass


class _WriteTags(yaml.SafeDumper):
    pass


def _keep(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> _Tagged:
    if isinstance(node, yaml.SequenceNode):
        return _Tagged(node.tag, loader.construct_sequence(node))
    return _Tagged(node.tag, loader.construct_scalar(node))  # type: ignore[arg-type]


def _write(dumper: yaml.SafeDumper, data: _Tagged) -> yaml.Node:
    if isinstance(data.value, list):
        return dumper.represent_sequence(data.tag, data.value, flow_style=True)
    return dumper.represent_scalar(data.tag, data.value)


_KeepTags.add_multi_constructor("!", _keep)
_WriteTags.add_representer(_Tagged, _write)


def _merge(parent: Any, child: Any) -> Any:
    if isinstance(parent, dict) and isinstance(child, dict):
        return {**parent, **{k: _merge(parent.get(k), v) for k, v in child.items()}}
    return child


def _inherit_as_mkdocs(config: Path) -> str:
    """The text of ``config`` with its ``INHERIT:`` chain merged as MkDocs merges it.

    MkDocs merges mappings key by key and lets the child's lists replace the parent's;
    Zensical adds the child's lists to the parent's (a clinic's own `crisis_lines` would
    come after the defaults). The tests build clinic configs with ``INHERIT``, so both
    engines get the MkDocs result. Without ``INHERIT`` the text is returned unchanged.
    """
    text = config.read_text(encoding="utf-8")
    data = yaml.load(text, Loader=_KeepTags)  # a SafeLoader subclass
    if not isinstance(data, dict) or "INHERIT" not in data:
        return text
    parent = config.parent / str(data.pop("INHERIT"))
    merged = _merge(yaml.load(_inherit_as_mkdocs(parent), Loader=_KeepTags), data)
    return yaml.dump(merged, Dumper=_WriteTags, sort_keys=False, allow_unicode=True)


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
