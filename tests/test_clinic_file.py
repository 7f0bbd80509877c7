"""The clinic's own settings file, ``clinic.yml``: checked line by line, laid over the
project's settings in every language, a language turned off, and updates that merge.

Every test writes the ``clinic.yml`` it needs into a copy of the project, so none depends
on the values a clinic chose.
"""

from __future__ import annotations

import re
import shutil
import sys
import time
from html import unescape
from pathlib import Path
from typing import Any

import pytest
import yaml

from macros.check_config import ConfigLoader
from macros.clinic import CLINIC_FILE, check_file, overlay, stale_warnings
from macros.inherit import load_merged
from macros.legacy import legacy_warnings, record, unshipped
from macros.settings import EXAMPLE_ORGANISATION
from macros.settings.model import REFUSED
from tests.harness import (
    ENGINE,
    ROOT,
    BuildError,
    build_site,
    copy_project,
    run,
    run_check,
    site_pages,
    translations,
    with_extra,
)

HAS_SPANISH = (ROOT / "mkdocs.es.yml").is_file()
needs_spanish = pytest.mark.skipif(not HAS_SPANISH, reason="this copy has no Spanish site")

#: A whole clinic: every language gets its organisation and quick exit, Spanish its own
#: line (tap to call) and words.
FULL = """\
site_name: "Riverside Clinic: a gentle guide"
organisation:
  name: "Riverside Clinic"
  website: "https://riverside.example/"
  phone: "+44 20 7946 0999"
crisis_lines:
  - name: "Riverside Night Line"
    how: "Call 0800 000 111 (free)"
    phone: "0800 000 111"
    for: [suicide, talk]
  - name: "Riverside Safe at Home"
    how: "Call 0800 000 222"
    phone: "0800 000 222"
    for: [abuse]
crisis_lines_notice: ""
quick_exit:
  url: "https://www.bbc.co.uk/news"
  label: "Leave now"
referrals:
  - name: "Riverside talking therapies"
    url: "https://riverside.example/therapy"
disclaimer: "Riverside's own disclaimer."
languages:
  es:
    site_name: "Clínica Riverside: una guía amable"
    crisis_lines:
      - name: "Línea de noche de Riverside"
        how: "Llama al 0800 000 111 (gratis)"
        phone: "0800 000 111"
        for: [suicide, talk]
      - name: "Riverside: seguridad en casa"
        how: "Llama al 0800 000 333"
        phone: "0800 000 333"
        for: [abuse]
    crisis_lines_notice: ""
    quick_exit:
      label: "Salir ya"
    disclaimer: "El aviso propio de Riverside."
    referrals:
      - name: "Terapias de Riverside"
        url: "https://riverside.example/es/terapia"
"""

#: A small clinic: one line, no quick exit, no Spanish.
SMALL = """\
organisation:
  name: "Hilltop Group"
crisis_lines:
  - name: "Hilltop Listening Line"
    how: "Call 01632 960 123"
    phone: "01632 960 123"
    for: [suicide, abuse, talk]
crisis_lines_notice: ""
quick_exit:
  enabled: false
languages:
  es: false
"""


def _project(dest: Path, clinic: str) -> Path:
    """A copy of the project with the tests' own settings in mkdocs.yml and ``clinic``."""
    project = copy_project(dest)
    config = project / "mkdocs.yml"
    config.write_text(with_extra(config.read_text(encoding="utf-8")), encoding="utf-8")
    (project / CLINIC_FILE).write_text(clinic, encoding="utf-8")
    return project


def _check(project: Path) -> tuple[int, str, float]:
    """``python -m macros.check_config`` in ``project``, as ``make build`` runs it."""
    started = time.monotonic()
    proc = run_check(project)
    return proc.returncode, proc.stdout + proc.stderr, time.monotonic() - started


# The file is checked like mkdocs.yml, each message naming clinic.yml ---------------------

