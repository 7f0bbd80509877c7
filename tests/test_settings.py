"""Hostile and careless mkdocs.yml edits: each is refused with one exact line naming the
file, the setting and (where it has one) the line; never a traceback, always fast.

Most cases run ``macros.check_config`` in-process (what ``make build`` runs first) on an
edited copy of ``mkdocs.yml`` whose ``extra:`` block is the tests' own
(``tests/fixtures/extra.yml``): the cases break lines of that fixture, never lines a clinic
edits, and count line numbers in the edited text. ``test_settings_commands.py`` runs the
real commands on a copy of the project.
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from macros.check_config import check_config
from macros.clinic import checked_extra
from macros.engine import SiteError
from macros.settings import check, placeholder_warnings
from macros.settings.colors import DARK_BOX, DARK_PAGE, contrast
from tests.harness import ROOT, with_extra, without_extra

#: The copy's own mkdocs.yml, as a clinic left it: it must pass whatever values it chose.
OWN_CONFIG = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
#: The same file with the tests' own settings under ``extra:``, which the cases edit.
CONFIG = with_extra(OWN_CONFIG)
EXTRA_AT = CONFIG.index("\nextra:\n") + 1
PRIMARY = '    primary: "#1d5c57"    # header and buttons, with white text on it'
LINK = '    link: "#1d5c57"       # links in light mode, on white'
LINK_DARK = '    link_dark: "#8fd6cc"  # links in dark mode, on the dark background'
PHONE = '    phone: ""           # for example "+44 20 7946 0000"'
EMAIL = '    email: ""           # for example "hello@example.org"'
WEBSITE = '    website: "https://example.org/"'
HOURS = '    hours: ""           # for example "Monday to Friday, 9am to 5pm"'
LINES = "  crisis_lines:\n"
FIRST_LINE = '    - name: "Emergency services"\n'
DISCLAIMER = "  disclaimer: >-\n"
NOT_A_DIAGNOSIS = "  not_a_diagnosis: >-\n"
REFERRAL_URL = '      url: "https://www.psychologytoday.com/"'


def _block(start: str, end: str) -> str:
    """The text of the fixture's ``extra:`` from ``start`` up to (not including) ``end``."""
    at = CONFIG.index(start, EXTRA_AT)
    return CONFIG[at : CONFIG.index(end, at)]


def _first_line_url() -> str:
    start = CONFIG.index(LINES, EXTRA_AT)
    return CONFIG[CONFIG.index("      url: ", start) :].split("\n", 1)[0]


