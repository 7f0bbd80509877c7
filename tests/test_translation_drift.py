"""A translation that says when it is behind (issue 19, item 2): each translated page
records the fingerprint of its English page (``translation_of:``); when the English page
changes, the build warns, one line per language naming the pages and what to run, and
the page tells its readers, with a link to the English page. An unchanged page says
nothing; a page with no record is a warning, a malformed record one error line. The
translators' command (``python -m macros.translations``) lists and marks.

The builds run in copies of the project, with ENGINE from the environment; the copy's
records are written first by the command itself, so the tests hold for any copy.
"""

from __future__ import annotations

import posixpath
import re
import shutil
import sys
from pathlib import Path

import pytest

from macros.engine import page_url
from macros.languages import COMMAND, RECORD, fingerprint
from macros.pages import page_files
from macros.quiz.strings import strings
from macros.translations import with_record
from tests.harness import BuildError, build_site, copy_project, run, run_check

LANG = "es"
CONFIG = f"mkdocs.{LANG}.yml"
_RECORD_LINE = re.compile(rf'(?m)^{RECORD}: "([0-9a-f]+)"\r?\n')


def _command(project: Path, *args: str) -> tuple[int, str, str]:
    proc = run(sys.executable, "-m", "macros.translations", *args, cwd=project)
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc.returncode, proc.stdout, proc.stderr


def _marked_copy(dest: Path) -> tuple[Path, list[str]]:
    """A copy of the project whose translated pages all record their English page as it is
    now (written by the command), and the pages of LANG that have an English page."""
    project = copy_project(dest)
    code, out, err = _command(project, "--mark-all")
    assert code == 0, out + err
    docs = project / "docs"
    pages = [p for p in page_files(docs / LANG) if (docs / p).is_file()]
    assert len(pages) >= 3, pages
    return project, pages


def _change_english(project: Path, page: str) -> None:
    english = project / "docs" / page
    english.write_text(
        english.read_text(encoding="utf-8") + "\nA sentence added after the translation.\n",
        encoding="utf-8",
    )


def _built(site: Path, page: str) -> str:
    url = page_url(page)
    return (
        site / (url if url.endswith(".html") else url.replace("./", "") + "index.html")
    ).read_text(encoding="utf-8")


def _warnings(log: list[str]) -> list[str]:
    """The build's warnings about the pages of LANG (not their GitHub annotations)."""
    start = f"WARNING -  docs/{LANG}: "
    return [line for out in log for line in out.splitlines() if line.startswith(start)]


# The build: the notice on a page that is behind, the warning, the build still passes ------


def test_a_page_behind_its_english_page_says_so_and_the_build_warns(tmp_path: Path) -> None:
    project, pages = _marked_copy(tmp_path / "project")
    behind, unchanged, unrecorded = pages[0], pages[1], pages[2]
    also_behind = pages[-1]
    for page in (behind, also_behind):
        _change_english(project, page)
    spanish = project / "docs" / LANG / unrecorded
    spanish.write_text(_RECORD_LINE.sub("", spanish.read_text(encoding="utf-8")), encoding="utf-8")

    log: list[str] = []
    site = build_site(tmp_path / "site", project=project, config_file=CONFIG, log=log)

    words = strings(LANG)
    for page in (behind, also_behind):
        html = _built(site, page)
        notice = html[html.index("data-hi-translation") :].split("</aside>", 1)[0]
        assert words["translation_behind"].split()[0] in notice, (page, notice)
        links = re.findall(r'<a href="([^"]+)" hreflang="en">([^<]+)</a>', notice)
        assert [text for _, text in links] == [words["translation_behind_link"]], notice
        here = page_url(page)
        target = posixpath.normpath(posixpath.join(f"/{LANG}/{here}", links[0][0]))
        assert target.strip("/") == page_url(page).rstrip("/").removesuffix("."), (page, target)
    for page in (unchanged, unrecorded):
        html = _built(site, page)
        assert "data-hi-translation" in html, page
        assert words["translation_behind_link"] not in html, page

    lines = _warnings(log)
    stale = [line for line in lines if "an older version of its English page" in line]
    assert len(stale) == 1, lines
    named = stale[0].split(": ", 2)[1].split(", ")
    assert sorted(named) == sorted([behind, also_behind]), stale[0]
    assert f"{COMMAND} --mark docs/{LANG}/<page>" in stale[0]
    missing = [line for line in lines if f"no {RECORD}" in line]
    assert len(missing) == 1 and missing[0].split(": ", 2)[1] == unrecorded, lines


