"""References: docs/data/references.yml is well formed, every page's sources exist (or the
build stops with one line), the References page and the page footer render from it."""

from __future__ import annotations

import html
import re
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from jinja2 import Environment, FileSystemLoader

from macros.references import (
    ReferencesError,
    address_problem,
    load_references,
    reference_problems,
    register,
    sources_problems,
    translate,
)
from tests.content import DOCS, ROOT, front_matter, reader_pages

REFERENCES = DOCS / "data" / "references.yml"
GOOD = """\
neff-2003-self-compassion:
  type: study
  authors: ["Neff, K."]
  year: 2003
  title: "Self-compassion"
  journal: "Self and Identity, 2(2), 85-101"
  doi: 10.1080/15298860309032
  supports: What self-compassion is.
  confirmed_at: https://example.org/neff
"""


def test_references_are_well_formed_and_enough() -> None:
    text = REFERENCES.read_text()
    assert reference_problems(text) == []
    references = load_references(text)
    beyond_the_articles = [r for r in references.values() if r.type != "source"]
    assert len(beyond_the_articles) >= 14
    for ref in references.values():
        assert ref.authors and ref.title and ref.supports, ref.id
        assert ref.doi or ref.url or ref.isbn or ref.no_link, ref.id
    # Guidance from the bodies the issue names, and the caveat about inward practice.
    for needed in ("who-2019-burnout", "nice-2018-ptsd", "samhsa-2014-trauma-informed"):
        assert needed in references
    assert {"treleaven-2018-mindfulness", "britton-2021-meditation"} <= set(references)


def test_every_reference_is_used_by_a_page() -> None:
    used = {s for p in reader_pages() for s in front_matter((DOCS / p).read_text())["sources"]}
    assert set(load_references(REFERENCES.read_text())) - used == set()


def test_reference_checker_finds_each_problem() -> None:
    bad = GOOD.replace("10.1080/15298860309032", "https://doi.org/10.1080/x") + (
        "Bad_Id:\n  type: book\n"
        "who-2019:\n  type: leaflet\n  authors: WHO\n  year: 19\n  title: T\n  supports: S\n"
        "  colour: red\n"
        "book-2020:\n  type: book\n  authors: [A]\n  year: 2020\n  title: T\n  supports: S\n"
        "  publisher: P\n  isbn: '9780465061717'\n  url: www.example.org\n"
    )
    assert reference_problems(bad) == [
        "docs/data/references.yml: neff-2003-self-compassion.doi: 'https://doi.org/10.1080/x' "
        "is not a DOI; write it like 10.1002/wps.20311 (line 7)",
        "docs/data/references.yml: Bad_Id: the id must be lowercase words joined by dashes, "
        "like who-2019-burnout (line 10)",
        "docs/data/references.yml: who-2019.colour: unknown field; use type, authors, year, "
        "title, supports, short, journal, publisher, edition, doi, url, isbn, no_link, "
        "confirmed_at (line 18)",
        'docs/data/references.yml: who-2019.authors: must be a list, like ["Neff, K."] (line 14)',
        'docs/data/references.yml: who-2019.year: must be a year like 2019, or "n.d." for no '
        "date (line 15)",
        "docs/data/references.yml: book-2020.isbn: '9780465061717' is not a valid 13-digit "
        "ISBN (line 26)",
        "docs/data/references.yml: book-2020.url: must be a web address starting with "
        "https:// (line 27)",
        "docs/data/references.yml: book-2020.confirmed_at: missing; give the public record you "
        "checked it in (line 19)",
    ]
    no_link = GOOD.replace("  doi: 10.1080/15298860309032\n", "").replace("  journal:", "  j:")
    assert reference_problems(no_link) == [
        "docs/data/references.yml: neff-2003-self-compassion.j: unknown field; use type, "
        "authors, year, title, supports, short, journal, publisher, edition, doi, url, isbn, "
        "no_link, confirmed_at (line 6)",
    ]
    assert reference_problems(no_link.replace("  j:", "  journal:")) == [
        "docs/data/references.yml: neff-2003-self-compassion.doi: missing; give a doi, a url "
        "or an isbn (or say why in no_link) (line 1)",
    ]
    assert reference_problems("a: [1\n") == [
        "docs/data/references.yml: not valid YAML; check the indentation (line 2)"
    ]