#: (case, text in mkdocs.yml, what a clinic writes instead, the one line they get).
#: ``{line}`` is the line the edit starts on, so the cases survive other edits of the file.
CASES = [
    (
        "white primary colour",
        PRIMARY,
        '    primary: "#fff"',
        'extra.colors.primary: "#fff" gives 1.0:1 against the white header text; it needs '
        "4.5:1, try a darker colour (line {line})",
    ),
    (
        "unquoted # colour becomes a comment",
        PRIMARY,
        "    primary: #6a1b9a",
        'extra.colors.primary: empty; put the colour in quotes, like "#1d5c57" (without '
        "quotes YAML reads everything after # as a comment) (line {line})",
    ),
    (
        "light link colour on the white page",
        LINK,
        '    link: "#8fd6cc"',
        'extra.colors.link: "#8fd6cc" gives 1.5:1 against the light grey boxes around crisis '
        "lines; it needs 4.5:1, try a darker colour (line {line})",
    ),
    (
        "dark link colour on the dark page",
        LINK_DARK,
        '    link_dark: "#1d5c57"',
        'extra.colors.link_dark: "#1d5c57" gives 1.8:1 against the dark grey boxes around '
        "crisis lines; it needs 4.5:1, try a lighter colour (line {line})",
    ),
    (
        "CSS injected through a colour",
        PRIMARY,
        '    primary: "red; } body { background: url(https://evil.example/x.png) }"',
        'extra.colors.primary: "red; } body { background: url(https://evil.example/x.png) }" '
        "is not a colour code; write # and 6 digits or letters a to f, in quotes, like "
        '"#1d5c57" (line {line})',
    ),
    (
        "colour name instead of a code",
        LINK,
        "    link: red",
        'extra.colors.link: "red" is not a colour code; write # and 6 digits or letters a to '
        'f, in quotes, like "#1d5c57" (line {line})',
    ),
    (
        "crisis_lines misspelt",
        LINES,
        "  crisis_line:\n",
        "extra.crisis_line: unknown setting; did you mean crisis_lines? (line {line})",
    ),
    (
        "no crisis lines at all",
        _block(LINES, "  crisis_lines_notice:"),
        "  crisis_lines: []\n",
        "extra.crisis_lines: the list is empty; add at least one crisis line, each with name: "
        "and how: (line {line})",
    ),
    (
        "crisis line for a need that does not exist",
        "      for: [emergency]\n",
        "      for: [emergancy]\n",
        "extra.crisis_lines[0].for: 'emergancy' is not one of suicide, abuse, emergency, talk; "
        "did you mean emergency? write what the line is for (line {line})",
    ),
    (
        "crisis line without how",
        '      how: "Call your local emergency number: 911 in the US and Canada, 999 in the UK, '
        '112 in Europe"\n',
        "",
        'extra.crisis_lines[0].how: missing; say how to reach it, like "Call or text 988" '
        "(line {before})",
    ),
    (
        "crisis line as one line of text",
        FIRST_LINE,
        '    - "Samaritans 116 123"\n    - name: "Emergency services"\n',
        "extra.crisis_lines[0]: must have its settings indented under it (name: value) "
        "(line {line})",
    ),
    (
        "web address without https://",
        _first_line_url(),
        '      url: "riverside.example.org/crisis"',
        'extra.crisis_lines[1].url: "riverside.example.org/crisis" has no https:// at the '
        'start; write "https://riverside.example.org/crisis" (line {line})',
    ),
    (
        "javascript: link",
        _first_line_url(),
        '      url: "javascript:alert(document.cookie)"',
        'extra.crisis_lines[1].url: "javascript:alert(document.cookie)" is not a web address; '
        "only addresses starting with https:// (or http://) are allowed (line {line})",
    ),
    (
        "data: link in a referral",
        REFERRAL_URL,
        '      url: "data:text/html,<script>alert(1)</script>"',
        'extra.referrals[0].url: "data:text/html,<script>alert(1)</script>" is not a web '
        "address; only addresses starting with https:// (or http://) are allowed (line {line})",
    ),
    (
        "tel: link as the website",
        WEBSITE,
        '    website: "tel:999"',
        'extra.organisation.website: "tel:999" is a phone link; write the number in phone: '
        "instead (line {line})",
    ),
    (
        "words as a phone number",
        PHONE,
        '    phone: "call us"',
        'extra.organisation.phone: "call us" is not a phone number; use only digits, spaces, '
        '+, - and brackets, like "+44 20 7946 0000" (words like "call" belong in how:) '
        "(line {line})",
    ),
    (
        "phone number YAML would change",
        PHONE,
        "    phone: 0111",
        'extra.organisation.phone: put the number in quotes, like "73", so YAML keeps it '
        "exactly as written (line {line})",
    ),
    (
        "email that is not one",
        EMAIL,
        '    email: "hello at riverside"',
        'extra.organisation.email: "hello at riverside" is not an email address, like '
        '"hello@example.org" (line {line})',
    ),
    (
        "list where the disclaimer text belongs",
        _block(DISCLAIMER, NOT_A_DIAGNOSIS),
        "  disclaimer: [a, b]\n",
        'extra.disclaimer: is a list (lines starting with "- "), but text belongs here; write '
        "it on one line (line {line})",
    ),
    (
        "empty not_a_diagnosis",
        _block(NOT_A_DIAGNOSIS, "  clinical_review:"),
        '  not_a_diagnosis: ""\n',
        "extra.not_a_diagnosis: empty; write the text shown with every self-reflection quiz "
        "(line {line})",
    ),
    (
        "mapping where text belongs",
        HOURS,
        "    hours:\n      monday: 9 to 5",
        "extra.organisation.hours: has settings indented under it, but text belongs here; "
        "write it after the colon (line {line})",
    ),
    (
        "unknown organisation field",
        HOURS,
        '    postcode: "RV1 1AA"',
        "extra.organisation.postcode: unknown setting; the settings here are name, website, "
        "phone, email, hours (line {line})",
    ),
    (
        "analytics",
        "  generator: false\n",
        "  generator: false\n  analytics:\n    provider: google\n",
        "extra.analytics: refused: it would send every visit to an analytics service, and "
        "this site promises readers that nothing leaves their device; remove it (line {next})",
    ),
    (
        "cookie consent banner",
        "  generator: false\n",
        "  generator: false\n  consent:\n    title: Cookies\n",
        "extra.consent: refused: a cookie banner is only needed for analytics or cookies, and "
        "this site uses neither; remove it (line {next})",
    ),
    (
        "quick exit switched on with a word",
        "    enabled: true               # false removes it from every page\n",
        '    enabled: "yes"\n',
        "extra.quick_exit.enabled: is 'yes'; write true or false (without quotes) (line {line})",
    ),
    (
        "quick exit without an address",
        '    url: "https://www.bbc.co.uk/weather"',
        '    url: ""',
        "extra.quick_exit.url: empty; give the address to leave to, or set enabled: false "
        "(line {line})",
    ),
    (
        "words sent to a text number",
        FIRST_LINE,
        '    - name: "Text line"\n      how: "Text HOME"\n      text: "HOME to 741741"\n'
        + FIRST_LINE,
        'extra.crisis_lines[0].text: "HOME to 741741" is not a phone number; use only digits, '
        'spaces, +, - and brackets, like "+44 20 7946 0000" (words like "call" belong in '
        "how:) (line {third})",
    ),
    (
        "a tab used to indent",
        PHONE,
        '\tphone: ""',
        "line {line}: a tab is used here; YAML needs spaces, so replace the tab with spaces",
    ),
    (
        "a line indented wrongly",
        PHONE,
        '     phone: ""',
        "line {line}: this line is not indented like the lines around it; line it up with "
        "the other settings at its level (2 spaces per level)",
    ),
    (
        "a colon inside a value",
        HOURS,
        "    hours: Open: 9am to 5pm",
        "line {line}: a colon and a space inside a value; put the whole value in quotes, like "
        'hours: "Open: 9am to 5pm"',
    ),
    (
        "a quote never closed",
        HOURS,
        '    hours: "Monday to Friday',
        "line {line}: a quote is opened but not closed on this line; end the value with the "
        "same quote mark",
    ),
    (
        "extra: written twice",
        "  generator: false\n",
        "  generator: false\nextra:\n  generator: true\n",
        "line {next}: extra is written twice (first on line {extra}); keep one, YAML would "
        "silently use only the last",
    ),
]


