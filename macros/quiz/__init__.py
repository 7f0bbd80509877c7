"""The quiz engine: YAML quiz files -> typed models -> HTML via templates -> quiz.js.

``register(env)`` loads and checks every quiz once, when the configuration loads, and adds
the ``quiz(id)`` and ``quiz_erase_all()`` macros.
"""

from __future__ import annotations

from typing import Any

from macros.engine import docs_dir, md_link_source, page_source, page_url_of, project_dir
from macros.quiz.errors import QuizError
from macros.quiz.load import load_all, unknown
from macros.quiz.render import linker, render_erase_all, render_quiz
from macros.quiz.strings import strings
from macros.support import support_context

__all__ = ["QuizError", "register"]

CALL = '{{ quiz("quiz-id") }}'


def register(env: Any) -> None:
    """Load every quiz now (a broken file stops the build at once) and add the macros."""
    conf = env.conf
    quizzes = load_all(project_dir(conf), docs_dir(conf), conf)
    text = strings(conf["theme"].get("language", "en"))
    support = support_context(conf["extra"], conf["theme"].get("language", "en"))

    def quiz(*args: Any, **kwargs: Any) -> str:
        """Show the quiz ``docs/data/quizzes/<id>.yml`` here: ``quiz("id")``."""
        page = env.variables.get("page")
        src = page_source(page)
        where = f"docs/{src}: " if src else ""
        shown = ", ".join([repr(a) for a in args] + [f"{k}={v!r}" for k, v in kwargs.items()])
        if kwargs or len(args) != 1 or not isinstance(args[0], str):
            raise QuizError(
                f"{where}quiz({shown[:60]}): give exactly one quiz id in quotes and nothing "
                f"else, like {CALL}"
            )
        quiz_id = args[0]
        if quiz_id not in quizzes:  # found earlier by load_all; kept for ids built in Jinja
            raise QuizError(f'{where}quiz("{quiz_id}"): {unknown(quiz_id, quizzes)}')
        link = linker(page_url_of(page), conf["use_directory_urls"], md_link_source(page))
        return render_quiz(conf, quizzes[quiz_id], strings=text, support=support, link=link)

    def quiz_erase_all() -> str:
        """The "Erase everything this site saved" control (for the privacy page)."""
        return render_erase_all(conf, text)

    env.macro(quiz)
    env.macro(quiz_erase_all)