NOT_LIVE = (
    "is a development, staging or local address, not the live site; give the address on "
    "the organization's live site"
)
COPY = (
    "is a copy site, not the work's record; give the DOI, the publisher, PubMed or the "
    "organization's own page"
)


def _with(field: str, address: str) -> tuple[str, int]:
    """GOOD with ``address`` in ``field`` (url or confirmed_at), and the line it is on."""
    if field == "url":
        return GOOD.replace("  supports:", f"  url: {address}\n  supports:"), 8
    return GOOD.replace("https://example.org/neff", address), 9


@pytest.mark.parametrize("field", ["url", "confirmed_at"])
@pytest.mark.parametrize(
    ("address", "host", "why"),
    [
        ("https://dev.refuge.org.uk/get-help-now/", "dev.refuge.org.uk", NOT_LIVE),
        ("https://staging.example.org/guide", "staging.example.org", NOT_LIVE),
        ("https://test.example.org/", "test.example.org", NOT_LIVE),
        ("https://beta.example.org/page", "beta.example.org", NOT_LIVE),
        ("http://localhost:8000/about/", "localhost", NOT_LIVE),
        ("https://clinic.local/page", "clinic.local", NOT_LIVE),
        ("https://DEV.Example.org/page", "dev.example.org", NOT_LIVE),
        ("https://ar.scribd.com/document/212632006/x", "ar.scribd.com", COPY),
        ("https://studylib.net/doc/8220817/x", "studylib.net", COPY),
        ("https://www.readkong.com/page/x-4937575", "www.readkong.com", COPY),
        ("http://mesunlite.com/mental-health.html", "mesunlite.com", COPY),
        ("https://medluna.com/article/25961374", "medluna.com", COPY),
        (
            "https://www.rdlacademicdatabase.cloud/publications/x",
            "www.rdlacademicdatabase.cloud",
            COPY,
        ),
        ("https://thewrightinitiative.com/misc/x.html", "thewrightinitiative.com", COPY),
    ],
)
def test_an_address_on_a_development_host_or_a_copy_site_is_refused(
    field: str, address: str, host: str, why: str
) -> None:
    text, line = _with(field, address)
    assert reference_problems(text) == [
        f"docs/data/references.yml: neff-2003-self-compassion.{field}: {host} {why} (line {line})"
    ]


@pytest.mark.parametrize(
    "address",
    [
        "https://developer.apple.com/",
        "https://www.devon.gov.uk/",
        "https://testing.example.org/",
        "https://betaville.org/",
        "https://local.example.org/",
        "https://notscribd.com/",
        "https://doi.org/10.1080/15298860309032",
    ],
)
def test_live_addresses_that_only_look_alike_are_kept(address: str) -> None:
    for field in ("url", "confirmed_at"):
        assert reference_problems(_with(field, address)[0]) == [], (field, address)


def test_every_address_in_the_references_is_a_live_record() -> None:
    for ref in load_references(REFERENCES.read_text()).values():
        for field in ("url", "confirmed_at"):
            assert address_problem(getattr(ref, field)) == "", (ref.id, field)


def test_the_build_stops_on_a_development_address(tmp_path: Path) -> None:
    docs = _docs(tmp_path, "---\ntitle: A\nsources:\n  - neff-2003-self-compassion\n---\n")
    (docs / "data" / "references.yml").write_text(_with("url", "https://dev.example.org/a")[0])
    with pytest.raises(ReferencesError) as error:
        register(_Env(docs))
    assert str(error.value) == (
        f"docs/data/references.yml: neff-2003-self-compassion.url: dev.example.org {NOT_LIVE} "
        "(line 8)"
    )


def test_short_citations() -> None:
    references = load_references(REFERENCES.read_text())
    assert references["neff-2003-self-compassion"].citation_short == "Neff (2003)"
    assert references["hazan-shaver-1987-attachment"].citation_short == "Hazan & Shaver (1987)"
    assert references["felitti-1998-ace"].citation_short == "Felitti et al. (1998)"
    assert references["who-2019-burnout"].citation_short == "WHO (2019)"


def test_an_unknown_source_id_is_one_line_naming_the_page_and_the_id() -> None:
    known = load_references(REFERENCES.read_text())
    page = "---\ntitle: T\nsources:\n  - who-2019-burnot\n  - neff-2003-self-compassion\n---\n"
    assert sources_problems("learn/x.md", page, known) == [
        "docs/learn/x.md: sources[0]: unknown reference 'who-2019-burnot'; did you mean "
        "'who-2019-burnout'? Add it to docs/data/references.yml or fix the id (line 4)"
    ]
    assert sources_problems("x.md", "---\nsources: who\n---\n", known) == [
        "docs/x.md: sources: must be a list of reference ids, like - who-2019-burnout"
    ]
    assert sources_problems("x.md", "---\ntitle: T\n---\n# No sources\n", known) == []


