"""Checks across fields that types alone cannot express: ids, bands, answers, links.

Each model in ``model.py`` runs its check from its validator, so decoding and checking are
one pass. A problem is raised as ``fail(at, message)``: ``at`` is the field path below the
model being checked; ``messages.py`` adds the model's own path and the line.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from pydantic_core import PydanticCustomError

from macros.quiz import ids
from macros.quiz.errors import Path, dotted

if TYPE_CHECKING:
    from macros.quiz.model import Band, Question, Quiz, SelfReflection


def _no_anchors(page: str) -> Collection[str] | None:
    return None


@dataclass(frozen=True)
class Pages:
    """What the checks know about the site's pages: whether one exists, and the ids a
    link can point to on it (``None``: not known, so anchors are not checked)."""

    exists: Callable[[str], bool]
    anchors: Callable[[str], Collection[str] | None] = _no_anchors
    #: The pages' folder as the editor knows it: ``docs``, or ``docs/es`` for a translation.
    folder: str = "docs"


def fail(at: Path, message: str) -> PydanticCustomError:
    """The error for a problem at ``at`` (below the model being checked)."""
    return PydanticCustomError("quiz", "{message}", {"message": message, "at": at})


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """``"; did you mean 'x'?"`` when a close choice exists, else ``""``."""
    close = difflib.get_close_matches(word, list(choices), n=1)
    return f"; did you mean {close[0]!r}?" if close else ""


def num(x: float) -> str:
    """A number as an editor wrote it: ``1`` not ``1.0``."""
    return f"{x:g}"


def _pages(context: Any) -> Pages | None:
    pages = context.get("pages") if isinstance(context, dict) else None
    return pages if isinstance(pages, Pages) else None


def page_link(link: str, at: Path, context: Any) -> None:
    """``link`` (``learn/healing.md#what-helps``) names a page, and a heading on it."""
    pages = _pages(context)
    if pages is None:
        return
    page, _, anchor = link.partition("#")
    if not pages.exists(page) and pages.folder != "docs":
        raise fail(
            at,
            f"{page} is missing from {pages.folder}/, and this link needs it there for the "
            f"pages of that language; translate the page into {pages.folder}/{page}",
        )
    if not pages.exists(page):
        raise fail(at, f"{link!r} does not exist in docs/; give a page path like learn/healing.md")
    known = pages.anchors(page) if anchor else None
    if known is not None and anchor not in known:
        hint = did_you_mean(anchor, known) or (
            "; use the id of one of its headings (its words in lowercase, joined by "
            "hyphens), or leave out the #part"
        )
        raise fail(at, f"{page} has no heading with the id {anchor!r}{hint}")


def band(b: Band, context: Any) -> None:
    """A band's own range, and its next-step links."""
    if b.min >= b.max:
        raise fail((), f"min ({num(b.min)}) must be less than max ({num(b.max)})")
    for j, step in enumerate(b.next):
        page_link(step.page, ("next", j, "page"), context)


def unique_ids(entries: Iterable[Any], field: str) -> None:
    """No two entries of the list ``field`` share an id."""
    seen: set[str] = set()
    for i, entry in enumerate(entries):
        if entry.id in seen:
            raise fail((field, i, "id"), f"{entry.id!r} is used twice; give each a new id")
        seen.add(entry.id)


def element_ids(quiz: Quiz) -> None:
    """No item, question or prompt id makes an HTML id the form or another entry makes."""
    field, entries = ids.entries(quiz)
    made: dict[str, Path] = {}
    for i, entry in enumerate(entries):
        at = (field, i, "id")
        if entry.id in ids.FORM_SUFFIXES:
            raise fail(
                at,
                f"{entry.id!r} is kept for {ids.FORM_SUFFIXES[entry.id]}, whose HTML id "
                f"ends in -{entry.id}; choose another id",
            )
        for suffix in ids.entry_suffixes(quiz, entry):
            other = made.get(suffix) or (() if suffix in ids.FORM_SUFFIXES else None)
            if other is not None:
                whose = dotted(other) if other else "the form"
                raise fail(
                    at,
                    f"{entry.id!r} makes the HTML id ...-{suffix}, which {whose} makes too; "
                    "choose another id",
                )
            made[suffix] = (field, i)


def question(q: Question, context: Any) -> None:
    """A knowledge-check question has answers that fit its kind, and a page to read more."""
    if q.see is not None:
        page_link(q.see, ("see",), context)
    if q.kind == "true-false":
        if q.options:
            raise fail(
                ("options",),
                "a true-false question has no options; remove them and set answer: true or false",
            )
        if q.answer is None:
            raise fail(
                (),
                "answer: missing; a true-false question needs "
                "answer: true (fact) or answer: false (myth)",
            )
        return
    if q.answer is not None:
        raise fail(
            ("answer",),
            "only for true-false questions; mark the right option with correct: true instead",
        )
    if len(q.options) < 2:
        raise fail(("options",), f"at least 2 options needed (found {len(q.options)})")
    named = [o.id is not None for o in q.options]
    if any(named) and not all(named):
        raise fail(
            ("options", named.index(False)),
            "id: missing; when one option has an id, every option of the question needs one",
        )
    if all(named):
        unique_ids(q.options, "options")
    right = sum(o.correct for o in q.options)
    if q.kind == "single" and right != 1:
        raise fail(
            ("options",),
            f"a single-choice question needs exactly one option with correct: true (found {right})",
        )
    if q.kind == "multiple" and right < 1:
        raise fail(
            ("options",),
            "a multiple-choice question needs at least one option with correct: true",
        )
    if q.kind == "multiple" and right == len(q.options):
        raise fail(
            ("options",),
            "every option has correct: true; add one that does not fit the lesson, so that "
            "choosing teaches something",
        )


def self_reflection(quiz: SelfReflection) -> None:
    """The scale goes up, ids are unique, items name real dimensions and scale values, each
    dimension has a scored item, and the bands cover the scale."""
    values = [p.value for p in quiz.scale]
    for i in range(1, len(values)):
        if values[i] <= values[i - 1]:
            raise fail(
                ("scale", i, "value"),
                "values must go up from one answer to the next (like 0, 1, 2); "
                f"{values[i]} comes after {values[i - 1]}",
            )
    unique_ids(quiz.dimensions, "dimensions")
    unique_ids(quiz.items, "items")
    element_ids(quiz)
    dims = [d.id for d in quiz.dimensions]
    used: dict[str, bool] = {}
    for i, item in enumerate(quiz.items):
        if item.dimension not in dims:
            raise fail(
                ("items", i, "dimension"),
                f"{item.dimension!r} is not one of the dimensions ({', '.join(dims)})"
                + did_you_mean(item.dimension, dims),
            )
        used[item.dimension] = used.get(item.dimension, False) or item.scored
        for j, v in enumerate(item.support_if):
            if v not in values:
                raise fail(
                    ("items", i, "support_if", j),
                    f"{v} is not a value on the scale ({', '.join(map(str, values))})",
                )
    for i, dim in enumerate(quiz.dimensions):
        if dim.id not in used:
            raise fail(
                ("dimensions", i, "id"),
                f"no item has dimension: {dim.id}; add items or remove the dimension",
            )
        if not used[dim.id]:
            raise fail(
                ("dimensions", i, "id"),
                f"every item with dimension: {dim.id} has scored: false; a dimension needs "
                "at least one scored item",
            )
        bands(dim.bands, ("dimensions", i, "bands"), values)
    bands(quiz.overall.bands, ("overall", "bands"), values)


def bands(items: Sequence[Band], at: Path, values: list[int]) -> None:
    """Bands cover the scale from its lowest to its highest value, with no gap or overlap."""
    ordered = sorted(items, key=lambda b: b.min)
    low, high = values[0], values[-1]
    if ordered[0].min != low:
        raise fail(
            at,
            f"the lowest band must start at the scale's lowest value {low} "
            f"(it starts at {num(ordered[0].min)})",
        )
    for prev, b in pairwise(ordered):
        if b.min > prev.max:
            raise fail(
                at,
                f"gap between {num(prev.max)} and {num(b.min)}; "
                "make each band's min equal the previous band's max",
            )
        if b.min < prev.max:
            raise fail(
                at,
                f"overlap between {num(b.min)} and {num(prev.max)}; "
                "make each band's min equal the previous band's max",
            )
    if ordered[-1].max != high:
        raise fail(
            at,
            f"the highest band must end at the scale's highest value {high} "
            f"(it ends at {num(ordered[-1].max)})",
        )