def test_pages_that_match_their_english_page_say_nothing(tmp_path: Path) -> None:
    project, pages = _marked_copy(tmp_path / "project")
    log: list[str] = []
    site = build_site(tmp_path / "site", project=project, config_file=CONFIG, log=log)
    assert _warnings(log) == []
    link = strings(LANG)["translation_behind_link"]
    assert [p for p in pages if link in _built(site, p)] == []


# A malformed record: one error line naming the file, the field and the line -------------


@pytest.mark.parametrize("value", ['"not-a-hash"', "123456789012", "[a, b]"])
def test_a_malformed_record_is_one_error_line(tmp_path: Path, value: str) -> None:
    project, pages = _marked_copy(tmp_path / "project")
    spanish = project / "docs" / LANG / pages[0]
    text = _RECORD_LINE.sub(f"{RECORD}: {value}\n", spanish.read_text(encoding="utf-8"))
    spanish.write_text(text, encoding="utf-8")
    line = text.splitlines().index(f"{RECORD}: {value}") + 1
    start = f"docs/{LANG}/{pages[0]}: {RECORD}: "
    end = (
        "is not a fingerprint (12 characters from 0-9 and a-f, in quotes); "
        f"run {COMMAND} --mark on this page to write it (line {line})"
    )

    check = run_check(project)
    assert check.returncode == 1 and check.stderr.count("\n") == 1, check.stderr
    assert check.stderr.startswith(start) and check.stderr.rstrip().endswith(end), check.stderr
    code, _, err = _command(project)
    assert code == 1 and err.startswith(start) and err.rstrip().endswith(end), err
    with pytest.raises(BuildError) as info:
        build_site(tmp_path / "site", project=project, config_file=CONFIG)
    assert start in str(info.value) and end in str(info.value), info.value

    # --mark mends it
    code, out, err = _command(project, "--mark", f"docs/{LANG}/{pages[0]}")
    assert code == 0, out + err
    assert run_check(project).returncode == 0


def test_an_english_page_with_a_record_is_one_error_line(tmp_path: Path) -> None:
    project, pages = _marked_copy(tmp_path / "project")
    english = project / "docs" / pages[0]
    text = english.read_text(encoding="utf-8").replace(
        "\n---\n", f'\n{RECORD}: "0123456789ab"\n---\n', 1
    )
    english.write_text(text, encoding="utf-8")
    line = text.splitlines().index(f'{RECORD}: "0123456789ab"') + 1
    check = run_check(project)
    assert check.returncode == 1
    assert check.stderr == (
        f"docs/{pages[0]}: {RECORD}: only a translated page (docs/<lang>/) records the English "
        f"page it translates; remove this line (line {line})\n"
    )


# The translators' command -----------------------------------------------------------------


def test_the_command_lists_and_marks(tmp_path: Path) -> None:
    project, pages = _marked_copy(tmp_path / "project")
    docs = project / "docs"
    before = {p: (docs / LANG / p).read_bytes() for p in pages}

    code, out, _ = _command(project)
    assert (
        code == 0
        and out.strip() == f"{LANG}: all {len(pages)} pages translate the English page as it is now"
    )
    code, out, _ = _command(project, "--mark-all")  # again: nothing to do, nothing touched
    assert code == 0 and out.strip() == f"0 written, {len(pages)} already current", out
    assert {p: (docs / LANG / p).read_bytes() for p in pages} == before

    _change_english(project, pages[0])
    code, out, _ = _command(project)
    assert code == 0
    assert out.startswith(
        f"docs/{LANG}/{pages[0]}: behind docs/{pages[0]}, which changed since; "
    ), out
    assert f"{LANG}: 1 of {len(pages)} pages behind the English page" in out

    code, out, _ = _command(project, "--mark", f"docs/{LANG}/{pages[0]}")
    assert code == 0, out
    new = fingerprint(pages[0], (docs / pages[0]).read_text(encoding="utf-8"))
    assert out.splitlines()[0] == f'docs/{LANG}/{pages[0]}: {RECORD}: "{new}" (written)'
    old_lines = before[pages[0]].decode().splitlines(keepends=True)
    new_lines = (docs / LANG / pages[0]).read_bytes().decode().splitlines(keepends=True)
    changed = [(a, b) for a, b in zip(old_lines, new_lines, strict=True) if a != b]
    assert changed == [(changed[0][0], f'{RECORD}: "{new}"\n')], changed
    assert _command(project)[1].strip().endswith("as it is now")


