"""Render a validated quiz to HTML through the templates in ``overrides/partials/quiz/``."""

from __future__ import annotations

from typing import Any

from macros.engine import page_url, relative_source, relative_url
from macros.quiz.model import QuizFile, SelfReflection
from macros.templates import render


def linker(current_url: str, use_directory_urls: bool, source: str | None = None) -> Any:
    """A function turning ``learn/healing.md#x`` into a link from the page being built.

    With ``source`` (the page's Markdown file, given when the engine resolves ``.md`` links
    in raw HTML: Zensical) the link is relative to that file (``../learn/healing.md#x``)
    and the engine makes it a URL; otherwise it is relative to ``current_url`` (MkDocs).
    """

    def link(page: str) -> str:
        path, _, anchor = page.partition("#")
        if source is not None:
            url = relative_source(path, source)
        else:
            url = relative_url(page_url(path, use_directory_urls), current_url or "./")
        return url + (f"#{anchor}" if anchor else "")

    return link


def _dimension_numbers(quiz: SelfReflection) -> dict[str, list[tuple[int, bool]]]:
    numbers: dict[str, list[tuple[int, bool]]] = {d.id: [] for d in quiz.dimensions}
    for n, item in enumerate(quiz.items, start=1):
        numbers[item.dimension].append((n, item.reverse))
    return numbers


def render_quiz(
    conf: Any, qf: QuizFile, *, strings: dict[str, Any], support: dict[str, Any], link: Any
) -> str:
    """The HTML of quiz ``qf`` for a page, with next-step links made by ``link``."""
    quiz = qf.quiz
    context: dict[str, Any] = {"qf": qf, "q": quiz, "s": strings, "link": link, **support}
    if isinstance(quiz, SelfReflection):
        values = [p.value for p in quiz.scale]
        context.update(
            low=values[0],
            high=values[-1],
            numbers=_dimension_numbers(quiz),
            note=quiz.not_a_diagnosis or str(conf["extra"].get("not_a_diagnosis") or ""),
        )
    return render(conf, f"quiz/{quiz.type}.html", **context)


def render_erase_all(conf: Any, strings: dict[str, Any]) -> str:
    """The "Erase everything this site saved" control for the privacy page."""
    return render(conf, "quiz/erase-all.html", s=strings)
