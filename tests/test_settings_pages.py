"""Careless front matter on a page: each is refused at build with one line naming the page
and the field (``macros/pages.py``, contract C4)."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.pages import PageError, check_page, check_pages

LESSON = """\
---
title: What it costs
description: The hidden costs of always going it alone.
reviewed: 2026-05-01
next_review: 2027-05-01
sources:
  - who-2019-burnout
---
# What it costs
"""

#: (case, text in LESSON, what an editor writes instead, the one line they get).
CASES = [
    (
        "front matter that is not YAML",
        "title: What it costs",
        "title: What: it costs",
        "front matter: a colon and a space inside a value; put the whole value in quotes, like "
        'hours: "Open: 9am to 5pm" (line 2)',
    ),
    (
        "sources as one string",
        "sources:\n  - who-2019-burnout",
        "sources: who-2019-burnout",
        'sources: must be a list, each source on its own line starting with "- " (or []) (line 6)',
    ),
    (
        "a lesson without sources",
        "sources:\n  - who-2019-burnout",
        "sources: []",
        "sources: empty; a lesson lists at least one reference id",
    ),
    (
        "a source that is not text",
        "  - who-2019-burnout",
        "  - who-2019-burnout\n  - {id: x}",
        "sources: entry 2 must be a reference id (text), like who-2019-burnout (line 6)",
    ),
    (
        "a date in quotes",
        "reviewed: 2026-05-01",
        'reviewed: "2026-05-01"',
        'reviewed: "2026-05-01" is text; write the date without quotes, like 2026-11-23 (line 4)',
    ),
    (
        "a date that does not exist",
        "reviewed: 2026-05-01",
        "reviewed: 2026-13-01",
        "front matter: a value YAML cannot read (month must be in 1..12); a date must exist, "
        "like 2026-11-23",
    ),
    (
        "a date written in words",
        "next_review: 2027-05-01",
        "next_review: next May",
        'next_review: "next May" is text; write the date without quotes, like 2026-11-23 (line 5)',
    ),
    (
        "next review before the review",
        "next_review: 2027-05-01",
        "next_review: 2025-05-01",
        "next_review: 2025-05-01 is not after reviewed (2026-05-01); set a later date (line 5)",
    ),
    (
        "no title",
        "title: What it costs\n",
        "",
        "title: missing from the front matter; add it",
    ),
    (
        "a lesson without a review date",
        "next_review: 2027-05-01\n",
        "",
        "next_review: missing from the front matter; add it",
    ),
    (
        "a misspelt field",
        "next_review: 2027-05-01",
        "next_reveiw: 2027-05-01",
        "next_reveiw: unknown front matter field; did you mean next_review? (line 5)",
    ),
    (
        "a list as the description",
        "description: The hidden costs of always going it alone.",
        "description: [a, b]",
        "description: must be text on the same line (or after >-), not empty (line 3)",
    ),
    (
        "front matter never closed",
        "---\n# What",
        "# What",
        "front matter: no closing --- line after the front matter (line 1)",
    ),
    (
        "YAML references",
        "title: What it costs",
        "title: &t What it costs\nsubtitle: *t",
        "front matter: uses & or * (YAML anchors); write values out",
    ),
    (
        "an empty content note",
        "title: What it costs",
        'title: What it costs\ncontent_note: ""',
        "content_note: must be text on the same line (or after >-), not empty (line 3)",
    ),
]


@pytest.mark.parametrize(("case", "old", "new", "message"), CASES, ids=[c[0] for c in CASES])
def test_each_front_matter_mistake_gives_one_line(
    case: str, old: str, new: str, message: str
) -> None:
    assert old in LESSON
    with pytest.raises(PageError) as info:
        check_page("learn/what-it-costs.md", LESSON.replace(old, new, 1))
    assert str(info.value) == f"docs/learn/what-it-costs.md: {message}"


def test_a_good_lesson_and_a_clinic_page_pass() -> None:
    assert check_page("learn/what-it-costs.md", LESSON)["sources"] == ["who-2019-burnout"]
    clinic = "---\ntitle: Customise\ndescription: How to make the site yours.\n---\n# Hi\n"
    assert check_page("clinics/customise.md", clinic)["title"] == "Customise"
    about = LESSON.replace("sources:\n  - who-2019-burnout", "sources: []")
    assert check_page("about/index.md", about)["sources"] == []


def test_every_page_of_the_site_passes() -> None:
    docs = Path(__file__).resolve().parents[1] / "docs"
    # The English site leaves out docs/es/ (exclude_docs); the Spanish site is docs/es/.
    assert check_pages(docs, lambda page: page.startswith("es/")) > 20
    assert check_pages(docs / "es", translated=True) > 20


def test_a_page_not_saved_as_utf8_is_named(tmp_path: Path) -> None:
    (tmp_path / "about.md").write_bytes("---\ntitle: Gr\xfcn\n---\n".encode("latin-1"))
    with pytest.raises(PageError) as info:
        check_pages(tmp_path)
    assert str(info.value) == "docs/about.md: file: not saved as UTF-8; save it again as UTF-8"
