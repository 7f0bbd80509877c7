"""The quiz file format as typed, frozen pydantic models: the one declaration that decoding,
the cross-field checks (``checks.py``, run by each model's validator) and the JSON Schema
(``python -m macros.quiz.schema``) all come from.

Every rule is a pydantic constraint (``Field(ge=, le=, min_length=, max_length=)``, a
pattern type below) or a check in ``checks.py``: a misspelt constraint is an error when this
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

    page: Page = Field(
        description="A page inside docs/, like learn/healing.md (may end with #a-heading)."
    )
    label: str = Field(description="The link text.")


class Band(Model):
    """A result band: covers min <= score < max (the top band includes the scale's top)."""

    min: float = Field(description="Lowest score in this band (included).")
    max: float = Field(description="Score where the next band starts (excluded).")
    title: str = Field(description="A short, kind heading for this result.")
    text: str = Field(description="A few plain sentences about what this result may mean.")
    next: Seq[NextStep] = Field(default=(), max_length=5, description="Lessons to read next.")

    @model_validator(mode="after")
    def _check(self, info: ValidationInfo) -> Band:
        checks.band(self, info.context)
        return self


class ScalePoint(Model):
    """One answer on the shared scale."""

    value: int = Field(description="The number this answer scores.")
    label: str = Field(description="The answer's words, like Sometimes.")


class Dimension(Model):
    """A part of the quiz that gets its own score."""

    id: Slug = Field(description="A short unique name, used by items' dimension field.")
    title: str = Field(description="The heading readers see.")
    bands: Seq[Band] = Field(min_length=1, description="Result bands covering the whole scale.")


class Overall(Model):
    """Result bands for the overall score (the mean of all answered, scored items)."""

    bands: Seq[Band] = Field(min_length=1, description="Result bands covering the whole scale.")


class Item(Model):
    """One statement the reader answers on the scale."""

    id: Slug = Field(description="A short unique name for this statement.")
    text: str = Field(description="The statement, in the reader's voice.")
    dimension: str = Field(description="The id of the dimension this statement belongs to.")
    reverse: bool = Field(
        default=False, description="true when agreeing means LESS of the pattern."
    )
    scored: bool = Field(
        default=True,
        description="false: counted in no score (it can still open the support panel).",
    )
    support_if: Seq[int] = Field(
        default=(), description="Scale values that show the support panel at once."
    )
    support_topic: Literal["crisis", "connection"] = Field(
        default="crisis",
        description="crisis: the support panel leads with crisis lines; connection: with "
        "people to talk to (the organisation, referrals).",
    )


class Common(Model):
    """The fields every quiz kind starts with; each kind narrows ``type`` to its own name."""

    type: str = Field(description="The kind of quiz.")
    version: int = Field(
        ge=1,
        description="Bump by one when you change the items: old saved answers are then ignored.",
    )
    title: str = Field(description="The quiz's heading.")
    intro: str = Field(default="", description="Shown before the questions.")
    remember_days: int = Field(
        default=30,
        ge=1,
        le=365,
        description="Days that answers are kept when a reader ticks 'Remember my answers'.",
    )


class SelfReflection(Common):
    """Statements on a shared scale, scored by dimension and overall."""

    type: Literal["self-reflection"] = Field(description="The kind of quiz.")
    not_a_diagnosis: str = Field(
        default="", description="Your own 'not a diagnosis' note (default: the site's)."
    )
    scale: Seq[ScalePoint] = Field(
        min_length=2, max_length=7, description="The answers, lowest value first."
    )
    prefer_not_to_say: bool = Field(
        default=False, description="Add a 'Prefer not to say' answer to every statement."
    )
    min_answered: float = Field(
        default=0.8, ge=0, le=1, description="Share of items that must be answered to give a score."
    )
    dimensions: Seq[Dimension] = Field(
        min_length=1, max_length=8, description="The parts that get their own score."
    )
    overall: Overall = Field(description="Bands for the overall score.")
    items: Seq[Item] = Field(min_length=2, max_length=80, description="The statements.")

    @model_validator(mode="after")
    def _check(self, info: ValidationInfo) -> SelfReflection:
        checks.self_reflection(self)
        return self


class Option(Model):
    """One answer to a knowledge-check question."""

    text: str = Field(description="The answer's words.")
    correct: bool = Field(default=False, description="true if this answer fits the lesson.")
    feedback: str = Field(
        default="", description="Why this answer is or is not right, shown after answering."
    )


class Question(Model):
    """One knowledge-check question."""

    id: Slug = Field(description="A short unique name for this question.")
    kind: Literal["single", "multiple", "true-false"] = Field(
        description="single: one answer; multiple: tick all that fit; true-false: myth or fact."
    )
    text: str = Field(description="The question.")
    options: Seq[Option] = Field(
        default=(), max_length=8, description="The answers (not for true-false)."
    )
    answer: bool | None = Field(
        default=None, description="true-false only: true if the statement is a fact."
    )
    feedback: str = Field(default="", description="An explanation shown after answering.")
    see: Page | None = Field(
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

    type: Literal["knowledge-check"] = Field(description="The kind of quiz.")
    questions: Seq[Question] = Field(min_length=1, max_length=30, description="The questions.")
    summary: str = Field(default="", description="A gentle closing text shown with the summary.")

    @model_validator(mode="after")
    def _check(self, info: ValidationInfo) -> KnowledgeCheck:
        checks.unique_ids(self.questions, "questions")
        checks.element_ids(self)
        return self


class Prompt(Model):
    """One free-text prompt."""

    id: Slug = Field(description="A short unique name for this prompt.")
    text: str = Field(description="The prompt.")
    hint: str = Field(default="", description="A short help text under the prompt.")
    rows: int = Field(default=4, ge=2, le=12, description="Height of the text box in lines.")


class ReflectionExercise(Common):
    """Free-text prompts the reader can download or print."""

    type: Literal["reflection-exercise"] = Field(description="The kind of quiz.")
    title: str = Field(description="The exercise's heading.")
    intro: str = Field(default="", description="Shown before the prompts.")
    stop_note: str = Field(default="", description="A note that the reader can stop at any time.")
    prompts: Seq[Prompt] = Field(min_length=1, max_length=20, description="The prompts.")

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