class _Env:
    """The part of mkdocs-macros' ``env`` that ``register`` uses."""

    def __init__(self, docs: Path) -> None:
        self.conf: dict[str, Any] = {
            "config_file_path": str(ROOT / "mkdocs.yml"),
            "docs_dir": str(docs),
            "use_directory_urls": True,
            "theme": {"language": "en"},
        }
        self.macros: dict[str, Any] = {}
        self.variables: dict[str, Any] = {}

    def macro(self, function: Any) -> None:
        self.macros[function.__name__] = function


def _docs(tmp_path: Path, page: str) -> Path:
    docs = tmp_path / "docs"
    (docs / "data").mkdir(parents=True)
    (docs / "data" / "references.yml").write_text(GOOD)
    (docs / "learn").mkdir()
    (docs / "learn" / "a.md").write_text(page)
    return docs


def test_the_build_stops_on_an_unknown_source(tmp_path: Path) -> None:
    env = _Env(_docs(tmp_path, "---\ntitle: A\nsources:\n  - neff-2003-self-compasion\n---\n"))
    with pytest.raises(ReferencesError) as error:
        register(env)
    assert str(error.value) == (
        "docs/learn/a.md: sources[0]: unknown reference 'neff-2003-self-compasion'; did you "
        "mean 'neff-2003-self-compassion'? Add it to docs/data/references.yml or fix the id "
        "(line 4)"
    )


def test_references_list_renders_entries_with_anchors_and_cited_on(tmp_path: Path) -> None:
    env = _Env(
        _docs(tmp_path, "---\ntitle: Page A\nsources:\n  - neff-2003-self-compassion\n---\n")
    )
    register(env)
    html = env.macros["references_list"]("study")
    assert 'id="ref-neff-2003-self-compassion"' in html
    assert 'href="https://doi.org/10.1080/15298860309032"' in html
    assert '<a href="../../learn/a/">Page A</a>' in html
    assert "What we use it for:" in html and "What self-compassion is." in html
    assert env.macros["references_list"]("book") == '<div class="hi-refs">\n</div>'
    assert env.conf["hi_lesson_meta"]["short"] == {"neff-2003-self-compassion": "Neff (2003)"}


def test_under_zensical_the_lesson_footer_data_goes_in_the_page_meta(tmp_path: Path) -> None:
    # Zensical's theme never sees env.conf, only the page's meta after the Markdown stage;
    # its page has a path and no file. MkDocs' page (with a file) is left alone.
    docs = _docs(tmp_path, "---\ntitle: Page A\nsources:\n  - neff-2003-self-compassion\n---\n")
    zensical_page = SimpleNamespace(path="learn/a.md", url="learn/a/", meta={"title": "Page A"})
    env = _Env(docs)
    env.variables["page"] = zensical_page
    register(env)
    assert zensical_page.meta["hi_lesson_meta"] == env.conf["hi_lesson_meta"]
    mkdocs_page = SimpleNamespace(file=object(), meta={"title": "Page A"})
    env = _Env(docs)
    env.variables["page"] = mkdocs_page
    register(env)
    assert mkdocs_page.meta == {"title": "Page A"}


def test_references_page_has_every_entry(site_dir: Path) -> None:
    html = (site_dir / "about" / "references" / "index.html").read_text()
    references = load_references(REFERENCES.read_text())
    anchors = re.findall(r'<div class="hi-ref" id="ref-([a-z0-9-]+)"', html)
    assert sorted(anchors) == sorted(references)
    for ref in references.values():
        if ref.doi:
            assert f'href="https://doi.org/{ref.doi}"' in html, ref.id


def _footer(clinical_review: str, language: str = "en") -> str:
    env = Environment(loader=FileSystemLoader(str(ROOT / "overrides")))
    env.filters["url"] = lambda url: url
    meta = {
        "references_url": "about/references/",
        "short": {"neff-2003-self-compassion": "Neff (2003)"},
        "text": {
            "meta_written_by": "Written by the site's editorial team.",
            "meta_clinical_review": "Clinical review: {reviewer}",
            "meta_no_clinical_review": "Not yet reviewed.",
        },
    }
    config = {
        "extra": {"clinical_review": clinical_review},
        "hi_lesson_meta": meta,
        "theme": {"language": language},
    }
    page = {"meta": {"reviewed": "2026-12-01", "sources": ["neff-2003-self-compassion"]}}
    return env.get_template("partials/hi-lesson-meta.html").render(config=config, page=page)


