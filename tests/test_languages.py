"""The Spanish site at /es/: strings, quiz translations with the same scoring, the links
between languages, the translation notice and a search index per language.

The built pages are those of ``translated_site_dir``: the copy's own site, or the example
copy's when the copy's ``clinic.yml`` turns Spanish off (``languages: es: false``)."""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from macros import theme_strings
from macros.clinic import languages_of
from macros.quiz.errors import QuizError
from macros.quiz.load import load_text
from macros.quiz.model import SelfReflection
from macros.quiz.overlay import overlay, untranslated
from macros.quiz.scoring import score
from macros.quiz.strings import strings, tables
from tests.content import doc_pages
from tests.harness import ENGINE, site_pages
from tests.quiz_helpers import QUIZZES, answer_files, golden_cases, page_exists
from tests.readability_es import lectura, page_lectura
from tests.readability_es import syllables as syllables_es
from tests.test_content import _built

ROOT = Path(__file__).resolve().parents[1]
ES_QUIZZES = ROOT / "docs" / "es" / "data" / "quizzes"
#: Every translation of the project (``mkdocs.<lang>.yml``), whether the copy builds it or not.
LANGUAGES = languages_of(ROOT)


def missing_keys(table: dict[str, dict[str, Any]]) -> list[str]:
    """``lang: key`` for every key of ``en`` (and of ``en.js``) another language lacks."""
    en = table["en"]
    out = []
    for lang, own in table.items():
        out += [f"{lang}: {k}" for k in en if k != "js" and k not in own]
        out += [f"{lang}: js.{k}" for k in en["js"] if k not in (own.get("js") or {})]
    return out


def test_every_language_has_every_string() -> None:
    table = tables()
    assert set(LANGUAGES) <= set(table), "each mkdocs.<lang>.yml needs a strings table"
    assert missing_keys(table) == []


def test_a_missing_string_is_found() -> None:
    assert missing_keys({"en": {"a": 1, "js": {"b": 2}}, "es": {"js": {}}}) == [
        "es: a",
        "es: js.b",
    ]


@pytest.mark.parametrize("path", sorted(ES_QUIZZES.glob("*.yml")), ids=lambda p: p.stem)
def test_every_text_of_a_translated_quiz_is_translated(path: Path) -> None:
    english = yaml.safe_load((QUIZZES / path.name).read_text(encoding="utf-8"))
    merged = overlay(english, yaml.safe_load(path.read_text(encoding="utf-8")), path.name)
    assert untranslated(english, merged) == []


def test_a_translation_key_that_matches_nothing_is_one_line() -> None:
    english = {"title": "T", "items": [{"id": "a", "text": "x", "reverse": True}]}
    with pytest.raises(QuizError, match=r"^es\.yml: items\.b: no such id") as info:
        overlay(english, {"items": {"b": {"text": "y"}}}, "es.yml")
    assert "\n" not in str(info.value)
    with pytest.raises(QuizError, match=r"^es\.yml: items\.a\.reverse: is not text"):
        overlay(english, {"items": {"a": {"reverse": False}}}, "es.yml")
    with pytest.raises(QuizError, match=r"^es\.yml: intro: the English file has no such"):
        overlay(english, {"intro": "y"}, "es.yml")


def _bands(quiz: SelfReflection, key: str) -> list[object]:
    if not key:
        return list(quiz.overall.bands)
    return list(next(d for d in quiz.dimensions if d.id == key).bands)


@pytest.mark.parametrize("path", answer_files(), ids=lambda p: p.stem)
def test_spanish_and_english_score_the_golden_answers_the_same(path: Path) -> None:
    es = ES_QUIZZES / path.name
    if not es.is_file():  # the example quizzes are shown on the English guides only
        assert path.stem.startswith("example-"), f"{es}: missing"
        return
    qf, cases = golden_cases(path)
    assert isinstance(qf.quiz, SelfReflection)
    english = QUIZZES / path.name
    spanish = load_text(
        english.name,
        path.stem,
        english.read_text(encoding="utf-8"),
        page_exists,
        translation=(es.name, es.read_text(encoding="utf-8")),
    ).quiz
    assert isinstance(spanish, SelfReflection) and spanish.title != qf.quiz.title
    for case in cases:
        en_scores, es_scores = score(qf.quiz, case["answers"]), score(spanish, case["answers"])
        assert set(en_scores) == set(es_scores)
        for key, mine in es_scores.items():
            theirs = en_scores[key]
            bands, en_bands = _bands(spanish, key), _bands(qf.quiz, key)
            assert (mine.rounded, mine.answered) == (theirs.rounded, theirs.answered), case["name"]
            assert (None if mine.band is None else bands.index(mine.band)) == (
                None if theirs.band is None else en_bands.index(theirs.band)
            ), f"{case['name']}: {key or 'overall'}"


