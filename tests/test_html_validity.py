"""The Nu HTML Checker (vnu) over every built page: zero errors from our own markup.

vnu is the npm package ``vnu-jar`` pinned in ``tests/vnu/`` (``make test`` installs it with
``npm ci --prefix tests/vnu``) and needs Java. It runs once over all pages, with JSON output.
Only the theme's own known errors (Material's, or Zensical's with ``ENGINE=zensical``),
listed by name below, are allowed.
Under CI (``CI=true``) a missing Java or vnu fails the run; elsewhere it skips with a reason.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from tests.harness import ENGINE, ROOT, site_pages

VNU_JAR = ROOT / "tests" / "vnu" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


@dataclass(frozen=True)
class Allowed:
    """A known error in Material's own markup: message and extract patterns, and why."""

    name: str
    message: str
    extract: str
    why: str
    engines: tuple[str, ...] = ("mkdocs", "zensical")


#: The theme's own known errors. Nothing else is allowed: fix our markup instead.
KNOWN = (
    Allowed(
        name="material-checkbox-autocomplete",
        message=r"^Attribute “autocomplete” is only allowed when the input type is ",
        extract=r'<input class="md-toggle" data-md-toggle="(drawer|search)" type="checkbox" '
        r'id="__(drawer|search)" autocomplete="off">',
        # Material's base.html puts autocomplete="off" on its hidden drawer and search
        # toggles so Firefox does not restore their state after a reload.
        why="Material base.html: autocomplete=off on the hidden __drawer/__search toggles",
    ),
    Allowed(
        name="material-toc-label-without-toggle",
        message=r"^The value of the “for” attribute of the “label” element must be the ID of a "
        r"non-hidden form control\.$",
        extract=r'<label class="md-nav__title" for="__toc">',
        # Material's partials/toc.html always labels the __toc toggle, but nav-item.html only
        # renders that toggle for pages listed as plain nav items: a section index page
        # (navigation.indexes) gets the label without its checkbox. Harmless: the label
        # only opens the table of contents in the mobile drawer, which has its own link.
        why="Material toc.html: label for=__toc on section index pages",
        engines=("mkdocs", "zensical"),  # Zensical classic variant (mkdocs.yml) has it too
    ),
    Allowed(
        name="zensical-overlay-label-aria-hidden",
        message=r"^The “aria-hidden” attribute must not be used on any “label” element that "
        r"is associated with a labelable element\.$",
        extract=r'<label class="md-overlay" for="__drawer" aria-hidden="true">',
        # Zensical's base.html hides the click-away overlay of the navigation drawer from
        # screen readers; the drawer has its own labelled toggle.
        why="Zensical base.html: aria-hidden on the __drawer overlay label",
        engines=("zensical",),
    ),
)
ALLOWED = tuple(rule for rule in KNOWN if ENGINE in rule.engines)


def _vnu_command() -> list[str]:
    """The command that runs vnu, or fail (CI) / skip (elsewhere) when it cannot run."""
    java = shutil.which("java")
    problem = None
    if java is None:
        problem = "Java is not installed (the Nu HTML Checker needs it)"
    elif not VNU_JAR.is_file():
        problem = f"{VNU_JAR.relative_to(ROOT)} is missing: run `npm ci --prefix tests/vnu`"
    if problem is not None:
        if os.environ.get("CI", "").lower() in ("true", "1"):
            pytest.fail(f"HTML validity cannot run under CI: {problem}", pytrace=False)
        pytest.skip(problem)
    assert java is not None
    return [java, "-Xss8m", "-jar", str(VNU_JAR), "--format", "json", "--exit-zero-always"]


def _is_allowed(message: dict[str, str]) -> bool:
    text = message.get("message", "")
    extract = message.get("extract", "")
    return any(
        re.search(rule.message, text) and re.search(rule.extract, extract) for rule in ALLOWED
    )


def _where(message: dict[str, str], site_dir: Path) -> str:
    path = unquote(urlparse(message.get("url", "")).path)
    try:
        return Path(path).resolve().relative_to(site_dir.resolve()).as_posix()
    except ValueError:
        return path or "?"


@pytest.fixture(scope="module")
def vnu_messages(site_dir: Path) -> list[dict[str, str]]:
    """Every message vnu gives for every built page, from one run."""
    command = _vnu_command()
    pages = [str(site_dir / page) for page in site_pages(site_dir)]
    assert pages, "the built site has no pages"
    proc = subprocess.run(command + pages, capture_output=True, text=True, check=False)
    try:
        messages: list[dict[str, str]] = json.loads(proc.stderr)["messages"]
    except (ValueError, KeyError) as exc:
        pytest.fail(f"vnu gave no JSON ({exc}):\n{proc.stdout}\n{proc.stderr}", pytrace=False)
    return messages


def test_every_page_is_valid_html(vnu_messages: list[dict[str, str]], site_dir: Path) -> None:
    """vnu reports no error on any page, apart from Material's own known errors."""
    errors = [
        m
        for m in vnu_messages
        if (m.get("type") == "error" or m.get("subType") == "fatal") and not _is_allowed(m)
    ]
    lines = [
        f"{_where(m, site_dir)}:{m.get('lastLine', '?')}: {m.get('message')} "
        f"| {(m.get('extract') or '').strip()!r}"
        for m in errors
    ]
    assert not errors, f"{len(errors)} HTML errors from our markup:\n" + "\n".join(lines[:40])


def test_allow_list_entries_still_match_something(vnu_messages: list[dict[str, str]]) -> None:
    """Each allow-list entry names a real error: a stale entry is removed, not kept."""
    unused = [
        rule.name
        for rule in ALLOWED
        if not any(
            re.search(rule.message, m.get("message", ""))
            and re.search(rule.extract, m.get("extract", ""))
            for m in vnu_messages
        )
    ]
    assert not unused, f"allow-list entries that match nothing any more: {unused}"
