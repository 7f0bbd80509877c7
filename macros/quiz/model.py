"""The quiz file format as typed, frozen pydantic models: the one declaration that decoding,
the cross-field checks (``checks.py``, run by each model's validator) and the JSON Schema
(``python -m macros.quiz.schema``) all come from.

Every rule is a constraint given to ``rule()`` (``ge=, le=, min_length=, max_length=``),
a pattern type below, or a check in ``checks.py``: a misspelt rule is an error when this
module is imported, never a rule that silently stops applying.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any, Literal, TypeVar

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    model_validator,
)
from pydantic_core import PydanticUndefined

from macros.quiz import checks

SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"
SLUG_HINT = "use lowercase letters, digits and hyphens, like ask-for-help"
PAGE = r"^[^#\s]+\.md(#[A-Za-z0-9_-]+)?$"
PAGE_HINT = "give a docs page like learn/healing.md"
#: What to tell an editor whose text does not match a pattern, by pattern.
HINTS = {SLUG: SLUG_HINT, PAGE: PAGE_HINT}

T = TypeVar("T")


def _as_tuple(data: Any) -> Any:
    """YAML lists become tuples (frozen models); an empty ``items:`` is an empty list."""
    if data is None:
        return ()
    return tuple(data) if isinstance(data, list) else data


def rule(
    *,
    description: str,
    default: Any = PydanticUndefined,
    ge: float | None = None,
    le: float | None = None,
    min_length: int | None = None,
    max_length: int | None = None,
) -> Any:
    """A field: its description for editors, its default and its rules. Only these rules
    exist, so a misspelt one is a TypeError when this module loads (pydantic's own
    ``Field`` would keep it as an extra and only warn)."""
    return Field(
        default=default,
        description=description,
        ge=ge,
        le=le,
        min_length=min_length,
        max_length=max_length,
    )


#: A list in the YAML file, kept as a tuple.
Seq = Annotated[tuple[T, ...], BeforeValidator(_as_tuple)]
Slug = Annotated[str, StringConstraints(pattern=SLUG)]
Page = Annotated[str, StringConstraints(pattern=PAGE)]


class Model(BaseModel):
    """Base of every quiz model: strict types, no unknown fields, frozen, finite numbers,
    text trimmed and never empty."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        strict=True,
        allow_inf_nan=False,
        str_strip_whitespace=True,
        str_min_length=1,
    )


class NextStep(Model):
    """A lesson to read next."""

    page: Page = rule(
        description="A page inside docs/, like learn/healing.md (may end with #a-heading)."
    )
    label: str = rule(description="The link text.")


class Band(Model):
    """A result band: covers min <= score < max (the top band includes the scale's top)."""

    min: float = rule(description="Lowest score in this band (included).")
    max: float = rule(description="Score where the next band starts (excluded).")
    title: str = rule(description="A short, kind heading for this result.")
    text: str = rule(description="A few plain sentences about what this result may mean.")
    next: Seq[NextStep] = rule(default=(), max_length=5, description="Lessons to read next.")

    @model_validator(mode="after")
    def _check(self, info: ValidationInfo) -> Band:
        checks.band(self, info.context)
        return self


class ScalePoint(Model):
    """One answer on the shared scale."""

    value: int = rule(description="The number this answer scores.")
    label: str = rule(description="The answer's words, like Sometimes.")


class Dimension(Model):
    """A part of the quiz that gets its own score."""

    id: Slug = rule(description="A short unique name, used by items' dimension field.")
    title: str = rule(description="The heading readers see.")
    bands: Seq[Band] = rule(min_length=1, description="Result bands covering the whole scale.")


class Overall(Model):
    """Result bands for the overall score (the mean of all answered, scored items)."""

    bands: Seq[Band] = rule(min_length=1, description="Result bands covering the whole scale.")


class Item(Model):
    """One statement the reader answers on the scale."""

    id: Slug = rule(description="A short unique name for this statement.")
    text: str = rule(description="The statement, in the reader's voice.")
    dimension: str = rule(description="The id of the dimension this statement belongs to.")
    reverse: bool = rule(default=False, description="true when agreeing means LESS of the pattern.")
    scored: bool = rule(
        default=True,
        description="false: counted in no score (it can still open the support panel).",
    )
    support_if: Seq[int] = rule(
        default=(), description="Scale values that show the support panel at once."
    )
    support_topic: Literal["crisis", "connection"] = rule(
        default="crisis",
        description="crisis: the support panel leads with crisis lines; connection: with "
        "people to talk to (the organisation, referrals).",
    )