def test_footer_names_the_clinical_review_only_when_the_clinic_sets_it() -> None:
    reviewed = _footer("Clinical psychologist, <Example> Clinic")
    assert "Clinical review: Clinical psychologist, &lt;Example&gt; Clinic" in reviewed
    assert "Not yet reviewed." not in reviewed
    assert '<a href="about/references/#ref-neff-2003-self-compassion">Neff (2003)</a>' in reviewed
    not_yet = _footer("  ")
    assert 'data-hi-clinical-review="none">Not yet reviewed.' in not_yet
    assert "Clinical review:" not in not_yet


def test_review_dates_are_written_in_the_language_of_the_site() -> None:
    assert '<time datetime="2026-12-01">December 1, 2026</time>' in _footer("")
    assert '<time datetime="2026-12-01">1 de diciembre de 2026</time>' in _footer("", "es")
    assert "December" in _footer("", "pt-BR")  # a language without a table: English


ES_REFERENCES = DOCS / "es" / "data" / "references.yml"


def test_every_reference_has_its_spanish_words(translated_site_dir: Path) -> None:
    english = load_references(REFERENCES.read_text())
    spanish = translate(english, ES_REFERENCES.read_text(), "docs/es/data/references.yml")
    same = [i for i, ref in spanish.items() if ref.supports == english[i].supports]
    same += [i for i, ref in spanish.items() if ref.no_link and ref.no_link == english[i].no_link]
    assert same == [], "translate supports (and no_link) of these in docs/es/data/references.yml"
    # The Spanish References page where Spanish is built (the example copy's if it is off).
    built = translated_site_dir / "es" / "about" / "references" / "index.html"
    page = html.unescape(built.read_text())
    for ref in spanish.values():
        assert ref.supports in page, ref.id
        assert english[ref.id].supports not in page, ref.id


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("neff-2003-self-compasion: {supports: x}", "neff-2003-self-compasion: no such work in"),
        ("neff-2003-self-compassion: {title: T}", "neff-2003-self-compassion.title: only"),
        ("neff-2003-self-compassion: {supports: [a]}", "neff-2003-self-compassion.supports: must"),
        ("neff-2003-self-compassion: Qué es", "neff-2003-self-compassion: give supports:"),
        ("neff-2003-self-compassion: {no_link: x}", "neff-2003-self-compassion.no_link: the"),
        ("- a", "must list works as `id:` followed by supports:"),
        ("a: [b", "not valid YAML; check the indentation"),
    ],
)
def test_a_mistake_in_a_translation_of_the_references_is_one_line(text: str, message: str) -> None:
    with pytest.raises(ReferencesError) as info:
        translate(load_references(GOOD), text, "docs/es/data/references.yml")
    assert str(info.value).startswith(f"docs/es/data/references.yml: {message}"), info.value
    assert "\n" not in str(info.value)


def test_a_translation_changes_only_what_a_work_is_cited_for() -> None:
    english = load_references(GOOD)
    spanish = translate(english, "neff-2003-self-compassion:\n  supports: Qué es.\n", "es.yml")
    ref = spanish["neff-2003-self-compassion"]
    assert ref.supports == "Qué es." and ref.title == english[ref.id].title
    assert translate(english, "", "es.yml") == english


@pytest.mark.parametrize(
    ("page", "heading"),
    [
        ("about/references/index.html", "the-two-articles-the-lessons-started-from"),
        ("es/about/references/index.html", "the-two-articles-the-lessons-started-from"),
    ],
)
def test_the_source_articles_are_listed_under_what_the_lessons_started_from(
    site_dir: Path, page: str, heading: str
) -> None:
    html = (site_dir / page).read_text()
    section = html.split(f'id="{heading}"', 1)[1].split("<h2", 1)[0]
    listed = re.findall(r'<div class="hi-ref" id="ref-([a-z0-9-]+)"', section)
    references = load_references(REFERENCES.read_text())
    assert sorted(listed) == sorted(i for i, ref in references.items() if ref.type == "source")
