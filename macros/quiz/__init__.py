"""The quiz engine: YAML quiz files -> typed models -> HTML via templates -> quiz.js.

``register(env)`` loads and checks every quiz once, when the configuration loads, and adds
the ``quiz(id)`` and ``quiz_erase_all()`` macros.
"""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any

from macros.quiz.errors import QuizError
from macros.quiz.load import load_all
from macros.quiz.render import linker, render_erase_all, render_quiz
from macros.quiz.strings import strings
from macros.support import support_context
from macros.templates import project_dir

__all__ = ["QuizError", "register"]


def register(env: Any) -> None:
    """Load every quiz now (a broken file stops the build at once) and add the macros."""
    conf = env.conf
    quizzes = load_all(project_dir(conf), Path(conf["docs_dir"]))
    text = strings(conf["theme"].get("language", "en"))
    support = support_context(conf["extra"])

    def quiz(quiz_id: str) -> str:
        """Show the quiz ``docs/data/quizzes/<quiz_id>.yml`` here."""
        page = env.variables.get("page")
        where = f"docs/{page.file.src_uri}: " if page is not None else ""
        if quiz_id not in quizzes:
            close = difflib.get_close_matches(str(quiz_id), list(quizzes), n=1)
            hint = f"did you mean {close[0]!r}?" if close else "check the spelling"
            raise QuizError(
                f'{where}quiz("{quiz_id}"): no file docs/data/quizzes/{quiz_id}.yml; {hint}'
            )
        link = linker(page.url if page is not None else "", conf["use_directory_urls"])
        return render_quiz(conf, quizzes[quiz_id], strings=text, support=support, link=link)

    def quiz_erase_all() -> str:
        """The "Erase everything this site saved" control (for the privacy page)."""
        return render_erase_all(conf, text)

    env.macro(quiz)
    env.macro(quiz_erase_all)
