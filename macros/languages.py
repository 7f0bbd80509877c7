"""The site's languages: which pages exist in each, and the translation notice.

English is built from ``mkdocs.yml`` into ``site/``; each other language from
``mkdocs.<lang>.yml`` (``docs_dir: docs/<lang>``) into ``site/<lang>/``. Material's
``extra.alternate`` lists them for the header's language selector. The theme
(``overrides/partials/alternate.html``, ``hi-alternates.html``) links a page to the same
page in the other language when it exists there, and to that language's home page when
not, from ``config.hi_languages["pages"]`` set here (for each language in
``extra.alternate``, the site-relative URLs of its pages). Zensical's theme sees no value
the macros compute, but it sees the page's meta: there each page gets
``page.meta.hi_languages``, the same table cut down to that one page.

The ``translation_notice()`` macro, at the top of every translated page, says the page
is a translation awaiting review (``translation_review``, under ``languages: <lang>:`` in
``clinic.yml``, replaces the words once a native-speaking clinician has reviewed the
pages), and, while its English page is newer than the translation, says so with a link to
it.

Which version of its English page a translated page translates: its front matter records
the English page's fingerprint as it was when the page was translated, ``translation_of:
"3f2a9c1b7d4e"`` (the idea of MDN's ``l10n.sourceCommit``; a fingerprint of the text, not
a commit, since CI clones are shallow and a fork's history is its own). When the English
page changes, the two differ: the build warns, one line per language, and the page tells
its readers. ``python -m macros.translations`` lists such pages and writes the records.

The fingerprint covers what a reader of the English page reads: the front matter fields
marked ``shown`` in ``macros.pages.FIELDS`` (title, description, content note, subtitle,
sources) and the Markdown below the front matter. Layout does not count: line endings,
spaces at the end of a line, blank lines, and how a paragraph is wrapped (each block of
lines counts as its words, one space apart, and the indent of its first line). The review
dates and the other settings do not count either. Changing this definition makes every
page behind: run ``python -m macros.translations --mark-all`` in the same commit.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from macros.engine import (
    SiteError,
    docs_dir,
    excluded,
    page_source,
    page_url,
    page_url_of,
    site_language,
    source_docs_dir,
    theme_page_meta,
)
from macros.pages import (
    FIELDS,
    FINGERPRINT_DIGITS,
    check_file,
    page_body,
    page_files,
    read_front_matter,
)
from macros.quiz.strings import strings
from macros.support import warn
from macros.templates import render

#: The front matter field of a translated page that records its English page's version.
RECORD = "translation_of"
#: The translators' command, for messages.
COMMAND = "python -m macros.translations"


class LanguageError(SiteError):
    """A translation mistake, as one line."""


#: A link that is an address of its own (``https://...``, ``/en/``), not relative.
_ADDRESS = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|/)", re.I)
#: Folders of docs/ that hold no pages of any language.
NOT_PAGES = ("data/", "includes/")


def page_urls(folder: Path, exclude: Any = None, directory_urls: bool = True) -> list[str]:
    """The site-relative URLs of the Markdown pages in ``folder`` (``learn/healing/``)."""
    urls = []
    for md in sorted(folder.rglob("*.md")):
        src = md.relative_to(folder).as_posix()
        if src.startswith(NOT_PAGES) or (exclude is not None and exclude(src)):
            continue
        url = page_url(src, directory_urls)
        urls.append("" if url == "./" else url)
    return urls


def register(env: Any) -> None:
    """Hand the theme the pages of each language and, if translated, the notice."""
    conf = env.conf
    language = site_language(conf)
    source = source_docs_dir(conf)
    directory_urls = bool(conf["use_directory_urls"])
    pages: dict[str, list[str]] = {}
    alternates = (conf["extra"] or {}).get("alternate") or []
    others = {str(alt.get("lang")) for alt in alternates} - {"en"}
    for alt in alternates:
        lang = str(alt.get("lang") or "")
        if lang == language:
            pages[lang] = page_urls(docs_dir(conf), excluded(conf), directory_urls)
        elif lang == "en":
            pages[lang] = page_urls(source, lambda src: src.split("/")[0] in others)
        elif (source / lang).is_dir():
            pages[lang] = page_urls(source / lang, None, directory_urls)
    words = strings(language)
    review = str((conf["extra"] or {}).get("translation_review") or "").strip()
    translated = source != docs_dir(conf)
    behind: tuple[str, ...] = ()
    if translated:
        state = drift(source, language)
        behind = state.behind
        for file, line in drift_warnings(state):
            warn(file, [line])
    english = next((str(a.get("link") or "") for a in alternates if a.get("lang") == "en"), "")
    conf["hi_languages"] = {"pages": pages}
    page_meta = theme_page_meta(env.variables)
    if page_meta is not None:
        here = page_url_of(env.variables.get("page"))
        here = "" if here == "./" else here
        page_meta["hi_languages"] = {
            "pages": {lang: [here] if here in urls else [] for lang, urls in pages.items()}
        }

    def translation_notice() -> str:
        """The note that this page is a translation awaiting review (or who reviewed it)
        and, while its English page is newer than the translation, a link to that page."""
        page = env.variables.get("page")
        if not translated:
            src = page_source(page) or "this page"
            raise LanguageError(
                f"docs/{src}: translation_notice(): only translated pages (docs/<lang>/) "
                "show it; remove it from this English page"
            )
        here = page_url_of(page)
        here = "" if here == "./" else here
        # the English site: its link in the language menu (one folder above this
        # language's home page), from this page
        home = english or "../"
        if not _ADDRESS.match(home):
            home = "../" * here.count("/") + home
        return render(
            conf,
            "hi-translation.html",
            notice=review or words["translation_notice"],
            guides_href=home + "clinics/" if here == "about/" else "",
            english_href=home + here if page_source(page) in behind else "",
            text=words,
        )

    env.macro(translation_notice)


# Translations behind their English page -------------------------------------------------


def _words(value: Any) -> Any:
    """``value`` with every run of spaces and line breaks in its texts made one space."""
    if isinstance(value, str):
        return " ".join(value.split())
    if isinstance(value, list):
        return [_words(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _words(v) for k, v in value.items()}
    return value


def _blocks(body: str) -> list[str]:
    """The body's blocks (runs of lines that are not blank): each one the indent of its
    first line and its words, one space apart."""
    blocks: list[str] = []
    current: list[str] = []
    for line in [*body.splitlines(), ""]:
        if line.strip():
            current.append(line.expandtabs(4))
        elif current:
            indent = len(current[0]) - len(current[0].lstrip())
            blocks.append(" " * indent + " ".join(" ".join(current).split()))
            current = []
    return blocks


def fingerprint(page: str, text: str) -> str:
    """The fingerprint of the English page ``page`` (docs-relative) whose file holds
    ``text``: what a reader reads of it, without its layout (see the module's docstring)."""
    meta, _ = read_front_matter(page, text)
    shown = {
        name: _words(meta[name]) for name, field in FIELDS.items() if field.shown and name in meta
    }
    canonical = json.dumps(shown, ensure_ascii=False, sort_keys=True, default=str)
    canonical += "\n" + "\n".join(_blocks(page_body(page, text)))
    digest = hashlib.sha256(unicodedata.normalize("NFC", canonical).encode("utf-8"))
    return digest.hexdigest()[:FINGERPRINT_DIGITS]


@dataclass(frozen=True)
class Record:
    """A translated page (docs-relative), the fingerprint its ``translation_of`` records
    (None: no record) and its English page's fingerprint now (None: no English page)."""

    page: str
    recorded: str | None
    english: str | None


@dataclass(frozen=True)
class Drift:
    """Where the pages of a language stand against their English pages."""

    language: str
    records: tuple[Record, ...]

    @property
    def behind(self) -> tuple[str, ...]:
        """The pages whose English page changed after their record was written."""
        return tuple(
            r.page for r in self.records if r.recorded and r.english not in (None, r.recorded)
        )

    @property
    def unrecorded(self) -> tuple[str, ...]:
        """The pages with no ``translation_of`` yet: the build cannot tell."""
        return tuple(r.page for r in self.records if not r.recorded and r.english)

    @property
    def orphans(self) -> tuple[str, ...]:
        """The pages with no English page of the same name."""
        return tuple(r.page for r in self.records if r.english is None)


def drift(docs: Path, language: str) -> Drift:
    """The pages of ``docs/<language>`` against those of ``docs``; read again only when a
    file changed (Zensical asks once for each page it builds, ``make serve`` after edits)."""
    stamp = tuple(
        (page, _stat(docs / language / page), _stat(docs / page))
        for page in page_files(docs / language)
    )
    return _drift(docs, language, stamp)


def _stat(path: Path) -> tuple[int, int]:
    try:
        found = path.stat()
    except OSError:
        return (0, -1)
    return (found.st_mtime_ns, found.st_size)


@functools.lru_cache(maxsize=8)
def _drift(docs: Path, language: str, stamp: tuple[tuple[Any, ...], ...]) -> Drift:
    records = []
    for page, *_ in stamp:
        meta, _ = check_file(docs / language, page, shown=f"docs/{language}", translated=True)
        english = None
        if (docs / page).is_file():
            english = fingerprint(page, check_file(docs, page)[1])
        records.append(Record(page, meta.get(RECORD), english))
    return Drift(language, tuple(records))


def drift_warnings(state: Drift) -> list[tuple[str, str]]:
    """The build's warnings about ``state``, one line for each kind of page: ``(file,
    line)``, the file being the first page the line names (for a GitHub annotation)."""
    folder = f"docs/{state.language}"
    mark = f"{COMMAND} --mark {folder}/<page>"
    kinds = [
        (
            state.behind,
            f"each translates an older version of its English page ({RECORD}), and tells "
            f"its readers so; update each, then run {mark} ({COMMAND} shows what changed)",
        ),
        (
            state.unrecorded,
            f"no {RECORD} in the front matter, so the build cannot tell when the English "
            f"page changes; once a page matches its English page, run {mark}",
        ),
        (
            state.orphans,
            "no English page of the same name in docs/, so nothing tells when it is "
            "behind; give it the English page's file name",
        ),
    ]
    return [
        (f"{folder}/{pages[0]}", f"{folder}: {', '.join(pages)}: {words}")
        for pages, words in kinds
        if pages
    ]
