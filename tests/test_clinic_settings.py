"""A clinic changes only mkdocs.yml: its contacts and crisis lines show on the support page
and in the footer of every page, and the defaults are gone. The theme builds all of it
from mkdocs.yml as written (under Zensical it never sees what the macros compute).

Each test owns its settings: ``clinic.yml`` here, the example copy's
(``example_site_dir``), or the copy's own settings read back (``page_settings()``)."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from macros.quiz.strings import strings
from macros.settings import EXAMPLE_ORGANISATION
from macros.settings.model import Colors
from tests.harness import (
    ENGINE,
    ROOT,
    BuildError,
    build_site,
    copy_project,
    page_settings,
    serve,
    site_pages,
)

CLINIC_YML = """\
INHERIT: mkdocs.yml
site_name: Riverside Wellbeing
extra:
  organisation:
    name: Riverside Wellbeing Centre
    website: https://riverside.example/
    phone: "+44 20 7946 0123"
    email: hello@riverside.example
    hours: "Monday to Friday <img src=x onerror=alert(1)>"
  crisis_lines:
    - name: Riverside Night Line
      how: Call 0800 000 111
      phone: "0800 000 111"
      text: "+44 7700 900123"
      hours: 6pm to 8am
      region: Riverside county
  crisis_lines_notice: ""
  colors:
    primary: "#6a1b9a"
    link: "#6a1b9a"
    link_dark: "#d7b4f0"
  referrals:
    - name: Riverside talking therapies
      url: https://riverside.example/therapy
  disclaimer: Riverside's own disclaimer text.
"""


@pytest.fixture(scope="module")
def clinic_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("clinic"))
    (project / "clinic.yml").write_text(CLINIC_YML)
    return build_site(project / "site", project=project, config_file="clinic.yml")


def test_support_page_shows_the_clinic_lines_and_contacts(clinic_site: Path) -> None:
    html = (clinic_site / "get-support" / "index.html").read_text()
    for text in (
        "Riverside Night Line",
        "Call 0800 000 111",
        "6pm to 8am · Riverside county",
        'href="tel:+442079460123"',
        "mailto:hello@riverside.example",
        '<a class="hi-support__action hi-support__tel" href="tel:0800000111" data-hi-call>'
        "Call 0800 000 111</a>",
        '<a class="hi-support__action hi-support__sms" href="sms:+447700900123" data-hi-text>'
        "Text +44 7700 900123</a>",
        "Riverside talking therapies",
    ):
        assert text in html
    for default in ("Samaritans", "988", "These are general lines"):
        assert default not in html


def test_footer_shows_the_clinic_on_every_page(clinic_site: Path) -> None:
    for page in ("index.html", "about/index.html", "learn/index.html"):
        html = (clinic_site / page).read_text()
        assert "Riverside Wellbeing Centre" in html
        # Escaped as &#39; by MkDocs (Jinja2) and as &#x27; by Zensical (MiniJinja).
        assert "Riverside's own disclaimer text." in unescape(html)
        assert "<title>" in html and "Riverside Wellbeing" in html
        assert '<a href="tel:+442079460123">+44 20 7946 0123</a>' in html
        colors = 'data-hi-primary="#6a1b9a" data-hi-link="#6a1b9a" data-hi-link-dark="#d7b4f0"'
        assert colors in html
        assert "data-hi-example-notice" not in html
        assert "<img src=x" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html


def test_the_example_copy_says_so_on_every_page(example_site_dir: Path) -> None:
    for page in ("index.html", "get-support/index.html", "404.html"):
        assert "This is an example copy of the site." in (example_site_dir / page).read_text()
    spanish = (example_site_dir / "es" / "index.html").read_text()
    assert "Esta es una copia de ejemplo del sitio." in spanish


def test_this_copy_says_it_is_an_example_only_while_it_is_one(site_dir: Path) -> None:
    # Our sample keeps the example name, so it says so; a clinic's copy never does.
    pages = site_pages(site_dir)
    assert "404.html" in pages
    for page in pages:
        example = page_settings(page).organisation.name == EXAMPLE_ORGANISATION
        html = (site_dir / page).read_text()
        assert ("data-hi-example-notice" in html) == example, page


def test_the_example_notice_compares_with_the_example_name() -> None:
    partial = (ROOT / "overrides" / "partials" / "hi-example-notice.html").read_text()
    assert 'hi.hi_tables["en"].example_organisation' in partial
    assert strings("en")["example_organisation"] == EXAMPLE_ORGANISATION
    assert strings("es")["example_organisation"] != EXAMPLE_ORGANISATION


def test_the_example_name_shows_in_the_language_of_the_page(example_site_dir: Path) -> None:
    spanish = (example_site_dir / "es" / "get-support" / "index.html").read_text()
    assert spanish.count("Tu clínica o grupo comunitario") == 2  # support panel and footer
    assert EXAMPLE_ORGANISATION not in spanish
    english = (example_site_dir / "get-support" / "index.html").read_text()
    assert english.count(EXAMPLE_ORGANISATION) == 2


def test_the_stylesheet_defaults_are_the_settings_defaults() -> None:
    # Without JavaScript (or for a colour a clinic leaves out) site.css's colours apply.
    css = (ROOT / "docs" / "assets" / "stylesheets" / "site.css").read_text()
    root = dict(
        re.findall(r"(--[a-z-]+): (#[0-9a-f]+);", css[css.index(":root {") :].split("}")[0])
    )
    defaults = Colors()
    assert root == {
        "--md-primary-fg-color": defaults.primary,
        "--md-primary-fg-color--dark": defaults.primary,
        "--md-accent-fg-color": defaults.primary,
        "--hi-link-color": defaults.link,
        "--hi-link-color-dark": defaults.link_dark,
    }


@pytest.mark.browser
def test_the_clinic_colours_apply_and_the_defaults_without_javascript(
    clinic_site: Path, browser: Browser
) -> None:
    header = "el => getComputedStyle(el).backgroundColor"
    with serve(clinic_site) as server:
        for javascript, expected in ((True, "rgb(106, 27, 154)"), (False, "rgb(29, 92, 87)")):
            context = browser.new_context(java_script_enabled=javascript)
            try:
                page = context.new_page()
                page.goto(server.url + "get-support/", wait_until="load")
                assert page.locator(".md-header").evaluate(header) == expected, javascript
                assert page.locator(".md-banner").evaluate(header) == expected, javascript
            finally:
                context.close()


def test_a_crisis_line_without_a_way_to_reach_it_stops_the_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    (project / "clinic.yml").write_text(
        "INHERIT: mkdocs.yml\nextra:\n  crisis_lines:\n    - name: Night line\n"
    )
    with pytest.raises(BuildError) as info:
        build_site(project / "site", project=project, config_file="clinic.yml")
    # MkDocs logs it as an ERROR line; `python -m macros build` (Zensical) prints "Error:".
    # The file named is the one the clinic wrote, with the line of the entry.
    prefix = "Error: " if ENGINE == "zensical" else "ERROR   -  "
    assert (
        f"{prefix}clinic.yml: extra.crisis_lines[0].how: missing; say how to reach it, "
        'like "Call or text 988" (line 4)'
    ) in str(info.value).splitlines()
    assert "Traceback" not in str(info.value)