MISTAKES = [
    (
        "organisation:\n  name: Riverside\n  website: riverside.example\n",
        'clinic.yml: organisation.website: "riverside.example" has no https:// at the start; '
        'write "https://riverside.example" (line 3)',
    ),
    (
        "organsation:\n  name: Riverside\n",
        "clinic.yml: organsation: unknown setting; did you mean organisation? (line 1)",
    ),
    (
        "crisis_lines:\n  - name: Riverside line\n",
        "clinic.yml: crisis_lines[0].how: missing; say how to reach it, "
        'like "Call or text 988" (line 2)',
    ),
    (
        'site_name: "Riverside <b>"\n',
        "clinic.yml: site_name: holds '<'; write it as plain text (line 1)",
    ),
    (
        "languages:\n  fr: false\n",
        "clinic.yml: languages.fr: no mkdocs.fr.yml; the languages here are es (line 2)",
    ),
    (
        "languages:\n  en:\n    site_name: Riverside\n",
        "clinic.yml: languages.en: English settings go at the top of clinic.yml, not here (line 2)",
    ),
    (
        "languages:\n  es:\n    crisis_lines:\n"
        "      - name: Línea\n        how: Llama\n        phone: '0800 abc'\n",
        None,  # the phone message, named under languages.es
    ),
    ("organisation:\n\tname: Riverside\n", "clinic.yml: line 2: "),
    (
        "crisis_lines_notice: one\ncrisis_lines_notice: two\n",
        "clinic.yml: line 2: crisis_lines_notice is written twice",
    ),
    # A setting the model refuses gets its reason here too, as it does under extra:.
    ("analytics:\n  provider: google\n", f"clinic.yml: analytics: {REFUSED['analytics']} (line 1)"),
    (
        "languages:\n  es:\n    consent: {}\n",
        f"clinic.yml: languages.es.consent: {REFUSED['consent']} (line 3)",
    ),
    (
        "generator: true\n",
        "clinic.yml: generator: the project's own setting, not one for clinic.yml; remove it "
        "(line 1)",
    ),
    (
        'translation_review: "Reviewed"\n',
        "clinic.yml: translation_review: a setting for a translation; write it under "
        "languages: and the language, like es: (line 1)",
    ),
]


@needs_spanish
@pytest.mark.parametrize(("text", "expected"), MISTAKES)
def test_a_mistake_in_clinic_yml_is_one_line_naming_it(
    tmp_path: Path, text: str, expected: str | None
) -> None:
    project = _project(tmp_path / "copy", text)
    code, out, took = _check(project)
    assert code == 1 and "Traceback" not in out and took < 10, out
    assert len(out.strip().splitlines()) == 1, out
    if expected is None:
        assert out.startswith("clinic.yml: languages.es.crisis_lines[0].phone: "), out
        assert "(line 6)" in out, out
    else:
        assert out.strip().startswith(expected), out


def test_a_clinic_yml_of_comments_only_changes_nothing(tmp_path: Path) -> None:
    project = _project(tmp_path / "copy", "# organisation:\n#   name: Riverside\n")
    assert check_file(project) == {}
    config = load_merged(project / "mkdocs.yml")
    assert overlay(config, "en", project) == config


def test_a_whole_config_named_clinic_yml_is_left_to_its_own_build(tmp_path: Path) -> None:
    # Before clinic.yml had a meaning, a clinic could write its own config that INHERITs
    # mkdocs.yml and build it with -f: that file is not read as settings to lay over.
    project = _project(tmp_path / "copy", "INHERIT: mkdocs.yml\nsite_name: Riverside\n")
    assert check_file(project) == {}


# What reaches each language --------------------------------------------------------------


@needs_spanish
def test_shared_settings_reach_every_language_and_words_only_where_given(tmp_path: Path) -> None:
    project = _project(tmp_path / "copy", FULL)
    clinic = yaml.safe_load(FULL)
    english = overlay(load_merged(project / "mkdocs.yml"), "en", project)
    spanish = overlay(load_merged(project / "mkdocs.es.yml"), "es", project)
    assert english["site_name"] == clinic["site_name"]
    assert english["extra"]["crisis_lines"] == clinic["crisis_lines"]
    assert english["extra"]["quick_exit"]["label"] == "Leave now"
    es = clinic["languages"]["es"]
    assert spanish["site_name"] == es["site_name"]
    assert spanish["extra"]["organisation"] == clinic["organisation"]
    assert spanish["extra"]["crisis_lines"] == es["crisis_lines"]
    assert spanish["extra"]["disclaimer"] == es["disclaimer"]
    # The Spanish label, with the address every language shares.
    assert spanish["extra"]["quick_exit"]["label"] == "Salir ya"
    assert spanish["extra"]["quick_exit"]["url"] == clinic["quick_exit"]["url"]
    assert stale_warnings(project) == []


