"""Stigmatising or blaming phrases, each with the kinder wording to use instead.

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


@dataclass(frozen=True)
class Phrase:
    """A phrase to avoid and the wording to suggest."""

    avoid: str
    say: str

    @property
    def pattern(self) -> re.Pattern[str]:
        """Whole words, any case, any run of spaces or a line break between words."""
        words = r"\s+".join(re.escape(w) for w in self.avoid.split())
        return re.compile(rf"(?<![\w-]){words}(?![\w-])", re.I)


@cache
def phrases(path: Path = PHRASES) -> tuple[Phrase, ...]:
    """The phrase list from ``language.yml``; a malformed entry raises ``ValueError``."""
    data = yaml.safe_load(path.read_text())
    if not isinstance(data, list):
        raise ValueError(f"{path.name}: must be a list of {{avoid, say}} entries")
    result = []
    for i, item in enumerate(data):
        if not (isinstance(item, dict) and set(item) == {"avoid", "say"}):
            raise ValueError(f"{path.name}: entry {i} must have exactly 'avoid' and 'say'")
        result.append(Phrase(str(item["avoid"]), str(item["say"])))
    return tuple(result)


def language_problems(texts: Mapping[str, str], banned: tuple[Phrase, ...]) -> list[str]:
    """Every use of a banned phrase in ``texts`` (name -> text), with its line and a fix."""
    problems = []
    for name, text in sorted(texts.items()):
        line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        for phrase in banned:
            for match in phrase.pattern.finditer(text):
                line = sum(1 for start in line_starts if start <= match.start())
                problems.append(
                    f"{name}:{line}: {match.group(0)!r}: please say {phrase.say!r} instead"
                )
    return problems
