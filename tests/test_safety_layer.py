"""Text meets HTML escaped, and every built page keeps its safety layer (issue 18, items 3
and 4), under the current ENGINE.

Markup where the engines print a text as written (site_name, titles) is refused with one
line; where our templates print it (the description, the <title>, the language names) it
is escaped. After the build every page must carry the policy, the support banner, the
disclaimer and the quick exit (``macros/safety.py``), or the build stops with one line.
Each build is of a copy (``copy_project``), English only; the checks that need no build
run on hand-made pages.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from macros.check_config import ConfigLoader
from macros.engine import docs_dir, excluded
from macros.inherit import inherit_as_mkdocs
from macros.pages import is_lesson, page_files
from macros.safety import Expected, SafetyLayerError, check_site, missing
from macros.settings.csp import policy
from macros.theme_text import ThemeTextError, check_texts, markup_problem
from tests.harness import (
    ROOT,
    BuildError,
    build_site,
    copy_project,
    fixture_extra,
    run_check,
    translations,
    with_extra,
)

#: A language name holding markup, quotes and an ampersand, in the tests' own menu.
ENGLISH = 'Eng<b>lish</b> "one" & more'
ALTERNATE = f"""
  alternate:
    - name: {json.dumps(ENGLISH)}
      link: ./
      lang: en
    - name: Español
      link: es/
      lang: es
"""
DESCRIPTION = """Say "no" <b>gently</b> & kindly"""
SITE_NAME = "Help & Hope"
TAG_LINE = "holds '<'; write it as plain text"


def _lesson(project: Path) -> str:
    """A lesson of the copy, docs-relative (whichever comes first)."""
    return next(
        p for p in page_files(project / "docs", lambda p: p.startswith("es/")) if is_lesson(p)
    )


def _set_front_matter(project: Path, page: str, field: str, value: str) -> int:
    """Write ``value`` as the page's ``field`` (JSON text is YAML); return its line."""
    path = project / "docs" / page
    text = path.read_text(encoding="utf-8")
    found = re.search(rf"^{field}:.*$", text, re.M)
    assert found, f"docs/{page} has no {field}:"
    new = f"{field}: {json.dumps(value, ensure_ascii=False)}"
    path.write_text(text[: found.start()] + new + text[found.end() :], encoding="utf-8")
    return 1 + text[: found.start()].count("\n")


def _set_config(project: Path, key: str, value: str | None) -> None:
    """Replace (``None``: remove) the config's ``key:`` line (top level, or indented)."""
    path = project / "mkdocs.yml"
    text = path.read_text(encoding="utf-8")
    pattern = rf"^([ \t]*){re.escape(key)}:.*\n"
    found = re.search(pattern, text, re.M)
    assert found, f"the copy's mkdocs.yml has no {key}:"
    new = "" if value is None else f"{found.group(1)}{key}: {json.dumps(value)}\n"
    path.write_text(text[: found.start()] + new + text[found.end() :], encoding="utf-8")


def _fails_with_one_line(project: Path, tmp_path: Path, expected: str) -> str:
    """Build ``project``: it must fail, the output holding ``expected`` on one line of its
    own error and no traceback. Returns that line."""
    with pytest.raises(BuildError) as failure:
        build_site(tmp_path / "site", project=project, languages=False)
    out = str(failure.value)
    assert "Traceback" not in out, out
    errors = [line for line in out.splitlines() if re.match(r"(ERROR\s+-\s+|Error: )", line)]
    assert len(errors) == 1 and expected in errors[0], out
    return errors[0]


# Escaping: refused where the engines print as written ------------------------------------


