"""The quiz's JS and CSS stay small, and the committed JSON Schema matches the models."""

from __future__ import annotations

import gzip
from pathlib import Path

from macros.quiz.schema import dumps

ROOT = Path(__file__).resolve().parents[1]
ASSETS = [
    ROOT / "docs" / "assets" / "javascripts" / "quiz.js",
    ROOT / "docs" / "assets" / "stylesheets" / "quiz.css",
]
LIMIT = 5120


def gzip_size() -> int:
    """Bytes of quiz.js and quiz.css, each gzipped (level 9) as a server would, together."""
    return sum(len(gzip.compress(p.read_bytes(), 9, mtime=0)) for p in ASSETS)


def test_js_and_css_together_are_at_most_5_kb_gzipped() -> None:
    size = gzip_size()
    assert size <= LIMIT, f"quiz.js + quiz.css are {size} bytes gzipped; the limit is {LIMIT}"


def test_committed_schema_is_up_to_date() -> None:
    committed = (ROOT / "macros" / "quiz" / "schema.json").read_text(encoding="utf-8")
    assert committed == dumps(), (
        "macros/quiz/schema.json is stale: run "
        "`.venv/bin/python -m macros.quiz.schema > macros/quiz/schema.json`"
    )


def test_the_script_never_stores_without_the_remember_box() -> None:
    js = ASSETS[0].read_text(encoding="utf-8")
    assert js.count("setItem(") == 1
    assert "if (!remember.checked || !s) return;" in js
    assert "document.cookie" not in js and "indexedDB" not in js
