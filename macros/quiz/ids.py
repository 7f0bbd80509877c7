"""The HTML element ids a quiz makes, declared once, so that no two can ever be the same.

The templates (``overrides/partials/quiz/*.html``) build every id as
``hi-quiz-<quiz id>-<suffix>``. The form's own suffixes are listed in ``FORM_SUFFIXES``; each
item, question and prompt adds the suffixes ``entry_suffixes`` gives. Form-level ids added
later use a ``--`` separator, which a slug (an entry's id) can never contain.
``tests/test_quiz_load.py`` checks these lists against the rendered HTML.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from macros.quiz.errors import Path

if TYPE_CHECKING:
    from macros.quiz.model import Quiz

#: The form's own id suffixes (``_parts.html``) and what each one belongs to.
FORM_SUFFIXES: dict[str, str] = {
    "title": "the quiz's heading",
    "remember": "the 'Remember my answers' box",
    "remember-hint": "the hint under 'Remember my answers'",
    "support": "the support panel's heading",
}


def prefix(quiz_id: str) -> str:
    """The start of every id in quiz ``quiz_id``: ``hi-quiz-<quiz_id>``."""
    return f"hi-quiz-{quiz_id}"


def entries(quiz: Quiz) -> tuple[str, tuple[Any, ...]]:
    """The list field that holds the quiz's entries (items, questions or prompts), and it."""
    if quiz.type == "self-reflection":
        return "items", quiz.items
    if quiz.type == "knowledge-check":
        return "questions", quiz.questions
    return "prompts", quiz.prompts


def entry_suffixes(quiz: Quiz, entry: Any) -> list[str]:
    """The id suffixes one item, question or prompt makes (its answers, its hint)."""
    if quiz.type == "self-reflection":
        out = [f"{entry.id}-{n}" for n in range(1, len(quiz.scale) + 1)]
        return out + ([f"{entry.id}-skip"] if quiz.prefer_not_to_say else [])
    if quiz.type == "knowledge-check":
        if entry.kind == "true-false":
            return [f"{entry.id}-true", f"{entry.id}-false"]
        return [f"{entry.id}-{n}" for n in range(len(entry.options))]
    return [entry.id] + ([f"{entry.id}-hint"] if entry.hint else [])


def suffixes(quiz: Quiz) -> dict[str, Path]:
    """Every id suffix the quiz makes, with the field path of the entry that makes it
    (``()`` for the form's own). The first entry wins when two make the same one."""
    out: dict[str, Path] = {}
    # Knowledge checks have no support panel; the other two kinds do.
    for suffix in FORM_SUFFIXES if quiz.type != "knowledge-check" else list(FORM_SUFFIXES)[:3]:
        out[suffix] = ()
    field, items = entries(quiz)
    for i, entry in enumerate(items):
        for suffix in entry_suffixes(quiz, entry):
            out.setdefault(suffix, (field, i))
    return out


def element_ids(quiz_id: str, quiz: Quiz) -> set[str]:
    """Every element id in the HTML of quiz ``quiz_id``."""
    start = prefix(quiz_id)
    return {start} | {f"{start}-{suffix}" for suffix in suffixes(quiz)}
