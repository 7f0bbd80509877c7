"""Scoring for self-reflection quizzes. quiz.js does exactly the same in the browser;
the golden answer tests (tests/golden/answers/) check that the two agree."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from macros.quiz.model import Band, SelfReflection

#: An answer: a scale value, or None for unanswered / "prefer not to say".
Answers = Mapping[str, int | None]


@dataclass(frozen=True)
class Score:
    """A dimension's (or the overall) result: the mean, or None below ``min_answered``."""

    score: float | None
    answered: int
    total: int
    band: Band | None

    @property
    def rounded(self) -> str | None:
        """The mean to 1 decimal, half up (as JS Math.round), as quiz.js writes it in
        ``data-quiz-score`` for the golden answer tests. Readers never see it: the result
        gives the band's range, since a rounded mean can fall across a band's edge."""
        return None if self.score is None else f"{math.floor(self.score * 10 + 0.5) / 10:.1f}"


def scored_value(quiz: SelfReflection, item_id: str, value: int) -> int:
    """The value counted for ``item_id``: reversed items count ``max + min - value``."""
    item = next(i for i in quiz.items if i.id == item_id)
    low, high = quiz.scale[0].value, quiz.scale[-1].value
    return high + low - value if item.reverse else value


def band_for(bands: Sequence[Band], score: float, top: float) -> Band | None:
    """The band with ``min <= score < max``; the band ending at the scale top includes it."""
    for band in bands:
        if band.min <= score < band.max or (score == band.max == top):
            return band
    return None


def _score(quiz: SelfReflection, values: list[int], total: int, bands: Sequence[Band]) -> Score:
    enough = total > 0 and bool(values) and len(values) / total >= quiz.min_answered - 1e-9
    mean = sum(values) / len(values) if enough else None
    top = quiz.scale[-1].value
    band = band_for(bands, mean, top) if mean is not None else None
    return Score(mean, len(values), total, band)


def score(quiz: SelfReflection, answers: Answers) -> dict[str, Score]:
    """Scores by dimension id, plus ``""`` for the overall score."""
    valid = {p.value for p in quiz.scale}
    per_dim: dict[str, list[int]] = {d.id: [] for d in quiz.dimensions}
    totals = dict.fromkeys(per_dim, 0)
    everything: list[int] = []
    for item in quiz.items:
        if not item.scored:  # counted in no score; it may still open the support panel
            continue
        totals[item.dimension] += 1
        value = answers.get(item.id)
        if value is None or value not in valid:
            continue
        counted = scored_value(quiz, item.id, value)
        per_dim[item.dimension].append(counted)
        everything.append(counted)
    result = {d.id: _score(quiz, per_dim[d.id], totals[d.id], d.bands) for d in quiz.dimensions}
    result[""] = _score(quiz, everything, sum(totals.values()), quiz.overall.bands)
    return result
