"""After the build: every page it wrote still carries the safety layer (a build invariant).

``overrides/main.html`` and its partials give every page:

- the Content-Security-Policy of ``overrides/partials/hi-csp.html``, in a ``<meta>`` first
  in ``<head>`` (only ``<meta charset>`` before it);
- the support banner, its link to Get support (``.hi-announce__link``);
- the footer disclaimer (``.hi-footer__disclaimer``);
- the quick exit (``a[data-quick-exit]``), while ``extra.quick_exit`` is on.

One line in a config or a page can silently take all of it away: ``template:`` in a
page's front matter naming a template that does not extend ``main.html``, ``custom_dir``
removed from the config, or an edited template. So once the pages are written, each is
scanned (a few regular expressions, not an HTML parser: the 40 pages of a language take
under 10 ms), and a page without them stops the build with one line naming the page,
what it lacks and the likely cause.

MkDocs runs this as the macros' ``on_post_build``; Zensical has no hook after the build,
so ``python -m macros build`` runs it once Zensical has returned (``check_config_site``).
"""

from __future__ import annotations

import html
import os
import posixpath
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from macros.clinic import CLINIC_FILE
from macros.clinic import read as read_clinic
from macros.engine import (
    SiteError,
    config_name,
    config_value,
    custom_dir,
    docs_dir,
    excluded,
    is_translation,
    page_url,
    project_dir,
    site_dir,
    site_language,
)
from macros.foreign import ForeignError, Problem, line_of, page_problems
from macros.pages import page_files, read_front_matter
from macros.settings import check
from macros.settings.csp import policy

_CSP = re.compile(
    r'<head>\s*(?:<meta charset="[^"]*">\s*)?'
    r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">',
    re.I,
)
_ANY_CSP = re.compile(r'http-equiv="Content-Security-Policy"', re.I)
_BANNER = re.compile(r'<a class="hi-announce__link" href="([^"]*)"')
_DISCLAIMER = re.compile(r'class="hi-footer__disclaimer">\s*[^<\s]')
_QUICK_EXIT = re.compile(r"<a\s[^>]*\bdata-quick-exit[\s>=]")


class SafetyLayerError(SiteError):
    """A built page without its safety layer, as one line."""


@dataclass(frozen=True)
class Expected:
    """What every page of one build must carry."""

    policy: str
    quick_exit: bool


def missing(text: str, expected: Expected, page: str = "index.html") -> list[str]:
    """What of the safety layer ``text`` lacks, in words (empty: nothing); ``page`` is where
    it is in the site (``learn/healing/index.html``), for the banner's relative link."""
    found = []
    csp = _CSP.search(text[:4000])
    if csp is None:
        where = "first in <head>" if _ANY_CSP.search(text) else ""
        found.append(f"no Content-Security-Policy {where}".strip())
    elif html.unescape(csp.group(1)).strip() != expected.policy:
        found.append("a Content-Security-Policy other than overrides/partials/hi-csp.html")
    banner = _BANNER.search(text)
    if banner is None or not _to_support(html.unescape(banner.group(1)), page):
        found.append("no support banner")
    if not _DISCLAIMER.search(text):
        found.append("no footer disclaimer")
    if expected.quick_exit and not _QUICK_EXIT.search(text):
        found.append("no quick exit")
    return found


def _to_support(href: str, page: str) -> bool:
    """Whether ``href`` on ``page`` leads to Get support (the 404 page's links start at /)."""
    if href.startswith("/"):
        return href.endswith("/get-support/")
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), href))
    return target in ("get-support", "get-support/index.html")


def built_pages(site: Path, links: Iterable[str] = ()) -> Iterator[Path]:
    """Every HTML page under ``site``, but its assets and the folders of the other
    languages (``extra.alternate`` links such as ``es/``: each is checked by its own build)."""
    others = {link.strip("/").split("/")[0] for link in links} - {"", ".", ".."}
    for page in sorted(site.rglob("*.html"), key=lambda p: (p.name == "404.html", p)):
        top = page.relative_to(site).parts[0]
        if top != "assets" and top not in others:
            yield page


def check_site(conf: Any, file: str | None = None) -> int:
    """Check every page the build of ``conf`` wrote; return how many were checked.

    Raises a ``SafetyLayerError`` naming the first page without its safety layer.
    """
    file = file or config_name(conf)
    settings = check(config_value(conf, "extra"), file=file)
    expected = Expected(policy=policy(), quick_exit=settings.quick_exit.enabled)
    site = site_dir(conf)
    own = str(config_value(conf, "site_url") or "")
    if settings.quick_exit.enabled:
        _exit_leaves(conf, file, settings.quick_exit.url, own)
    failed: list[tuple[Path, list[str]]] = []
    strange: list[tuple[Path, list[Problem]]] = []
    count = 0
    for page in built_pages(site, (alt.link for alt in settings.alternate)):
        count += 1
        text = page.read_text(encoding="utf-8", errors="replace")
        lacks = missing(text, expected, page.relative_to(site).as_posix())
        if lacks:
            failed.append((page, lacks))
        problems = page_problems(text, own)
        if problems:
            strange.append((page, problems))
    if failed:
        raise _error(conf, file, site, failed)
    if strange:
        raise _foreign_error(conf, file, site, strange)
    return count


