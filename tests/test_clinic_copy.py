"""A clinic's own copy, customised as docs/clinics/customise.md says: in its own
``clinic.yml``, its site name and organisation, one crisis line of its own with a number
to tap, the notice about general lines set to "", the quick exit turned off. It passes
the settings check with no warning, and the built site shows the clinic and its line, no
example notice, none of the lines it replaced and no quick exit.

The test writes the copy's ``clinic.yml`` (only the settings the guide names; the rest
stays as the copy has it), so this holds for our sample and for any clinic's fork. One
build, with the current ENGINE, English only: the Spanish pages keep lines of their own
(``mkdocs.es.yml``) until the clinic writes its own for them.
"""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest
import yaml

from macros.check_config import check_config
from macros.clinic import CLINIC_FILE
from macros.settings import placeholder_warnings
from tests.harness import (
    ENGINE,
    BuildError,
    build_site,
    configured,
    configured_extra,
    copy_project,
    fixture_extra,
    site_pages,
)

SITE_NAME = "Doing it alone: a guide from Northfield Wellbeing"
ORGANISATION = "Northfield Wellbeing Collective"
LINE = {
    "name": "Northfield Listening Line",
    "how": "Call or text, day or night",
    "phone": "0300 123 4567",
    "hours": "24 hours a day",
}
TAP_TO_CALL = 'href="tel:03001234567" data-hi-call>Call 0300 123 4567</a>'
LINE_NAMES = re.compile(r'<strong class="hi-support__name">(?:<a [^>]*>)?([^<]*)<')


@pytest.fixture(scope="module")
def clinic(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, list[str]]:
    """The customised copy, its built site, and the names of the lines it replaced."""
    project = copy_project(tmp_path_factory.mktemp("clinic-copy"))
    replaced = [line.name for line in configured(project=project).crisis_lines]
    replaced += [line["name"] for line in yaml.safe_load(fixture_extra())["extra"]["crisis_lines"]]
    organisation = configured_extra(project=project).get("organisation") or {}
    own = {
        "site_name": SITE_NAME,
        "organisation": {**organisation, "name": ORGANISATION},
        "crisis_lines": [LINE],
        "crisis_lines_notice": "",
        "quick_exit": {"enabled": False},
    }
    (project / CLINIC_FILE).write_text(yaml.safe_dump(own, allow_unicode=True), "utf-8")
    try:
        site = build_site(project / "site", project=project, languages=False)
    except BuildError as exc:
        pytest.fail(f"{ENGINE} build --strict (clinic copy) failed:\n{exc}", pytrace=False)
    return project, site, [name for name in replaced if name != LINE["name"]]


def test_the_customised_settings_pass_without_a_warning(
    clinic: tuple[Path, Path, list[str]],
) -> None:
    project, _, _ = clinic
    check_config(project / "mkdocs.yml")
    assert placeholder_warnings(configured(project=project)) == []


def test_every_page_shows_the_clinic_and_no_example_notice_or_quick_exit(
    clinic: tuple[Path, Path, list[str]],
) -> None:
    _, site, _ = clinic
    pages = site_pages(site)
    assert "index.html" in pages and "get-support/index.html" in pages
    for page in pages:
        html = unescape((site / page).read_text(encoding="utf-8"))
        title = re.search(r"<title>([^<]*)</title>", html)
        assert title and SITE_NAME in title.group(1), page
        assert ORGANISATION in html, page
        assert "data-hi-example-notice" not in html, page
        assert "data-quick-exit" not in html and "quick-exit.js" not in html, page


def test_only_the_clinic_line_shows_with_a_link_to_call_it(
    clinic: tuple[Path, Path, list[str]],
) -> None:
    _, site, replaced = clinic
    assert len(replaced) >= 2  # the copy's own lines and the example copy's
    support = (site / "get-support" / "index.html").read_text(encoding="utf-8")
    quiz = (site / "reflect" / "noticing-my-patterns" / "index.html").read_text(encoding="utf-8")
    panel = quiz[quiz.index("data-quiz-support") :]
    assert LINE_NAMES.findall(support) == [LINE["name"]]
    assert set(LINE_NAMES.findall(panel)) == {LINE["name"]}
    for where, html in (("get-support", support), ("quiz support panel", panel)):
        assert TAP_TO_CALL in html, where
        assert "hi-support__notice" not in html, where
        for name in replaced:
            assert name not in unescape(html), (where, name)
    # Every support panel of every page lists the clinic's line and no other.
    for page in site_pages(site):
        shown = set(LINE_NAMES.findall((site / page).read_text(encoding="utf-8")))
        assert shown <= {LINE["name"]}, (page, shown)
