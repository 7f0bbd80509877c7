"""The quiz file format as typed, frozen models: the one definition the loader validates
with and the JSON Schema is generated from (``python -m macros.quiz.schema``).

Field metadata: ``doc`` (shown in editors), ``minimum``/``maximum`` (numbers),
``min_items``/``max_items`` and ``noun`` (lists), ``pattern`` and ``hint`` (text).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"
SLUG_HINT = "use lowercase letters, digits and hyphens, like ask-for-help"
PAGE = r"^[^#\s]+\.md(#[A-Za-z0-9_-]+)?$"


def meta(doc: str, **rules: Any) -> dict[str, Any]:
    """Field metadata: a description for editors plus validation rules."""
    return {"doc": doc, **rules}


def _slug(doc: str) -> Any:
    return field(metadata=meta(doc, pattern=SLUG, hint=SLUG_HINT))


def _text(doc: str, default: str | None = None) -> Any:
    if default is None:
        return field(metadata=meta(doc))
    return field(default=default, metadata=meta(doc))


_VERSION = meta("Bump by one when you change the items: old saved answers are then ignored.")
_REMEMBER = meta(
    "Days that answers are kept when a reader ticks 'Remember my answers'.", minimum=1, maximum=365
)


@dataclass(frozen=True, kw_only=True)
class NextStep:
    """A lesson to read next."""

    page: str = field(
        metadata=meta(
            "A page inside docs/, like learn/healing.md (may end with #a-heading).",
            pattern=PAGE,
            hint="give a docs page like learn/healing.md",
        )
    )
    label: str = _text("The link text.")


@dataclass(frozen=True, kw_only=True)
class Band:
    """A result band: covers min <= score < max (the top band includes the scale's top)."""

    min: float = field(metadata=meta("Lowest score in this band (included)."))
    max: float = field(metadata=meta("Score where the next band starts (excluded)."))
    title: str = _text("A short, kind heading for this result.")
    text: str = _text("A few plain sentences about what this result may mean.")
    next: tuple[NextStep, ...] = field(
        default=(), metadata=meta("Lessons to read next.", noun="links", max_items=5)
    )


@dataclass(frozen=True, kw_only=True)
class ScalePoint:
    """One answer on the shared scale."""

    value: int = field(metadata=meta("The number this answer scores."))
    label: str = _text("The answer's words, like Sometimes.")


@dataclass(frozen=True, kw_only=True)
class Dimension:
    """A part of the quiz that gets its own score."""

    id: str = _slug("A short unique name, used by items' dimension field.")
    title: str = _text("The heading readers see.")
    bands: tuple[Band, ...] = field(
        metadata=meta("Result bands covering the whole scale.", noun="bands", min_items=1)
    )


@dataclass(frozen=True, kw_only=True)
class Overall:
    """Result bands for the overall score (the mean of all answered items)."""

    bands: tuple[Band, ...] = field(
        metadata=meta("Result bands covering the whole scale.", noun="bands", min_items=1)
    )


@dataclass(frozen=True, kw_only=True)
class Item:
    """One statement the reader answers on the scale."""

    id: str = _slug("A short unique name for this statement.")
    text: str = _text("The statement, in the reader's voice.")
    dimension: str = field(metadata=meta("The id of the dimension this statement belongs to."))
    reverse: bool = field(
        default=False, metadata=meta("true when agreeing means LESS of the pattern.")
    )
    support_if: tuple[int, ...] = field(
        default=(), metadata=meta("Scale values that show the support panel at once.")
    )


@dataclass(frozen=True, kw_only=True)
class _Common:
    """The fields every quiz kind starts with; each kind narrows ``type`` to its own name."""

    type: str
    version: int = field(metadata={**_VERSION, "minimum": 1})
    title: str = _text("The quiz's heading.")
    intro: str = _text("Shown before the questions.", "")
    remember_days: int = field(default=30, metadata=_REMEMBER)


@dataclass(frozen=True, kw_only=True)
class SelfReflection(_Common):
    """Statements on a shared scale, scored by dimension and overall."""

    type: Literal["self-reflection"]
    not_a_diagnosis: str = _text("Your own 'not a diagnosis' note (default: the site's).", "")
    scale: tuple[ScalePoint, ...] = field(
        metadata=meta(
            "The answers, lowest value first.", noun="scale points", min_items=2, max_items=7
        )
    )
    prefer_not_to_say: bool = field(
        default=False, metadata=meta("Add a 'Prefer not to say' answer to every statement.")
    )
    min_answered: float = field(
        default=0.8,
        metadata=meta(
            "Share of items that must be answered to give a score.", minimum=0, maximum=1
        ),
    )
    dimensions: tuple[Dimension, ...] = field(
        metadata=meta(
            "The parts that get their own score.", noun="dimensions", min_items=1, max_items=8
        )
    )
    overall: Overall = field(metadata=meta("Bands for the overall score."))
    items: tuple[Item, ...] = field(
        metadata=meta("The statements.", noun="items", min_items=2, max_items=80)
    )


@dataclass(frozen=True, kw_only=True)
class Option:
    """One answer to a knowledge-check question."""

    text: str = _text("The answer's words.")
    correct: bool = field(default=False, metadata=meta("true if this answer fits the lesson."))
    feedback: str = _text("Why this answer is or is not right, shown after answering.", "")


@dataclass(frozen=True, kw_only=True)
class Question:
    """One knowledge-check question."""

    id: str = _slug("A short unique name for this question.")
    kind: Literal["single", "multiple", "true-false"] = field(
        metadata=meta("single: one answer; multiple: tick all that fit; true-false: myth or fact.")
    )
    text: str = _text("The question.")
    options: tuple[Option, ...] = field(
        default=(), metadata=meta("The answers (not for true-false).", noun="options", max_items=8)
    )
    answer: bool | None = field(
        default=None, metadata=meta("true-false only: true if the statement is a fact.")
    )
    feedback: str = _text("An explanation shown after answering.", "")


@dataclass(frozen=True, kw_only=True)
class KnowledgeCheck(_Common):
    """Questions with feedback that explains why, and a gentle summary."""

    type: Literal["knowledge-check"]
    questions: tuple[Question, ...] = field(
        metadata=meta("The questions.", noun="questions", min_items=1, max_items=30)
    )
    summary: str = _text("A gentle closing text shown with the summary.", "")


@dataclass(frozen=True, kw_only=True)
class Prompt:
    """One free-text prompt."""

    id: str = _slug("A short unique name for this prompt.")
    text: str = _text("The prompt.")
    hint: str = _text("A short help text under the prompt.", "")
    rows: int = field(
        default=4, metadata=meta("Height of the text box in lines.", minimum=2, maximum=12)
    )


@dataclass(frozen=True, kw_only=True)
class ReflectionExercise(_Common):
    """Free-text prompts the reader can download or print."""

    type: Literal["reflection-exercise"]
    title: str = _text("The exercise's heading.")
    intro: str = _text("Shown before the prompts.", "")
    stop_note: str = _text("A note that the reader can stop at any time.", "")
    prompts: tuple[Prompt, ...] = field(
        metadata=meta("The prompts.", noun="prompts", min_items=1, max_items=20)
    )


Quiz = SelfReflection | KnowledgeCheck | ReflectionExercise

#: The quiz kinds by their ``type:`` value.
KINDS: dict[str, type[SelfReflection] | type[KnowledgeCheck] | type[ReflectionExercise]] = {
    "self-reflection": SelfReflection,
    "knowledge-check": KnowledgeCheck,
    "reflection-exercise": ReflectionExercise,
}


@dataclass(frozen=True)
class QuizFile:
    """A validated quiz with where it came from."""

    id: str
    source: str
    quiz: Quiz