def _edited(tmp_path: Path, old: str, new: str) -> tuple[Path, dict[str, int]]:
    assert CONFIG.count(old) >= 1, old
    at = CONFIG.index(old, EXTRA_AT)
    text = CONFIG[:at] + new + CONFIG[at + len(old) :]
    path = tmp_path / "mkdocs.yml"
    path.write_text(text, encoding="utf-8")
    line = text[:at].count("\n") + 1
    places = {
        "line": line,
        "before": line - 1,
        "next": line + 1,
        "third": line + 2,
        "extra": CONFIG[:EXTRA_AT].count("\n") + 1,
    }
    return path, places


@pytest.mark.parametrize(("case", "old", "new", "message"), CASES, ids=[c[0] for c in CASES])
def test_each_mistake_gives_one_exact_line(
    tmp_path: Path, case: str, old: str, new: str, message: str
) -> None:
    (tmp_path / "docs").symlink_to(ROOT / "docs")
    path, places = _edited(tmp_path, old, new)
    started = time.monotonic()
    with pytest.raises(SiteError) as info:
        check_config(path)
    for name, number in places.items():
        message = message.replace("{" + name + "}", str(number))
    assert str(info.value) == "mkdocs.yml: " + message
    assert "\n" not in str(info.value)
    assert time.monotonic() - started < 10


def test_missing_extra_gives_one_line(tmp_path: Path) -> None:
    (tmp_path / "docs").symlink_to(ROOT / "docs")
    (tmp_path / "mkdocs.yml").write_text(without_extra(OWN_CONFIG), encoding="utf-8")
    with pytest.raises(SiteError) as info:
        check_config(tmp_path / "mkdocs.yml")
    assert str(info.value) == (
        "mkdocs.yml: extra: missing; it holds the project's defaults of the clinic settings "
        "(organisation, crisis_lines, disclaimer...): take mkdocs.yml as the project has it, "
        "and write your own values in clinic.yml"
    )


