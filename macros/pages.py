"""Every page's front matter, checked when the build starts (contract C4).

MkDocs itself shows a page with invalid front matter as raw text and accepts any value;
here each mistake stops the build with one line naming the page and the field.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

import yaml

from macros.engine import SiteError, docs_dir, excluded, is_translation, project_dir
from macros.theme_text import markup_problem
from macros.yaml_words import explain

#: Folders under docs/ that the build reads but does not publish as pages.
NOT_PAGES = ("includes/", "data/")
#: Pages for clinics and editors; every other page is a reader page.
NOT_FOR_READERS = ("clinics/", "editors/")
_START = re.compile(r"\A---[ \t]*\r?\n")
_END = re.compile(r"^(?:---|\.\.\.)[ \t]*\r?$", re.M)
#: Front matter is a few lines; anything this long is a mistake (or an attack).
MAX_FRONT_MATTER = 20_000


class PageError(SiteError):
    """A page's front matter that an editor needs to fix, as one line."""


def _text(value: Any) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return "must be text on the same line (or after >-), not empty"
    return None


def _title(value: Any) -> str | None:
    # The engines print a page's title as written (header, footer, search): no markup.
    return _text(value) or markup_problem(value)


def _date(value: Any) -> str | None:
    if isinstance(value, dt.date):
        return None
    if isinstance(value, str):
        return f'"{value}" is text; write the date without quotes, like 2026-11-23'
    return f"{value!r} is not a date; write it like 2026-11-23"


def _sources(value: Any) -> str | None:
    if not isinstance(value, list):
        return 'must be a list, each source on its own line starting with "- " (or [])'
    for i, item in enumerate(value):
        if not isinstance(item, str) or not item.strip():
            return f"entry {i + 1} must be a reference id (text), like who-2019-burnout"
    return None


def _any(value: Any) -> str | None:
    return None


def _search(value: Any) -> str | None:
    # Material's and Zensical's search read these; any other value breaks the ranking of
    # every result (boost: high gives each a score of NaN) or is ignored without a word.
    if not isinstance(value, dict):
        return "must be settings indented under it, like boost: 2 or exclude: true"
    for key, setting in value.items():
        if key == "boost":
            if isinstance(setting, bool) or not isinstance(setting, (int, float)):
                return (
                    f"boost: {setting!r} is not a number; write a number like 2 (ranks the "
                    "page higher in search) or 0.5 (lower)"
                )
            if not 0 < setting <= 100:
                return f"boost: {setting} must be more than 0 and at most 100, like 2 or 0.5"
        elif key == "exclude":
            if not isinstance(setting, bool):
                return f"exclude: {setting!r} must be true or false"
        else:
            near = difflib.get_close_matches(str(key), ["boost", "exclude"], n=1)
            hint = f"; did you mean {near[0]}?" if near else "; only boost and exclude are"
            return f"{key}: unknown search setting{hint}"
    return None


#: How many hex digits of the English page's fingerprint ``translation_of`` records
#: (``fingerprint()`` in ``macros/languages.py`` makes it).
FINGERPRINT_DIGITS = 12
_FINGERPRINT = re.compile(rf"[0-9a-f]{{{FINGERPRINT_DIGITS}}}")


def _fingerprint(value: Any) -> str | None:
    if isinstance(value, str) and _FINGERPRINT.fullmatch(value):
        return None
    return (
        f"{value!r} is not a fingerprint ({FINGERPRINT_DIGITS} characters from 0-9 and a-f, "
        "in quotes); run python -m macros.translations --mark on this page to write it"
    )


class Field(NamedTuple):
    """A front matter field: its check, who must have it, and whether readers see it."""

    check: Callable[[Any], str | None]
    #: "all": every page; "lesson": lessons (see ``needs_review``); "": optional;
    #: "translation": optional on a translated page (``docs/<lang>/``), refused elsewhere.
    who: str
    #: Readers see it (on the page, in search or in the lesson footer): the fingerprint of
    #: an English page covers it, so a change to it makes the page's translations stale.
    shown: bool = False


#: Every front matter field a page may have.
FIELDS: dict[str, Field] = {
    "title": Field(_title, "all", shown=True),
    "description": Field(_text, "all", shown=True),
    "reviewed": Field(_date, "lesson"),
    "next_review": Field(_date, "lesson"),
    "sources": Field(_sources, "lesson", shown=True),
    "content_note": Field(_text, "", shown=True),
    # The version of its English page a translated page translates (macros/languages.py).
    "translation_of": Field(_fingerprint, "translation"),
    # Material's own keys.
    "hide": Field(_any, ""),
    "search": Field(_search, ""),
    "template": Field(_text, ""),
    "icon": Field(_text, ""),
    "status": Field(_text, ""),
    "tags": Field(_any, ""),
    "subtitle": Field(_text, "", shown=True),
}


