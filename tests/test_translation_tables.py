"""A translation cannot change meaning silently (issue 18, item 7): a translated quiz gives
each answer's words by the answer's id, so a change of order cannot mark the wrong answer
right; the string tables are
read like quiz files (no anchors, aliases or tags), each string keeps the English
``{placeholders}`` the code fills in, a key left out is named in a warning (its English
text is shown meanwhile), and a work's id written twice in references.yml is refused.

Each case is a small file of the test's own, read by the functions the build uses.
"""

from __future__ import annotations

import importlib
import re
import time
from pathlib import Path
from typing import Any

import pytest
import yaml

from macros.clinic import CLINIC_FILE
from macros.quiz.errors import QuizError
from macros.quiz.overlay import overlay
from macros.quiz.strings import StringTableError
from macros.references import reference_problems
from tests.harness import ROOT, BuildError, build_site, copy_project

DOCS = ROOT / "docs"

#: The module (``macros.quiz.strings`` the name is also its function ``strings``).
tables = importlib.import_module("macros.quiz.strings")
ENGLISH: dict[str, Any] = {
    "key_range": "From {min} to below {max}",
    "right_answer": "In line with the lesson:",
    "months": ["January {year}", "February {year}"],
    "js": {"score": "About {score} on a scale from {min} to {max}", "undo": "Undo"},
}
BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{n}: &{n} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n"
    for p, n in zip("abcdefgh", "bcdefghi", strict=True)
)


def _check(own: dict[str, Any]) -> None:
    tables._check_keys(Path("strings.xx.yml"), own, ENGLISH)


@pytest.mark.parametrize(
    ("own", "expected"),
    [
        (
            {"key_range": "De {mni} a menos de {max}"},
            "macros/quiz/strings.xx.yml: key_range: lacks {min} and has {mni}, unlike the "
            "English text; keep each of {max}, {min} exactly as written (the code fills it "
            "in) and translate the words around it",
        ),
        ({"key_range": "De {min} en adelante"}, "key_range: lacks {max}, unlike"),
        ({"right_answer": "Según {la} lección:"}, "right_answer: has {la}, unlike"),
        ({"js": {"score": "{score} de {max}"}}, "js.score: lacks {min}, unlike"),
        ({"months": ["Enero {year}", "Febrero {anio}"]}, "months: has {anio}, unlike"),
        ({"key_rang": "De {min} a {max}"}, "key_rang: no such string in strings.yml; did you mean"),
    ],
)
def test_a_string_that_changes_its_placeholders_is_refused(
    own: dict[str, Any], expected: str
) -> None:
    with pytest.raises(StringTableError) as refused:
        _check(own)
    assert str(refused.value).startswith("macros/quiz/strings.xx.yml: ")
    assert expected in str(refused.value), refused.value


def test_a_key_left_out_is_named_in_a_warning(capsys: pytest.CaptureFixture[str]) -> None:
    _check({"key_range": "De {min} a menos de {max}", "months": ["Enero {year}"]})
    err = capsys.readouterr().err
    assert err.count("\n") == 1, err
    assert err == (
        "WARNING -  macros/quiz/strings.xx.yml: right_answer, js.score, js.undo: missing, so "
        "these show in English on the xx pages; add them, translated\n"
    )


def test_a_complete_table_passes_quietly(capsys: pytest.CaptureFixture[str]) -> None:
    _check(
        {
            "key_range": "De {min} a menos de {max}",
            "right_answer": "Según la lección:",
            "months": ["Enero {year}", "Febrero {year}"],
            "js": {"score": "Cerca de {score}, de {min} a {max}", "undo": "Deshacer"},
        }
    )
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "next: &n Sigue\nread_more: *n\n",
            "macros/quiz/strings.xx.yml: anchors and aliases (& and *) are not used in string "
            "tables; write the text out in full (line 1)",
        ),
        (BOMB, "anchors and aliases (& and *) are not used in string tables"),
        ("next: !!python/name:os.system x\n", "tags like !!python/name:os.system are not used"),
        ("next: " + "[" * 60 + "]" * 60 + "\n", "nested more than 20 deep"),
    ],
)
def test_a_table_with_anchors_tags_or_deep_nesting_is_refused_at_once(
    tmp_path: Path, text: str, expected: str
) -> None:
    path = tmp_path / "strings.xx.yml"
    path.write_text(text, encoding="utf-8")
    start = time.monotonic()
    with pytest.raises(StringTableError) as refused:
        tables._read(path)
    assert time.monotonic() - start < 2
    assert expected in str(refused.value), refused.value


