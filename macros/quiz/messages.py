"""Validate plain data into a model, turning pydantic's errors into one-line messages
that name the file, the field path and the line, with what to do."""

from __future__ import annotations

import copy
import types
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo
from pydantic_core import ErrorDetails

from macros.quiz.checks import did_you_mean, num
from macros.quiz.errors import Path, QuizError
from macros.quiz.model import HINTS
from macros.quiz.source import Source

_NAMES = {
    "string_type": "text",
    "int_type": "a whole number",
    "float_type": "a number",
    "bool_type": "true or false",
}
#: What a list of each field holds, where its name alone would read oddly.
_NOUNS = {"scale": "scale points", "next": "links"}


def validate(cls: type[BaseModel], data: Any, src: Source, context: dict[str, Any]) -> Any:
    """``cls`` built from ``data`` (read from ``src``), or a QuizError for the first problem."""
    for _ in range(3):
        try:
            return cls.model_validate(data, context=context)
        except ValidationError as exc:
            errors = exc.errors(include_url=False)
        fixed = _plain_text(data, errors, src)
        if fixed is None:
            break
        data = fixed
    first = next((e for e in errors if e["type"] == "extra_forbidden"), errors[0])
    return _raise(cls, first, src)


def _plain_text(data: Any, errors: list[ErrorDetails], src: Source) -> Any:
    """A copy of ``data`` where a plain ``label: No`` or ``title: 2024`` that must be text
    is the text as written; ``None`` when there is nothing to fix."""
    todo = [e["loc"] for e in errors if e["type"] == "string_type" and e["loc"] in src.raw]
    if not todo:
        return None
    data = copy.deepcopy(data)
    for loc in todo:
        parent = data
        for part in loc[:-1]:
            parent = parent[part]
        parent[loc[-1]] = src.raw[loc]
    return data


def _raise(cls: type[BaseModel], error: ErrorDetails, src: Source) -> Any:
    loc: Path = tuple(error["loc"])
    kind, ctx, data = error["type"], error.get("ctx") or {}, error["input"]
    if kind == "quiz":
        raise src.error((*loc, *ctx["at"]), ctx["message"])
    if kind == "missing":
        raise src.error(loc[:-1], f"{loc[-1]}: missing; it is required")
    if kind == "extra_forbidden":
        fields = list(_model_at(cls, loc[:-1]).model_fields)
        raise src.error(
            loc,
            f"unknown field; use one of {', '.join(fields)}" + did_you_mean(str(loc[-1]), fields),
        )
    raise src.error(loc, _message(cls, loc, kind, ctx, data, src))


def _message(
    cls: type[BaseModel], loc: Path, kind: str, ctx: dict[str, Any], data: Any, src: Source
) -> str:
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        fields = ", ".join(_model_at(cls, loc).model_fields)
        return f"must be a group of fields ({fields}), not {shown(data)}"
    if kind in ("tuple_type", "list_type"):
        return f"must be a list (each entry starting with '- '), not {shown(data)}"
    if kind in _NAMES:
        return f"must be {_NAMES[kind]}, not {shown(data)}"
    if kind == "finite_number":
        return f"must be a number like 0.8, not {src.raw.get(loc, shown(data))}"
    if kind == "literal_error":
        choices = _choices(cls, loc)
        return f"must be one of {', '.join(choices)}, not {shown(data)}" + did_you_mean(
            str(data), choices
        )
    if kind == "string_too_short":
        return "is empty; write some text or remove the field"
    if kind == "string_pattern_mismatch":
        return f"{data!r} is not allowed here; {HINTS.get(ctx['pattern'], ctx['pattern'])}"
    if kind in ("too_short", "too_long"):
        noun = _NOUNS.get(str(loc[-1]), str(loc[-1]).replace("_", " "))
        if kind == "too_short":
            return f"at least {ctx['min_length']} {noun} needed (found {ctx['actual_length']})"
        return f"at most {ctx['max_length']} {noun} allowed (found {ctx['actual_length']})"
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        low, high = _bounds(_field_at(cls, loc))
        if high is None:
            return f"must be at least {_n(low)}, not {_n(data)}"
        return f"must be between {_n(low)} and {_n(high)}, not {_n(data)}"
    return f"{error_text(kind)}; check this value"


def error_text(kind: str) -> str:
    """Words for an error type we have no message of our own for."""
    return kind.replace("_", " ")


def _n(x: Any) -> str:
    return num(x) if isinstance(x, float) else str(x)


def shown(value: Any) -> str:
    """A value as an editor would recognise it in a message."""
    if isinstance(value, dict):
        return "a group of fields"
    if isinstance(value, (list, tuple)):
        return "a list"
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "true" if value else "false"
    return repr(value) if not isinstance(value, str) else f"text {value[:40]!r}"


def _bounds(info: FieldInfo | None) -> tuple[Any, Any]:
    low = high = None
    for rule in info.metadata if info else ():
        low = getattr(rule, "ge", getattr(rule, "gt", low))
        high = getattr(rule, "le", getattr(rule, "lt", high))
    return low, high


def _unwrap(tp: Any) -> Any:
    """The type inside ``Annotated[...]`` and ``X | None``."""
    while True:
        origin = get_origin(tp)
        if origin is Annotated:
            tp = get_args(tp)[0]
        elif origin in (Union, types.UnionType):
            tp = next(a for a in get_args(tp) if a is not type(None))
        else:
            return tp


def _walk(cls: type[BaseModel], loc: Path) -> tuple[Any, FieldInfo | None]:
    """The type at ``loc`` below ``cls``, and the field that declares it."""
    tp: Any = cls
    info: FieldInfo | None = None
    for part in loc:
        tp = _unwrap(tp)
        if isinstance(part, int):
            tp = get_args(tp)[0] if get_origin(tp) is tuple else Any
            info = None
        elif isinstance(tp, type) and issubclass(tp, BaseModel) and part in tp.model_fields:
            info = tp.model_fields[part]
            tp = info.annotation
        else:
            return Any, None
    return _unwrap(tp), info


def _choices(cls: type[BaseModel], loc: Path) -> list[str]:
    tp = _walk(cls, loc)[0]
    return [str(c) for c in get_args(tp)] if get_origin(tp) is Literal else []


def _field_at(cls: type[BaseModel], loc: Path) -> FieldInfo | None:
    return _walk(cls, loc)[1]


def _model_at(cls: type[BaseModel], loc: Path) -> type[BaseModel]:
    tp = _walk(cls, loc)[0]
    return tp if isinstance(tp, type) and issubclass(tp, BaseModel) else cls


__all__ = ["QuizError", "validate"]