def _exit_leaves(conf: Any, file: str, url: str, own: str) -> None:
    """Raise a SafetyLayerError when the quick exit's ``url`` is a page of this site
    (``own``, its ``site_url``): the exit would keep the reader here."""
    mine, exit_to = urlsplit(own), urlsplit(url)
    root = mine.path if mine.path.endswith("/") else mine.path + "/"
    if is_translation(conf):  # site_url: …/es/; the English site is the folder above
        root = posixpath.dirname(root.rstrip("/")).rstrip("/") + "/"
    path = exit_to.path if exit_to.path.endswith("/") else exit_to.path + "/"
    if not own or exit_to.netloc.lower() != mine.netloc.lower() or not path.startswith(root):
        return
    data, lines = read_clinic(project_dir(conf))
    key, shown = "quick_exit.url", file
    language = site_language(conf)
    chosen = _mapping(_mapping(_mapping(data.get("languages")).get(language)).get("quick_exit"))
    if chosen.get("url"):
        key, shown = f"languages.{language}.quick_exit.url", CLINIC_FILE
    elif _mapping(data.get("quick_exit")).get("url"):
        shown = CLINIC_FILE
    else:
        key = "extra.quick_exit.url"
    line = f" (line {lines[key]})" if shown == CLINIC_FILE and key in lines else ""
    raise SafetyLayerError(
        f"{shown}: {key}: {url} is a page of this site, so the quick exit would keep the "
        f"reader here; write the address of a neutral site, like a weather page{line}"
    )


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _error(
    conf: Any, file: str, site: Path, failed: list[tuple[Path, list[str]]]
) -> SafetyLayerError:
    """One line: the page to look at first, what it lacks and the likely cause."""
    folder = custom_dir(conf)
    sources = _sources(conf, site)
    found = None
    if folder != (project_dir(conf) / "overrides").resolve():
        written = f"is {folder.name}" if folder else "is missing"
        found = (
            failed[0],
            f"theme.custom_dir {written} in {file}, so the theme overrides are not used; "
            "set custom_dir: overrides under theme:",
        )
    for page, lacks in failed if found is None else []:
        source = sources.get(page.resolve())
        template = _template(conf, source) if source else None
        if template:
            found = (
                (page, lacks),
                f"{source}: template: {template} leaves it out; remove that line",
            )
            break
    if found is None:
        found = (
            failed[0],
            "an edited template in overrides/ (main.html or a partial) no longer writes "
            "it; undo that change",
        )
    (page, lacks), cause = found
    others = f" (and {len(failed) - 1} more pages)" if len(failed) > 1 else ""
    return SafetyLayerError(f"{_shown(page)}{others}: {', '.join(lacks)}; {cause}")


def _foreign_error(
    conf: Any, file: str, site: Path, strange: list[tuple[Path, list[Problem]]]
) -> ForeignError:
    """One line: the first page's Markdown file (and line) where its text is found, else
    the built page and where such a thing comes from."""
    sources = _sources(conf, site)
    others = f" (and {len(strange) - 1} more pages)" if len(strange) > 1 else ""
    for page, problems in strange:
        source = sources.get(page.resolve())
        text = _read(project_dir(conf) / source) if source else ""
        for problem in problems:
            line = line_of(text, problem.needle)
            if line:
                return ForeignError(f"{source} (line {line}){others}: {problem.words}")
    page, problems = strange[0]
    source = sources.get(page.resolve())
    where = f"{source}, its macros or " if source else ""
    return ForeignError(
        f"{_shown(page)}{others}: {problems[0].words} (it comes from {where}a template in "
        f"overrides/ or a setting in {file})"
    )


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ""


def _sources(conf: Any, site: Path) -> dict[Path, str]:
    """Each built page's Markdown file, as the config's folder names it (``docs/...``)."""
    directory = config_value(conf, "use_directory_urls") is not False
    docs = docs_dir(conf)
    shown = (
        docs.relative_to(project_dir(conf)).as_posix()
        if docs.is_relative_to(project_dir(conf))
        else docs.as_posix()
    )
    found = {}
    for source in page_files(docs, excluded(conf)):
        url = page_url(source, directory)
        out = url + "index.html" if url.endswith("/") else url
        found[(site / out.removeprefix("./")).resolve()] = f"{shown}/{source}"
    return found


def _template(conf: Any, source: str) -> str | None:
    """The ``template:`` of the page ``source`` when it names one other than main.html."""
    try:
        text = (project_dir(conf) / source).read_text(encoding="utf-8")
        meta, _ = read_front_matter(source, text)
    except (OSError, UnicodeDecodeError, SiteError):
        return None
    template = meta.get("template")
    return str(template) if template and str(template) != "main.html" else None


def _shown(page: Path) -> str:
    """The page as a path the reader can find: relative to the current folder if inside."""
    try:
        return page.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return page.as_posix()


def check_config_site(config: Path, file: str) -> int:
    """``check_site`` for the site that ``config`` (a config file, INHERIT merged, which
    the clinic knows as ``file``) was built into: for ``python -m macros build``, as
    Zensical has no hook after the build."""
    # Here: `python -m macros.check_config` must not find that module imported already.
    from macros.check_config import ConfigLoader

    # Read as written: the config has been read and checked before the build already.
    data = yaml.load(config.read_text(encoding="utf-8"), Loader=ConfigLoader)
    if not isinstance(data, dict):
        raise SafetyLayerError(f"{file}: must be settings written as name: value lines")
    data["config_file_path"] = str(config.resolve())
    data["site_url"] = _from_env(data.get("site_url"))
    return check_site(data, file)


def _from_env(value: Any) -> Any:
    """``!ENV [NAME, ..., default]`` read as written (a list): the first variable set, else
    the default, as MkDocs and Zensical resolve it."""
    if not isinstance(value, list) or not value:
        return value
    *names, default = value
    return next((os.environ[n] for n in names if os.environ.get(n)), default)