def test_spanish_pages_are_spanish_and_say_they_await_review(translated_site_dir: Path) -> None:
    site_dir = translated_site_dir
    pages = [p for p in site_pages(site_dir) if p.startswith("es/") and "/assets/" not in p]
    assert len(pages) >= 25
    problems = []
    for rel in pages:
        html = (site_dir / rel).read_text(encoding="utf-8")
        if '<html lang="es"' not in html:
            problems.append(f"{rel}: not <html lang=es>")
        if "data-hi-translation" not in html and rel != "es/404.html":
            problems.append(f"{rel}: no translation notice")
        problems += [f"{rel}: English {s!r}" for s in english_shown(html)]
    assert problems == []


def english_interface_strings() -> list[str]:
    """Every English text of the string tables that Spanish says differently (the words
    of the quizzes, the support panels, the banner, footer, notes and quick exit), as
    the page shows it: escaped, and with the text around any {placeholder}."""
    en, es = strings("en"), strings("es")
    pairs = [(v, es["js"].get(k)) for k, v in en["js"].items()]
    pairs += [(v, es.get(k)) for k, v in en.items() if k != "js" and isinstance(v, str)]
    out = []
    for english, spanish in pairs:
        if english == spanish:
            continue
        out += [p.strip() for p in re.split(r"\{\w+\}", html.escape(" ".join(english.split())))]
    return [s for s in out if re.search(r"[A-Za-z]{3}", s)]


def english_shown(page: str) -> list[str]:
    """The English interface strings in ``page``: a long one anywhere in it, a short one
    ("Privacy", "Back") as the whole text of an element or of an attribute."""
    found = []
    for s in english_interface_strings():
        if len(s) > 12:
            if s in page:
                found.append(s)
        elif re.search(rf'>\s*{re.escape(s)}\s*<|="{re.escape(s)}"', page):
            found.append(s)
    return found


def test_english_interface_strings_are_found_on_a_page() -> None:
    page = (
        '<p class="hi-announce"><a href="x">Need support now?</a></p>'
        '<footer aria-label="Disclaimer and contacts"><a href="p">Privacy</a></footer>'
        "<p>Nunca di a privacy en medio de una frase.</p><span>Call 988</span>"
    )
    # "privacy" inside a sentence and "Call" followed by a number are not the interface.
    shown = sorted(english_shown(page))
    assert shown == ["Disclaimer and contacts", "Need support now?", "Privacy"]


def test_language_links_and_hreflang_targets_exist(translated_site_dir: Path) -> None:
    site_dir = translated_site_dir
    link = re.compile(
        r'<(?:a|link rel="alternate ") (?:href="([^"]+)" hreflang|hreflang="[^"]+" href="([^"]+)")'
    )
    checked = 0
    for rel in site_pages(site_dir):
        html = (site_dir / rel).read_text(encoding="utf-8")
        for a, b in link.findall(html):
            href = a or b  # the 404 page's links start at the site's root
            target = site_dir / href[1:] if href.startswith("/") else (site_dir / rel).parent / href
            assert (target / "index.html").resolve().is_file(), f"{rel}: {href}"
            checked += 1
    if ENGINE == "zensical":  # no page lists reach Zensical's theme: home pages only
        assert checked >= 100
        return
    assert checked >= 300
    healing = (site_dir / "learn/healing/index.html").read_text(encoding="utf-8")
    assert 'hreflang="es" href="../../es/learn/healing/"' in healing
    clinics = (site_dir / "clinics/index.html").read_text(encoding="utf-8")
    assert 'rel="alternate' not in clinics  # English only: no alternates


def _index(site_dir: Path) -> tuple[list[str], str]:
    for name in ("search/search_index.json", "search.json"):
        if (site_dir / name).is_file():
            data = json.loads((site_dir / name).read_text(encoding="utf-8"))
            docs = data.get("docs") or data.get("items") or []
            return [str(d.get("location") or d.get("url") or "") for d in docs], json.dumps(data)
    raise AssertionError(f"no search index in {site_dir}")


def test_each_language_has_its_own_search_index(translated_site_dir: Path) -> None:
    en, _ = _index(translated_site_dir)
    es, es_text = _index(translated_site_dir / "es")
    assert en and es
    assert not [u for u in en if u.startswith("es/")], "English search finds Spanish pages"
    assert "hiperindependencia" in es_text.lower()
    assert "Sanar lleva tiempo" in es_text


# Plain language in Spanish -----------------------------------------------------------------

#: Fernández Huerta reading ease every Spanish reader page reaches (about US grade 8).
MIN_EASE = 70.0


