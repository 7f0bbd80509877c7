"""Generate the JSON Schema of quiz files from the models, for editors' autocomplete.

Run ``.venv/bin/python -m macros.quiz.schema > macros/quiz/schema.json``; a test fails when
the committed file is out of date.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic.json_schema import GenerateJsonSchema, models_json_schema

from macros.quiz.model import KINDS


class _Schema(GenerateJsonSchema):
    """pydantic's generator, without a made-up title on every field."""

    def field_title_should_be_set(self, schema: Any) -> bool:
        return False


def schema() -> dict[str, Any]:
    """The JSON Schema (2020-12) of one quiz file."""
    refs, top = models_json_schema(
        [(cls, "validation") for cls in KINDS.values()],
        ref_template="#/$defs/{model}",
        schema_generator=_Schema,
    )
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "macros/quiz/schema.json",
        "title": "Quiz file (docs/data/quizzes/<id>.yml)",
        "description": "Generated from macros/quiz/model.py; see the 'Write a quiz' page.",
        "oneOf": [refs[(cls, "validation")] for cls in KINDS.values()],
        "$defs": dict(sorted(top["$defs"].items())),
    }


def dumps() -> str:
    """The schema as the exact text committed in ``macros/quiz/schema.json``."""
    return json.dumps(schema(), indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    print(dumps(), end="")
