"""Scoring in Python: reverse keys, dimensions, the skipped-item rule, band edges, rounding,
and the golden answer sets (the browser checks the same sets in test_quiz_browser.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from macros.quiz.load import load_text
from macros.quiz.model import SelfReflection
from macros.quiz.scoring import Score, band_for, score, scored_value
from tests.quiz_helpers import ANSWERS, answer_files, golden_cases, page_exists, self_reflection_ids

QUIZ = """\
type: self-reflection
version: 1
title: T
min_answered: {min}
scale: [{{value: 0, label: a}}, {{value: 1, label: b}}, {{value: 2, label: c}},
        {{value: 3, label: d}}, {{value: 4, label: e}}]
dimensions:
  - id: x
    title: X
    bands:
      - {{min: 0, max: 1.5, title: low, text: t}}
      - {{min: 1.5, max: 2.5, title: mid, text: t}}
      - {{min: 2.5, max: 4, title: high, text: t}}
  - id: y
    title: Y
    bands: [{{min: 0, max: 4, title: all, text: t}}]
overall:
  bands: [{{min: 0, max: 2, title: lower, text: t}}, {{min: 2, max: 4, title: upper, text: t}}]
items:
{items}
"""


def _quiz(n_x: int = 4, n_y: int = 1, min_answered: float = 0.8) -> SelfReflection:
    items = [f"  - {{id: x{i}, text: t, dimension: x, reverse: {i == 0}}}" for i in range(n_x)]
    items += [f"  - {{id: y{i}, text: t, dimension: y}}" for i in range(n_y)]
    text = QUIZ.format(min=min_answered, items="\n".join(items))
    quiz = load_text("t.yml", "t", text, page_exists).quiz
    assert isinstance(quiz, SelfReflection)
    return quiz


def test_reverse_keyed_items_count_from_the_other_end() -> None:
    quiz = _quiz()
    assert [scored_value(quiz, "x0", v) for v in range(5)] == [4, 3, 2, 1, 0]
    assert [scored_value(quiz, "x1", v) for v in range(5)] == [0, 1, 2, 3, 4]


def test_dimensions_and_overall_are_means_of_answered_items() -> None:
    result = score(_quiz(), {"x0": 0, "x1": 1, "x2": 2, "x3": 3, "y0": 4})
    assert result["x"].score == (4 + 1 + 2 + 3) / 4
    assert result["y"].score == 4
    assert result[""].score == (4 + 1 + 2 + 3 + 4) / 5
    assert [result[k].band.title for k in ("x", "y", "")] == ["high", "all", "upper"]  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("answered", "min_answered", "scored"),
    [
        (4, 0.8, True),
        (3, 0.8, False),
        (7, 0.7, True),
        (6, 0.7, False),
        (1, 0.0, True),
        (0, 0.0, False),
    ],
)
def test_skipped_items_rule(answered: int, min_answered: float, scored: bool) -> None:
    n = 10 if min_answered == 0.7 else 5
    quiz = _quiz(n_x=n, min_answered=min_answered)
    answers: dict[str, int | None] = {f"x{i}": 2 if i < answered else None for i in range(n)}
    result = score(quiz, answers)["x"]
    assert (result.score is not None) is scored
    assert result.answered == answered and result.total == n
    assert (result.band is None) is (not scored)


def test_unscored_items_count_in_no_score_but_may_open_support() -> None:
    text = QUIZ.format(
        min=0.8,
        items="\n".join(
            [
                "  - {id: x0, text: t, dimension: x}",
                "  - {id: x1, text: t, dimension: x, scored: false, support_if: [4],"
                " support_topic: connection}",
                "  - {id: y0, text: t, dimension: y}",
            ]
        ),
    )
    quiz = load_text("t.yml", "t", text, page_exists).quiz
    assert isinstance(quiz, SelfReflection)
    assert [(i.scored, i.support_topic) for i in quiz.items] == [
        (True, "crisis"),
        (False, "connection"),
        (True, "crisis"),
    ]
    result = score(quiz, {"x0": 1, "x1": 4, "y0": 3})
    assert (result["x"].score, result["x"].answered, result["x"].total) == (1, 1, 1)
    assert (result[""].score, result[""].total) == (2, 2)
    # Unanswered, the unscored item does not count against min_answered either.
    assert score(quiz, {"x0": 1, "y0": 3})["x"].score == 1


def test_prefer_not_to_say_and_values_off_the_scale_count_as_unanswered() -> None:
    result = score(_quiz(), {"x0": None, "x1": 9, "x2": 2, "x3": 2})["x"]
    assert result.answered == 2 and result.score is None


@pytest.mark.parametrize(
    ("value", "title"),
    [
        (0, "low"),
        (1.4999, "low"),
        (1.5, "mid"),
        (2.4999, "mid"),
        (2.5, "high"),
        (4, "high"),
        (4.0001, None),
        (-0.1, None),
    ],
)
def test_band_lookup_at_every_edge(value: float, title: str | None) -> None:
    bands = _quiz().dimensions[0].bands
    band = band_for(bands, value, 4)
    assert (band.title if band else None) == title


@pytest.mark.parametrize(
    ("value", "rounded"),
    [(2.25, "2.3"), (1.35, "1.4"), (2.0, "2.0"), (1 / 3, "0.3"), (None, None)],
)
def test_scores_are_rounded_half_up_like_javascript(
    value: float | None, rounded: str | None
) -> None:
    assert Score(value, 1, 1, None).rounded == rounded


def _check(expect: dict[str, Any], got: dict[str, tuple[str | None, str | None]]) -> None:
    wanted = {"": expect["overall"], **expect["dimensions"]}
    assert set(wanted) == set(got)
    for key, want in wanted.items():
        assert got[key] == (want["score"], want["band"]), key or "overall"


@pytest.mark.parametrize("path", answer_files(), ids=lambda p: p.stem)
def test_golden_answers_in_python(path: Path) -> None:
    qf, cases = golden_cases(path)
    assert isinstance(qf.quiz, SelfReflection)
    assert len(cases) >= 3, "give at least all lowest, all highest and a mixed profile"
    for case in cases:
        result = score(qf.quiz, case["answers"])
        got = {k: (s.rounded, s.band.title if s.band else None) for k, s in result.items()}
        _check(case["expect"], got)


def test_every_self_reflection_quiz_has_golden_answers() -> None:
    missing = [q for q in self_reflection_ids() if not (ANSWERS / f"{q}.yml").exists()]
    assert not missing, f"add tests/golden/answers/<id>.yml for: {', '.join(missing)}"
