"""A translation cannot change meaning silently (issue 18, item 7): the string tables are
read like quiz files (no anchors, aliases or tags), each string keeps the English
``{placeholders}`` the code fills in, a key left out is named in a warning (its English
text is shown meanwhile), and a work's id written twice in references.yml is refused.

Each case is a small file of the test's own, read by the functions the build uses.
"""

from __future__ import annotations

import importlib
import time
from pathlib import Path
from typing import Any

import pytest

from macros.quiz.strings import StringTableError
from macros.references import reference_problems

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
