"""Stigmatizing or blaming phrases, each with the kinder wording to use instead.

The list lives in ``tests/language.yml`` so editors can extend it without touching code.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

PHRASES = Path(__file__).with_name("language.yml")
_KEYS = {"avoid", "say", "except_in"}


def _loose(text: str) -> re.Pattern[str]:
    """Whole words, any case, any run of spaces or a line break between words."""
    words = r"\s+".join(re.escape(w) for w in text.split())
    return re.compile(rf"(?<![\w-]){words}(?![\w-])", re.I)


@dataclass(frozen=True)
class Phrase:
    """A phrase to avoid, the wording to suggest, and proper names that may keep it.

    ``except_in``: names that are spelled their own way, such as "British Association for
    Counselling and Psychotherapy"; the phrase is allowed inside them.
    """

    avoid: str
    say: str
    except_in: tuple[str, ...] = ()

    @property
    def pattern(self) -> re.Pattern[str]:
        """Whole words, any case, any run of spaces or a line break between words."""
        return _loose(self.avoid)

    def matches(self, text: str) -> list[re.Match[str]]:
        """Every use of the phrase in ``text`` that is not part of one of its proper names."""
        names = [(m.start(), m.end()) for n in self.except_in for m in _loose(n).finditer(text)]
        return [
            m
            for m in self.pattern.finditer(text)
            if not any(start <= m.start() < end for start, end in names)
        ]


@cache
def phrases(path: Path = PHRASES) -> tuple[Phrase, ...]:
    """The phrase list from ``language.yml``; a malformed entry raises ``ValueError``."""
    data = yaml.safe_load(path.read_text())
    if not isinstance(data, list):
        raise ValueError(f"{path.name}: must be a list of {{avoid, say}} entries")
    result = []
    for i, item in enumerate(data):
        if not (isinstance(item, dict) and {"avoid", "say"} <= set(item) <= _KEYS):
            raise ValueError(
                f"{path.name}: entry {i} must have 'avoid' and 'say' (and optionally 'except_in')"
            )
        names = item.get("except_in", [])
        if not (isinstance(names, list) and all(isinstance(n, str) for n in names)):
            raise ValueError(f"{path.name}: entry {i}: except_in must be a list of names")
        result.append(Phrase(str(item["avoid"]), str(item["say"]), tuple(names)))
    return tuple(result)


def language_problems(texts: Mapping[str, str], banned: tuple[Phrase, ...]) -> list[str]:
    """Every use of a banned phrase in ``texts`` (name -> text), with its line and a fix."""
    problems = []
    for name, text in sorted(texts.items()):
        line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        for phrase in banned:
            for match in phrase.matches(text):
                line = sum(1 for start in line_starts if start <= match.start())
                problems.append(
                    f"{name}:{line}: {match.group(0)!r}: please say {phrase.say!r} instead"
                )
    return problems
