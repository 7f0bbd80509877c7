"""Generate the JSON Schema of quiz files from the models, for editors' autocomplete.

Run ``.venv/bin/python -m macros.quiz.schema > macros/quiz/schema.json``; a test fails when
the committed file is out of date.
"""

from __future__ import annotations

import dataclasses
import json
import types
from typing import Any, Literal, Union, get_args, get_origin, get_type_hints

from macros.quiz.model import KINDS

_SCALARS = {str: "string", int: "integer", float: "number", bool: "boolean"}


def _type(tp: Any, rules: dict[str, Any], defs: dict[str, Any]) -> dict[str, Any]:
    origin = get_origin(tp)
    if origin in (Union, types.UnionType):
        inner = [a for a in get_args(tp) if a is not type(None)]
        return _type(inner[0], rules, defs)
    if origin is Literal:
        return {"enum": list(get_args(tp))}
    if origin is tuple:
        out: dict[str, Any] = {"type": "array", "items": _type(get_args(tp)[0], {}, defs)}
        if "min_items" in rules:
            out["minItems"] = rules["min_items"]
        if "max_items" in rules:
            out["maxItems"] = rules["max_items"]
        return out
    if dataclasses.is_dataclass(tp) and isinstance(tp, type):
        name = tp.__name__
        if name not in defs:
            defs[name] = {}
            defs[name] = _object(tp, defs)
        return {"$ref": f"#/$defs/{name}"}
    out = {"type": _SCALARS[tp]}
    if tp is str:
        out["minLength"] = 1
    for rule, key in (("minimum", "minimum"), ("maximum", "maximum"), ("pattern", "pattern")):
        if rule in rules:
            out[key] = rules[rule]
    return out


def _object(cls: Any, defs: dict[str, Any]) -> dict[str, Any]:
    hints = get_type_hints(cls)
    props: dict[str, Any] = {}
    required = []
    for f in dataclasses.fields(cls):
        prop = _type(hints[f.name], dict(f.metadata), defs)
        if "doc" in f.metadata:
            prop = {"description": f.metadata["doc"], **prop}
        if f.default is dataclasses.MISSING:
            required.append(f.name)
        elif f.default not in ((), "", None):
            prop["default"] = f.default
        props[f.name] = prop
    out: dict[str, Any] = {"type": "object", "description": (cls.__doc__ or "").strip()}
    out.update(properties=props, required=required, additionalProperties=False)
    return out


def schema() -> dict[str, Any]:
    """The JSON Schema (2020-12) of one quiz file."""
    defs: dict[str, Any] = {}
    kinds = [_type(cls, {}, defs) for cls in KINDS.values()]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "macros/quiz/schema.json",
        "title": "Quiz file (docs/data/quizzes/<id>.yml)",
        "description": "Generated from macros/quiz/model.py; see the 'Write a quiz' page.",
        "oneOf": kinds,
        "$defs": dict(sorted(defs.items())),
    }


def dumps() -> str:
    """The schema as the exact text committed in ``macros/quiz/schema.json``."""
    return json.dumps(schema(), indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    print(dumps(), end="")