def test_the_shipped_tables_keep_every_placeholder() -> None:
    english = tables.tables()["en"]
    for language, own in tables.tables().items():
        flat, known = tables._flat(own), tables._flat(english)
        for key, value in flat.items():
            assert tables.placeholders(value) == tables.placeholders(known[key]), (language, key)


REFERENCE = """{id}:
  type: book
  authors: ["Neff, K."]
  year: 2011
  title: "Self-compassion"
  publisher: "William Morrow"
  isbn: "9780061733512"
  confirmed_at: "https://example.org/record"
  supports: "Being kind to yourself"
"""


def test_a_work_id_written_twice_is_refused_with_both_lines() -> None:
    text = REFERENCE.format(id="neff-2011") + REFERENCE.format(id="neff-2011")
    assert reference_problems(text, "docs/data/references.yml") == [
        "docs/data/references.yml: neff-2011: this id is written twice (lines 1 and 10); "
        "give each work its own id"
    ]


def test_a_field_written_twice_is_refused() -> None:
    text = REFERENCE.format(id="neff-2011") + "  year: 2012\n"
    assert reference_problems(text, "r.yml") == [
        "r.yml: neff-2011.year: this field is written twice (lines 4 and 10); keep one"
    ]


# Quiz overlays: answers by their ids, never by position -----------------------------------

QUESTION: dict[str, Any] = {
    "questions": [
        {
            "id": "q1",
            "kind": "single",
            "text": "Which?",
            "options": [
                {"id": "fear", "text": "From fear", "correct": True},
                {"id": "strength", "text": "From strength", "correct": False},
            ],
        }
    ]
}


def test_answers_given_by_id_keep_their_scoring_in_any_order() -> None:
    spanish = {
        "questions": {
            "q1": {"options": {"strength": {"text": "Por fuerza"}, "fear": {"text": "Por miedo"}}}
        }
    }
    merged = overlay(QUESTION, spanish, "es.yml")
    options = merged["questions"][0]["options"]
    assert [(o["text"], o["correct"]) for o in options] == [
        ("Por miedo", True),
        ("Por fuerza", False),
    ]


def test_answers_given_by_position_where_the_english_has_ids_are_refused() -> None:
    spanish = {"questions": {"q1": {"options": [{"text": "Por fuerza"}, {"text": "Por miedo"}]}}}
    with pytest.raises(QuizError) as refused:
        overlay(QUESTION, spanish, "docs/es/data/quizzes/x.yml")
    assert str(refused.value) == (
        "docs/es/data/quizzes/x.yml: questions.q1.options: give these by their ids, as the "
        "English file names them (fear, strength), each followed by its text (like fear:), "
        "not as a list: by position, a change of order would give an answer the wrong words"
    )


def test_answers_of_an_english_file_without_ids_are_matched_by_position_with_a_warning(
    capsys: pytest.CaptureFixture[str],
) -> None:
    english = {
        "questions": [
            {"id": "q2", "options": [{"text": "A", "correct": True}, {"text": "B"}]},
        ]
    }
    spanish = {"questions": {"q2": {"options": [{"text": "Ae"}, {"text": "Be"}]}}}
    merged = overlay(english, spanish, "docs/es/data/quizzes/old.yml")
    assert merged["questions"][0]["options"][0] == {"text": "Ae", "correct": True}
    assert capsys.readouterr().err == (
        "WARNING -  docs/es/data/quizzes/old.yml: questions.q2.options: the answers are "
        "matched to the English ones by position; give each English option an id and write "
        "the translation by those ids, so a change of order cannot give an answer the wrong "
        "words\n"
    )


