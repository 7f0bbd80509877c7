"""Helpers shared by the quiz tests: load quiz files, render them, read golden answers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from macros.quiz.load import load_text
from macros.quiz.model import QuizFile, SelfReflection
from macros.quiz.pages import DocsPages
from macros.quiz.render import linker, render_quiz
from macros.quiz.strings import strings
from macros.support import support_context

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
QUIZZES = DOCS / "data" / "quizzes"
GOLDEN = Path(__file__).with_name("golden")
ANSWERS = GOLDEN / "answers"

#: Fixed clinic settings for golden HTML, so a clinic's edits to mkdocs.yml don't break it.
EXTRA: dict[str, Any] = {
    "organisation": {"name": "Test Clinic", "phone": "+1 555 0100", "website": ""},
    "crisis_lines": [{"name": "Test Line", "how": "Call 555", "hours": "24 hours a day"}],
    "crisis_lines_notice": "",
    "referrals": [],
    "disclaimer": "This site does not diagnose.",
    "not_a_diagnosis": "This is a reflection, not a diagnosis.",
}


#: The site's docs pages, read once, as the build reads them.
PAGES = DocsPages(DOCS)


def page_exists(page: str) -> bool:
    """Whether ``docs/<page>`` exists (as the build checks next-step links)."""
    return PAGES.exists(page)


def page_anchors(page: str) -> set[str] | None:
    """The heading ids of ``docs/<page>`` (as the build checks ``#`` links)."""
    return PAGES.anchors(page)


def load(path: Path, name: str | None = None) -> QuizFile:
    """Load and check one quiz file, named ``name`` in messages."""
    text = path.read_text(encoding="utf-8")
    anchors = page_anchors if DOCS in path.resolve().parents else None
    return load_text(name or path.as_posix(), path.stem, text, page_exists, anchors)


def conf(extra: dict[str, Any] | None = None) -> dict[str, Any]:
    """The bits of a MkDocs config that rendering reads."""
    return {"config_file_path": str(ROOT / "mkdocs.yml"), "extra": extra or EXTRA}


def render(qf: QuizFile, page_url: str = "editors/write-a-quiz/", language: str = "en") -> str:
    """The HTML the ``quiz()`` macro gives for ``qf`` on the page at ``page_url``."""
    return render_quiz(
        conf(),
        qf,
        strings=strings(language),
        support=support_context(EXTRA),
        link=linker(page_url, True),
    )


def answer_files() -> list[Path]:
    """Every golden answers file, ``tests/golden/answers/<quiz-id>.yml``."""
    return sorted(ANSWERS.glob("*.yml"))


def self_reflection_ids() -> list[str]:
    """Every self-reflection quiz in docs/data/quizzes/."""
    ids = []
    for path in sorted(QUIZZES.glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if isinstance(data, dict) and data.get("type") == "self-reflection":
            ids.append(path.stem)
    return ids


def golden_cases(path: Path) -> tuple[QuizFile, list[dict[str, Any]]]:
    """The quiz a golden answers file is for, and its cases with answers filled in.

    Each case: ``name``; ``fill`` (optional value for every item not in ``answers``);
    ``answers`` (item id -> scale value, or ``skip``); ``expect`` (``overall`` and each
    dimension id -> ``{score: "2.5" or null, band: "band title" or null}``).
    """
    qf = load(QUIZZES / f"{path.stem}.yml")
    assert isinstance(qf.quiz, SelfReflection), f"{path.name}: not a self-reflection quiz"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    cases = []
    known = {item.id for item in qf.quiz.items}
    for case in data["cases"]:
        unknown = sorted(set(case.get("answers") or {}) - known)
        assert not unknown, f"{path.name}: {case['name']}: no statement {', '.join(unknown)}"
        answers: dict[str, int | None] = {}
        choices: dict[str, int | str | None] = {}
        for item in qf.quiz.items:
            value = (case.get("answers") or {}).get(item.id, case.get("fill"))
            choices[item.id] = value
            answers[item.id] = None if value in (None, "skip") else int(value)
        cases.append({**case, "answers": answers, "choices": choices})
    return qf, cases
