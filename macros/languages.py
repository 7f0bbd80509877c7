"""The site's languages: which pages exist in each, and the translation notice.

English is built from ``mkdocs.yml`` into ``site/``; each other language from
``mkdocs.<lang>.yml`` (``docs_dir: docs/<lang>``) into ``site/<lang>/``. Material's
``extra.alternate`` lists them for the header's language selector. The theme
(``overrides/partials/alternate.html``, ``hi-alternates.html``) links a page to the same
page in the other language when it exists there, and to that language's home page when
not, from ``config.hi_languages`` set here:

- ``pages``: for each language in ``extra.alternate``, the site-relative URLs of its pages;
- ``notice``: on a translated site, the words saying the pages are a translation awaiting
  review (``extra.translation_review`` replaces them once a clinician has reviewed them).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from macros.engine import docs_dir, excluded, page_url, site_language, source_docs_dir
from macros.quiz.strings import strings

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
    conf["hi_languages"] = {
        "pages": pages,
        "notice": (review or words["translation_notice"]) if translated else "",
        "guides": words["translation_guides"] if translated else "",
        "guides_link": words["translation_guides_link"],
    }