def test_markup_in_site_name_is_refused_with_one_line(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    (project / "clinic.yml").unlink(missing_ok=True)  # its site_name would win
    _set_config(project, "site_name", "Help & Hope <Riverside>")
    _fails_with_one_line(project, tmp_path, f"mkdocs.yml: site_name: {TAG_LINE}")


def test_markup_in_a_page_title_is_refused_with_one_line(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    page = _lesson(project)
    refresh = '<meta http-equiv="refresh" content="0;url=https://example.org/">'
    line = _set_front_matter(project, page, "title", refresh)
    _fails_with_one_line(project, tmp_path, f"docs/{page}: title: {TAG_LINE} (line {line})")


@pytest.mark.parametrize(
    ("value", "attribute", "expected"),
    [
        ("Help & Hope", True, None),
        ("It's “fine”", True, None),
        ('Say "no"', False, None),
        (
            'Say "no"',
            True,
            "holds '\"', which would break the page's markup; write “ ” or ' instead",
        ),
        ("Tom &amp; Jerry", False, "holds '&amp;', an HTML code; write the character itself"),
        ("a &#60; b", False, "holds '&#60;', an HTML code; write the character itself"),
        ("x > y", False, "holds '>'; write it as plain text"),
    ],
)
def test_which_texts_hold_markup(value: str, attribute: bool, expected: str | None) -> None:
    assert markup_problem(value, attribute=attribute) == expected


def test_nav_and_palette_names_are_checked_with_their_line(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    data = yaml.load(config.read_text(encoding="utf-8"), Loader=ConfigLoader)
    section = next(k for item in data["nav"] if isinstance(item, dict) for k in item)
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace(f"- {section}:", f"- {section} <i>:", 1), encoding="utf-8")
    proc = run_check(project, "mkdocs.yml")
    line = 1 + text[: text.index(f"- {section}:")].count("\n")
    assert proc.returncode == 1 and proc.stdout == ""
    assert proc.stderr == f'mkdocs.yml: nav: "{section} <i>": {TAG_LINE} (line {line})\n'
    palette = {"site_name": "x", "theme": {"palette": [{"toggle": {"name": 'Dark "mode"'}}]}}
    with pytest.raises(ThemeTextError, match=r"^a\.yml: theme\.palette\[0\]\.toggle\.name: "):
        check_texts(palette, "a.yml")


# Escaping: where our templates print a value, and a copy that builds ---------------------


def test_description_language_names_and_site_name_are_shown_escaped(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    config.write_text(
        with_extra(config.read_text(encoding="utf-8"), fixture_extra() + ALTERNATE),
        encoding="utf-8",
    )
    (project / "clinic.yml").unlink(missing_ok=True)  # the test's settings, not the copy's
    _set_config(project, "site_name", SITE_NAME)
    page = _lesson(project)
    _set_front_matter(project, page, "description", DESCRIPTION)
    site = build_site(tmp_path / "site", project=project, languages=False)
    built = (site / page.removesuffix(".md") / "index.html").read_text(encoding="utf-8")
    head = built[: built.index("</head>")]
    content = re.findall(r'<meta name="description" content="([^"]*)">', head)
    assert [html.unescape(c) for c in content] == [DESCRIPTION]
    assert "<b>" not in head
    title = re.search(r"<title>([^<]*)</title>", head)
    assert title and html.unescape(title.group(1)).endswith(f" - {SITE_NAME}")
    names = re.findall(r'class="md-select__link"[^>]*>\s*([^<]*?)\s*</a>', built)
    assert [html.unescape(name) for name in names] == [ENGLISH, "Español"]
    assert "<b>" not in built


def test_the_unedited_site_builds_and_every_page_keeps_its_safety_layer(site_dir: Path) -> None:
    # The session's build of the project as it is (every language): the build ran the
    # check already; here each language's pages are counted, so none was left out.
    for config, site in [("mkdocs.yml", site_dir)] + [
        (file, site_dir / lang) for lang, file in translations().items()
    ]:
        conf = _conf(ROOT, site, config)
        pages = page_files(docs_dir(conf), excluded({"exclude_docs": conf.get("exclude_docs")}))
        assert check_site(conf, config) == len(pages) + 1, config  # and its 404.html


# The safety layer after the build ---------------------------------------------------------


def test_template_base_html_in_front_matter_is_refused_with_one_line(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    page = _lesson(project)
    path = project / "docs" / page
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("---\n", "---\ntemplate: base.html\n", 1), encoding="utf-8")
    _fails_with_one_line(
        project,
        tmp_path,
        f"docs/{page}: template: base.html is not a template in overrides/ that extends "
        "main.html, so the page would lose its security policy, support banner, disclaimer "
        "and quick exit; remove this line (line 2)",
    )


def test_custom_dir_removed_stops_the_build_naming_a_page_and_the_cause(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    _set_config(project, "custom_dir", None)
    line = _fails_with_one_line(project, tmp_path, "theme.custom_dir is missing in mkdocs.yml")
    assert re.search(r"index\.html \(and \d+ more pages\): no Content-Security-Policy, ", line)
    assert line.endswith("set custom_dir: overrides under theme:")


# The scan itself, on hand-made pages -------------------------------------------------------

SAFE_PAGE = (
    '<!doctype html><html><head>\n  <meta charset="utf-8">\n'
    '  <meta http-equiv="Content-Security-Policy" content="{policy}">\n'
    '  <script src="x.js"></script></head><body>'
    '<a class="hi-quick-exit" href="https://example.org/" data-quick-exit>Leave</a>'
    '<p class="hi-announce"><a class="hi-announce__link" href="{support}">Help</a></p>'
    '<p class="hi-footer__disclaimer">Not medical advice.</p></body></html>'
)


def _page(support: str = "/get-support/", csp: str | None = None) -> str:
    return SAFE_PAGE.format(policy=html.escape(csp or policy()), support=support)


def _conf(project: Path, site: Path, config: str = "mkdocs.yml") -> dict[str, Any]:
    """The config as the build read it (INHERIT merged), writing into ``site``."""
    data = yaml.load(inherit_as_mkdocs(project / config), Loader=ConfigLoader)
    data.update(config_file_path=str(project / config), site_dir=str(site))
    return dict(data)


def test_a_safe_page_passes_and_each_missing_part_is_named() -> None:
    on, off = Expected(policy(), quick_exit=True), Expected(policy(), quick_exit=False)
    assert missing(_page(), on) == []
    assert missing(_page("../../get-support/"), on, "learn/x/index.html") == []
    assert missing(_page("get-support/"), on, "index.html") == []
    assert missing(_page("../"), on, "get-support/x/index.html") == []
    assert missing(_page("./"), on, "get-support/index.html") == []
    assert missing(_page("/clinic/get-support/"), on, "404.html") == []
    assert missing(_page("../about/"), on, "learn/index.html") == ["no support banner"]
    without_exit = re.sub(r"<a class=\"hi-quick-exit\"[^>]*>Leave</a>", "", _page())
    assert missing(without_exit, on) == ["no quick exit"]
    assert missing(without_exit, off) == []
    weaker = _page(csp=policy().replace("script-src 'self'", "script-src *"))
    assert missing(weaker, on) == [
        "a Content-Security-Policy other than overrides/partials/hi-csp.html"
    ]
    late = _page().replace(
        '<meta http-equiv="Content', '<script src="a.js"></script><meta http-equiv="Content'
    )
    assert missing(late, on) == ["no Content-Security-Policy first in <head>"]
    empty = _page().replace("Not medical advice.", "")
    assert missing(empty, on) == ["no footer disclaimer"]


def test_a_template_that_drops_the_banner_is_named_as_the_cause(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    page = _lesson(project)
    (project / "overrides" / "bare.html").write_text(
        '{% extends "main.html" %}\n{% block announce %}{% endblock %}\n', encoding="utf-8"
    )
    path = project / "docs" / page
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("---\n", "---\ntemplate: bare.html\n", 1), encoding="utf-8")
    site = tmp_path / "site"
    for name in ("index.html", "about/index.html"):
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(_page(), encoding="utf-8")
    built = site / page.removesuffix(".md") / "index.html"
    built.parent.mkdir(parents=True)
    built.write_text(_page().replace("hi-announce__link", "other"), encoding="utf-8")
    with pytest.raises(SafetyLayerError) as failure:
        check_site(_conf(project, site), "mkdocs.yml")
    assert str(failure.value).endswith(
        f": no support banner; docs/{page}: template: bare.html leaves it out; remove that line"
    )
    built.write_text(_page().replace("hi-footer__disclaimer", "other"), encoding="utf-8")
    path.write_text(path.read_text(encoding="utf-8").replace("template: bare.html\n", ""))
    with pytest.raises(
        SafetyLayerError, match=r"no footer disclaimer; an edited template in overrides/"
    ):
        check_site(_conf(project, site), "mkdocs.yml")
