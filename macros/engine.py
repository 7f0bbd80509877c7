"""The one module that knows which engine runs the macros: MkDocs or Zensical.

Everything else in ``macros/`` imports from here and never from ``mkdocs`` directly, so the
same code runs under MkDocs + Material and under Zensical (which does not install mkdocs).

What differs, and where it is handled:

- Config: MkDocs gives ``config_file_path`` and an absolute ``docs_dir``; Zensical gives
  ``root_dir`` and ``docs_dir`` as written in mkdocs.yml (``project_dir``, ``docs_dir``).
- Page: MkDocs' page has ``page.file.src_uri``; Zensical's has ``page.path`` (both relative
  to ``docs/``) and the same ``page.url`` (``page_source``, ``page_url_of``).
- Links in raw HTML: MkDocs leaves them as written, so they must be relative to the page's
  URL; Zensical resolves them from the page's source file, ``.md`` links included
  (``md_link_source``).
- Values for the theme: under MkDocs ``define_env`` runs once and what it writes into
  ``env.conf`` reaches the theme templates as ``config``; under Zensical it runs per page,
  in the Markdown stage, and only the page's own ``page.meta`` goes on to the theme
  (``theme_page_meta``).
- Errors: MkDocs prints a ``PluginError`` as one line; Zensical prints any exception with
  two tracebacks, so ``python -m macros build|serve`` runs Zensical and prints a
  ``SiteError`` as its one line (``run_zensical``).
- After the build: MkDocs runs the macros' ``on_post_build``; Zensical has no such hook,
  so ``python -m macros build`` checks the built pages once ``run_zensical`` returns.
- Config: ``theme`` is a ``Theme`` object under MkDocs, a mapping under Zensical
  (``theme_option``, ``custom_dir``); ``nav`` is kept as written by MkDocs and rewritten
  into ``{"title", "url", "children"}`` entries by Zensical (``nav_titles``).
"""

from __future__ import annotations

import posixpath
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

try:  # MkDocs prints a PluginError as one error line and stops, with no traceback.
    from mkdocs.exceptions import PluginError as _Base
except ImportError:  # Zensical: no mkdocs installed
    _Base = Exception  # type: ignore[misc,assignment]


class SiteError(_Base):
    """A mistake a clinic or an editor made, as one line naming the file and the field."""


def run_zensical(args: list[str]) -> int:
    """Run the ``zensical`` command with ``args``; a ``SiteError`` ends it with one line.

    Zensical wraps an exception raised in a macro in a ``RuntimeError`` whose first line
    is ``Python error: QuizError: <our message>``, followed by two tracebacks. Those are
    noise for an editor, so for our own errors only the message is printed. Any other
    error (a bug) keeps its tracebacks. A successful run returns 0 (click would end the
    process), so that ``python -m macros build`` can check the built pages after it.
    """
    from zensical.main import cli  # only installed for ENGINE=zensical

    try:
        cli.main(args=args, prog_name="zensical")
    except SystemExit as done:  # click ends every command so; a success returns here
        if done.code not in (0, None):
            raise
    except RuntimeError as error:
        first = str(error).partition("\n")[0]
        name, _, message = first.removeprefix("Python error: ").partition(": ")
        if name not in {cls.__name__ for cls in _subclasses(SiteError)}:
            raise
        print(f"Error: {message}", file=sys.stderr)
        return 1
    return 0


def _subclasses(cls: type[Exception]) -> set[type[Exception]]:
    found = {cls}
    for sub in cls.__subclasses__():
        found |= _subclasses(sub)
    return found


def theme_page_meta(variables: Any) -> dict[str, Any] | None:
    """The ``page.meta`` the theme will see, under Zensical; ``None`` under MkDocs.

    Zensical runs ``define_env`` for each page with that page in ``env.variables`` and,
    after the Markdown stage, hands the page's ``meta`` (as JSON) to the theme templates,
    which do not see ``env.conf``. MkDocs runs ``define_env`` once, before any page: there
    ``env.conf`` reaches the templates as ``config``.
    """
    page = variables.get("page") if isinstance(variables, dict) else None
    if page is None or getattr(page, "file", None) is not None:
        return None
    meta = getattr(page, "meta", None)
    return meta if isinstance(meta, dict) else None


def project_dir(conf: Any) -> Path:
    """The folder that holds ``mkdocs.yml`` for the engine's config ``conf``."""
    config_file = _get(conf, "config_file_path")
    if config_file:
        return Path(str(config_file)).resolve().parent
    root_dir = _get(conf, "root_dir")  # Zensical: the folder of the config file
    if root_dir:
        return Path(str(root_dir)).resolve()
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
    if src is None and file is None:
        src = getattr(page, "path", None)  # Zensical: no page.file, the source is page.path
    return str(src).replace("\\", "/") if src else None