@pytest.mark.parametrize(
    ("word", "count"),
    [("hoy", 1), ("bien", 1), ("poema", 3), ("leer", 2), ("día", 2), ("reúne", 3),
     ("que", 1), ("guerra", 2), ("hiperindependencia", 7), ("ayuda", 3), ("buey", 1),
     ("confianza", 3), ("tranquilo", 3), ("país", 2), ("oído", 3), ("ciudad", 2)],
)  # fmt: skip
def test_spanish_syllables(word: str, count: int) -> None:
    assert syllables_es(word) == count


def test_spanish_reading_ease_of_every_page(
    translated_site_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows, too_hard = [], []
    for md in doc_pages(ROOT / "docs" / "es"):
        rel = _built(md)
        result = page_lectura((translated_site_dir / "es" / rel).read_text(encoding="utf-8"))
        rows.append(f"es/{md:46} {result.words:6} {result.ease:6.1f}")
        if result.ease < MIN_EASE:
            too_hard.append(f"docs/es/{md}: reading ease {result.ease:.0f} (at least 70)")
    with capsys.disabled():
        print("\nSpanish reading ease (Fernández Huerta)\n" + "\n".join(rows))
    assert len(rows) >= 25
    assert not too_hard, "Shorter sentences and words help:\n" + "\n".join(too_hard)


def test_spanish_reading_ease_scores_hard_text_lower() -> None:
    easy = lectura(["Puedes pedir ayuda. Está bien. Ve a tu ritmo."])
    hard = lectura(
        [
            "La interdependencia necesariamente implica vulnerabilidad recíproca, "
            "característicamente exigiendo considerable flexibilidad psicológica "
            "y capacidad organizacional."
        ]
    )
    assert hard.ease < MIN_EASE < 90 < easy.ease


#: Template text that is not interface wording: the policy, and citation parts that are
#: the same in every language.
NOT_WORDS = {
    "hi-csp.html": None,
    "hi-references.html": {"ISBN .", "https://doi.org/"},
    # The example name the notice compares the clinic's name with; never shown by it.
    "hi-example-notice.html": {"Your clinic or community group"},
}
JINJA = re.compile(r"\{#.*?#\}|\{%.*?%\}|\{\{.*?\}\}", re.S)
LABEL_ATTR = re.compile(r'\s(?:aria-label|title|alt|placeholder)="([^"]*)"')


def template_words(path: Path) -> list[str]:
    """Words a theme template shows that are written in it, not taken from the tables:
    text between tags, and labels in attributes, with every Jinja part left out."""
    source = re.sub(r"\{#.*?#\}", "", path.read_text(encoding="utf-8"), flags=re.S)
    text = JINJA.sub(" ", source)
    found = [v for v in LABEL_ATTR.findall(text) if re.search(r"[A-Za-z]{2}", v)]
    found += [
        " ".join(chunk.split())
        for chunk in re.sub(r"<[^>]*>", "\n", text).splitlines()
        if re.search(r"[A-Za-z]{2}", chunk)
    ]
    # A text written into a Jinja expression ({{ x or "Leave this site" }}) counts too.
    for part in re.findall(r"\{\{.*?\}\}|\{%.*?%\}", source, re.S):
        found += [s for s in re.findall(r'"([^"]*)"', part) if re.search(r"[A-Z][a-z]+ [a-z]", s)]
    return found


def test_theme_templates_show_only_words_from_the_string_tables() -> None:
    problems = []
    for path in sorted((ROOT / "overrides").rglob("*.html")):
        allowed = NOT_WORDS.get(path.name, set())
        if allowed is None or path.name == "hi-strings.html":
            continue
        problems += [f"{path.name}: {w!r}" for w in template_words(path) if w not in allowed]
    assert problems == []


def test_written_words_in_a_template_are_found(tmp_path: Path) -> None:
    page = tmp_path / "t.html"
    page.write_text(
        '{# Note #}<p aria-label="Contacts">{{ hi.t.x }} Need support?</p>'
        '{{ qe.label or "Leave this site" }}<a title="{{ hi.t.y }}">{{ hi.t.z }}</a>',
        encoding="utf-8",
    )
    assert template_words(page) == ["Contacts", "Need support?", "Leave this site"]


def test_the_theme_copy_of_the_string_tables_is_current() -> None:
    # make build, make serve and make test remake it; a build stops if it is stale.
    assert theme_strings.PARTIAL.read_text(encoding="utf-8") == theme_strings.render()
    page = theme_strings.render()
    for lang, table in tables().items():
        assert f'"{lang}": {{' in page
        assert html.escape(str(table.get("banner_link", "")), quote=True) in page


def test_a_stale_theme_copy_is_remade_or_stops_the_build_in_one_line(tmp_path: Path) -> None:
    stale = tmp_path / "hi-strings.html"
    stale.write_text("{%- set hi_tables = {} %}", encoding="utf-8")
    theme_strings.check(stale)
    assert stale.read_text(encoding="utf-8") == theme_strings.render()
    with pytest.raises(theme_strings.StringsError) as info:  # a folder that is not there
        theme_strings.check(tmp_path / "gone" / "hi-strings.html")
    assert str(info.value).startswith("overrides/partials/hi-strings.html: out of date")
    assert "make build" in str(info.value) and "\n" not in str(info.value)


def script_words(text: str) -> list[str]:
    """String literals of a script that read as words ("Start again", 'Your results'),
    comments left out: a script takes its words from the tables (quiz.js gets them from
    the page, as the js: strings)."""
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    text = re.sub(r"^\s*//.*$|\s//\s.*$", "", text, flags=re.M)
    literals = re.findall(r""""([^"\n]*)"|'([^'\n]*)'|`([^`]*)`""", text)
    found = [next(s for s in group if s) for group in literals if any(group)]
    return [s for s in found if re.fullmatch(r"[A-Z][a-z]+(?: [a-z]+)+[.!?:]?", s)]


def test_scripts_show_no_words_of_their_own() -> None:
    scripts = [ROOT / "docs" / "assets" / "src" / "quiz.js"] + [
        p
        for p in sorted((ROOT / "docs" / "assets" / "javascripts").glob("*.js"))
        if p.name != "quiz.js"  # the minified copy of src/quiz.js
    ]
    problems = [f"{p.name}: {w!r}" for p in scripts for w in script_words(p.read_text())]
    assert problems == []


def test_words_written_in_a_script_are_found() -> None:
    text = 'el.textContent = "Start again"; // "Not this"\nq("input[type=radio], textarea");'
    assert script_words(text) == ["Start again"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('banner_link: "Ayuda\n', "line 1: a quote is opened but never closed"),
        ("banner_link:\n\t- x\n", "line 2: a tab is used here"),
        ("- banner_link\n", "not a table; write one `key: text` per line"),
        ("banner_link: {a: b}\n", "banner_link: is not text"),
        ("banner_lnk: Ayuda\n", "banner_lnk: no such string in strings.yml; did you mean"),
        (
            "js:\n  submit_button: Ver\n",
            "js.submit_button: no such string in strings.yml; did you mean js.submit?",
        ),
    ],
)
def test_a_mistake_in_a_string_table_is_one_line(tmp_path: Path, text: str, message: str) -> None:
    # What an editor sees from make build (python -m macros.theme_strings runs first).
    project = tmp_path / "p"
    shutil.copytree(ROOT / "macros", project / "macros", ignore=shutil.ignore_patterns("__py*"))
    shutil.copytree(ROOT / "overrides", project / "overrides")
    (project / "macros" / "quiz" / "strings.es.yml").write_text(text, encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "macros.theme_strings"],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert run.returncode == 1 and run.stdout == ""
    assert run.stderr.strip().splitlines() == [run.stderr.strip()], run.stderr
    assert run.stderr.startswith(f"macros/quiz/strings.es.yml: {message}"), run.stderr