def test_the_command_shows_what_changed_where_the_history_has_it(tmp_path: Path) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    project, pages = _marked_copy(tmp_path / "project")
    git = ("git", "-c", "user.name=Test", "-c", "user.email=test@example.org")
    for args in (("init", "-q"), ("add", "-A"), ("commit", "-q", "-m", "translated")):
        assert run(*git, *args, cwd=project).returncode == 0
    commit = run("git", "log", "--format=%h", "-n", "1", cwd=project).stdout.strip()
    _change_english(project, pages[0])
    assert run(*git, "commit", "-q", "-am", "English changed", cwd=project).returncode == 0
    out = _command(project)[1]
    assert f"see what changed: git diff {commit} -- docs/{pages[0]}\n" in out, out


@pytest.mark.parametrize(
    ("file", "message"),
    [
        ("docs/learn/nope.md", "not a page of a translation; name one in docs/<lang>/"),
        (f"docs/{LANG}/data/references.yml", "not a page of a translation"),
        (f"docs/{LANG}/nope.md", "no such page"),
    ],
)
def test_marking_what_is_not_a_translated_page_is_one_line(
    tmp_path: Path, file: str, message: str
) -> None:
    project = copy_project(tmp_path / "project")
    code, out, err = _command(project, "--mark", file)
    assert code == 1 and out == "" and err.count("\n") == 1, err
    assert err.startswith(f"{file}: {message}"), err


# The fingerprint: what a reader reads, not the layout ------------------------------------

PAGE = """\
---
title: Healing takes time
description: Ways people move toward trust.
reviewed: 2026-12-01
next_review: 2027-12-01
sources:
  - herman-2015-trauma-recovery
---

# Healing takes time

Change like this is slow, and that is okay.
Setbacks are part of it.

!!! note

    Go at your own pace.
"""


@pytest.mark.parametrize(
    ("change", "old", "new"),
    [
        (
            "the review dates",
            "reviewed: 2026-12-01\nnext_review: 2027-12-01",
            "reviewed: 2027-01-05\nnext_review: 2027-12-20",
        ),
        ("a paragraph wrapped again", "okay.\nSetbacks", "okay. Setbacks"),
        ("spaces at line ends", "okay.\n", "okay.   \n"),
        ("more blank lines", "\n\n# Healing", "\n\n\n\n# Healing"),
        ("Windows line endings", "\n", "\r\n"),
    ],
)
def test_layout_does_not_make_a_page_behind(change: str, old: str, new: str) -> None:
    assert old in PAGE
    assert fingerprint("learn/healing.md", PAGE.replace(old, new)) == fingerprint(
        "learn/healing.md", PAGE
    ), change


@pytest.mark.parametrize(
    ("change", "old", "new"),
    [
        ("the title", "title: Healing takes time", "title: Healing takes a while"),
        ("the description", "toward trust.", "toward trust and connection."),
        ("a source", "  - herman-2015-trauma-recovery", "  - nice-2018-ptsd"),
        ("a word", "is slow", "is often slow"),
        ("a heading", "# Healing takes time\n\nChange", "## Healing takes time\n\nChange"),
        ("a paragraph out of its note", "    Go at", "Go at"),
        ("a new content note", "sources:", "content_note: Go slowly.\nsources:"),
    ],
)
def test_what_a_reader_reads_makes_a_page_behind(change: str, old: str, new: str) -> None:
    assert old in PAGE
    assert fingerprint("learn/healing.md", PAGE.replace(old, new)) != fingerprint(
        "learn/healing.md", PAGE
    ), change


def test_the_record_is_written_on_its_own_line_and_nothing_else_changes() -> None:
    value = fingerprint("learn/healing.md", PAGE)
    added = with_record("docs/es/learn/healing.md", PAGE, value)
    assert added == PAGE.replace("\n---\n", f'\n{RECORD}: "{value}"\n---\n', 1)
    replaced = with_record("docs/es/learn/healing.md", added, "0123456789ab")
    assert replaced == added.replace(value, "0123456789ab")
    windows = PAGE.replace("\n", "\r\n")
    assert with_record("p", windows, value) == added.replace("\n", "\r\n")
    folded = added.replace(f'"{value}"', f">-\n  {value}")
    assert with_record("p", folded, "0123456789ab") == replaced