@needs_spanish
def test_english_words_never_replace_a_languages_own_and_the_build_says_so(
    tmp_path: Path,
) -> None:
    text = FULL[: FULL.index("languages:")]
    project = _project(tmp_path / "copy", text)
    project_es = load_merged(project / "mkdocs.es.yml")
    spanish = overlay(project_es, "es", project)
    assert spanish["extra"]["organisation"]["name"] == "Riverside Clinic"
    assert spanish["extra"]["quick_exit"]["url"] == "https://www.bbc.co.uk/news"
    assert "label" not in spanish["extra"]["quick_exit"]  # "Leave now" is English
    for key in ("crisis_lines", "disclaimer", "referrals"):
        assert spanish["extra"][key] == project_es["extra"][key], key
    [warning] = stale_warnings(project)
    assert warning.startswith("clinic.yml: site_name, referrals, disclaimer: the Spanish pages")
    assert "languages: es:" in warning and "es: false" in warning


#: What a copy older than clinic.yml changed in the project's config files, by file: the
#: settings named (top-level ones first, then those under extra:, as in the file).
OWN_VALUES: dict[str, dict[str, Any]] = {
    "mkdocs.yml": {
        "site_name": "Riverside Clinic: a gentle guide",
        "extra.organisation": {"name": "Riverside Clinic", "phone": "+44 20 7946 0999"},
        "extra.colors": {"primary": "#6a1b9a", "link": "#6a1b9a", "link_dark": "#d7b4f0"},
        "extra.quick_exit": {"enabled": True, "url": "https://www.bbc.co.uk/news"},
        "extra.referrals": [{"name": "Riverside therapies", "url": "https://riverside.example/"}],
        "extra.disclaimer": "Riverside's own disclaimer.",
        "extra.not_a_diagnosis": "Riverside's own note on a reflection.",
        "extra.clinical_review": "Reviewed by Dr A. Example, Riverside Clinic, May 2027",
    },
    "mkdocs.es.yml": {
        "extra.translation_review": "Revisado por una psicóloga clínica, enero de 2027",
        "extra.disclaimer": "El aviso propio de Riverside.",
    },
}


def _set_values(config: Path, values: dict[str, Any]) -> None:
    """Write ``values`` (``site_name``, ``extra.<setting>``) into ``config``, the rest as
    it is."""
    text = config.read_text(encoding="utf-8")
    data = yaml.load(text, Loader=ConfigLoader)
    extra = dict(data["extra"])
    for key, value in values.items():
        if key.startswith("extra."):
            extra[key.removeprefix("extra.")] = value
        else:
            text, found = re.subn(rf"(?m)^{key}:.*$", f"{key}: {value!r}", text, count=1)
            assert found == 1, key
    dumped = yaml.safe_dump({"extra": extra}, width=10**6, allow_unicode=True, sort_keys=False)
    config.write_text(with_extra(text, dumped), encoding="utf-8")


def _moved(warning: str) -> list[str]:
    """The settings a warning about a config file names."""
    return warning.split(": ", 2)[1].split(", ")


@needs_spanish
def test_a_copy_with_its_own_values_in_the_config_files_is_told_what_to_move(
    tmp_path: Path,
) -> None:
    project = _project(tmp_path / "copy", "")
    # The test's own record of what was shipped: this copy's config files as they are.
    shipped = project / "macros" / "shipped.txt"
    shipped.unlink()
    assert record(project, shipped) > 0
    assert legacy_warnings(project, shipped) == {}
    for file, values in OWN_VALUES.items():
        _set_values(project / file, values)
    warnings = legacy_warnings(project, shipped)
    assert list(warnings) == list(OWN_VALUES)  # one line for each file
    for file, values in OWN_VALUES.items():
        warning = warnings[file]
        assert warning.startswith(f"{file}: ") and "\n" not in warning
        assert _moved(warning) == [key.removeprefix("extra.") for key in values], warning
        assert f"your own values are in {file}" in warning
        assert f"then take {file} as the project has it" in warning
    assert "move them into clinic.yml" in warnings["mkdocs.yml"]
    assert "move them under languages: es: in clinic.yml" in warnings["mkdocs.es.yml"]
    # They still reach the pages until moved, and a value in clinic.yml wins.
    config = project / "mkdocs.yml"
    assert overlay(load_merged(config), "en", project)["extra"]["organisation"]["name"] == (
        "Riverside Clinic"
    )
    (project / CLINIC_FILE).write_text(yaml.safe_dump({"organisation": {"name": "Moved"}}))
    assert overlay(load_merged(config), "en", project)["extra"]["organisation"]["name"] == "Moved"
    # On GitHub each line is an annotation on the file it names (the example notice kept
    # above the lines is clinic.yml's to change).
    proc = run(
        *(sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(tmp_path / "s")),
        cwd=project,
        GITHUB_ACTIONS="true",
        NO_MKDOCS_2_WARNING="1",
    )
    assert proc.returncode == 0, proc.stderr
    annotations = re.findall(r"(?m)^::warning file=([^:]+)::(.*)$", proc.stderr)
    assert annotations, proc.stderr
    for file, warning in warnings.items():
        assert (file, warning) in annotations, proc.stderr
    for file, line in annotations:
        assert line.startswith(f"{file}: "), (file, line)
    assert {file for file, _ in annotations} == {CLINIC_FILE, *OWN_VALUES}, annotations