def test_the_home_404_page_also_speaks_each_language_below_it(translated_site_dir: Path) -> None:
    # GitHub Pages shows the root 404.html for a missing address under es/ too.
    site_dir = translated_site_dir
    root = (site_dir / "404.html").read_text(encoding="utf-8")
    assert LANGUAGES
    for lang in LANGUAGES:
        own = strings(lang)
        assert re.search(
            rf'<p lang="{lang}">{re.escape(html.escape(own["not_found_title"]))}\. '
            rf'<a href="[^"]*{lang}/" hreflang="{lang}">{re.escape(own["not_found_home"])}</a>',
            root,
        ), lang
        assert 'hreflang="en">' not in (site_dir / lang / "404.html").read_text(encoding="utf-8")


#: The guides for clinics and editors stay in English (the Spanish About page says so).
ENGLISH_ONLY = ("clinics/", "editors/", "includes/", "data/")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_reader_page_has_a_page_in_each_language(lang: str) -> None:
    # The project's pages in every language, built or not: a clinic may turn one back on.
    docs = ROOT / "docs"
    others = tuple(f"{code}/" for code in LANGUAGES)
    english = {
        p.relative_to(docs).as_posix()
        for p in docs.rglob("*.md")
        if not p.relative_to(docs).as_posix().startswith(ENGLISH_ONLY + others)
    }
    own = {p.relative_to(docs / lang).as_posix() for p in (docs / lang).rglob("*.md")}
    assert sorted(english - own) == [], f"docs/{lang}/ lacks these reader pages"