def is_lesson(page: str) -> bool:
    """A lesson: a page in ``learn/`` other than its index. Its ``sources`` is never empty."""
    return page.startswith("learn/") and page != "learn/index.md"


def needs_review(page: str) -> bool:
    """Pages that must carry ``reviewed``, ``next_review`` and ``sources``.

    Every reader page: everything except the guides for clinics and editors (contract C4).
    """
    return not page.startswith(NOT_FOR_READERS)


def _fail(page: str, field: str, message: str, line: int | None = None) -> PageError:
    at = f" (line {line})" if line else ""
    return PageError(f"docs/{page}: {field}: {message}{at}")


def _split(page: str, text: str) -> tuple[str, int] | None:
    """The front matter text and the file line it starts on, or None when there is none."""
    found = front_matter_span(page, text)
    return None if found is None else (text[found[0] : found[1]], 2)


def front_matter_span(page: str, text: str) -> tuple[int, int, int] | None:
    """Where the front matter's text starts and ends in ``text``, and where the page's body
    starts (after the closing ``---`` line); None when the page has none."""
    start = _START.match(text)
    if not start:
        return None
    end = _END.search(text, start.end())
    if not end:
        raise _fail(page, "front matter", "no closing --- line after the front matter", 1)
    newline = text.find("\n", end.end())
    return start.end(), end.start(), len(text) if newline < 0 else newline + 1


def page_body(page: str, text: str) -> str:
    """The page's Markdown after its front matter (all of ``text`` when it has none)."""
    found = front_matter_span(page, text)
    return text if found is None else text[found[2] :]


def _key_lines(body: str, first: int) -> dict[str, int]:
    node = yaml.compose(body, Loader=yaml.SafeLoader)
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {str(k.value): k.start_mark.line + first for k, _ in node.value}


def read_front_matter(page: str, text: str) -> tuple[dict[str, Any], dict[str, int]]:
    """The front matter of ``page`` (docs-relative) and the line of each key."""
    found = _split(page, text)
    if found is None:
        return {}, {}
    body, first = found
    if len(body) > MAX_FRONT_MATTER:
        raise _fail(page, "front matter", "too long; keep it to a few short lines", first)
    try:
        if any(isinstance(t, (yaml.AliasToken, yaml.AnchorToken)) for t in yaml.scan(body)):
            raise _fail(page, "front matter", "uses & or * (YAML anchors); write values out")
        data = yaml.safe_load(body)
        lines = _key_lines(body, first)
    except (yaml.YAMLError, ValueError, RecursionError) as exc:
        line, words = explain(exc)
        where = f" (line {line + first - 1})" if line else ""
        raise PageError(f"docs/{page}: front matter: {words}{where}") from None
    if data is None:
        return {}, lines
    if not isinstance(data, dict):
        raise _fail(page, "front matter", "must be name: value lines, like title: ...", first)
    return data, lines


_EXTENDS_MAIN = re.compile(r"""\{%-?\s*extends\s+["']main\.html["']""")


def template_problem(name: str, templates: Path) -> str | None:
    """Why a page's ``template: name`` would build it without overrides/main.html (and so
    without its security policy, support banner, disclaimer and quick exit), or None."""
    if name == "main.html":
        return None
    file = (templates / name).resolve()
    inside = file.is_relative_to(templates.resolve()) and file.is_file()
    if inside and _EXTENDS_MAIN.search(file.read_text(encoding="utf-8", errors="replace")):
        return None
    return (
        f"{name} is not a template in overrides/ that extends main.html, so the page would "
        "lose its security policy, support banner, disclaimer and quick exit; remove this line"
    )


def check_page(
    page: str, text: str, templates: Path | None = None, translated: bool = False
) -> dict[str, Any]:
    """Check one page's front matter; return it (raise PageError at the first problem).

    ``templates``: the theme's ``overrides/`` folder, where a ``template:`` must be;
    ``translated``: the page is a translation's (``docs/<lang>/``).
    """
    meta, lines = read_front_matter(page, text)
    for key in meta:
        if str(key) not in FIELDS:
            near = difflib.get_close_matches(str(key), list(FIELDS), n=1, cutoff=0.6)
            hint = f"did you mean {near[0]}?" if near else "the fields are " + ", ".join(FIELDS)
            raise _fail(page, str(key), f"unknown front matter field; {hint}", lines.get(key))
    for field, (checker, who, _) in FIELDS.items():
        if field not in meta:
            if who == "all" or (who == "lesson" and needs_review(page)):
                raise _fail(page, field, "missing from the front matter; add it")
            continue
        if who == "translation" and not translated:
            raise _fail(page, field, _ONLY_TRANSLATED, lines.get(field))
        problem = checker(meta[field])
        if problem:
            raise _fail(page, field, problem, lines.get(field))
    template = meta.get("template")
    problem = template_problem(template, templates) if templates and template else None
    if problem:
        raise _fail(page, "template", problem, lines.get("template"))
    if meta.get("sources") == [] and is_lesson(page):
        raise _fail(page, "sources", "empty; a lesson lists at least one reference id")
    dates = _review_dates(meta.get("reviewed"), meta.get("next_review"))
    if dates:
        field, words = dates
        raise _fail(page, field, words, lines.get(field))
    return meta


