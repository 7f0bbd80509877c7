"""Content checks: reading level, review fields and sources on every reader page, nav,
kind language, US spelling, no copying of the source articles, alt text and glossary (quiz
use is checked by the build). Each checker has a small negative test that proves it can
fail."""

from __future__ import annotations

import datetime as dt
import re
from html import unescape
from pathlib import Path

import pytest

from macros.quiz.strings import strings
from macros.references import load_references
from tests.content import (
    DOCS,
    LANGUAGE_DIRS,
    QUIZZES,
    ROOT,
    doc_pages,
    front_matter,
    glossary_problems,
    image_problems,
    lesson_pages,
    load_nav,
    markdown_prose,
    nav_problems,
    near_copy_problems,
    path_problems,
    quiz_prose,
    reader_pages,
    review_problems,
)
from tests.harness import configured, site_pages
from tests.language import Phrase, language_problems, phrases
from tests.readability import Reading, page_reading, prose_blocks, reading, syllables

#: US school grade that reader-facing prose must not exceed (Flesch-Kincaid).
MAX_GRADE = 8.0
#: Pages written for clinics and editors: their grade is reported, not enforced, since
#: they must name settings and files ("mkdocs.yml", "GitHub Actions").
REPORT_ONLY = ("clinics/", "editors/")
#: US spelling, the site's one convention (docs/editors/write-a-lesson.md).
US_SPELLING = Path(__file__).with_name("spelling.yml")
#: Sentences and headings of the source articles that an earlier version of the site
#: followed word for word, in its text or in a heading's id such as
#: ``{ #a-choice-not-a-cage }`` (issues 11 and 20). Only these short phrases are kept here,
#: never the articles: the tests run from this repository alone. Editors check new text
#: against the articles by hand.
KNOWN_NEAR_COPIES = (
    "What taught me that it was not safe to depend on others",
    "Feeling weak or guilty for needing support",
    "a choice not a cage",
    "Redefine strength",
    "Name the pattern",
    "not who you are",
    "Practice vulnerability",
    "protection over connection",
    "the very things we need to heal",
)


