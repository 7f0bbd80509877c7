"""References: ``docs/data/references.yml`` -> checked, frozen models -> the References page
and the short citations in every page's footer.

The file is read once, when the configuration loads. So are the ``sources:`` of every page:
a mistake in either stops the build with one line naming the file, the field and the line.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import MISSING, dataclass, fields, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from macros.engine import (
    SiteError,
    docs_dir,
    excluded,
    md_link_source,
    page_url,
    project_dir,
    relative_source,
    relative_url,
    source_docs_dir,
    theme_page_meta,
)
from macros.quiz.strings import strings
from macros.templates import render

FILE = "docs/data/references.yml"
#: The kinds of work, in the order the References page shows them.
TYPES = ("source", "guidance", "review", "study", "book")
ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DOI = re.compile(r"^10\.\d{4,9}/\S+$")
HTTPS = re.compile(r"^https?://\S+$")
FRONT_MATTER = re.compile(r"\A---\s*\n(.*?\n)---\s*\n", re.S)
#: A host that is a site's development, staging or test copy, or a local machine: never a
#: work's record (the references audit of 2026-12 found a safety page on dev.refuge.org.uk).
NOT_LIVE = re.compile(r"^(?:dev|staging|test|beta)\.|^localhost$|\.(?:local|localhost)$")
#: Sites that hold copies of other people's work (file sharing, scrapers, mirrors), named by
#: that audit: a copy is not the publisher's record and may not match it. A host is one of
#: them when it is the name or ends with "." and the name (ar.scribd.com is scribd.com).
COPY_SITES = (
    "scribd.com",
    "studylib.net",
    "readkong.com",
    "mesunlite.com",
    "medluna.com",
    "rdlacademicdatabase.cloud",
    "thewrightinitiative.com",
)
#: Folders under docs/ that hold no pages.
NOT_PAGES = ("data/", "includes/")


class ReferencesError(SiteError):
    """A mistake in the references file or in a page's ``sources:``, as one line."""


@dataclass(frozen=True)
class Reference:
    """One work the site cites. Field order is the order editors write them in."""

    id: str
    type: str
    authors: tuple[str, ...]
    year: int | str
    title: str
    supports: str
    short: str = ""
    journal: str = ""
    publisher: str = ""
    edition: str = ""
    doi: str = ""
    url: str = ""
    isbn: str = ""
    no_link: str = ""
    confirmed_at: str = ""

    @property
    def anchor(self) -> str:
        """The id of this work's entry on the References page (``ref-<id>``)."""
        return f"ref-{self.id}"

    @property
    def citation_short(self) -> str:
        """``Neff (2003)``, ``Hazan & Shaver (1987)``, ``Felitti et al. (1998)``."""
        if self.short:
            return self.short
        names = [a.split(",")[0].strip() for a in self.authors]
        lead = names[0] if len(names) == 1 else " & ".join(names) if len(names) == 2 else ""
        return f"{lead or names[0] + ' et al.'} ({self.year})"

    @property
    def authors_text(self) -> str:
        """All authors, APA style: ``A, B., C, D., & E, F.``."""
        if len(self.authors) == 1:
            return self.authors[0]
        return ", ".join(self.authors[:-1]) + ", & " + self.authors[-1]


#: The fields an entry may have (all but the id, which is its key), and the ones it needs:
#: both read from the Reference model above.
KNOWN = tuple(f.name for f in fields(Reference) if f.name != "id")
REQUIRED = tuple(f.name for f in fields(Reference) if f.name != "id" and f.default is MISSING)


def _lines(text: str) -> dict[tuple[str, ...], int]:
    """The line of every entry and field in the YAML ``text``: ``(id, field) -> line``.

    An id or a field written twice is refused: YAML would keep the second silently, so
    one work would replace another everywhere it is cited."""
    lines: dict[tuple[str, ...], int] = {}
    root = yaml.compose(text)
    if isinstance(root, yaml.MappingNode):
        for key, value in root.value:
            _once(lines, (key.value,), key.start_mark.line + 1)
            if isinstance(value, yaml.MappingNode):
                for field, _ in value.value:
                    _once(lines, (key.value, field.value), field.start_mark.line + 1)
    return lines


class _WrittenTwice(yaml.YAMLError):
    def __init__(self, path: tuple[str, ...], first: int, line: int) -> None:
        super().__init__(".".join(path))
        self.path, self.first, self.line = path, first, line