def test_every_value_the_project_ships_is_known_as_shipped() -> None:
    # So that no copy is told a default of the project is its own. A copy whose mkdocs.yml
    # holds a clinic's values (older than clinic.yml) gets the build's warning instead.
    extra = yaml.load((ROOT / "mkdocs.yml").read_text("utf-8"), Loader=ConfigLoader)["extra"]
    if (extra.get("organisation") or {}).get("name") != EXAMPLE_ORGANISATION:
        pytest.skip("this copy's mkdocs.yml holds a clinic's own values; the build names them")
    assert unshipped(ROOT) == {}, (
        "a default changed: run `.venv/bin/python -m macros.legacy`, commit macros/shipped.txt"
    )


# Two customised copies pass the gate: strict builds of every language that is on --------

LINE_NAMES = re.compile(r'<strong class="hi-support__name">(?:<a [^>]*>)?([^<]*)<')


def _clinic_site(factory: pytest.TempPathFactory, name: str, clinic: str) -> tuple[Path, Path]:
    """A copy with ``clinic`` as its clinic.yml, and its strict build (every language on)."""
    if not HAS_SPANISH:
        pytest.skip("this copy has no Spanish site")
    project = _project(factory.mktemp(name), clinic)
    try:
        return project, build_site(project / "site", project=project)
    except BuildError as exc:
        pytest.fail(f"{ENGINE} build --strict ({name} clinic) failed:\n{exc}", pytrace=False)


@pytest.fixture(scope="module")
def full_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _clinic_site(tmp_path_factory, "full", FULL)[1]


@pytest.fixture(scope="module")
def small_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return _clinic_site(tmp_path_factory, "small", SMALL)


def test_every_language_shows_the_clinic_its_lines_and_quick_exit(full_site: Path) -> None:
    clinic = yaml.safe_load(FULL)
    for lang, lines, label in (
        ("", clinic["crisis_lines"], "Leave now"),
        ("es/", clinic["languages"]["es"]["crisis_lines"], "Salir ya"),
    ):
        support = unescape((full_site / f"{lang}get-support/index.html").read_text("utf-8"))
        assert LINE_NAMES.findall(support) == [line["name"] for line in lines], lang
        for line in lines:
            digits = re.sub(r"\D", "", line["phone"])
            assert f'href="tel:{digits}"' in support, (lang, line["name"])
        assert "hi-support__notice" not in support, lang
        for page in site_pages(full_site / lang) if lang else site_pages(full_site):
            if not lang and page.startswith("es/"):
                continue
            html = unescape((full_site / lang / page).read_text("utf-8"))
            assert "Riverside Clinic" in html, (lang, page)
            assert "data-hi-example-notice" not in html, (lang, page)
            assert 'href="https://www.bbc.co.uk/news"' in html, (lang, page)
            assert f"data-quick-exit>{label}<" in html, (lang, page)
    spanish = unescape((full_site / "es/index.html").read_text("utf-8"))
    assert re.search(r"<title>[^<]*Clínica Riverside: una guía amable</title>", spanish)
    assert "El aviso propio de Riverside." in spanish


def test_a_language_turned_off_is_not_built_offered_or_linked(
    small_site: tuple[Path, Path],
) -> None:
    _, site = small_site
    assert not (site / "es").exists()
    for page in site_pages(site):
        html = (site / page).read_text("utf-8")
        assert "hreflang" not in html, page
        assert not re.search(r'href="(?:\.\./|\./|/)*es/', html), page  # no link to /es/
        assert "data-quick-exit" not in html, page
    support = unescape((site / "get-support/index.html").read_text("utf-8"))
    assert LINE_NAMES.findall(support) == ["Hilltop Listening Line"]
    assert 'href="tel:01632960123"' in support


def test_make_build_leaves_a_language_turned_off_out(small_site: tuple[Path, Path]) -> None:
    project, _ = small_site
    assert translations(project) == {}
    proc = run_check(project, "--translations")
    assert proc.returncode == 0 and proc.stdout.strip() == "", proc.stdout + proc.stderr
    # Built directly, the Spanish config says why in one line.
    with pytest.raises(BuildError) as built:
        build_site(project / "es-site", project=project, config_file="mkdocs.es.yml")
    assert "the Spanish pages are turned off in clinic.yml (languages: es: false)" in str(
        built.value
    )
    assert "Traceback" not in str(built.value)


