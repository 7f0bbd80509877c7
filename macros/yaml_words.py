"""YAML's error messages in plain words, for clinics and editors who do not read Python."""

from __future__ import annotations

import yaml

#: (words in PyYAML's message, what a person should hear), first match wins.
_WORDS = (
    ("'\\t'", "a tab is used here; YAML needs spaces, so replace the tab with spaces"),
    ("tab character", "a tab is used here; YAML needs spaces, so replace the tab with spaces"),
    (
        "mapping values are not allowed",
        "a colon and a space inside a value; put the whole value in quotes, like "
        'hours: "Open: 9am to 5pm"',
    ),
    (
        "expected <block end>",
        "this line is not indented like the lines around it; line it up with the other "
        "settings at its level (2 spaces per level)",
    ),
    (
        "did not find expected key",
        "this line is not indented like the lines around it; line it up with the other "
        "settings at its level (2 spaces per level)",
    ),
    (
        "did not find expected '-'",
        'this list entry is not lined up with the others; start each entry with "- " '
        "at the same indentation",
    ),
    (
        "could not find expected ':'",
        "a line without name: value, or a quote that is not closed; check this line and "
        "the one before",
    ),
    (
        "found unexpected end of stream",
        "a quote is opened but never closed; end the value with the same quote mark",
    ),
    (
        "while scanning a quoted scalar",
        "a quote is opened but never closed; end the value with the same quote mark",
    ),
    (
        "expected ',' or ']'",
        "a [ is opened but not closed; close it with ] or put the whole value in quotes",
    ),
    (
        "expected ',' or '}'",
        "a { is opened but not closed; close it with } or put the whole value in quotes",
    ),
    (
        "found undefined alias",
        "a * that YAML reads as a reference; put the value in quotes",
    ),
    (
        "expected alphabetic or numeric character",
        "a value starting with * or & (YAML reads those as references); put it in quotes",
    ),
    (
        "found character '@'",
        "a value starting with @ or `; put it in quotes",
    ),
    (
        "found character '`'",
        "a value starting with @ or `; put it in quotes",
    ),
)


def explain(exc: BaseException) -> tuple[int | None, str]:
    """The 1-based line (within the parsed text) and plain words for a YAML failure."""
    if isinstance(exc, RecursionError):
        return None, "nested too deeply to read; keep it to a few levels"
    if isinstance(exc, ValueError) and not isinstance(exc, yaml.YAMLError):
        return None, f"a value YAML cannot read ({exc}); a date must exist, like 2026-11-23"
    line = None
    text = str(exc)
    if isinstance(exc, yaml.MarkedYAMLError):
        # Where a bracket or quote was opened says more than where YAML gave up.
        opened = (exc.context or "").startswith(("while parsing a flow", "while scanning a quoted"))
        mark = (exc.context_mark if opened else None) or exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        text = f"{exc.context or ''} {exc.problem or ''}"
    for needle, words in _WORDS:
        if needle in text:
            return line, words
    problem = exc.problem if isinstance(exc, yaml.MarkedYAMLError) else None
    return line, f"YAML cannot read this ({problem or 'unreadable'}); check quotes and indentation"