def _once(lines: dict[tuple[str, ...], int], path: tuple[str, ...], line: int) -> None:
    if path in lines:
        raise _WrittenTwice(path, lines[path], line)
    lines[path] = line


def _isbn_ok(isbn: str) -> bool:
    if not re.fullmatch(r"97[89]\d{10}", isbn):
        return False
    total = sum(int(d) * (1 if i % 2 == 0 else 3) for i, d in enumerate(isbn[:12]))
    return (10 - total % 10) % 10 == int(isbn[12])


def address_problem(address: str) -> str:
    """Why ``address`` cannot be a work's record (its host is a development or staging copy,
    a local machine or a copy site), or ``""`` when its host is fine."""
    host = (urlsplit(address).hostname or "").rstrip(".")
    if NOT_LIVE.search(host):
        return (
            f"{host} is a development, staging or local address, not the live site; give "
            "the address on the organization's live site"
        )
    if any(host == site or host.endswith("." + site) for site in COPY_SITES):
        return (
            f"{host} is a copy site, not the work's record; give the DOI, the publisher, "
            "PubMed or the organization's own page"
        )
    return ""


def entry_problems(ref_id: str, entry: Any) -> list[tuple[str, str]]:
    """What is wrong with one entry, as ``(field, message)`` pairs (empty when all is well)."""
    if not ID.match(ref_id):
        return [("", "the id must be lowercase words joined by dashes, like who-2019-burnout")]
    if not isinstance(entry, dict):
        return [("", f"must have fields ({', '.join(REQUIRED)})")]
    problems = [(f, f"unknown field; use {', '.join(KNOWN)}") for f in entry if f not in KNOWN]
    problems += [(f, "missing") for f in REQUIRED if not entry.get(f)]
    for field in KNOWN:
        value = entry.get(field)
        if field == "authors" and value is not None:
            if not isinstance(value, list) or not all(isinstance(a, str) for a in value):
                problems.append((field, 'must be a list, like ["Neff, K."]'))
        elif field == "year" and value is not None:
            if not (isinstance(value, int) and 1800 < value < 2100) and value != "n.d.":
                problems.append((field, 'must be a year like 2019, or "n.d." for no date'))
        elif value is not None and not (isinstance(value, str) and value.strip()):
            problems.append((field, "must be text"))
    if problems:
        return problems
    if entry.get("type") not in TYPES:
        problems.append(("type", f"must be one of {', '.join(TYPES)}"))
    if not (entry.get("journal") or entry.get("publisher")):
        problems.append(("journal", "missing; give the journal (articles) or the publisher"))
    doi, isbn = entry.get("doi", ""), entry.get("isbn", "")
    if doi and not DOI.match(doi):
        problems.append(("doi", f"{doi!r} is not a DOI; write it like 10.1002/wps.20311"))
    if isbn and not _isbn_ok(isbn):
        problems.append(("isbn", f"{isbn!r} is not a valid 13-digit ISBN"))
    for field in ("url", "confirmed_at"):
        if entry.get(field) and not HTTPS.match(entry[field]):
            problems.append((field, "must be a web address starting with https://"))
        elif entry.get(field) and (why := address_problem(entry[field])):
            problems.append((field, why))
    if not (doi or isbn or entry.get("url") or entry.get("no_link")):
        problems.append(("doi", "missing; give a doi, a url or an isbn (or say why in no_link)"))
    if entry.get("type") != "source" and not entry.get("confirmed_at"):
        problems.append(("confirmed_at", "missing; give the public record you checked it in"))
    return problems


def _parse(text: str, file: str) -> tuple[Any, dict[tuple[str, ...], int]]:
    """The YAML ``text`` and the line of each entry and field, or one line on bad YAML."""
    try:
        return yaml.safe_load(text), _lines(text)
    except _WrittenTwice as twice:
        what, fix = (
            ("id", "give each work its own id") if len(twice.path) == 1 else ("field", "keep one")
        )
        raise ReferencesError(
            f"{file}: {'.'.join(twice.path)}: this {what} is written twice (lines "
            f"{twice.first} and {twice.line}); {fix}"
        ) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark else ""
        raise ReferencesError(f"{file}: not valid YAML; check the indentation{where}") from None