def md_link_source(page: Any) -> str | None:
    """The page's source when the engine resolves ``.md`` links in raw HTML, else ``None``.

    Zensical resolves every relative link of a page, in raw HTML too, from the page's
    Markdown file and turns ``healing.md`` into the page's URL (and reports a missing
    page). MkDocs only does so for Markdown links: raw HTML stays as written, so our links
    there must be relative to the page's URL. Returns ``None`` under MkDocs.
    """
    if page is None or getattr(page, "file", None) is not None or isinstance(page, dict):
        return None
    return page_source(page)


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


def relative_source(src_path: str, source: str) -> str:
    """The docs file ``src_path`` as a link from the docs file ``source``: ``../learn/x.md``."""
    return posixpath.relpath(src_path, posixpath.dirname(source) or ".")


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


def site_language(conf: Any) -> str:
    """The site's language, ``theme.language`` (``en`` when not set)."""
    theme = _get(conf, "theme")
    try:
        language = theme["language"] if theme is not None else None
    except (KeyError, TypeError):
        language = getattr(theme, "language", None)
    return str(language or "en")


def source_docs_dir(conf: Any) -> Path:
    """The folder of the English pages and of the data every language shares.

    A translated site has its pages in ``docs/<language>/`` (``docs_dir: docs/es`` with
    ``theme.language: es``); its quiz structure, references and assets stay in ``docs/``.
    For the English site this is ``docs_dir`` itself.
    """
    docs = docs_dir(conf)
    return docs.parent if docs.name == site_language(conf) else docs


def excluded(conf: Any) -> Callable[[str], bool]:
    """Whether a ``docs/``-relative path is left out of the site by ``exclude_docs``.

    MkDocs gives a gitignore-style spec with ``match_file``; Zensical gives the text as
    written. For the text, folder lines (``es/``) and exact paths are understood.
    """
    spec = _get(conf, "exclude_docs")
    if spec is None:
        return lambda path: False
    if hasattr(spec, "match_file"):
        return lambda path: bool(spec.match_file(path))
    patterns = [
        line.strip().lstrip("/")
        for line in str(spec).splitlines()
        if line.strip() and not line.strip().startswith("#")
    ]

    def match(path: str) -> bool:
        return any(
            path.startswith(p) or f"/{p}" in f"/{path}" if p.endswith("/") else path == p
            for p in patterns
        )

    return match


def is_translation(conf: Any) -> bool:
    """Whether ``conf`` builds a translation (``docs_dir: docs/<language>``)."""
    return source_docs_dir(conf) != docs_dir(conf)


def config_name(conf: Any) -> str:
    """The config file of this build: ``mkdocs.yml``, or ``mkdocs.es.yml`` for the Spanish
    site (for messages; Zensical does not give the file's path)."""
    config_file = _get(conf, "config_file_path")
    if config_file:
        return Path(str(config_file)).name
    return f"mkdocs.{site_language(conf)}.yml" if is_translation(conf) else "mkdocs.yml"


def config_value(conf: Any, key: str) -> Any:
    """The config's ``key`` (``site_name``, ``nav``...), ``None`` when it is not set."""
    return _get(conf, key)


def theme_option(conf: Any, key: str) -> Any:
    """``theme.<key>`` of ``conf``: MkDocs gives a ``Theme`` object, Zensical a mapping."""
    theme = _get(conf, "theme")
    return None if theme is None else _get(theme, key)


def custom_dir(conf: Any) -> Path | None:
    """The theme's ``custom_dir`` as a folder, ``None`` when the config sets none.

    MkDocs resolves it already; Zensical (and the config as written) give it relative to
    the folder of the config file.
    """
    folder = theme_option(conf, "custom_dir")
    return (project_dir(conf) / str(folder)).resolve() if folder else None


def site_dir(conf: Any) -> Path:
    """The folder the build writes the site into (``site_dir``, ``site`` by default)."""
    return (project_dir(conf) / str(_get(conf, "site_dir") or "site")).resolve()


def nav_titles(nav: Any, path: str = "nav") -> Iterator[tuple[str, str]]:
    """Every title written in ``nav``, with where (``nav[2].Learn``, as check_config names
    the keys). MkDocs keeps ``nav`` as written (``{title: page or list}``); Zensical turns
    each entry into ``{"title", "url", "children", ...}``."""
    for i, item in enumerate(nav if isinstance(nav, list) else []):
        if not isinstance(item, dict):
            continue
        if "children" in item and "url" in item:  # Zensical's form
            if item.get("title") is not None:
                yield f"{path}[{i}]", str(item["title"])
            yield from nav_titles(item["children"], f"{path}[{i}]")
            continue
        for title, value in item.items():
            yield f"{path}[{i}].{title}", str(title)
            yield from nav_titles(value, f"{path}[{i}].{title}")
