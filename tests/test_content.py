"""Content checks: reading level, lesson front matter, nav, kind language, alt text and
quiz use. Each checker has a small negative test that proves it can fail."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from tests.content import (
    DOCS,
    QUIZZES,
    ROOT,
    doc_pages,
    front_matter,
    glossary_problems,
    image_problems,
    lesson_pages,
    lesson_problems,
    load_nav,
    nav_problems,
    quiz_use_problems,
)
from tests.harness import site_pages
from tests.language import Phrase, language_problems, phrases
from tests.readability import Reading, page_reading, prose_blocks, reading, syllables

#: US school grade that reader-facing prose must not exceed (Flesch-Kincaid).
MAX_GRADE = 8.0
#: Pages written for clinics and editors: their grade is reported, not enforced, since
#: they must name settings and files ("mkdocs.yml", "GitHub Actions").
REPORT_ONLY = ("clinics/", "editors/")


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
        '</div><aside class="hi-lesson-meta"><p>Sources</p></aside><ul><li>One</li>'
        "<li>Two</li></ul></article>"
    )
    assert prose_blocks(html) == ["Title", "Breathe.", "One", "Two"]
    assert reading(["One", "Two"]) == Reading(words=2, sentences=2, syllables=2)


def test_syllables_are_counted_per_part() -> None:
    assert syllables("help") == 1
    assert syllables("about") == 2
    assert syllables("hyper-independence") == 6


# Front matter and nav --------------------------------------------------------------------


#: Reference ids defined in the content-evidence branch's docs/data/references.yml
#: (commit 74349d8), which this branch's pages cite but do not repeat. Bridge until the
#: two branches are merged and the content tests check every id against that file.
REFERENCE_IDS_ELSEWHERE = (
    "senio-psychreg",
    "johnson-blog",
    "who-2019-burnout",
    "maslach-leiter-2016-burnout",
    "gulliver-2010-help-seeking",
    "clement-2015-stigma",
    "markus-kitayama-1991-culture",
    "samhsa-2014-trauma-informed",
    "samhsa-2014-tip57",
    "mikulincer-shaver-2016-attachment",
    "felitti-1998-ace",
    "goldberg-2022-meditation",
    "britton-2021-meditation",
    "treleaven-2018-mindfulness",
)


def _reference_ids() -> list[str]:
    """Ids in docs/data/references.yml, plus the ones defined in the other branch."""
    path = DOCS / "data" / "references.yml"
    data = yaml.safe_load(path.read_text()) if path.exists() else {}
    return [*(data or {}), *REFERENCE_IDS_ELSEWHERE]


def test_every_lesson_has_valid_front_matter() -> None:
    references = "\n".join([(DOCS / "about" / "references.md").read_text(), *_reference_ids()])
    lessons = lesson_pages()
    assert len(lessons) >= 6
    problems = [
        problem
        for page in lessons
        for problem in lesson_problems(page, front_matter((DOCS / page).read_text()), references)
    ]
    assert not problems, "\n".join(problems)


def test_lesson_checker_finds_each_problem() -> None:
    meta = {
        "title": "",
        "reviewed": dt.date(2026, 11, 23),
        "next_review": dt.date(2026, 1, 1),
        "sources": ["Unknown book"],
    }
    assert lesson_problems("learn/x.md", meta, references="Known book") == [
        "learn/x.md: front matter: description missing",
        "learn/x.md: front matter: title must be text",
        "learn/x.md: front matter: next_review must come after reviewed",
        "learn/x.md: front matter: source 'Unknown book' is not cited word for word "
        "on about/references.md",
    ]
    bad_types = {"title": "T", "description": "D", "reviewed": "soon", "next_review": "later"}
    assert lesson_problems("x.md", {**bad_types, "sources": []}, "") == [
        "x.md: front matter: reviewed must be a date like 2026-11-23",
        "x.md: front matter: next_review must be a date like 2026-11-23",
        "x.md: front matter: sources must be a list with at least one item",
    ]


def test_every_page_has_title_and_description_in_front_matter() -> None:
    problems = []
    for page in doc_pages():
        meta = front_matter((DOCS / page).read_text())
        problems += [f"{page}: {f} missing" for f in ("title", "description") if not meta.get(f)]
    assert not problems, "\n".join(problems)


def test_lessons_show_review_dates_and_sources(site_dir: Path) -> None:
    for page in lesson_pages():
        html = (site_dir / _built(page)).read_text()
        assert 'class="hi-lesson-meta"' in html, page
        assert "Last reviewed:" in html and "Next review:" in html, page
    assert "hi-lesson-meta" not in (site_dir / "get-support" / "index.html").read_text()


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


def test_every_quiz_file_is_used_by_exactly_one_page() -> None:
    ids = [q.stem for q in QUIZZES.glob("*.yml")]
    assert ids, "no quiz files found"
    pages = {f"docs/{p}": (DOCS / p).read_text() for p in doc_pages()}
    assert quiz_use_problems(ids, pages) == []


def test_quiz_use_checker_finds_unused_repeated_and_missing_quizzes() -> None:
    pages = {
        "a.md": '{{ quiz("one") }}\n{{ quiz("missing") }}\n'
        '{% raw %}`{{ quiz("two") }}`{% endraw %}',
        "b.md": "{{quiz('one')}}\n{%- raw -%}\n```\n{{ quiz('two') }}\n```\n{%- endraw -%}",
    }
    assert quiz_use_problems(["one", "two"], pages) == [
        "docs/data/quizzes/one.yml: used 2 times (a.md, b.md); each quiz belongs on one page",
        "docs/data/quizzes/two.yml: not used on any page",
        "a.md: quiz('missing') has no file",
    ]


def test_every_tooltip_term_is_in_the_glossary() -> None:
    abbreviations = (DOCS / "includes" / "abbreviations.md").read_text()
    assert "*[" in abbreviations
    glossary = (DOCS / "about" / "glossary.md").read_text()
    assert glossary_problems(abbreviations, glossary) == []


def test_glossary_checker_finds_a_missing_term() -> None:
    abbreviations = "*[burnout]: Deep tiredness.\n*[Burnout]: Deep tiredness.\n*[grit]: Keeping on."
    glossary = "# Glossary\n\nBurnout\n:   Deep tiredness.\n"
    assert glossary_problems(abbreviations, glossary) == [
        "docs/includes/abbreviations.md: 'grit' has a tooltip but no entry on about/glossary.md"
    ]
