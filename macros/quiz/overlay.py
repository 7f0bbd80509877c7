"""A translated quiz: the English file's structure with another language's text laid over it.

A translation (``docs/es/data/quizzes/<id>.yml``) holds only text, keyed like the English
file (``docs/data/quizzes/<id>.yml``): groups of fields by name, lists of things with an
``id`` by that id (never by position: a reordered list would move the right answer), other
lists by position. Values, band limits, reverse keying, answers,
links and support rules are never in it, so a translated quiz scores every answer exactly
as the English one does. A key that matches nothing in the English file is a one-line
error naming the translation file and the field.
"""

from __future__ import annotations

from typing import Any

from macros.quiz.errors import QuizError

#: Fields that carry structure, not text: a translation may not change them.
STRUCTURE = frozenset(
    {
        "id",
        "type",
        "version",
        "page",
        "value",
        "min",
        "max",
        "reverse",
        "scored",
        "support_if",
        "support_topic",
        "correct",
        "answer",
        "multiple",
        "dimension",
        "dimensions_of",
        "prefer_not_to_say",
        "min_answered",
        "remember_days",
        "see",
        "kind",
        "rows",
        "max_length",
    }
)
#: When a translation gives plain text where the English file has a group of fields
#: (``scale: [Nunca, ...]`` for ``{value: 0, label: Never}``), the text goes to the first
#: of these fields the group has.
TEXT_OF_GROUP = ("label", "text", "title")


def overlay(english: Any, translation: Any, name: str) -> Any:
    """``english`` (plain data from the quiz file) with the text of ``translation`` over it.

    ``name`` is the translation file, for messages. Neither argument is changed.
    """
    return _merge(english, translation, name, "")


def _join(at: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{at}[{key}]"
    return f"{at}.{key}" if at else key


def _fail(name: str, at: str, message: str) -> QuizError:
    return QuizError(f"{name}: {at or 'the file'}: {message}")


def _merge(english: Any, text: Any, name: str, at: str) -> Any:
    if isinstance(english, dict) and isinstance(text, dict):
        merged = dict(english)
        for key, value in text.items():
            where = _join(at, str(key))
            if key not in english:
                known = ", ".join(k for k in english if k not in STRUCTURE)
                raise _fail(name, where, f"the English file has no such field (it has: {known})")
            if key in STRUCTURE:
                raise _fail(name, where, "is not text: it stays in the English file; remove it")
            merged[key] = _merge(english[key], value, name, where)
        return merged
    if isinstance(english, list) and isinstance(text, dict):
        return _by_id(english, text, name, at)
    if isinstance(english, list) and isinstance(text, list):
        ids = [str(e.get("id") or "") for e in english if isinstance(e, dict)]
        if english and len(ids) == len(english) and all(ids):
            raise _fail(
                name,
                at,
                f"give these by their ids, as the English file names them ({', '.join(ids)}), "
                f"each followed by its text (like {ids[0]}:), not as a list: by position, a "
                "change of order would give an answer the wrong words",
            )
        if len(text) > len(english):
            raise _fail(
                name, at, f"has {len(text)} entries but the English file has {len(english)}"
            )
        if at.endswith("options") and len(text) > 1:
            from macros.support import warn  # here: support imports the quiz package

            warn(
                name,
                [
                    f"{name}: {at}: the answers are matched to the English ones by "
                    "position; give each English option an id and write the translation "
                    "by those ids, so a change of order cannot give an answer the wrong words"
                ],
            )
        pairs = enumerate(zip(english, text, strict=False))
        return [_merge(e, t, name, _join(at, i)) for i, (e, t) in pairs] + english[len(text) :]
    if isinstance(english, dict) and isinstance(text, str):
        for key in TEXT_OF_GROUP:
            if isinstance(english.get(key), str):
                return {**english, key: text}
    if isinstance(english, str) and isinstance(text, str):
        return text
    raise _fail(name, at, "does not match the English file here; give text only")


def _by_id(english: list[Any], text: dict[Any, Any], name: str, at: str) -> list[Any]:
    ids = [e.get("id") if isinstance(e, dict) else None for e in english]
    if not any(ids):
        raise _fail(name, at, "the English list has no ids: give its entries in order, as a list")
    merged = list(english)
    for key, value in text.items():
        if key not in ids:
            known = ", ".join(str(i) for i in ids if i)
            raise _fail(name, _join(at, str(key)), f"no such id in the English file ({known})")
        index = ids.index(key)
        merged[index] = _merge(english[index], value, name, _join(at, str(key)))
    return merged


def untranslated(english: Any, merged: Any, at: str = "") -> list[str]:
    """The text fields of ``merged`` still equal to the English (not translated)."""
    found: list[str] = []
    if isinstance(english, dict) and isinstance(merged, dict):
        for key, value in english.items():
            if key not in STRUCTURE:
                found += untranslated(value, merged.get(key), _join(at, str(key)))
    elif isinstance(english, list) and isinstance(merged, list):
        for i, (e, m) in enumerate(zip(english, merged, strict=False)):
            found += untranslated(e, m, _join(at, i))
    elif isinstance(english, str) and english == merged and english.strip():
        found.append(at)
    return found