@pytest.mark.parametrize(
    "config", [OWN_CONFIG, CONFIG], ids=["the copy's own settings", "the tests' own settings"]
)
def test_the_settings_pass_unedited(tmp_path: Path, config: str) -> None:
    # Whatever valid values a clinic chose; and the fixture the cases break, unbroken
    # (beside the copy's translations, which its language menu leads to).
    (tmp_path / "docs").symlink_to(ROOT / "docs")
    (tmp_path / "mkdocs.yml").write_text(config, encoding="utf-8")
    for translation in ROOT.glob("mkdocs.*.yml"):
        shutil.copy2(translation, tmp_path / translation.name)
    check_config(tmp_path / "mkdocs.yml")


def test_phone_and_text_make_working_links() -> None:
    settings = check(
        {
            "organisation": {
                "name": "Riverside",
                "phone": "+44 (20) 7946-0123",
                "email": "a@b.org",
            },
            "crisis_lines": [
                {"name": "Line", "how": "Call or text", "phone": "988", "text": "988"}
            ],
            "disclaimer": "Not a diagnosis service.",
            "not_a_diagnosis": "A reflection.",
        }
    )
    assert settings.organisation.tel == "tel:+442079460123"
    assert settings.organisation.mailto == "mailto:a@b.org"
    assert settings.crisis_lines[0].tel == "tel:988"
    assert settings.crisis_lines[0].sms == "sms:988"
    assert settings.quick_exit.enabled is True
    assert settings.quick_exit.url.startswith("https://")
    assert settings.clinical_review == ""


def test_the_theme_gets_the_links_the_model_makes_and_they_check_again() -> None:
    # One rule for a tel: link: the checked settings the theme reads carry the model's
    # links beside the numbers; read back (Zensical's build checks its config again),
    # they pass, and a link that is not the one its number makes is refused.
    extra = {
        "organisation": {"name": "Riverside", "phone": "+44 (20) 7946-0123", "email": "a@b.org"},
        "crisis_lines": [{"name": "Line", "how": "Call or text", "phone": "988", "text": "988"}],
        "disclaimer": "Not a diagnosis service.",
        "not_a_diagnosis": "A reflection.",
    }
    shown = checked_extra(extra)
    assert shown["organisation"]["tel"] == "tel:+442079460123"
    assert shown["organisation"]["mailto"] == "mailto:a@b.org"
    assert shown["crisis_lines"][0]["tel"] == "tel:988"
    assert shown["crisis_lines"][0]["sms"] == "sms:988"
    assert check(shown) == check(extra)
    shown["organisation"]["tel"] = "tel:999"
    with pytest.raises(SiteError) as info:
        check(shown)
    assert str(info.value) == (
        "mkdocs.yml: extra.organisation.tel: the build makes this link from phone:, text: "
        "or email:; remove it"
    )


def test_messages_without_a_file_have_no_line() -> None:
    # Inside the build (define_env) there are no line numbers: the message stays one line.
    with pytest.raises(SiteError) as info:
        check({"crisis_lines": [{"name": "x", "how": "y"}], "disclaimer": "d"})
    assert str(info.value) == (
        "mkdocs.yml: extra.not_a_diagnosis: missing; write the text shown with every "
        "self-reflection quiz"
    )


def test_the_example_organisation_is_reported() -> None:
    extra = {
        "organisation": {"name": "Your clinic or community group"},
        "crisis_lines": [{"name": "x", "how": "y"}],
        "crisis_lines_notice": "These are general lines.",
        "disclaimer": "d",
        "not_a_diagnosis": "n",
    }
    assert placeholder_warnings(check(extra)) == [
        "clinic.yml: organisation.name: still the example organisation; every page "
        "says this copy is an example until you write your organisation's name",
        "clinic.yml: crisis_lines_notice: still set; replace the example crisis lines "
        'with lines for your area (crisis_lines), then set it to ""',
    ]
    extra["organisation"] = {"name": "Riverside"}
    extra["crisis_lines_notice"] = ""
    assert placeholder_warnings(check(extra)) == []


def test_dark_surfaces_are_materials_slate_colours() -> None:
    # Material's slate: hsla(225deg, 15%, 14%) for the page and 18% for boxes.
    assert (DARK_PAGE, DARK_BOX) == ("#1e2129", "#272a35")
    assert round(contrast("#ffffff", "#000000"), 1) == 21.0
    assert round(contrast("#1d5c57", "#ffffff"), 2) == 7.72
