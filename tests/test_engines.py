"""Two engines, one site: what macros/engine.py and our theme copies do for each of them.

The whole suite also runs against a Zensical build (``make test``, second pass); these
tests check the seams between the engines without building anything.
"""

from __future__ import annotations

import re
import subprocess
import sys
import types
from importlib.util import find_spec
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from macros.engine import SiteError, md_link_source, page_source, project_dir, run_zensical
from macros.inherit import inherit_as_mkdocs
from macros.quiz.render import linker
from tests.harness import ROOT, SEARCH_RESULT, Server


class ZensicalPage:
    """What Zensical's macros give as ``page``: ``url`` and ``path``, no ``file``."""

    def __init__(self, path: str, url: str) -> None:
        self.path, self.url = path, url


class MkDocsPage:
    """What MkDocs gives as ``page``: the source is ``page.file.src_uri``."""

    def __init__(self, src_uri: str, url: str) -> None:
        self.file, self.url = types.SimpleNamespace(src_uri=src_uri), url


def test_page_source_and_project_under_both_engines(tmp_path: Path) -> None:
    assert page_source(MkDocsPage("learn/healing.md", "learn/healing/")) == "learn/healing.md"
    assert page_source(ZensicalPage("learn/healing.md", "learn/healing/")) == "learn/healing.md"
    assert project_dir({"config_file_path": str(tmp_path / "mkdocs.yml")}) == tmp_path
    assert project_dir({"root_dir": str(tmp_path), "docs_dir": "docs"}) == tmp_path


def test_md_links_only_where_the_engine_resolves_them() -> None:
    assert md_link_source(MkDocsPage("learn/healing.md", "learn/healing/")) is None
    assert md_link_source(ZensicalPage("learn/healing.md", "learn/healing/")) == "learn/healing.md"
    assert md_link_source(None) is None


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        ("reflect/noticing-my-patterns.md", "learn/healing.md", "../learn/healing.md"),
        ("reflect/index.md", "learn/index.md#why", "../learn/index.md#why"),
        ("learn/healing.md", "learn/small-steps.md", "small-steps.md"),
        ("index.md", "learn/healing.md", "learn/healing.md"),
        ("learn/healing.md", "index.md", "../index.md"),
    ],
)
def test_zensical_next_step_links_are_relative_to_the_source(
    source: str, target: str, expected: str
) -> None:
    # Zensical turns these into ../../learn/healing/ and so on, and reports a missing page.
    assert linker("ignored/", True, source)(target) == expected


def _fake_zensical(monkeypatch: pytest.MonkeyPatch, error: Exception) -> None:
    def main(args: list[str], prog_name: str) -> None:
        raise error

    package = types.ModuleType("zensical")
    module = types.ModuleType("zensical.main")
    module.cli = types.SimpleNamespace(main=main)  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "zensical", package)
    monkeypatch.setitem(sys.modules, "zensical.main", module)


def test_zensical_prints_our_error_as_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    class ExampleError(SiteError):
        pass

    text = "Python error: ExampleError: docs/a.yml: title: missing\nTraceback (most recent..."
    _fake_zensical(monkeypatch, RuntimeError(text))
    assert run_zensical(["build"]) == 1
    assert capsys.readouterr().err == "Error: docs/a.yml: title: missing\n"


