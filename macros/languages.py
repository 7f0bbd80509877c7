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
pages).
"""

from __future__ import annotations

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
from macros.quiz.strings import strings
from macros.templates import render


class LanguageError(SiteError):
    """A translation mistake, as one line."""


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
    conf["hi_languages"] = {"pages": pages}
    page_meta = theme_page_meta(env.variables)
    if page_meta is not None:
        here = page_url_of(env.variables.get("page"))
        here = "" if here == "./" else here
        page_meta["hi_languages"] = {
            "pages": {lang: [here] if here in urls else [] for lang, urls in pages.items()}
        }

    def translation_notice() -> str:
        """The note that this page is a translation awaiting review (or who reviewed it)."""
        page = env.variables.get("page")
        if not translated:
            src = page_source(page) or "this page"
            raise LanguageError(
                f"docs/{src}: translation_notice(): only translated pages (docs/<lang>/) "
                "show it; remove it from this English page"
            )
        here = page_url_of(page)
        # the English guides: one folder above this language's home page
        guides = "../" * here.count("/") + "../clinics/" if here == "about/" else ""
        return render(
            conf,
            "hi-translation.html",
            notice=review or words["translation_notice"],
            guides_href=guides,
            text=words,
        )

    env.macro(translation_notice)