def reference_problems(text: str, file: str = FILE) -> list[str]:
    """Every problem in the references file ``text``, as one-line messages."""
    try:
        data, lines = _parse(text, file)
    except ReferencesError as exc:
        return [str(exc)]
    if not isinstance(data, dict) or not data:
        return [f"{file}: must list works as `id:` followed by their fields"]
    problems = []
    for ref_id, entry in data.items():
        for field, message in entry_problems(str(ref_id), entry):
            line = lines.get((str(ref_id), field)) or lines.get((str(ref_id),))
            path = f"{ref_id}.{field}" if field else str(ref_id)
            problems.append(f"{file}: {path}: {message} (line {line})")
    return problems


def load_references(text: str, file: str = FILE) -> dict[str, Reference]:
    """The checked references in ``text``; raises ReferencesError on the first problem."""
    problems = reference_problems(text, file)
    if problems:
        raise ReferencesError(problems[0])
    data: dict[str, dict[str, Any]] = yaml.safe_load(text)
    return {ref_id: _reference(ref_id, entry) for ref_id, entry in data.items()}


#: The fields a translation of the references file gives (docs/<lang>/data/references.yml):
#: what the site cites a work for, and why it has no link. Titles stay as published.
TRANSLATED = ("supports", "no_link")


def translate(references: dict[str, Reference], text: str, file: str) -> dict[str, Reference]:
    """``references`` with the ``supports`` and ``no_link`` of the translation ``text``.

    A work the translation leaves out keeps its English words (tests/test_references.py
    checks that none is left out); anything else in it stops the build in one line.
    """
    data, lines = _parse(text, file)
    if data is None:
        return references
    if not isinstance(data, dict):
        raise ReferencesError(f"{file}: must list works as `id:` followed by supports:")
    out = dict(references)
    for ref_id, entry in data.items():
        line = lines.get((str(ref_id),))
        if ref_id not in references:
            close = difflib.get_close_matches(str(ref_id), list(references), n=1, cutoff=0.6)
            hint = f"did you mean {close[0]!r}? " if close else ""
            raise ReferencesError(
                f"{file}: {ref_id}: no such work in {FILE}; {hint}fix the id or remove "
                f"the entry (line {line})"
            )
        if not isinstance(entry, dict):
            raise ReferencesError(f"{file}: {ref_id}: give supports: under it (line {line})")
        for field, value in entry.items():
            line = lines.get((str(ref_id), str(field))) or line
            if field not in TRANSLATED:
                raise ReferencesError(
                    f"{file}: {ref_id}.{field}: only supports and no_link are translated "
                    f"here; the rest comes from {FILE} (line {line})"
                )
            if not isinstance(value, str) or not value.strip():
                raise ReferencesError(f"{file}: {ref_id}.{field}: must be text (line {line})")
            if field == "no_link" and not references[str(ref_id)].no_link:
                raise ReferencesError(
                    f"{file}: {ref_id}.no_link: the work has a link in {FILE} now; remove "
                    f"no_link here (line {line})"
                )
        english = references[str(ref_id)]
        out[str(ref_id)] = replace(
            english,
            supports=" ".join(str(entry.get("supports") or english.supports).split()),
            no_link=" ".join(str(entry.get("no_link") or english.no_link).split()),
        )
    return out


def _reference(ref_id: str, entry: dict[str, Any]) -> Reference:
    clean: dict[str, Any] = {k: v.strip() if isinstance(v, str) else v for k, v in entry.items()}
    clean["authors"] = tuple(a.strip() for a in entry["authors"])
    return Reference(id=ref_id, **clean)


def _rel(path: Path, conf: Any) -> str:
    """``path`` as the project names it (``docs/es/data/references.yml``)."""
    try:
        return path.relative_to(project_dir(conf)).as_posix()
    except ValueError:
        return path.as_posix()


def unknown_id(ref_id: str, known: dict[str, Reference]) -> str:
    """``unknown reference 'x'; did you mean 'y'? ...``, for an id that is not in the file."""
    close = difflib.get_close_matches(ref_id, list(known), n=1, cutoff=0.6)
    hint = f"did you mean {close[0]!r}? " if close else ""
    return f"unknown reference {ref_id!r}; {hint}Add it to {FILE} or fix the id"