def test_every_shipped_answer_has_an_id_and_every_translation_uses_them() -> None:
    for english in sorted((DOCS / "data" / "quizzes").glob("*.yml")):
        data = yaml.safe_load(english.read_text(encoding="utf-8"))
        for question in data.get("questions") or []:
            for option in question.get("options") or []:
                assert option.get("id"), (english.name, question["id"], option["text"])
    for translation in sorted(DOCS.glob("*/data/quizzes/*.yml")):
        data = yaml.safe_load(translation.read_text(encoding="utf-8"))
        for qid, question in (data.get("questions") or {}).items():
            assert not isinstance(question.get("options"), list), (translation, qid)


# A Spanish file's mistake named at the Spanish file -----------------------------------------


def _spanish_build_fails(project: Path, tmp_path: Path) -> str:
    """Build the copy's Spanish pages: the one error line (no traceback)."""
    with pytest.raises(BuildError) as failure:
        build_site(tmp_path / "site", project=project, config_file="mkdocs.es.yml")
    out = str(failure.value)
    assert "Traceback" not in out, out
    errors = [line for line in out.splitlines() if re.match(r"(ERROR\s+-\s+|Error: )", line)]
    assert len(errors) == 1, out
    return errors[0]


@pytest.fixture
def spanish_copy(tmp_path: Path) -> Path:
    project = copy_project(tmp_path / "project")
    if not (project / "docs" / "es").is_dir() or not (project / "mkdocs.es.yml").is_file():
        pytest.fail("the copy has no Spanish pages to try", pytrace=False)
    (project / CLINIC_FILE).unlink(missing_ok=True)  # Spanish on, as the project ships it
    return project


def test_a_spanish_page_s_front_matter_is_named_at_its_own_path(
    spanish_copy: Path, tmp_path: Path
) -> None:
    page = next(p for p in sorted((spanish_copy / "docs" / "es" / "learn").glob("*.md")))
    text = page.read_text(encoding="utf-8")
    page.write_text(re.sub(r"^reviewed:.*\n", "", text, count=1, flags=re.M), encoding="utf-8")
    line = _spanish_build_fails(spanish_copy, tmp_path)
    assert line.endswith(
        f"docs/es/learn/{page.name}: reviewed: missing from the front matter; add it"
    )


def test_a_spanish_crisis_line_is_named_at_mkdocs_es_yml_and_its_line(
    spanish_copy: Path, tmp_path: Path
) -> None:
    config = spanish_copy / "mkdocs.es.yml"
    text = config.read_text(encoding="utf-8")
    found = re.search(r'^(\s+phone: )"[^"]*"', text, re.M)
    assert found, "mkdocs.es.yml has no crisis line with a phone to break"
    config.write_text(text[: found.end(1)] + '"call us"' + text[found.end() :], encoding="utf-8")
    number = 1 + text[: found.start()].count("\n")
    line = _spanish_build_fails(spanish_copy, tmp_path)
    assert re.search(
        r"mkdocs\.es\.yml: extra\.crisis_lines\[\d+\]\.phone: \"call us\" is not a phone number; "
        rf".* \(line {number}\)$",
        line,
    ), line


def test_a_missing_spanish_page_a_quiz_links_to_is_named_as_missing_there(
    spanish_copy: Path, tmp_path: Path
) -> None:
    # A page the English quizzes link to (a `next:` or `see:`), taken out of the Spanish
    # pages and their menu.
    linked = sorted(
        set(re.findall(r"(?:page|see): (learn/[a-z-]+\.md)", _quiz_texts(spanish_copy)))
    )
    page = next(p for p in linked if (spanish_copy / "docs" / "es" / p).is_file())
    (spanish_copy / "docs" / "es" / page).unlink()
    config = spanish_copy / "mkdocs.es.yml"
    config.write_text(
        re.sub(rf"^.*: {re.escape(page)}\n", "", config.read_text(encoding="utf-8"), flags=re.M),
        encoding="utf-8",
    )
    line = _spanish_build_fails(spanish_copy, tmp_path)
    assert (
        f"{page} is missing from docs/es/, and this link needs it there for the pages of that "
        f"language; translate the page into docs/es/{page}"
    ) in line, line


def _quiz_texts(project: Path) -> str:
    return "".join(
        p.read_text(encoding="utf-8")
        for p in sorted((project / "docs" / "data" / "quizzes").glob("*.yml"))
    )
