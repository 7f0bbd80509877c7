"""The commands a clinic runs (``make build``, ``make serve``, ``mkdocs build``) explain a
mistake in mkdocs.yml or in a page in one plain line: exit status 1, no traceback, fast.

The mistakes are made in the tests' own settings (``tests/fixtures/extra.yml`` in place of
the copy's ``extra:``); the copy's own ``mkdocs.yml`` must pass as it is."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from macros.clinic import CLINIC_FILE, stale_warnings
from macros.legacy import legacy_warnings
from macros.settings import placeholder_warnings
from macros.settings.lines import need_warnings
from tests.harness import ROOT, configured, copy_project, with_extra, without_extra

VENV = Path(sys.executable).parent.parent
#: The copy's own mkdocs.yml, and the same with the tests' own settings (an example copy's).
OWN_CONFIG = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
CONFIG = with_extra(OWN_CONFIG)
PRIMARY = '    primary: "#1d5c57"    # header and buttons, with white text on it'


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the project that the tests break and restore."""
    dest = copy_project(tmp_path_factory.mktemp("project"))
    shutil.copy2(ROOT / "Makefile", dest / "Makefile")
    shutil.copytree(ROOT / "requirements", dest / "requirements")
    return dest


def _run(project: Path, *cmd: str, config: str | None = None) -> tuple[int, str, float]:
    # The tests' own settings (CONFIG) come without the copy's clinic.yml; the copy's own
    # mkdocs.yml (OWN_CONFIG) with it.
    (project / "mkdocs.yml").write_text(config or CONFIG, encoding="utf-8")
    (project / CLINIC_FILE).unlink(missing_ok=True)
    if config == OWN_CONFIG and (ROOT / CLINIC_FILE).is_file():
        shutil.copy2(ROOT / CLINIC_FILE, project / CLINIC_FILE)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONDONTWRITEBYTECODE="1")
    started = time.monotonic()
    proc = subprocess.run(
        cmd, cwd=project, env=env, capture_output=True, text=True, timeout=60, check=False
    )
    return proc.returncode, proc.stdout + proc.stderr, time.monotonic() - started


def _config(old: str, new: str) -> tuple[str, int]:
    """The tests' config with ``old`` (a line of its ``extra:``) replaced, and its line."""
    at = CONFIG.index(old, CONFIG.index("\nextra:\n"))
    return CONFIG[:at] + new + CONFIG[at + len(old) :], CONFIG[:at].count("\n") + 1


def _make(target: str) -> list[str]:
    return ["make", "--no-print-directory", target, f"VENV={VENV}"]


def test_make_build_explains_a_colour_without_contrast(project: Path) -> None:
    config, line = _config(PRIMARY, '    primary: "#fff"')
    code, out, took = _run(project, *_make("build"), config=config)
    assert code != 0 and "Traceback" not in out and took < 10
    assert (
        'mkdocs.yml: extra.colors.primary: "#fff" gives 1.0:1 against the white header text; '
        f"it needs 4.5:1, try a darker colour (line {line})"
    ) in out.splitlines()
    assert "mkdocs build" not in out, "MkDocs must not start"


def test_make_serve_explains_an_unquoted_colour_and_starts_no_server(project: Path) -> None:
    config, line = _config(PRIMARY, "    primary: #6a1b9a")
    code, out, took = _run(project, *_make("serve"), config=config)
    assert code != 0 and "Traceback" not in out and took < 10
    assert (
        'mkdocs.yml: extra.colors.primary: empty; put the colour in quotes, like "#1d5c57" '
        f"(without quotes YAML reads everything after # as a comment) (line {line})"
    ) in out.splitlines()


def test_make_build_explains_a_tab(project: Path) -> None:
    config, line = _config('    phone: ""', '\tphone: ""')
    code, out, took = _run(project, *_make("build"), config=config)
    assert code != 0 and "Traceback" not in out and took < 10
    assert (
        f"mkdocs.yml: line {line}: a tab is used here; YAML needs spaces, so replace the tab "
        "with spaces"
    ) in out.splitlines()


def test_mkdocs_build_alone_stops_with_one_line_for_a_missing_extra(project: Path) -> None:
    config = without_extra(OWN_CONFIG)
    code, out, took = _run(
        project, sys.executable, "-m", "mkdocs", "build", "--strict", "-q", config=config
    )
    assert code != 0 and "Traceback" not in out and took < 10
    assert (
        "ERROR   -  mkdocs.yml: extra: missing; it holds the project's defaults of the "
        "clinic settings (organisation, crisis_lines, disclaimer...): take mkdocs.yml as "
        "the project has it, and write your own values in clinic.yml"
    ) in out.splitlines()


def test_make_build_names_a_page_with_broken_front_matter(project: Path) -> None:
    page = project / "docs" / "about" / "glossary.md"
    original = page.read_text(encoding="utf-8")
    page.write_text(original.replace("title:", "title: [Glossary", 1), encoding="utf-8")
    try:
        code, out, took = _run(project, *_make("build"))
    finally:
        page.write_text(original, encoding="utf-8")
    assert code != 0 and "Traceback" not in out and took < 10
    assert (
        "docs/about/glossary.md: front matter: a [ is opened but not closed; close it with ] "
        "or put the whole value in quotes (line 2)"
    ) in out.splitlines()


def test_a_config_that_inherits_mkdocs_yml_is_checked(project: Path) -> None:
    (project / "riverside.yml").write_text(
        "INHERIT: mkdocs.yml\nextra:\n  organisation:\n    website: riverside.example\n"
    )
    code, out, took = _run(project, sys.executable, "-m", "macros.check_config", "riverside.yml")
    assert code != 0 and "Traceback" not in out and took < 10
    assert out.strip() == (
        'riverside.yml: extra.organisation.website: "riverside.example" has no https:// at the '
        'start; write "https://riverside.example" (line 4)'
    )


def _settings_warnings(out: str) -> list[str]:
    return [
        line
        for line in out.splitlines()
        if line.startswith(("WARNING -  mkdocs.yml: extra", "WARNING -  clinic.yml: "))
    ]


def test_an_example_config_passes_with_a_warning_about_the_example(project: Path) -> None:
    code, out, _ = _run(project, sys.executable, "-m", "macros.check_config")
    assert code == 0 and out == ""
    code, out, _ = _run(
        project, sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", "built"
    )
    assert code == 0, out
    assert _settings_warnings(out) == [
        "WARNING -  clinic.yml: organisation.name: still the example organisation; "
        "every page says this copy is an example until you write your organisation's name",
        "WARNING -  clinic.yml: crisis_lines_notice: still set; replace the example "
        'crisis lines with lines for your area (crisis_lines), then set it to ""',
    ]


def test_the_copys_own_config_passes_and_warns_only_about_example_values(project: Path) -> None:
    # A clinic that replaced the example values gets a clean log; our sample gets warnings.
    code, out, _ = _run(project, sys.executable, "-m", "macros.check_config", config=OWN_CONFIG)
    assert code == 0 and out == ""
    code, out, _ = _run(
        project,
        *(sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", "built"),
        config=OWN_CONFIG,
    )
    assert code == 0, out
    own = configured()
    found = [
        *placeholder_warnings(own),
        *need_warnings(own, ROOT / "docs", "", ROOT),
        *legacy_warnings(ROOT).values(),
        *stale_warnings(ROOT),
    ]
    expected = [f"WARNING -  {line}" for line in found]
    assert _settings_warnings(out) == expected
