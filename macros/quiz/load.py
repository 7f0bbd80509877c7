"""Load every quiz file once: parse, decode into models, check, and find unused files."""

from __future__ import annotations

import re
from pathlib import Path as FsPath

from macros.quiz.decode import decode, did_you_mean
from macros.quiz.errors import QuizError
from macros.quiz.model import KINDS, SLUG, QuizFile
from macros.quiz.source import parse
from macros.quiz.validate import PageExists, check

QUIZ_DIR = "data/quizzes"
#: A ``{{ quiz("id") }}`` call in a page's Markdown.
USE = re.compile(r"""\bquiz\(\s*["']([^"']+)["']""")


def load_text(name: str, quiz_id: str, text: str, page_exists: PageExists) -> QuizFile:
    """Validate the YAML ``text`` of quiz ``quiz_id``; ``name`` is the file in messages."""
    src = parse(name, text)
    if not re.match(SLUG, quiz_id):
        raise QuizError(
            f"{name}: the file name must use lowercase letters, digits and "
            "hyphens, like noticing-my-patterns.yml"
        )
    data = src.data
    if not isinstance(data, dict):
        raise src.error((), "must be a group of fields starting with type:")
    kind = data.get("type")
    if kind not in KINDS:
        if "type" not in data:
            raise src.error((), f"type: missing; add type: with one of {', '.join(KINDS)}")
        raise src.error(
            ("type",),
            f"must be one of {', '.join(KINDS)}, not {kind!r}" + did_you_mean(str(kind), KINDS),
        )
    quiz = decode(KINDS[kind], data, (), src)
    check(quiz, src, page_exists)
    return QuizFile(quiz_id, name, quiz)


def load_all(project: FsPath, docs_dir: FsPath) -> dict[str, QuizFile]:
    """Load and check every ``docs/data/quizzes/*.yml``; each must be used by some page."""
    folder = docs_dir / QUIZ_DIR

    def page_exists(page: str) -> bool:
        target = (docs_dir / page).resolve()
        return page.endswith(".md") and target.is_file() and docs_dir.resolve() in target.parents

    quizzes: dict[str, QuizFile] = {}
    for path in sorted(folder.glob("*.y*ml")) if folder.is_dir() else []:
        name = _relative(path, project)
        if path.suffix != ".yml":
            raise QuizError(f"{name}: quiz files end in .yml; rename it")
        text = path.read_text(encoding="utf-8")
        quizzes[path.stem] = load_text(name, path.stem, text, page_exists)
    used = _used_ids(docs_dir)
    for quiz_id, qf in quizzes.items():
        if quiz_id not in used:
            raise QuizError(
                f'{qf.source}: no page uses this quiz; add {{{{ quiz("{quiz_id}") '
                "}} to a page, or delete the file"
            )
    return quizzes


def _used_ids(docs_dir: FsPath) -> set[str]:
    used: set[str] = set()
    for md in docs_dir.rglob("*.md"):
        used.update(USE.findall(md.read_text(encoding="utf-8")))
    return used


def _relative(path: FsPath, project: FsPath) -> str:
    try:
        return path.resolve().relative_to(project.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
