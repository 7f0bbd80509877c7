"""Turn plain data into the typed models, one field at a time, with one-line errors."""

from __future__ import annotations

import dataclasses
import difflib
import re
import types
import typing
from typing import Any, Literal, Union, get_args, get_origin, get_type_hints

from macros.quiz.errors import Path
from macros.quiz.source import Source

_NAMES = {str: "text", int: "a whole number", float: "a number", bool: "true or false"}


def did_you_mean(word: str, choices: typing.Iterable[str]) -> str:
    """``"; did you mean 'x'?"`` when a close choice exists, else ``""``."""
    close = difflib.get_close_matches(word, list(choices), n=1)
    return f"; did you mean {close[0]!r}?" if close else ""


def _shown(value: Any) -> str:
    if isinstance(value, dict):
        return "a group of fields"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "empty"
    return repr(value) if not isinstance(value, str) else f"text {value[:40]!r}"


#: Resolving a model's type hints is the slowest step of decoding: do it once per model.
_HINTS: dict[type[Any], dict[str, Any]] = {}


def _hints(cls: type[Any]) -> dict[str, Any]:
    if cls not in _HINTS:
        _HINTS[cls] = get_type_hints(cls)
    return _HINTS[cls]


def decode(cls: type[Any], data: Any, path: Path, src: Source) -> Any:
    """Build dataclass ``cls`` from ``data`` found at ``path`` in ``src``."""
    fields = {f.name: f for f in dataclasses.fields(cls)}
    if not isinstance(data, dict):
        raise src.error(
            path, f"must be a group of fields ({', '.join(fields)}), not {_shown(data)}"
        )
    for key in data:
        if key not in fields:
            raise src.error(
                (*path, key),
                f"unknown field; use one of {', '.join(fields)}" + did_you_mean(key, fields),
            )
    hints = _hints(cls)
    values = {}
    for name, f in fields.items():
        where = (*path, name)
        if name not in data:
            if f.default is dataclasses.MISSING:
                raise src.error(path, f"{name}: missing; it is required")
            continue
        values[name] = value(hints[name], data[name], where, src, dict(f.metadata))
    return cls(**values)


def value(tp: Any, data: Any, path: Path, src: Source, rules: dict[str, Any]) -> Any:
    """Check and convert one value of type ``tp``."""
    origin = get_origin(tp)
    if origin in (Union, types.UnionType):
        inner = [a for a in get_args(tp) if a is not type(None)]
        return None if data is None else value(inner[0], data, path, src, rules)
    if origin is Literal:
        choices = get_args(tp)
        if data not in choices:
            raise src.error(
                path,
                f"must be one of {', '.join(map(str, choices))}, not "
                f"{_shown(data)}" + did_you_mean(str(data), map(str, choices)),
            )
        return data
    if origin is tuple:
        return _items(get_args(tp)[0], data, path, src, rules)
    if dataclasses.is_dataclass(tp):
        return decode(tp, data, path, src)  # type: ignore[arg-type]
    return _scalar(tp, data, path, src, rules)


def _items(tp: Any, data: Any, path: Path, src: Source, rules: dict[str, Any]) -> tuple[Any, ...]:
    noun = rules.get("noun", "items")
    if data is None:
        data = []
    if not isinstance(data, list):
        raise src.error(path, f"must be a list (each entry starting with '- '), not {_shown(data)}")
    low, high = rules.get("min_items"), rules.get("max_items")
    if low is not None and len(data) < low:
        raise src.error(path, f"at least {low} {noun} needed (found {len(data)})")
    if high is not None and len(data) > high:
        raise src.error(path, f"at most {high} {noun} allowed (found {len(data)})")
    return tuple(value(tp, item, (*path, i), src, {}) for i, item in enumerate(data))


def _scalar(tp: Any, data: Any, path: Path, src: Source, rules: dict[str, Any]) -> Any:
    if tp is str and not isinstance(data, str) and path in src.raw:
        data = src.raw[path]  # plain `label: No` or `title: 2024` means the text itself
    ok = (
        isinstance(data, str)
        if tp is str
        else isinstance(data, bool)
        if tp is bool
        else isinstance(data, int) and not isinstance(data, bool)
        if tp is int
        else isinstance(data, (int, float)) and not isinstance(data, bool)
    )
    if not ok:
        raise src.error(path, f"must be {_NAMES[tp]}, not {_shown(data)}")
    if tp is str:
        data = data.strip()
        if not data:
            raise src.error(path, "is empty; write some text or remove the field")
        pattern = rules.get("pattern")
        if pattern and not re.match(pattern, data):
            raise src.error(path, f"{data!r} is not allowed here; {rules.get('hint', pattern)}")
        return data
    if tp is float:
        data = float(data)
    low, high = rules.get("minimum"), rules.get("maximum")
    if high is None and low is not None and data < low:
        raise src.error(path, f"must be at least {low}, not {data}")
    if (low is not None and data < low) or (high is not None and data > high):
        raise src.error(path, f"must be between {low} and {high}, not {data}")
    return data