def sources_problems(page: str, text: str, known: dict[str, Reference]) -> list[str]:
    """Problems with the ``sources:`` of ``page`` (docs-relative), whose file text is ``text``."""
    match = FRONT_MATTER.match(text)
    meta = yaml.safe_load(match.group(1)) if match else None
    if not isinstance(meta, dict) or "sources" not in meta:
        return []
    sources, head = meta["sources"], match.group(1).splitlines() if match else []
    if not isinstance(sources, list) or not all(isinstance(s, str) for s in sources):
        return [f"docs/{page}: sources: must be a list of reference ids, like - who-2019-burnout"]
    problems = []
    for i, ref_id in enumerate(sources):
        if ref_id not in known:
            line = next((n + 2 for n, t in enumerate(head) if ref_id in t), 1)
            problems.append(f"docs/{page}: sources[{i}]: {unknown_id(ref_id, known)} (line {line})")
    return problems


def _pages(docs: Path, conf: Any = None) -> dict[str, str]:
    """The site's pages, ``docs/``-relative: not data, and not another language's pages."""
    exclude = excluded(conf) if conf is not None else (lambda src: False)
    return {
        src: p.read_text(encoding="utf-8")
        for p in sorted(docs.rglob("*.md"))
        if not (src := p.relative_to(docs).as_posix()).startswith(NOT_PAGES) and not exclude(src)
    }


def cited_on(pages: dict[str, str]) -> dict[str, list[tuple[str, str]]]:
    """For each reference id, the pages that list it: ``[(page title, docs path)]``."""
    uses: dict[str, list[tuple[str, str]]] = {}
    for page, text in pages.items():
        match = FRONT_MATTER.match(text)
        meta = yaml.safe_load(match.group(1)) if match else None
        if isinstance(meta, dict) and isinstance(meta.get("sources"), list):
            for ref_id in meta["sources"]:
                uses.setdefault(str(ref_id), []).append((str(meta.get("title") or page), page))
    return uses


def register(env: Any) -> None:
    """Check the references and every page's sources now; add ``references_list()``.

    The short citations and the footer's words are handed to the theme's lesson footer
    (``overrides/partials/hi-lesson-meta.html``) as ``config.hi_lesson_meta`` (MkDocs) and
    as the page's ``page.meta.hi_lesson_meta`` (Zensical, where the theme sees no
    ``env.conf``: see ``macros/engine.py``).
    """
    conf = env.conf
    docs = docs_dir(conf)
    data = source_docs_dir(conf) / "data" / "references.yml"  # one file for every language
    references = load_references(data.read_text("utf-8"))
    own = docs / "data" / "references.yml"  # a translated site's words for them
    if own != data and own.is_file():
        references = translate(references, own.read_text("utf-8"), _rel(own, conf))
    pages = _pages(docs, conf)
    for page, text in pages.items():
        problems = sources_problems(page, text, references)
        if problems:
            raise ReferencesError(problems[0])
    uses = cited_on(pages)
    directory_urls = bool(conf["use_directory_urls"])
    here = page_url("about/references.md", directory_urls)
    words = strings(conf["theme"].get("language", "en"))
    lesson_meta = {
        "references_url": here,
        "short": {ref_id: ref.citation_short for ref_id, ref in references.items()},
        "text": {k: v for k, v in words.items() if k.startswith("meta_")},
    }
    conf["hi_lesson_meta"] = lesson_meta
    page_meta = theme_page_meta(env.variables)
    if page_meta is not None:
        page_meta["hi_lesson_meta"] = lesson_meta

    def references_list(*types: str) -> str:
        """The entries of the given ``types`` (all when none), as HTML, sorted by author."""
        chosen = sorted(
            (r for r in references.values() if not types or r.type in types),
            key=lambda r: (r.authors[0].lower(), str(r.year)),
        )
        # Zensical resolves links in raw HTML from the page's Markdown file (.md links
        # included); MkDocs leaves them as written, relative to the page's URL.
        source = md_link_source(env.variables.get("page"))

        def link(src: str) -> str:
            if source is not None:
                return relative_source(src, source)
            return relative_url(page_url(src, directory_urls), here)

        links = {
            ref.id: [(title, link(src)) for title, src in uses.get(ref.id, [])] for ref in chosen
        }
        return render(conf, "hi-references.html", references=chosen, cited_on=links, text=words)

    env.macro(references_list)
