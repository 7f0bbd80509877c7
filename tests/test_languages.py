"""The Spanish site at /es/: strings, quiz translations with the same scoring, the links
between languages, the translation notice and a search index per language."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from macros.quiz.errors import QuizError
from macros.quiz.load import load_text
from macros.quiz.model import SelfReflection
from macros.quiz.overlay import overlay, untranslated
from macros.quiz.scoring import score
from macros.quiz.strings import tables
from tests.content import doc_pages
from tests.harness import ENGINE, site_pages, translations
from tests.quiz_helpers import QUIZZES, answer_files, golden_cases, page_exists
from tests.readability_es import lectura, page_lectura
from tests.readability_es import syllables as syllables_es
from tests.test_content import _built

ROOT = Path(__file__).resolve().parents[1]
ES_QUIZZES = ROOT / "docs" / "es" / "data" / "quizzes"


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
    assert set(translations()) <= set(table), "each mkdocs.<lang>.yml needs a strings table"
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
            assert (mine.shown, mine.answered) == (theirs.shown, theirs.answered), case["name"]
            assert (None if mine.band is None else bands.index(mine.band)) == (
                None if theirs.band is None else en_bands.index(theirs.band)
            ), f"{case['name']}: {key or 'overall'}"


def test_spanish_pages_are_spanish_and_say_they_await_review(site_dir: Path) -> None:
    pages = [p for p in site_pages(site_dir) if p.startswith("es/") and "/assets/" not in p]
    assert len(pages) >= 25
    english = tables()["en"]
    shown = [v for v in english["js"].values() if "{" not in v] + [
        v for k, v in english.items() if k != "js" and "{" not in v and len(v) > 12
    ]
    problems = []
    for rel in pages:
        html = (site_dir / rel).read_text(encoding="utf-8")
        if '<html lang="es"' not in html:
            problems.append(f"{rel}: not <html lang=es>")
        if "data-hi-translation" not in html and rel != "es/404.html":
            problems.append(f"{rel}: no translation notice")
        problems += [f"{rel}: English {s!r}" for s in shown if s in html]
    assert problems == []


def test_language_links_and_hreflang_targets_exist(site_dir: Path) -> None:
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


def test_each_language_has_its_own_search_index(site_dir: Path) -> None:
    en, _ = _index(site_dir)
    es, es_text = _index(site_dir / "es")
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
    site_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows, too_hard = [], []
    for md in doc_pages(ROOT / "docs" / "es"):
        rel = _built(md)
        result = page_lectura((site_dir / "es" / rel).read_text(encoding="utf-8"))
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
