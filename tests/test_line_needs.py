"""Lines for the need: a crisis line may say what it is for (``for:``); "If you are not
safe now" lists the abuse lines first, and the build warns when a language publishes
that page with no line for abuse. The built pages are checked against the copy's own
settings (Spanish against the example copy's where the copy turns Spanish off); the rules
are checked on settings of the tests' own."""

from __future__ import annotations

import re
import subprocess
import sys
from html import unescape
from pathlib import Path

import pytest
import yaml

from macros.clinic import CLINIC_FILE
from macros.quiz.strings import strings
from macros.settings import Settings, check
from macros.settings.lines import general_lines_warnings, is_general, lines_for, need_warnings
from tests.harness import (
    ROOT,
    configured,
    configured_extra,
    copy_project,
    example_project,
    page_settings,
    with_extra,
)

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
    assert need_warnings(without, tmp_path / "docs", "", tmp_path) == []
    page.write_text("# Not safe\n")
    [warning] = need_warnings(without, tmp_path / "docs", "", tmp_path)
    assert warning.startswith("clinic.yml: crisis_lines: none has for: abuse")
    assert "yet docs/get-support/if-you-are-not-safe.md tells" in warning
    assert need_warnings(_settings("abuse"), tmp_path / "docs", "", tmp_path) == []


@pytest.mark.parametrize("lang", ["", "es/"])
def test_the_safety_page_lists_the_abuse_lines_first(
    request: pytest.FixtureRequest, lang: str
) -> None:
    # A translation on a site that builds it: the copy's own, or the example copy.
    site_dir: Path = request.getfixturevalue("translated_site_dir" if lang else "site_dir")
    project: Path = request.getfixturevalue("translated_project") if lang else ROOT
    rel = lang + SAFETY_PAGE
    if not (site_dir / rel).is_file():
        pytest.skip(f"this copy does not publish {rel}")
    lines = page_settings(rel, project).crisis_lines
    shown = [set((m.group(1) or "").split()) for m in LINE.finditer((site_dir / rel).read_text())]
    assert len(shown) == len(lines), rel
    abuse = sum("abuse" in line.for_ for line in lines)
    assert all("abuse" in needs for needs in shown[:abuse]), (rel, shown)
    assert not any("abuse" in needs for needs in shown[abuse:]), (rel, shown)


def test_the_build_warns_when_the_copy_has_no_abuse_line(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "copy")
    for name in ("mkdocs.yml", CLINIC_FILE):  # the copy's lines, wherever it wrote them
        if (project / name).is_file():
            text = (project / name).read_text()
            (project / name).write_text(re.sub(r"\n +for: \[?abuse\]?\n", "\n", text), "utf-8")
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
    assert "clinic.yml: crisis_lines: none has for: abuse" in proc.stderr, proc.stderr


def _build(project: Path, config: str, out: Path) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", config, "-d", str(out)]
    env = {"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"}
    return subprocess.run(cmd, cwd=project, capture_output=True, text=True, check=False, env=env)


def test_a_translation_left_with_the_general_lines_warns_and_says_so(tmp_path: Path) -> None:
    # The example copy: the tests' own settings, Spanish on and with the project's lines.
    project = example_project(tmp_path / "copy")
    if not (project / "mkdocs.es.yml").is_file():
        pytest.skip("this copy has no Spanish site")
    assert is_general(configured("mkdocs.es.yml", project).crisis_lines)
    # The clinic replaced its English lines, and cleared the Spanish note about them.
    extra = configured_extra(project=project)
    extra["crisis_lines"] = [{"name": "Northfield Listening Line", "how": "Call, day or night"}]
    extra["crisis_lines_notice"] = ""
    config = project / "mkdocs.yml"
    config.write_text(with_extra(config.read_text(), yaml.safe_dump({"extra": extra})), "utf-8")
    spanish = project / "mkdocs.es.yml"
    spanish.write_text(
        re.sub(r"\n  crisis_lines_notice: >-\n(    .*\n)+", "\n", spanish.read_text())
    )
    assert not configured("mkdocs.es.yml", project).crisis_lines_notice
    proc = _build(project, "mkdocs.es.yml", tmp_path / "es")
    assert proc.returncode == 0, proc.stderr
    assert "mkdocs.es.yml: extra.crisis_lines: still the project's general lines" in proc.stderr
    html = unescape((tmp_path / "es" / "get-support" / "index.html").read_text())
    assert " ".join(strings("es")["general_lines_notice"].split()) in " ".join(html.split())


def test_only_a_translation_with_only_general_lines_after_the_clinic_replaced_its_own_warns() -> (
    None
):
    general = check(
        {
            "crisis_lines": [{"name": "Samaritans", "how": "Call"}],
            "disclaimer": "d",
            "not_a_diagnosis": "n",
        }
    )
    own = _settings("abuse")
    assert is_general(general.crisis_lines) and not is_general(own.crisis_lines)
    [warning] = general_lines_warnings(general, own, "mkdocs.es.yml")
    assert warning.startswith("mkdocs.es.yml: extra.crisis_lines: still the project's general")
    assert general_lines_warnings(general, general, "mkdocs.es.yml") == []  # all still general
    assert general_lines_warnings(own, own, "mkdocs.es.yml") == []  # lines of its own
    assert general_lines_warnings(general, None, "mkdocs.es.yml") == []  # no English to compare