class Common(Model):
    """The fields every quiz kind starts with; each kind narrows ``type`` to its own name."""

    type: str = rule(description="The kind of quiz.")
    version: int = rule(
        ge=1,
        description="Bump by one when you change the items: old saved answers are then ignored.",
    )
    title: str = rule(description="The quiz's heading.")
    intro: str = rule(default="", description="Shown before the questions.")
    remember_days: int = rule(
        default=30,
        ge=1,
        le=365,
        description="Days that answers are kept when a reader ticks 'Remember my answers'.",
    )


class SelfReflection(Common):
    """Statements on a shared scale, scored by dimension and overall."""

    type: Literal["self-reflection"] = rule(description="The kind of quiz.")
    not_a_diagnosis: str = rule(
        default="", description="Your own 'not a diagnosis' note (default: the site's)."
    )
    scale: Seq[ScalePoint] = rule(
        min_length=2, max_length=7, description="The answers, lowest value first."
    )
    prefer_not_to_say: bool = rule(
        default=False, description="Add a 'Prefer not to say' answer to every statement."
    )
    min_answered: float = rule(
        default=0.8, ge=0, le=1, description="Share of items that must be answered to give a score."
    )
    dimensions: Seq[Dimension] = rule(
        min_length=1, max_length=8, description="The parts that get their own score."
    )
    overall: Overall = rule(description="Bands for the overall score.")
    items: Seq[Item] = rule(min_length=2, max_length=80, description="The statements.")

    @model_validator(mode="after")
    def _check(self, info: ValidationInfo) -> SelfReflection:
        checks.self_reflection(self)
        return self


class Option(Model):
    """One answer to a knowledge-check question."""

    id: Slug | None = rule(
        default=None,
        description="A short name for this answer, unique in its question (a translation "
        "gives each answer's words by it, so a change of order cannot move the right answer).",
    )
    text: str = rule(description="The answer's words.")
    correct: bool = rule(default=False, description="true if this answer fits the lesson.")
    feedback: str = rule(
        default="", description="Why this answer is or is not right, shown after answering."
    )


class Question(Model):
    """One knowledge-check question."""

    id: Slug = rule(description="A short unique name for this question.")
    kind: Literal["single", "multiple", "true-false"] = rule(
        description="single: one answer; multiple: tick all that fit; true-false: myth or fact."
    )
    text: str = rule(description="The question.")
    options: Seq[Option] = rule(
        default=(), max_length=8, description="The answers (not for true-false)."
    )
    answer: bool | None = rule(
        default=None, description="true-false only: true if the statement is a fact."
    )
    feedback: str = rule(default="", description="An explanation shown after answering.")
    see: Page | None = rule(
        default=None,
        description="A docs page to read more, like learn/healing.md#what-helps (shown with "
        "the feedback).",
    )

    @model_validator(mode="after")
    def _check(self, info: ValidationInfo) -> Question:
        checks.question(self, info.context)
        return self


class KnowledgeCheck(Common):
    """Questions with feedback that explains why, and a gentle summary."""

    type: Literal["knowledge-check"] = rule(description="The kind of quiz.")
    questions: Seq[Question] = rule(min_length=1, max_length=30, description="The questions.")
    summary: str = rule(default="", description="A gentle closing text shown with the summary.")

    @model_validator(mode="after")
    def _check(self, info: ValidationInfo) -> KnowledgeCheck:
        checks.unique_ids(self.questions, "questions")
        checks.element_ids(self)
        return self


class Prompt(Model):
    """One free-text prompt."""

    id: Slug = rule(description="A short unique name for this prompt.")
    text: str = rule(description="The prompt.")
    hint: str = rule(default="", description="A short help text under the prompt.")
    rows: int = rule(default=4, ge=2, le=12, description="Height of the text box in lines.")


class ReflectionExercise(Common):
    """Free-text prompts the reader can download or print."""

    type: Literal["reflection-exercise"] = rule(description="The kind of quiz.")
    title: str = rule(description="The exercise's heading.")
    intro: str = rule(default="", description="Shown before the prompts.")
    stop_note: str = rule(default="", description="A note that the reader can stop at any time.")
    prompts: Seq[Prompt] = rule(min_length=1, max_length=20, description="The prompts.")

    @model_validator(mode="after")
    def _check(self, info: ValidationInfo) -> ReflectionExercise:
        checks.unique_ids(self.prompts, "prompts")
        checks.element_ids(self)
        return self


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