# Sync fork: a release merges into a clinic's copy with no conflict, and builds ----------


#: Who commits in the tests' repositories.
GIT_USER = {
    "GIT_AUTHOR_NAME": "t",
    "GIT_AUTHOR_EMAIL": "t@example.org",
    "GIT_COMMITTER_NAME": "t",
    "GIT_COMMITTER_EMAIL": "t@example.org",
}


def _git(repo: Path, *args: str) -> str:
    proc = run("git", *args, cwd=repo, **GIT_USER)
    assert proc.returncode == 0, f"git {' '.join(args)}:\n{proc.stdout}{proc.stderr}"
    return proc.stdout


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_a_fork_takes_a_later_release_without_a_conflict(tmp_path: Path) -> None:
    repo = copy_project(tmp_path / "repo")
    shutil.copy2(ROOT / CLINIC_FILE, repo / CLINIC_FILE)  # the project's as shipped
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "release 1")
    # The clinic's fork: its own values, in its own file only.
    _git(repo, "checkout", "-q", "-b", "fork")
    (repo / CLINIC_FILE).write_text(FULL if HAS_SPANISH else SMALL, encoding="utf-8")
    _git(repo, "commit", "-q", "-am", "our clinic")
    # The next release: the nav, a default crisis line and the comments change.
    _git(repo, "checkout", "-q", "main")
    config = repo / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    nav = re.search(r"^  - (\w[^:\n]*): ", text, re.M)
    assert nav, "mkdocs.yml has no nav titles to change"
    text = text.replace(f"  - {nav.group(1)}: ", f"  - {nav.group(1)} (new): ", 1)
    text = re.sub(r'(\n    - name: )"([^"]+)"', r'\1"\2 (renamed)"', text, count=1)
    text = text.replace("# ", "# Release 2: ", 3)
    config.write_text(text, encoding="utf-8")
    _git(repo, "commit", "-q", "-am", "release 2")
    # Sync fork.
    _git(repo, "checkout", "-q", "fork")
    _git(repo, "merge", "-q", "--no-edit", "main")
    assert (repo / CLINIC_FILE).read_text(encoding="utf-8") == (FULL if HAS_SPANISH else SMALL)
    assert "(new): " in (repo / "mkdocs.yml").read_text(encoding="utf-8")
    code, out, _ = _check(repo)
    assert code == 0, out
    site = build_site(tmp_path / "site", project=repo)
    home = unescape((site / "index.html").read_text("utf-8"))
    assert f"{nav.group(1)} (new)" in home
    support = unescape((site / "get-support/index.html").read_text("utf-8"))
    expected = yaml.safe_load(FULL if HAS_SPANISH else SMALL)["crisis_lines"]
    assert LINE_NAMES.findall(support) == [line["name"] for line in expected]


# A translation's config is checked for what it does -------------------------------------

LAYOUT = [
    (r"(?m)^  language: es$", "  language: sp", "mkdocs.es.yml: theme.language: 'sp', but"),
    (r"(?m)^site_dir: .*$", "site_dir: site", "mkdocs.es.yml: site_dir: 'site' would mix"),
    (r"(?m)^docs_dir: .*$", "docs_dir: docs", "mkdocs.es.yml: docs_dir: 'docs'; the es pages"),
    (r"(?m)^  shared_assets: .*$", '  shared_assets: ""', "mkdocs.es.yml: extra.shared_assets:"),
    (r"(?m)^extra:$", "extra:\n  crisis_lines: []\nextra:", "mkdocs.es.yml: line "),
]


@needs_spanish
@pytest.mark.parametrize(("pattern", "replacement", "expected"), LAYOUT)
def test_a_translation_config_that_would_break_its_pages_is_one_line(
    tmp_path: Path, pattern: str, replacement: str, expected: str
) -> None:
    project = _project(tmp_path / "copy", "")
    spanish = project / "mkdocs.es.yml"
    text, found = re.subn(pattern, replacement, spanish.read_text(encoding="utf-8"), count=1)
    assert found == 1, pattern
    spanish.write_text(text, encoding="utf-8")
    code, out, took = _check(project)
    assert code == 1 and "Traceback" not in out and took < 10, out
    assert len(out.strip().splitlines()) == 1 and out.startswith(expected), out
