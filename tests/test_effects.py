"""Settings and front matter checked for what they do, not only their form (issue 18,
item 6): a phone number in digits a phone does not dial, an email address that would add
a copy or a subject to every email, a search boost that is not a number, review dates in
the future or more than a year apart, and a quick exit that keeps the reader on the site.
Each gives one line naming the file, the field and (where there is one) the line.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from macros.clinic import CLINIC_FILE, ClinicError, check_file
from macros.pages import PageError, check_page
from tests.harness import copy_project, run_check
from tests.test_safety_layer import _fails_with_one_line

CLINIC = """organisation:
  name: "Riverside Clinic"
  website: "https://riverside.example/"
  email: {email}
crisis_lines:
  - name: "Riverside line"
    phone: {phone}
    how: "Call any time."
"""


def _clinic(tmp_path: Path, email: str = '"hello@riverside.example"', phone: str = '"988"') -> Path:
    (tmp_path / CLINIC_FILE).write_text(CLINIC.format(email=email, phone=phone))
    return tmp_path


@pytest.mark.parametrize(
    ("phone", "expected"),
    [
        (
            '"٩٨٨"',
            'clinic.yml: crisis_lines[0].phone: "٩٨٨" is written with digits other than 0-9, '
            'which phones do not dial from a link; write it with 0 to 9, like "988" (line 7)',
        ),
        ('"۰۸۰۰ ۱۲۳"', 'write it with 0 to 9, like "0800 123" (line 7)'),
        ('"+91 ९८७६५ ४३२१०"', 'write it with 0 to 9, like "+91 98765 43210" (line 7)'),
    ],
)
def test_a_phone_number_in_other_digits_is_refused(
    tmp_path: Path, phone: str, expected: str
) -> None:
    with pytest.raises(ClinicError) as refused:
        check_file(_clinic(tmp_path, phone=phone))
    assert str(refused.value).endswith(expected), refused.value


@pytest.mark.parametrize(
    ("email", "expected"),
    [
        (
            '"hello@riverside.example?bcc=someone@else.example"',
            'clinic.yml: organisation.email: "hello@riverside.example?bcc=someone@else.example" '
            "holds '?': what follows it would add a copy to someone else, a subject or text to "
            'every email a reader starts; write the address alone, like "hello@riverside.example"'
            " (line 4)",
        ),
        ('"hello@riverside.example?subject=Help"', 'like "hello@riverside.example" (line 4)'),
        ('"a&b@riverside.example"', "holds '&'"),
        ('"hello%40riverside.example"', "holds '%', which an email link does not keep"),
        ('"hello@riverside.example#top"', "holds '#', which an email link does not keep"),
    ],
)
def test_an_email_address_with_more_than_the_address_is_refused(
    tmp_path: Path, email: str, expected: str
) -> None:
    with pytest.raises(ClinicError) as refused:
        check_file(_clinic(tmp_path, email=email))
    assert expected in str(refused.value), refused.value
    assert "\n" not in str(refused.value)


def test_plain_numbers_and_addresses_are_fine(tmp_path: Path) -> None:
    check_file(
        _clinic(tmp_path, email='"hello.team+help@riverside.example"', phone='"+1 (555) 010-0000"')
    )


def _page(reviewed: str, next_review: str, search: str = "") -> str:
    return (
        "---\ntitle: A page\ndescription: What it is about.\n"
        f"reviewed: {reviewed}\nnext_review: {next_review}\nsources: []\n{search}---\n\nText.\n"
    )


TODAY = dt.date.today()
LATER = TODAY + dt.timedelta(days=30)


def _searching(search: str) -> str:
    return _page(TODAY.isoformat(), LATER.isoformat(), search)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            _searching("search:\n  boost: high\n"),
            "about.md: search: boost: 'high' is not a number; write a number like 2 (ranks the "
            "page higher in search) or 0.5 (lower) (line 7)",
        ),
        (_searching("search:\n  boost: yes\n"), "boost: True is not a number"),
        (_searching("search:\n  boost: 0\n"), "boost: 0 must be more than 0"),
        (_searching("search:\n  boost: .nan\n"), "boost: nan must be more than 0"),
        (_searching("search: high\n"), "search: must be settings indented"),
        (_searching("search:\n  exclude: maybe\n"), "exclude: 'maybe' must be true or false"),
        (_searching("search:\n  bost: 2\n"), "bost: unknown search setting; did you mean boost?"),
        (
            _page("2099-01-01", "2099-06-01"),
            "about.md: reviewed: 2099-01-01 is in the future; write the day the page was last "
            "reviewed (today at the latest) (line 4)",
        ),
        (
            _page("2026-01-10", "2029-01-10"),
            "about.md: next_review: 2029-01-10 is more than a year after reviewed (2026-01-10); "
            "pages are reviewed within a year, so write 2027-01-10 or earlier (line 5)",
        ),
        (
            _page("2026-01-10", "2026-01-10"),
            "next_review: 2026-01-10 is not after reviewed (2026-01-10)",
        ),
    ],
)
def test_front_matter_that_would_mislead_is_refused(text: str, expected: str) -> None:
    with pytest.raises(PageError) as refused:
        check_page("about.md", text)
    assert str(refused.value).startswith("docs/about.md: ") or "about.md: " in str(refused.value)
    assert expected in str(refused.value), refused.value


def test_a_year_apart_and_a_fair_boost_are_fine() -> None:
    check_page(
        "about.md", _page("2026-01-10", "2027-01-10", "search:\n  boost: 0.5\n  exclude: false\n")
    )


def test_a_quick_exit_to_the_site_itself_stops_the_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    site_url = "https://riverside.example/help/"
    (project / CLINIC_FILE).write_text(
        f'quick_exit:\n  enabled: true\n  url: "{site_url}about/"\n', encoding="utf-8"
    )
    with pytest.MonkeyPatch.context() as env:
        env.setenv("SITE_URL", site_url)
        _fails_with_one_line(
            project,
            tmp_path,
            f"clinic.yml: quick_exit.url: {site_url}about/ is a page of this site, so the "
            "quick exit would keep the reader here; write the address of a neutral site, like "
            "a weather page (line 3)",
        )


def _check_config(project: Path, config: str = "mkdocs.yml") -> str:
    proc = run_check(project, config)
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc.stderr.strip() if proc.returncode else ""


def _menu_entry(project: Path, link: str, lang: str) -> int:
    """Add a language menu entry to the copy's mkdocs.yml; return the line of its link."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    found = re.search(r"^  alternate:\n", text, re.M)
    assert found, "the copy's mkdocs.yml has no alternate: list under extra:"
    entry = f"    - name: Other\n      link: {link}\n      lang: {lang}\n"
    config.write_text(text[: found.end()] + entry + text[found.end() :], encoding="utf-8")
    return 2 + text[: found.end()].count("\n")


def test_a_menu_entry_to_a_language_that_is_not_built_is_refused(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    line = _menu_entry(project, "fr/", "fr")
    assert re.fullmatch(
        r"mkdocs\.yml: extra\.alternate\[0\]\.link: 'fr/' leads to fr/, where no language is "
        rf"built \(the languages that are on: en[^)]*\); link to one of them, or remove this "
        rf"entry \(line {line}\)",
        _check_config(project),
    ), _check_config(project)


def test_a_menu_entry_naming_another_language_than_its_pages_is_refused(
    tmp_path: Path,
) -> None:
    project = copy_project(tmp_path / "project")
    line = _menu_entry(project, "./", "fr")
    assert _check_config(project) == (
        "mkdocs.yml: extra.alternate[0].lang: 'fr', but the link leads to the en pages; "
        f"write en (line {line + 1})"
    )