def _built(page: str) -> str:
    """The built HTML file of a docs page: ``learn/a.md`` -> ``learn/a/index.html``."""
    stem = page[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")] + "index.html"
    return stem + "/index.html"


def _docs_texts() -> dict[str, str]:
    texts = {f"docs/{p}": (DOCS / p).read_text() for p in doc_pages()}
    texts.update({f"docs/data/quizzes/{q.name}": q.read_text() for q in QUIZZES.glob("*.yml")})
    return texts


# Reading level ---------------------------------------------------------------------------


def test_reading_level_of_every_page(site_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows, too_hard = [], []
    for page in doc_pages():
        result = page_reading((site_dir / _built(page)).read_text())
        enforced = not page.startswith(REPORT_ONLY)
        rows.append(
            f"{page:48} {result.words:6} {result.grade:6.1f}{'' if enforced else '  (reported)'}"
        )
        if enforced and result.grade > MAX_GRADE:
            too_hard.append(f"{page}: grade {result.grade:.1f} (at most {MAX_GRADE:g})")
    table = "\n".join([f"{'page':48} {'words':>6} {'grade':>6}", *rows])
    with capsys.disabled():
        print(f"\nReading level (Flesch-Kincaid grade of the rendered prose)\n{table}")
    assert not too_hard, "Shorter sentences and words help:\n" + "\n".join(too_hard)


def test_reading_level_scores_hard_text_higher() -> None:
    easy = reading(["You can ask for help. It is okay. Go at your own pace."])
    hard = reading(
        [
            "Interdependence necessitates reciprocal vulnerability, characteristically "
            "demanding considerable psychological flexibility and organisational capability."
        ]
    )
    assert easy.grade < 3 < MAX_GRADE < hard.grade


def test_reading_leaves_out_quizzes_code_and_titles() -> None:
    html = (
        "<nav><p>Menu item</p></nav><article><h1>Title</h1>"
        '<div class="admonition tip"><p class="admonition-title">Try this</p><p>Breathe.</p>'
        '</div><pre><code>make test</code></pre><div class="quiz" data-quiz><p>Quiz text.</p>'
        '</div><aside class="hi-lesson-meta"><p>Sources</p></aside>'
        '<p class="hi-ref__citation">Felitti, V. J. (1998). Relationship of childhood abuse.</p>'
        "<ul><li>One</li>"
        "<li>Two</li></ul></article>"
    )
    assert prose_blocks(html) == ["Title", "Breathe.", "One", "Two"]
    assert reading(["One", "Two"]) == Reading(words=2, sentences=2, syllables=2)


def test_syllables_are_counted_per_part() -> None:
    assert syllables("help") == 1
    assert syllables("about") == 2
    assert syllables("hyper-independence") == 6


# Front matter and nav --------------------------------------------------------------------


def _reference_ids() -> set[str]:
    return set(load_references((DOCS / "data" / "references.yml").read_text()))


def test_every_reader_page_is_in_the_review_cycle_with_known_sources() -> None:
    known = _reference_ids()
    pages = reader_pages()
    assert len(pages) >= 20 and "get-support/index.md" in pages and "reflect/index.md" in pages
    problems = [
        problem
        for page in pages
        for problem in review_problems(
            page,
            front_matter((DOCS / page).read_text()),
            known,
            needs_sources=page in lesson_pages(),
        )
    ]
    assert not problems, "\n".join(problems)


def test_review_checker_finds_each_problem() -> None:
    meta = {
        "title": "",
        "reviewed": dt.date(2026, 11, 23),
        "next_review": dt.date(2026, 1, 1),
        "sources": ["who-2019-burnot", 3],
    }
    assert review_problems("learn/x.md", meta, known={"who-2019-burnout"}) == [
        "learn/x.md: front matter: description missing",
        "learn/x.md: front matter: title must be text",
        "learn/x.md: front matter: next_review must come after reviewed",
        "learn/x.md: front matter: source 'who-2019-burnot' is not in docs/data/references.yml",
        "learn/x.md: front matter: source 3 is not in docs/data/references.yml",
    ]
    bad_types = {"title": "T", "description": "D", "reviewed": "soon", "next_review": "later"}
    assert review_problems("x.md", {**bad_types, "sources": "who"}, set()) == [
        "x.md: front matter: reviewed must be a date like 2026-11-23",
        "x.md: front matter: next_review must be a date like 2026-11-23",
        "x.md: front matter: sources must be a list of reference ids",
    ]
    late = {**bad_types, "reviewed": dt.date(2026, 1, 1), "next_review": dt.date(2027, 6, 1)}
    assert review_problems("x.md", {**late, "sources": []}, set(), needs_sources=True) == [
        "x.md: front matter: next_review must be within a year of reviewed",
        "x.md: front matter: sources must name at least one reference",
    ]
    assert review_problems("x.md", {**late, "next_review": dt.date(2027, 1, 1)}, set()) == [
        "x.md: front matter: sources missing"
    ]


def test_every_page_has_title_and_description_in_front_matter() -> None:
    problems = []
    for page in doc_pages():
        meta = front_matter((DOCS / page).read_text())
        problems += [f"{page}: {f} missing" for f in ("title", "description") if not meta.get(f)]
    assert not problems, "\n".join(problems)


def test_reader_pages_show_review_dates_authors_and_sources(site_dir: Path) -> None:
    # Who reviewed the pages clinically is the copy's own setting: shown when it is set,
    # and until then the note that no clinician of the organisation has.
    reviewer = configured().clinical_review
    review = (
        strings("en")["meta_clinical_review"].replace("{reviewer}", reviewer)
        if reviewer
        else strings("en")["meta_no_clinical_review"]
    )
    marker = "data-hi-clinical-review>" if reviewer else 'data-hi-clinical-review="none"'
    for page in reader_pages():
        html = (site_dir / _built(page)).read_text()
        assert 'class="hi-lesson-meta"' in html, page
        assert "Last reviewed:" in html and "Next review:" in html, page
        # Escaped as &#39; by MkDocs (Jinja2) and as &#x27; by Zensical (MiniJinja).
        assert "Written by the site's editorial team." in unescape(html), page
        assert html.count("data-hi-clinical-review") == 1 and marker in html, page
        assert review in unescape(html), page
        for source in front_matter((DOCS / page).read_text())["sources"]:
            assert re.search(rf'href="[^"]*references/#ref-{source}"', html), (page, source)
    for page in doc_pages():
        if page.startswith(REPORT_ONLY):
            assert "hi-lesson-meta" not in (site_dir / _built(page)).read_text(), page


def test_every_page_is_in_the_nav() -> None:
    assert nav_problems(doc_pages(), load_nav()) == []


def test_nav_checker_finds_missing_and_extra_pages() -> None:
    assert nav_problems(["a.md", "b.md"], ["a.md", "c.md", "a.md"]) == [
        "b.md: not in the nav of mkdocs.yml",
        "mkdocs.yml: nav lists c.md, which does not exist",
        "mkdocs.yml: nav lists a.md twice",
    ]


# Language, images, quizzes ---------------------------------------------------------------


def test_no_stigmatising_or_blaming_language() -> None:
    texts = _docs_texts()
    texts["mkdocs.yml"] = (ROOT / "mkdocs.yml").read_text()
    problems = language_problems(texts, phrases())
    assert not problems, "Kinder wording, please:\n" + "\n".join(problems)


def test_language_checker_suggests_kinder_wording() -> None:
    banned = (Phrase("commit suicide", "died by suicide"), Phrase("crazy", "surprising"))
    text = "Fine line.\nPeople who\ncommit  suicide ...\nNot crazy-ish, but Crazy."
    assert language_problems({"page.md": text}, banned) == [
        "page.md:3: 'commit  suicide': please say 'died by suicide' instead",
        "page.md:4: 'Crazy': please say 'surprising' instead",
    ]


def _prose_texts() -> dict[str, str]:
    """What the spelling and copying checks read: every page, the tooltips and the quiz
    files, each without code, link targets or quiz ids (line numbers stay); the references
    as they are."""
    texts = {f"docs/{p}": markdown_prose((DOCS / p).read_text()) for p in doc_pages()}
    texts["docs/includes/abbreviations.md"] = (DOCS / "includes" / "abbreviations.md").read_text()
    texts["docs/data/references.yml"] = (DOCS / "data" / "references.yml").read_text()
    texts.update(
        {f"docs/data/quizzes/{q.name}": quiz_prose(q.read_text()) for q in QUIZZES.glob("*.yml")}
    )
    return texts


def test_pages_and_quizzes_use_us_spelling() -> None:
    texts = _prose_texts()
    assert {"docs/editors/write-a-lesson.md", "docs/data/quizzes/check-small-steps.yml"} <= set(
        texts
    )
    problems = language_problems(texts, phrases(US_SPELLING))
    assert not problems, "The site uses US spelling:\n" + "\n".join(problems)


def test_spelling_checker_finds_uk_spelling() -> None:
    pairs = phrases(US_SPELLING)
    text = "Ask your counsellor.\nA practice and a centre; the practise-being-open link."
    assert language_problems({"a.md": text}, pairs) == [
        "a.md:2: 'centre': please say 'center' instead",
        "a.md:1: 'counsellor': please say 'counselor' instead",
    ]


def test_spelling_checker_reads_quiz_prose_but_not_ids() -> None:
    quiz = (
        "type: knowledge-check\nversion: 1\ntitle: Your favourite\nquestions:\n"
        "  - id: practise\n    see: learn/small-steps.md#practise\n    kind: true-false\n"
        "    text: >-\n      I am\n      practising.\n    answer: true\n"
        "    feedback: Fine.\n"
    )
    prose = quiz_prose(quiz)
    assert prose.count("\n") == quiz.count("\n") and "id:" not in prose
    assert language_problems({"q.yml": prose}, phrases(US_SPELLING)) == [
        "q.yml:3: 'favourite': please say 'favorite' instead",
        "q.yml:10: 'practising': please say 'practicing' instead",
    ]


def test_spelling_checker_skips_code_links_and_proper_names() -> None:
    page = (
        "Set `organisation:` in [Make it yours](customise.md#colours).\n"
        "```yaml\norganisation:\n  name: Clinic\n```\n"
        "The British Association for\nCounselling and Psychotherapy offers counselling.\n"
    )
    assert language_problems({"a.md": markdown_prose(page)}, phrases(US_SPELLING)) == [
        "a.md:7: 'counselling': please say 'counseling' instead"
    ]


def test_known_near_copies_of_the_sources_are_gone() -> None:
    texts = {f"docs/{p}": (DOCS / p).read_text() for p in doc_pages()}
    # Translated pages repeat the English heading ids, so their anchors are read too.
    texts.update(
        {
            p.relative_to(ROOT).as_posix(): p.read_text()
            for lang in LANGUAGE_DIRS
            for p in (DOCS / lang).rglob("*.md")
        }
    )
    texts.update(
        {f"docs/data/quizzes/{q.name}": quiz_prose(q.read_text()) for q in QUIZZES.glob("*.yml")}
    )
    assert len(texts) > len(doc_pages())
    assert near_copy_problems(texts, KNOWN_NEAR_COPIES) == []


def test_near_copy_checker_ignores_case_punctuation_and_line_breaks() -> None:
    texts = {
        "a.md": "Ask: what taught me that it was" + "n\u2019t\nsafe to depend on others?",
        "b.md": "Needing support is human.",
        "c.yml": quiz_prose(
            'options:\n  - text: "Feeling weak or guilty\n      for needing support"\n'
        ),
    }
    assert near_copy_problems(texts, KNOWN_NEAR_COPIES) == [
        "a.md: repeats a source article word for word: "
        "'What taught me that it was not safe to depend on others'; say it in your own words",
        "c.yml: repeats a source article word for word: "
        "'Feeling weak or guilty for needing support'; say it in your own words",
    ]


def test_every_image_has_alt_text(site_dir: Path) -> None:
    html = {p: (site_dir / p).read_text() for p in site_pages(site_dir)}
    md = {f"docs/{p}": (DOCS / p).read_text() for p in doc_pages()}
    assert image_problems(html, md) == []


def test_image_checker_finds_missing_alt_text() -> None:
    html = {"a.html": '<img src="x.png"><img src="y.png" alt="A tree"><img src="z.png" alt=" ">'}
    md = {"a.md": "Text\n![](pic.png) and ![A calm lake](lake.png)"}
    assert image_problems(html, md) == [
        "a.html: image x.png has no alt text",
        "a.html: image z.png has no alt text",
        "a.md:2: image has no alt text: ![...](...)",
    ]


def test_every_tooltip_term_is_in_the_glossary() -> None:
    abbreviations = (DOCS / "includes" / "abbreviations.md").read_text()
    assert "*[" in abbreviations
    glossary = (DOCS / "about" / "glossary.md").read_text()
    assert glossary_problems(abbreviations, glossary) == []


def test_glossary_checker_finds_a_missing_term() -> None:
    abbreviations = (
        "*[burnout]: Deep tiredness.\n*[Burnout]: Deep tiredness.\n*[grit]: Keeping on.\n"
        "*[camouflaging]: Hiding.\n*[young carer]: A child who cares.\n*[hiding]: Masking."
    )
    glossary = (
        "# Glossary\n\nBurnout\n:   Deep tiredness.\n\nMasking (camouflaging)\n:   Hiding.\n\n"
        "Young carers\n:   Children who care.\n"
    )
    assert glossary_problems(abbreviations, glossary) == [
        "docs/includes/abbreviations.md: 'grit' has a tooltip but no entry on about/glossary.md",
        "docs/includes/abbreviations.md: 'hiding' has a tooltip but no entry on about/glossary.md",
    ]


# The learning path -----------------------------------------------------------------------


def _lesson_order() -> list[str]:
    return [p for p in load_nav() if p.startswith("learn/") and p != "learn/index.md"]


def test_each_lesson_leads_to_the_next_in_nav_order() -> None:
    order = _lesson_order()
    assert sorted(order) == sorted(lesson_pages())
    pages = {p: (DOCS / p).read_text() for p in [*order, "learn/index.md"]}
    assert path_problems(order, pages, "learn/index.md") == []


def test_path_checker_finds_a_skipped_lesson() -> None:
    pages = {
        "learn/a.md": "- Next lesson: [C](c.md)\n",
        "learn/b.md": "- Next lesson: [C](c.md)\n",
        "learn/c.md": "- Next lesson: [A](a.md)\n",
        "learn/index.md": "1. [A](a.md)\n2. [C](c.md)\n3. [B](b.md)\n[Start](a.md)",
    }
    assert path_problems(["learn/a.md", "learn/b.md", "learn/c.md"], pages, "learn/index.md") == [
        "learn/a.md: needs one '- Next lesson:' link, to learn/b.md (found ['learn/c.md'])",
        "learn/c.md: the last lesson has a 'Next lesson:' link",
        "learn/index.md: lists the lessons as ['learn/a.md', 'learn/c.md', 'learn/b.md'], "
        "the nav as ['learn/a.md', 'learn/b.md', 'learn/c.md']",
    ]
