"""Crisis lines for the reader's need, and the build's warnings about a copy's lines.

A line's ``for:`` (``kinds.NEEDS``) puts the lines for a page's need first
(``support_contacts(lead="abuse")``). The warnings name the config file to fix: a
published safety page without a line for abuse, and a translation still showing the
project's general lines after the clinic replaced its own.
"""

from __future__ import annotations

import os
from pathlib import Path

from macros.settings.kinds import NEEDS
from macros.settings.model import CrisisLine, Settings

__all__ = [
    "GENERAL_LINES",
    "NEEDS",
    "SAFETY_PAGE",
    "general_lines_warnings",
    "is_general",
    "lines_for",
    "need_warnings",
]

#: The page that tells readers to call a domestic abuse helpline (in each ``docs_dir``).
SAFETY_PAGE = "get-support/if-you-are-not-safe.md"


def lines_for(lines: tuple[CrisisLine, ...], need: str) -> tuple[CrisisLine, ...]:
    """The lines with those for ``need`` first, each group in the clinic's order."""
    return tuple(sorted(lines, key=lambda line: need not in line.for_)) if need else lines


#: The names of the general crisis lines the project ships, in every language it has
#: shipped (``mkdocs.yml``, ``mkdocs.<lang>.yml``, ``tests/fixtures/extra.yml``). A list
#: made only of these is still the project's; a clinic's own lines have other names.
GENERAL_LINES = frozenset(
    {
        "Emergency services",
        "988 Suicide & Crisis Lifeline",
        "National Domestic Violence Hotline",
        "National Domestic Abuse Helpline (Refuge)",
        "Samaritans",
        "Find A Helpline",
        "Servicios de emergencia",
        "988 Línea de Prevención del Suicidio y Crisis",
        "Línea Nacional contra la Violencia Doméstica",
        "Emergencias 112",
        "Emergencias 911",
    }
)


def is_general(lines: tuple[CrisisLine, ...]) -> bool:
    """Whether ``lines`` are all lines the project ships (no clinic line among them)."""
    return all(line.name in GENERAL_LINES for line in lines)


def general_lines_warnings(settings: Settings, english: Settings | None, file: str) -> list[str]:
    """One line when a translation still shows the project's general lines while the
    clinic replaced its English ones."""
    if english is None or not is_general(settings.crisis_lines):
        return []
    if is_general(english.crisis_lines):
        return []
    lang = file.split(".")[1] if file.count(".") == 2 else "xx"
    return [
        f"{file}: extra.crisis_lines: still the project's general lines, while your English "
        f"pages list your own; write lines for this language's readers under languages: "
        f"{lang}: crisis_lines: in clinic.yml (copy yours there to show them), or turn the "
        f"language off there with {lang}: false (until then its pages say the lines are "
        "general ones)"
    ]


def need_warnings(settings: Settings, docs_dir: Path, prefix: str, project: Path) -> list[str]:
    """One line when "If you are not safe now" is published without a line for abuse
    (the page named from ``project``, the folder of the config files), naming the setting
    in clinic.yml (``prefix``: ``languages.es.`` for the Spanish pages)."""
    page = docs_dir / SAFETY_PAGE
    if not page.is_file() or any("abuse" in line.for_ for line in settings.crisis_lines):
        return []
    shown = Path(os.path.relpath(page, project)).as_posix()
    return [
        f"clinic.yml: {prefix}crisis_lines: none has for: abuse, yet {shown} tells readers "
        "to call a domestic abuse helpline; add one with for: abuse"
    ]
