"""The one module that knows which engine runs the macros: MkDocs or Zensical.

Everything else in ``macros/`` imports from here and never from ``mkdocs`` directly, so the
same code runs under MkDocs + Material and under Zensical (which does not install mkdocs).
"""

from __future__ import annotations

import posixpath
from pathlib import Path
from typing import Any

try:  # MkDocs prints a PluginError as one error line and stops, with no traceback.
    from mkdocs.exceptions import PluginError as _Base
except ImportError:  # Zensical: no mkdocs installed
    _Base = Exception  # type: ignore[misc,assignment]


class SiteError(_Base):
    """A mistake a clinic or an editor made, as one line naming the file and the field."""


def project_dir(conf: Any) -> Path:
    """The folder that holds ``mkdocs.yml`` for the engine's config ``conf``."""
    config_file = _get(conf, "config_file_path")
    if config_file:
        return Path(str(config_file)).resolve().parent
    docs_dir = _get(conf, "docs_dir")
    if docs_dir:
        return Path(str(docs_dir)).resolve().parent
    return Path.cwd()


def docs_dir(conf: Any) -> Path:
    """The absolute ``docs/`` folder of the site."""
    return (project_dir(conf) / str(_get(conf, "docs_dir") or "docs")).resolve()


def page_source(page: Any) -> str | None:
    """The page's Markdown file relative to ``docs/`` (``learn/healing.md``), if known."""
    if page is None:
        return None
    file = getattr(page, "file", None)
    src = getattr(file, "src_uri", None) if file is not None else None
    if src is None and isinstance(page, dict):
        src = page.get("src_uri") or page.get("src_path")
    if src is None:
        src = getattr(page, "src_uri", None) or getattr(page, "src_path", None)
    return str(src).replace("\\", "/") if src else None


def page_url_of(page: Any) -> str:
    """The site-relative URL of ``page`` (``learn/healing/``), ``""`` for the home page."""
    if page is None:
        return ""
    url = getattr(page, "url", None)
    if url is None and isinstance(page, dict):
        url = page.get("url")
    return str(url or "").lstrip("/")


def page_url(src_path: str, use_directory_urls: bool = True) -> str:
    """The site URL of the docs page ``src_path``: ``learn/healing.md`` -> ``learn/healing/``."""
    stem, _, _ = src_path.rpartition(".")
    folder, _, name = stem.rpartition("/")
    prefix = f"{folder}/" if folder else ""
    if not use_directory_urls:
        return f"{prefix}{name}.html"
    if name in ("index", "README"):
        return prefix or "./"
    return f"{prefix}{name}/"


def relative_url(url: str, other: str) -> str:
    """``url`` (site-relative) as a link from the page at site-relative URL ``other``."""
    folder, _, base = other.rpartition("/")
    if "." in base:
        other = folder
    other_parts, dest_parts = _parts(other), _parts(url)
    common = 0
    for a, b in zip(other_parts, dest_parts, strict=False):
        if a != b:
            break
        common += 1
    rel = "/".join([".."] * (len(other_parts) - common) + dest_parts[common:]) or "."
    return rel + "/" if url.endswith("/") else rel


def _parts(url: str) -> list[str]:
    parts: list[str] = []
    for part in posixpath.normpath("/" + url).split("/"):
        if part in ("", "."):
            continue
        if part == "..":
            if parts:
                parts.pop()
        else:
            parts.append(part)
    return parts


def _get(conf: Any, key: str) -> Any:
    try:
        return conf[key]
    except (KeyError, TypeError, AttributeError):
        return getattr(conf, key, None)
