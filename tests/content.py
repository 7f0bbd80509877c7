"""Checks on the site's content sources: lesson front matter, the nav, images.

How pages use quizzes (each quiz on exactly one page, once) is checked by the build
itself, in ``macros/quiz/load.py``.

Each checker returns a list of one-line problems (empty when all is well), so a test can
show every problem at once and a small negative test can prove the checker fails.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import yaml

from macros.check_config import ConfigLoader

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
QUIZZES = DOCS / "data" / "quizzes"
#: The other languages' pages (docs/es/ for mkdocs.es.yml): not English pages, so the
#: English content checks (spelling, reading level) leave them out.
LANGUAGE_DIRS = tuple(f"{p.name.split('.')[1]}/" for p in sorted(ROOT.glob("mkdocs.*.yml")))
#: Folders under docs/ that are read by the build but are not (English) pages.
NOT_PAGES = ("includes/", "data/", *LANGUAGE_DIRS)
#: Folders whose pages are written for clinics and editors, not readers.
NOT_READER = ("clinics/", "editors/")
#: Front matter every reader page needs (C4): what it is, when it was reviewed and is due
#: again, and the reference ids of what it uses.
REVIEW_FIELDS = ("title", "description", "reviewed", "next_review", "sources")
#: The longest time a page may go between reviews.
MAX_REVIEW_GAP = dt.timedelta(days=366)

FRONT_MATTER = re.compile(r"\A---\s*\n(.*?\n)---\s*\n", re.S)
MD_IMAGE = re.compile(r"!\[([^\]]*)\]\(")


def front_matter(text: str) -> dict[str, Any]:
    """The YAML front matter at the top of a Markdown page (empty when there is none)."""
    match = FRONT_MATTER.match(text)
    if not match:
        return {}
    data = yaml.safe_load(match.group(1))
    return data if isinstance(data, dict) else {}


def doc_pages(docs: Path = DOCS) -> list[str]:
    """Every Markdown page under ``docs``, as docs-relative paths."""
    return sorted(
        p.relative_to(docs).as_posix()
        for p in docs.rglob("*.md")
        if not p.relative_to(docs).as_posix().startswith(NOT_PAGES)
    )


def lesson_pages(docs: Path = DOCS) -> list[str]:
    """The lessons: every page in ``learn/`` except the path page (``learn/index.md``)."""
    return [p for p in doc_pages(docs) if p.startswith("learn/") and p != "learn/index.md"]


def reader_pages(docs: Path = DOCS) -> list[str]:
    """Every page written for readers: all pages except those for clinics and editors."""
    return [p for p in doc_pages(docs) if not p.startswith(NOT_READER)]


def review_problems(
    page: str, meta: Mapping[str, Any], known: Collection[str], needs_sources: bool = False
) -> list[str]:
    """Problems with one reader page's front matter; ``known`` holds the reference ids.

    ``needs_sources``: the page teaches facts (a lesson), so its list may not be empty.
    """
    problems = [
        f"{page}: front matter: {field} missing" for field in REVIEW_FIELDS if field not in meta
    ]
    for field in ("title", "description"):
        if field in meta and not (isinstance(meta[field], str) and meta[field].strip()):
            problems.append(f"{page}: front matter: {field} must be text")
    dates = {}
    for field in ("reviewed", "next_review"):
        value = meta.get(field)
        if field in meta and not isinstance(value, dt.date):
            problems.append(f"{page}: front matter: {field} must be a date like 2026-11-23")
        elif isinstance(value, dt.date):
            dates[field] = value
    if len(dates) == 2 and dates["next_review"] <= dates["reviewed"]:
        problems.append(f"{page}: front matter: next_review must come after reviewed")
    elif len(dates) == 2 and dates["next_review"] - dates["reviewed"] > MAX_REVIEW_GAP:
        problems.append(f"{page}: front matter: next_review must be within a year of reviewed")
    sources = meta.get("sources")
    if "sources" in meta:
        if not isinstance(sources, list):
            problems.append(f"{page}: front matter: sources must be a list of reference ids")
        elif needs_sources and not sources:
            problems.append(f"{page}: front matter: sources must name at least one reference")
        else:
            problems += [
                f"{page}: front matter: source {source!r} is not in docs/data/references.yml"
                for source in sources
                if not isinstance(source, str) or source not in known
            ]
    return problems


def _words(text: str) -> str:
    """``text`` as lowercase words separated by single spaces (``wasn't`` -> ``was not``)."""
    text = text.lower().replace("\u2019", "'").replace("n't", " not")
    return " ".join(re.findall(r"[a-z0-9]+", text))


def near_copy_problems(texts: Mapping[str, str], phrases: Iterable[str]) -> list[str]:
    """Pages that repeat one of ``phrases``, whatever the case, punctuation or line breaks."""
    wanted = [(p, _words(p)) for p in phrases]
    return [
        f"{page}: repeats a source article word for word: {phrase!r}; say it in your own words"
        for page, text in sorted(texts.items())
        for phrase, words in wanted
        if f" {words} " in f" {_words(text)} "
    ]


def nav_files(nav: Any) -> list[str]:
    """Every Markdown file named in a MkDocs ``nav`` (nested lists and mappings)."""
    if isinstance(nav, str):
        return [nav] if nav.endswith(".md") else []
    if isinstance(nav, Mapping):
        return [f for value in nav.values() for f in nav_files(value)]
    if isinstance(nav, list):
        return [f for item in nav for f in nav_files(item)]
    return []


def load_nav(config: Path = ROOT / "mkdocs.yml") -> list[str]:
    """The pages listed in the ``nav`` of ``mkdocs.yml``."""
    data = yaml.load(config.read_text(), Loader=ConfigLoader)
    return nav_files(data.get("nav", []))


def nav_problems(pages: Iterable[str], nav: Iterable[str]) -> list[str]:
    """Pages that are missing from the nav, and nav entries with no page."""
    pages, nav = set(pages), list(nav)
    problems = [f"{p}: not in the nav of mkdocs.yml" for p in sorted(pages - set(nav))]
    problems += [f"mkdocs.yml: nav lists {p}, which does not exist" for p in nav if p not in pages]
    problems += [
        f"mkdocs.yml: nav lists {p} twice" for p in sorted({p for p in nav if nav.count(p) > 1})
    ]
    return problems


class _Images(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.missing: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "img":
            return
        attributes = dict(attrs)
        if not (attributes.get("alt") or "").strip():
            self.missing.append(attributes.get("src") or "(no src)")


def image_problems(html_pages: Mapping[str, str], md_pages: Mapping[str, str]) -> list[str]:
    """Images with no alt text, in built HTML pages and in Markdown sources."""
    problems = []
    for page, html in sorted(html_pages.items()):
        parser = _Images()
        parser.feed(html)
        problems += [f"{page}: image {src} has no alt text" for src in parser.missing]
    for page, text in sorted(md_pages.items()):
        for line_no, line in enumerate(text.splitlines(), start=1):
            for alt in MD_IMAGE.findall(line):
                if not alt.strip():
                    problems.append(f"{page}:{line_no}: image has no alt text: ![...](...)")
    return problems


ABBREVIATION = re.compile(r"^\*\[([^\]]+)\]:\s*(.+)$", re.M)
GLOSSARY_TERM = re.compile(r"^([^\s:].*)\n:\s+", re.M)
ALSO_CALLED = re.compile(r"^(.*?)\s*\((.+)\)$")


def _term_key(term: str) -> str:
    """A term as the glossary check compares it: any case, one or many (``boundary(s)``)."""
    return term.strip().lower().removesuffix("s")


def glossary_terms(glossary: str) -> set[str]:
    """The terms the glossary page defines; ``Masking (camouflaging)`` defines both words."""
    terms: set[str] = set()
    for entry in GLOSSARY_TERM.findall(glossary):
        also = ALSO_CALLED.match(entry.strip())
        names = [entry, *also.groups()] if also else [entry]
        terms.update(_term_key(name) for name in names)
    return terms


def glossary_problems(abbreviations: str, glossary: str) -> list[str]:
    """Tooltip terms (``docs/includes/abbreviations.md``) missing from the glossary page."""
    terms = glossary_terms(glossary)
    return [
        f"docs/includes/abbreviations.md: {term!r} has a tooltip but no entry on about/glossary.md"
        for term in dict.fromkeys(t for t, _ in ABBREVIATION.findall(abbreviations))
        if _term_key(term) not in terms
    ]


# Prose only: what the spelling and copying checks read -----------------------------------

#: Quiz fields that readers see as text; everything else (ids, see:, page:) is not prose.
QUIZ_PROSE_FIELDS = frozenset(
    {"title", "intro", "text", "hint", "feedback", "summary", "stop_note", "label"}
)
FENCED_CODE = re.compile(r"^( *)(```|~~~).*?^\1\2[^\n]*$", re.M | re.S)
INLINE_CODE = re.compile(r"`[^`\n]+`")
LINK_TARGET = re.compile(r"(?<=\]\()[^)\s]*|\{[^}\n]*#[^}\n]*\}")


def _blank(text: str, spans: Iterable[tuple[int, int]], keep: bool = False) -> str:
    """``text`` with the characters in ``spans`` (or, with ``keep``, all others) made spaces.

    Line breaks stay, so line numbers in messages still match the file.
    """
    inside = [False] * len(text)
    for start, end in spans:
        inside[start:end] = [True] * (end - start)
    return "".join(c if c == "\n" or inside[i] == keep else " " for i, c in enumerate(text))


def markdown_prose(text: str) -> str:
    """A Markdown page without its code blocks, code spans, link targets and attribute lists."""
    spans = [m.span() for pattern in (FENCED_CODE, INLINE_CODE) for m in pattern.finditer(text)]
    text = _blank(text, spans)
    return _blank(text, [m.span() for m in LINK_TARGET.finditer(text)])


def quiz_prose(text: str) -> str:
    """A quiz file with only the values of its prose fields left (:data:`QUIZ_PROSE_FIELDS`)."""
    spans: list[tuple[int, int]] = []

    def walk(node: yaml.Node) -> None:
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if isinstance(value, yaml.ScalarNode) and key.value in QUIZ_PROSE_FIELDS:
                    spans.append((value.start_mark.index, value.end_mark.index))
                else:
                    walk(value)
        elif isinstance(node, yaml.SequenceNode):
            for item in node.value:
                walk(item)

    root = yaml.compose(text, Loader=yaml.SafeLoader)
    if root is not None:
        walk(root)
    return _blank(text, spans, keep=True)


# The learning path ---------------------------------------------------------------------

NEXT_LESSON = re.compile(r"^- Next lesson: \[[^\]]+\]\(([^)#]+)\)", re.M)
MD_LINK = re.compile(r"\]\(([^)#\s]+\.md)")


def path_problems(order: Sequence[str], pages: Mapping[str, str], path_page: str) -> list[str]:
    """Lessons whose "Next lesson:" link skips the order of the nav, and a path page that
    lists them in another order.

    ``order``: the lessons as the nav lists them (``learn/a.md``, ...); ``pages``: their
    text, and the text of ``path_page`` (``learn/index.md``), which must link to them all.
    """
    problems = []
    for here, after in zip(order, [*order[1:], None], strict=True):
        found = [f"learn/{target}" for target in NEXT_LESSON.findall(pages[here])]
        if after is None and found:
            problems.append(f"{here}: the last lesson has a 'Next lesson:' link")
        elif after is not None and found != [after]:
            problems.append(f"{here}: needs one '- Next lesson:' link, to {after} (found {found})")
    listed = [f"learn/{t}" for t in MD_LINK.findall(pages[path_page])]
    listed = [p for p in dict.fromkeys(listed) if p in order]
    if listed != list(order):
        problems.append(f"{path_page}: lists the lessons as {listed}, the nav as {list(order)}")
    return problems