_ONLY_TRANSLATED = (
    "only a translated page (docs/<lang>/) records the English page it translates; remove this line"
)

#: The editorial policy: every reader page is reviewed again within a year.
REVIEW_WITHIN = dt.timedelta(days=366)


def _review_dates(reviewed: Any, due: Any, today: dt.date | None = None) -> tuple[str, str] | None:
    """The review field that says something untrue, and what to write; None: both fine."""
    today = today or dt.date.today()
    if isinstance(reviewed, dt.datetime):
        reviewed = reviewed.date()
    if isinstance(due, dt.datetime):
        due = due.date()
    if isinstance(reviewed, dt.date) and reviewed > today + dt.timedelta(days=1):
        return (
            "reviewed",
            f"{reviewed.isoformat()} is in the future; write the day the page was last "
            "reviewed (today at the latest)",
        )
    if not (isinstance(reviewed, dt.date) and isinstance(due, dt.date)):
        return None
    if due <= reviewed:
        return (
            "next_review",
            f"{due.isoformat()} is not after reviewed ({reviewed.isoformat()}); set a later date",
        )
    if due - reviewed > REVIEW_WITHIN:
        latest = reviewed + dt.timedelta(days=365)
        return (
            "next_review",
            f"{due.isoformat()} is more than a year after reviewed ({reviewed.isoformat()}); "
            f"pages are reviewed within a year, so write {latest.isoformat()} or earlier",
        )
    return None


def page_files(docs: Path, left_out: Callable[[str], bool] = lambda _: False) -> list[str]:
    """Every Markdown page under ``docs``, docs-relative, sorted; ``left_out`` tells which
    paths the site's ``exclude_docs`` leaves out (another language's folder)."""
    return sorted(
        rel
        for rel in (p.relative_to(docs).as_posix() for p in docs.rglob("*.md"))
        if not rel.startswith(NOT_PAGES) and not left_out(rel)
    )


def check_pages(
    docs: Path,
    left_out: Callable[[str], bool] = lambda _: False,
    templates: Path | None = None,
    shown: str = "docs",
    translated: bool = False,
) -> int:
    """Check every page under ``docs``; return how many were checked. ``templates``: the
    ``overrides/`` folder a page's ``template:`` must name a template of; ``shown``: the
    folder as the editor knows it (``docs/es`` for the Spanish pages), for messages;
    ``translated``: the pages are a translation's."""
    pages = page_files(docs, left_out)
    for page in pages:
        check_file(docs, page, templates, shown, translated)
    return len(pages)


def check_file(
    docs: Path,
    page: str,
    templates: Path | None = None,
    shown: str = "docs",
    translated: bool = False,
) -> tuple[dict[str, Any], str]:
    """Check the page ``page`` of ``docs`` (as ``check_pages`` does); return its front
    matter and its text."""
    try:
        text = (docs / page).read_text(encoding="utf-8")
        return check_page(page, text, templates, translated), text
    except UnicodeDecodeError:
        error = _fail(page, "file", "not saved as UTF-8; save it again as UTF-8")
        raise named_in(error, page, shown) from None
    except PageError as error:
        raise named_in(error, page, shown) from None


def named_in(error: PageError, page: str, shown: str) -> PageError:
    """``error`` naming the page inside ``shown`` (its messages say ``docs/<page>``)."""
    shown = shown.strip("/")
    if shown == "docs":
        return error
    return PageError(str(error).replace(f"docs/{page}:", f"{shown}/{page}:", 1))


def shown_docs(conf: Any) -> str:
    """The config's pages folder as the editor knows it: ``docs``, ``docs/es``."""
    docs, project = docs_dir(conf), project_dir(conf)
    return docs.relative_to(project).as_posix() if docs.is_relative_to(project) else str(docs)


def register(env: Any) -> None:
    """Check every page's front matter now, before any page is built."""
    conf = env.conf
    templates = project_dir(conf) / "overrides"
    check_pages(docs_dir(conf), excluded(conf), templates, shown_docs(conf), is_translation(conf))
