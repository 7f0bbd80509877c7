"""Load every quiz file once: read, parse, validate into models, and check how pages use
them (each quiz on exactly one page, once, with no HTML id shared with another quiz)."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable
from pathlib import Path as FsPath
from typing import Any

from macros.engine import excluded, source_docs_dir
from macros.quiz import ids
from macros.quiz.checks import Pages, did_you_mean
from macros.quiz.errors import QuizError
from macros.quiz.messages import validate
from macros.quiz.model import KINDS, SLUG, QuizFile
from macros.quiz.overlay import overlay
from macros.quiz.pages import DocsPages, Use, toc_settings
from macros.quiz.source import decode_bytes, parse

QUIZ_DIR = "data/quizzes"
QUIZ_DIR_SHOWN = "docs/data/quizzes"
#: Tells whether a docs-relative page (``learn/healing.md``) exists.
PageExists = Callable[[str], bool]
#: The ids a link may point to on a docs-relative page, or ``None`` when not known.
PageAnchors = Callable[[str], Collection[str] | None]


def load_text(
    name: str,
    quiz_id: str,
    text: str,
    page_exists: PageExists,
    page_anchors: PageAnchors | None = None,
    translation: tuple[str, str] | None = None,
    folder: str = "docs",
) -> QuizFile:
    """Validate the YAML ``text`` of quiz ``quiz_id``; ``name`` is the file in messages.

    ``translation`` (file name, YAML text) is another language's text for this quiz,
    laid over the English file's structure (``overlay.py``); ``folder``: the pages'
    folder (``docs/es`` then), for messages.
    """
    src = parse(name, text)
    if translation is not None:
        src.data = overlay(src.data, parse(*translation).data, translation[0])
    if not re.match(SLUG, quiz_id):
        raise QuizError(
            f"{name}: the file name must use lowercase letters, digits and "
            "hyphens, like noticing-my-patterns.yml"
        )
    data = src.data
    if not isinstance(data, dict):
        raise src.error((), "must be a group of fields starting with type:")
    if "type" not in data:
        raise src.error((), f"type: missing; add type: with one of {', '.join(KINDS)}")
    kind = data["type"]
    if not isinstance(kind, str) or kind not in KINDS:
        raise src.error(
            ("type",),
            f"must be one of {', '.join(KINDS)}, not {kind!r}" + did_you_mean(str(kind), KINDS),
        )
    pages = Pages(page_exists, page_anchors or (lambda _: None), folder)
    quiz = validate(KINDS[kind], data, src, {"pages": pages})
    return QuizFile(quiz_id, name, quiz)


def load_all(project: FsPath, docs_dir: FsPath, conf: Any = None) -> dict[str, QuizFile]:
    """Load and check every ``docs/data/quizzes/*.yml`` and every page's ``quiz()`` calls."""
    slugify, separator = toc_settings(conf)
    source = source_docs_dir(conf) if conf is not None else docs_dir
    #: A translated site (docs/es/): the quizzes come from docs/data/quizzes/, with the
    #: text of docs/es/data/quizzes/ over them; only the quizzes its pages show are loaded.
    translated = source.resolve() != docs_dir.resolve()
    exclude = excluded(conf) if conf is not None else (lambda src: False)
    pages = DocsPages(docs_dir, slugify, separator, exclude)
    docs = _relative(docs_dir, project)
    uses = pages.uses()
    for page, calls in uses.items():
        for use in calls:
            if use.quiz_id is None:
                raise QuizError(
                    f'{docs}/{page}: {use.call}: write it as {{{{ quiz("quiz-id") }}}}, with '
                    f"one quiz id in quotes and nothing else (line {use.line})"
                )

    def anchors(page: str) -> Collection[str] | None:
        found = pages.anchors(page)
        if found is None:
            return None
        shown = [u.quiz_id for u in uses.get(page, []) if u.quiz_id]
        return found | {ids.prefix(q) for q in shown} | {f"{ids.prefix(q)}-title" for q in shown}

    quizzes: dict[str, QuizFile] = {}
    folder = source / QUIZ_DIR
    shown = {u.quiz_id: page for page, calls in uses.items() for u in calls}
    for path in sorted(folder.glob("*.y*ml")) if folder.is_dir() else []:
        name = _relative(path, project)
        if path.suffix != ".yml":
            raise QuizError(f"{name}: quiz files end in .yml; rename it")
        if translated and path.stem not in shown:
            continue
        text = decode_bytes(name, path.read_bytes())
        translation = _translation(docs, docs_dir, path, shown) if translated else None
        quizzes[path.stem] = load_text(
            name, path.stem, text, pages.exists, anchors, translation=translation, folder=docs
        )
    if translated:
        _check_translations(docs, docs_dir, folder)
    _check_uses(docs, uses, quizzes, every_quiz_shown=not translated)
    return quizzes


def _translation(
    docs: str, docs_dir: FsPath, english: FsPath, shown: dict[str | None, str]
) -> tuple[str, str]:
    """The name and text of the translation of the quiz file ``english``."""
    name = f"{docs}/{QUIZ_DIR}/{english.name}"
    path = docs_dir / QUIZ_DIR / english.name
    if not path.is_file():
        raise QuizError(
            f"{name}: missing: {docs}/{shown[english.stem]} shows this quiz, so it needs its "
            f"text in this language; copy the text fields of {QUIZ_DIR_SHOWN}/{english.name} "
            "there and translate them"
        )
    return name, decode_bytes(name, path.read_bytes())


def _check_translations(docs: str, docs_dir: FsPath, english: FsPath) -> None:
    """Every translated quiz file has an English file it translates."""
    folder = docs_dir / QUIZ_DIR
    for path in sorted(folder.glob("*.yml")) if folder.is_dir() else []:
        if not (english / path.name).is_file():
            raise QuizError(
                f"{docs}/{QUIZ_DIR}/{path.name}: no English quiz file "
                f"{QUIZ_DIR_SHOWN}/{path.name} to translate; check the file name"
            )


def _check_uses(
    docs: str,
    uses: dict[str, list[Use]],
    quizzes: dict[str, QuizFile],
    every_quiz_shown: bool = True,
) -> None:
    """Each call names a quiz file; each quiz is shown on exactly one page, once; quizzes
    shown on the same page make no HTML id twice."""
    shown_on: dict[str, list[tuple[str, int]]] = {}
    for page, calls in uses.items():
        for use in calls:
            quiz_id = str(use.quiz_id)
            if quiz_id not in quizzes:
                raise QuizError(
                    f'{docs}/{page}: quiz("{quiz_id}"): {unknown(quiz_id, quizzes)} '
                    f"(line {use.line})"
                )
            shown_on.setdefault(quiz_id, []).append((page, use.line))
    for quiz_id, qf in quizzes.items():
        places = shown_on.get(quiz_id, [])
        if not places and not every_quiz_shown:
            continue
        if not places:
            raise QuizError(
                f'{qf.source}: no page uses this quiz; add {{{{ quiz("{quiz_id}") }}}} to a '
                "page, or delete the file"
            )
        (page, line), *more = places
        for other, other_line in more:
            if other == page:
                raise QuizError(
                    f'{docs}/{page}: quiz("{quiz_id}") is shown twice on this page (lines '
                    f"{line} and {other_line}), so its answers and ids would clash; keep one"
                )
            raise QuizError(
                f"{qf.source}: used on {docs}/{page} (line {line}) and {docs}/{other} (line "
                f"{other_line}); each quiz belongs on one page, so copy the file under a new "
                "name for the second page"
            )
    for page, calls in uses.items():
        made: dict[str, str] = {}
        for use in calls:
            qf = quizzes[str(use.quiz_id)]
            for element in sorted(ids.element_ids(qf.id, qf.quiz)):
                if element in made:
                    raise QuizError(
                        f"{docs}/{page}: quizzes {made[element]} and {qf.id} both make the "
                        f"HTML id {element}; rename an item, question or prompt id in one of "
                        f"them (line {use.line})"
                    )
                made[element] = qf.id


def unknown(quiz_id: str, quizzes: Iterable[str]) -> str:
    """What to say about a ``quiz()`` call whose file does not exist."""
    hint = did_you_mean(quiz_id, quizzes) or "; check the spelling"
    return f"no file {QUIZ_DIR_SHOWN}/{quiz_id}.yml{hint}"


def _relative(path: FsPath, project: FsPath) -> str:
    try:
        return path.resolve().relative_to(project.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
