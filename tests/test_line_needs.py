"""Lines for the need: a crisis line may say what it is for (``for:``); "If you are not
safe now" lists the abuse lines first, and the build warns when a language publishes
that page with no line for abuse. The built pages are checked against the copy's own
settings; the rules are checked on settings of the tests' own."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from macros.settings import Settings, check
from macros.support import lines_for, need_warnings
from tests.harness import configured, copy_project, page_settings

SAFETY_PAGE = "get-support/if-you-are-not-safe/index.html"
LINE = re.compile(r'<li class="hi-support__line"(?: data-hi-for="([a-z ]*)")?>')


def _settings(*needs: object) -> Settings:
    lines = [{"name": f"Line {i}", "how": "Call", "for": n} for i, n in enumerate(needs)]
    return check({"crisis_lines": lines, "disclaimer": "d", "not_a_diagnosis": "n"})


def test_lines_for_a_need_come_first_in_the_clinics_order() -> None:
    settings = _settings("talk", ["abuse", "talk"], None, "abuse")
    names = [line.name for line in lines_for(settings.crisis_lines, "abuse")]
    assert names == ["Line 1", "Line 3", "Line 0", "Line 2"]
    assert lines_for(settings.crisis_lines, "") == settings.crisis_lines


def test_a_published_safety_page_without_an_abuse_line_warns(tmp_path: Path) -> None:
    page = tmp_path / "docs" / "get-support" / "if-you-are-not-safe.md"
    page.parent.mkdir(parents=True)
    without = _settings("talk", None)
    assert need_warnings(without, tmp_path / "docs", "mkdocs.yml") == []
    page.write_text("# Not safe\n")
    [warning] = need_warnings(without, tmp_path / "docs", "mkdocs.yml")
    assert warning.startswith("mkdocs.yml: extra.crisis_lines: none has for: abuse")
    assert "if-you-are-not-safe.md" in warning
    assert need_warnings(_settings("abuse"), tmp_path / "docs", "mkdocs.yml") == []


@pytest.mark.parametrize("lang", ["", "es/"])
def test_the_safety_page_lists_the_abuse_lines_first(site_dir: Path, lang: str) -> None:
    rel = lang + SAFETY_PAGE
    if not (site_dir / rel).is_file():
        pytest.skip(f"this copy does not publish {rel}")
    lines = page_settings(rel).crisis_lines
    shown = [set((m.group(1) or "").split()) for m in LINE.finditer((site_dir / rel).read_text())]
    assert len(shown) == len(lines), rel
    abuse = sum("abuse" in line.for_ for line in lines)
    assert all("abuse" in needs for needs in shown[:abuse]), (rel, shown)
    assert not any("abuse" in needs for needs in shown[abuse:]), (rel, shown)


def test_the_build_warns_when_the_copy_has_no_abuse_line(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "copy")
    config = project / "mkdocs.yml"
    config.write_text(re.sub(r"\n +for: \[?abuse\]?\n", "\n", config.read_text()), "utf-8")
    if any("abuse" in line.for_ for line in configured(project=project).crisis_lines):
        pytest.skip("this copy marks its abuse lines in a way this test cannot remove")
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(tmp_path / "s")],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
    )
    assert proc.returncode == 0, proc.stderr
    assert "mkdocs.yml: extra.crisis_lines: none has for: abuse" in proc.stderr, proc.stderr
