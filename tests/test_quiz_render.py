"""Golden HTML for each quiz kind (``--update-golden`` rewrites them) and next-step links
that work at the site root, under a sub-path and without directory URLs."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from macros.quiz.render import linker
from tests.quiz_helpers import GOLDEN, load, render

CASES = sorted(GOLDEN.glob("*.yml"))


@pytest.mark.parametrize("case", CASES, ids=[p.stem for p in CASES])
def test_golden_html(case: Path, update_golden: bool) -> None:
    html = render(load(case, f"tests/golden/{case.name}")) + "\n"
    golden = case.with_suffix(".html")
    if update_golden:
        golden.write_text(html, encoding="utf-8")
        return
    assert golden.exists(), f"{golden.name} missing: run pytest --update-golden"
    expected = golden.read_text(encoding="utf-8")
    if html != expected:
        diff = difflib.unified_diff(
            expected.splitlines(), html.splitlines(), str(golden.name), "rendered", lineterm=""
        )
        pytest.fail("HTML changed (run pytest --update-golden if intended):\n" + "\n".join(diff))


def test_hostile_golden_has_no_live_markup() -> None:
    html = (GOLDEN / "hostile.html").read_text(encoding="utf-8")
    for raw in ("<script", "<img", "<b ", "<form action", "</form><form"):
        assert raw not in html


@pytest.mark.parametrize(
    ("page", "target", "directory_urls", "expected"),
    [
        ("editors/write-a-quiz/", "learn/healing.md", True, "../../learn/healing/"),
        ("reflect/noticing-my-patterns/", "learn/index.md", True, "../../learn/"),
        ("reflect/", "learn/healing.md#what-helps", True, "../learn/healing/#what-helps"),
        ("", "learn/healing.md", True, "learn/healing/"),
        ("", "index.md", True, "./"),
        ("reflect/noticing-my-patterns.html", "learn/healing.md", False, "../learn/healing.html"),
        ("index.html", "learn/index.md", False, "learn/index.html"),
    ],
)
def test_next_step_links_are_relative(
    page: str, target: str, directory_urls: bool, expected: str
) -> None:
    assert linker(page, directory_urls)(target) == expected
