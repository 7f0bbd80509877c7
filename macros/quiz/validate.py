"""Checks across fields that types alone cannot express: ids, bands, answers, links."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from itertools import pairwise

from macros.quiz.decode import did_you_mean
from macros.quiz.errors import Path
from macros.quiz.model import (
    Band,
    KnowledgeCheck,
    Quiz,
    ReflectionExercise,
    SelfReflection,
)
from macros.quiz.source import Source

#: Tells whether a docs-relative page (``learn/healing.md``) exists.
PageExists = Callable[[str], bool]


def check(quiz: Quiz, src: Source, page_exists: PageExists) -> None:
    """Raise a one-line QuizError for the first problem in ``quiz``."""
    if isinstance(quiz, SelfReflection):
        _self_reflection(quiz, src, page_exists)
    elif isinstance(quiz, KnowledgeCheck):
        _unique((q.id for q in quiz.questions), ("questions",), src)
        _knowledge(quiz, src)
    elif isinstance(quiz, ReflectionExercise):
        _unique((p.id for p in quiz.prompts), ("prompts",), src)


def _unique(ids: Iterable[str], path: Path, src: Source) -> None:
    seen: set[str] = set()
    for i, ident in enumerate(ids):
        if ident in seen:
            raise src.error((*path, i, "id"), f"{ident!r} is used twice; give each a new id")
        seen.add(ident)


def _self_reflection(quiz: SelfReflection, src: Source, page_exists: PageExists) -> None:
    values = [p.value for p in quiz.scale]
    for i in range(1, len(values)):
        if values[i] <= values[i - 1]:
            raise src.error(
                ("scale", i, "value"),
                "values must go up from one answer to the "
                f"next (like 0, 1, 2); {values[i]} comes after {values[i - 1]}",
            )
    _unique((d.id for d in quiz.dimensions), ("dimensions",), src)
    _unique((it.id for it in quiz.items), ("items",), src)
    dims = [d.id for d in quiz.dimensions]
    used = set()
    for i, item in enumerate(quiz.items):
        if item.dimension not in dims:
            raise src.error(
                ("items", i, "dimension"),
                f"{item.dimension!r} is not one of "
                f"the dimensions ({', '.join(dims)})" + did_you_mean(item.dimension, dims),
            )
        used.add(item.dimension)
        for j, v in enumerate(item.support_if):
            if v not in values:
                raise src.error(
                    ("items", i, "support_if", j),
                    f"{v} is not a value on the scale ({', '.join(map(str, values))})",
                )
    for i, dim in enumerate(quiz.dimensions):
        if dim.id not in used:
            raise src.error(
                ("dimensions", i, "id"),
                f"no item has dimension: {dim.id}; add items or remove the dimension",
            )
        _bands(dim.bands, ("dimensions", i, "bands"), values, src, page_exists)
    _bands(quiz.overall.bands, ("overall", "bands"), values, src, page_exists)


def _num(x: float) -> str:
    return f"{x:g}"


def _bands(
    bands: Sequence[Band], path: Path, values: list[int], src: Source, page_exists: PageExists
) -> None:
    for i, band in enumerate(bands):
        if band.min >= band.max:
            raise src.error(
                (*path, i), f"min ({_num(band.min)}) must be less than max ({_num(band.max)})"
            )
        for j, step in enumerate(band.next):
            page = step.page.split("#", 1)[0]
            if not page_exists(page):
                raise src.error(
                    (*path, i, "next", j, "page"),
                    f"{step.page!r} does not exist "
                    "in docs/; give a page path like learn/healing.md",
                )
    ordered = sorted(bands, key=lambda b: b.min)
    low, high = values[0], values[-1]
    if ordered[0].min != low:
        raise src.error(
            path,
            f"the lowest band must start at the scale's lowest value "
            f"{low} (it starts at {_num(ordered[0].min)})",
        )
    for prev, band in pairwise(ordered):
        if band.min > prev.max:
            raise src.error(
                path,
                f"gap between {_num(prev.max)} and {_num(band.min)}; "
                "make each band's min equal the previous band's max",
            )
        if band.min < prev.max:
            raise src.error(
                path,
                f"overlap between {_num(band.min)} and {_num(prev.max)}; "
                "make each band's min equal the previous band's max",
            )
    if ordered[-1].max != high:
        raise src.error(
            path,
            f"the highest band must end at the scale's highest value "
            f"{high} (it ends at {_num(ordered[-1].max)})",
        )


def _knowledge(quiz: KnowledgeCheck, src: Source) -> None:
    for i, q in enumerate(quiz.questions):
        where = ("questions", i)
        if q.kind == "true-false":
            if q.options:
                raise src.error(
                    (*where, "options"),
                    "a true-false question has no options; "
                    "remove them and set answer: true or false",
                )
            if q.answer is None:
                raise src.error(
                    where,
                    "answer: missing; a true-false question needs "
                    "answer: true (fact) or answer: false (myth)",
                )
            continue
        if q.answer is not None:
            raise src.error(
                (*where, "answer"),
                "only for true-false questions; mark the right option with correct: true instead",
            )
        if len(q.options) < 2:
            raise src.error(
                (*where, "options"), f"at least 2 options needed (found {len(q.options)})"
            )
        right = sum(o.correct for o in q.options)
        if q.kind == "single" and right != 1:
            raise src.error(
                (*where, "options"),
                f"a single-choice question needs exactly one "
                f"option with correct: true (found {right})",
            )
        if q.kind == "multiple" and right < 1:
            raise src.error(
                (*where, "options"),
                "a multiple-choice question needs at least one option with correct: true",
            )