def test_zensical_keeps_the_traceback_of_a_bug(monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_zensical(monkeypatch, RuntimeError("Python error: KeyError: 'x'\nTraceback ..."))
    with pytest.raises(RuntimeError, match="KeyError"):
        run_zensical(["build"])


def test_macros_load_as_zensical_loads_them_without_mkdocs(tmp_path: Path) -> None:
    """By file path, without the project on sys.path, with no mkdocs importable."""
    script = f"""
import importlib.util, sys
sys.modules["mkdocs"] = None  # any `import mkdocs...` now fails
path = {str(ROOT / "macros" / "__init__.py")!r}
spec = importlib.util.spec_from_file_location("macros", path)
module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module)
from macros.engine import SiteError
print(callable(module.define_env), SiteError.__bases__[0].__name__)
"""
    proc = subprocess.run(
        [sys.executable, "-I", "-c", script],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["True", "Exception"]


def test_inherit_is_merged_as_mkdocs_merges_it(tmp_path: Path) -> None:
    (tmp_path / "base.yml").write_text(
        "site_url: !ENV [SITE_URL, 'http://x/']\nextra:\n  a: 1\n  lines: [one, two]\n"
    )
    (tmp_path / "clinic.yml").write_text("INHERIT: base.yml\nextra:\n  lines: [mine]\n")
    assert inherit_as_mkdocs(tmp_path / "clinic.yml") == (
        "site_url: !ENV [SITE_URL, 'http://x/']\nextra:\n  a: 1\n  lines:\n  - mine\n"
    )


#: Our changes to Material's nav-item.html, as (Material's text, ours).
NAV_ITEM_CHANGES = [
    (
        'id="{{ path }}_label" tabindex="{{ tabindex }}">',
        'id="{{ path }}_label"{% if tabindex %} tabindex="{{ tabindex }}"{% endif %}>',
    ),
    ('aria-labelledby="{{ path }}_label"', 'aria-label="{{ nav_item.title | e }}"'),
    ('<span class="{{ class }}"', '<span class="{{ class | e }}"'),
    ('title="{{ config.extra.status[type] }}"', 'title="{{ config.extra.status[type] | e }}"'),
    ("    {{ nav_item.title }}\n", "    {{ nav_item.title | e }}\n"),
    ("{{ nav_item.meta.subtitle }}", "{{ nav_item.meta.subtitle | e }}"),
    ("if index == page %}", "if index.active %}"),
    ("{% elif nav_item == page %}", "{% elif nav_item.active %}"),
    (
        '<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">',
        '{% if config.theme.variant != "modern" %}<input class="md-nav__toggle md-toggle" '
        'type="checkbox" id="__toc">{% endif %}',
    ),
]


def test_copied_nav_item_matches_the_installed_material() -> None:
    spec = find_spec("material")
    assert spec is not None and spec.origin is not None
    theirs = (Path(spec.origin).parent / "templates" / "partials" / "nav-item.html").read_text()
    ours = (ROOT / "overrides" / "partials" / "nav-item.html").read_text()
    theirs, ours = theirs.split("-#}", 1)[1], ours.split("-#}", 1)[1]
    for material, change in NAV_ITEM_CHANGES:
        assert material in theirs, f"Material's nav-item.html no longer has {material!r}"
        theirs = theirs.replace(material, change)
    assert ours == theirs, "overrides/partials/nav-item.html differs from Material's: re-copy it"


@pytest.mark.browser
def test_search_dialog_is_named_and_search_answers(page: Page, site: Server) -> None:
    # Material leaves the dialog unnamed (theme.js names it); Zensical names it itself.
    # The copied Material search.html this replaced made Zensical's search hang. Zensical's
    # search is its own: a named <dialog> in a shadow root, results as listbox options.
    page.goto(site.url + "learn/", wait_until="load")
    dialog = page.locator('.md-search[role="dialog"]')
    expect(dialog).to_have_attribute("aria-label", re.compile(r"\S"))
    page.keyboard.press("/")
    page.keyboard.type("help")
    expect(page.locator(SEARCH_RESULT).first).to_be_visible(timeout=10_000)


#: Our changes to the engines' partials/alternate.html (the header's language menu): the
#: link to this same page, and every value escaped.
ALTERNATE_CHANGES = [
    (
        '<a href="{{ alt.link | url }}" hreflang="{{ alt.lang }}" class="md-select__link">',
        '<a href="{{ hi_languages.href(alt) }}" hreflang="{{ alt.lang | e }}" '
        'lang="{{ alt.lang | e }}" class="md-select__link" data-hi-language="{{ alt.lang | e }}">',
    ),
    ("{{ alt.name }}", "{{ alt.name | e }}"),
]
ALTERNATE_IMPORT = '{%- import "partials/hi-alternates.html" as hi_languages with context %}\n'


@pytest.mark.parametrize("engine", ["material", "zensical"])
def test_copied_alternate_matches_the_installed_engine(engine: str) -> None:
    # Material's and Zensical's are the same file; ours links to this page, not home.
    spec = find_spec(engine)
    if spec is None or spec.origin is None:
        assert engine == "zensical" and sys.version_info < (3, 11), f"{engine} not installed"
        return
    theirs = (Path(spec.origin).parent / "templates" / "partials" / "alternate.html").read_text()
    ours = (ROOT / "overrides" / "partials" / "alternate.html").read_text()
    theirs, ours = theirs.split("-#}", 1)[1], ours.split("-#}", 1)[1]
    for material, change in ALTERNATE_CHANGES:
        assert material in theirs, f"{engine}'s alternate.html no longer has {material!r}"
        theirs = theirs.replace(material, change)
    assert ours.replace(ALTERNATE_IMPORT, "") == theirs, (
        f"overrides/partials/alternate.html differs from {engine}'s: re-copy it"
    )
