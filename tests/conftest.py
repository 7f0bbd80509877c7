"""Session fixtures: the real site and an example copy, each built once and served; one
real Chromium; a site with every language on (the copy's own, unless its clinic.yml turns
one off)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Playwright, sync_playwright

from macros.clinic import languages_of
from tests.harness import (
    CHROMIUM_ARGS,
    ENGINE,
    ROOT,
    BuildError,
    Server,
    build_site,
    configured,
    example_project,
    find_chromium,
    serve,
    translations,
)


def pytest_addoption(parser: pytest.Parser) -> None:
    """``--update-golden``: rewrite the golden HTML files instead of comparing with them."""
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite tests/golden/*.html from the current templates",
    )


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    """True when the run was started with ``--update-golden``."""
    return bool(request.config.getoption("--update-golden"))


def _strict_build(site_dir: Path, what: str, **options: Any) -> Path:
    """``build_site(site_dir, **options)``; a failed build fails the run in one message."""
    try:
        return build_site(site_dir, **options)
    except BuildError as exc:
        pytest.fail(f"{ENGINE} build --strict{what} failed:\n{exc}", pytrace=False)


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once per session with ``--strict``."""
    return _strict_build(tmp_path_factory.mktemp("site"), "")


@pytest.fixture(scope="session")
def site(site_dir: Path) -> Iterator[Server]:
    """The real site served over HTTP at the root of 127.0.0.1:<port>."""
    with serve(site_dir) as server:
        yield server


@pytest.fixture(scope="session")
def subpath_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The real site built for and served under ``/clinic-site/``, as GitHub Pages does."""
    out = tmp_path_factory.mktemp("subpath") / "site"
    out.mkdir()
    with serve(out, prefix="/clinic-site/") as server:
        _strict_build(out, " (sub-path)", site_url=server.url)
        yield server


@pytest.fixture(scope="session")
def example_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example copy's project folder: the tests' own settings
    (``tests/fixtures/extra.yml``), no ``clinic.yml``, so every language is on."""
    return example_project(tmp_path_factory.mktemp("example"))


@pytest.fixture(scope="session")
def example_site_dir(example_copy: Path) -> Path:
    """The example copy built once with ``--strict`` (every language): for tests of
    behaviour that depends on the values (the example notice, what search ranks on),
    whatever the copy's own settings say."""
    return _strict_build(example_copy / "site", " (example copy)", project=example_copy)


@pytest.fixture(scope="session")
def example_site(example_site_dir: Path) -> Iterator[Server]:
    """The example copy served over HTTP at the root of 127.0.0.1:<port>."""
    with serve(example_site_dir) as server:
        yield server


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    """The Playwright driver for the session."""
    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    """One real headless Chromium for the session. A missing browser fails the run."""
    try:
        path = find_chromium()
    except FileNotFoundError as exc:
        pytest.exit(str(exc), returncode=1)
    browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    """A fresh browser profile (no storage, no cookies) for one test."""
    ctx = browser.new_context()
    yield ctx
    ctx.close()


@pytest.fixture
def page(context: BrowserContext) -> Page:
    """A fresh page in a fresh profile."""
    return context.new_page()


def _every_language_on() -> bool:
    """True when the copy's own site has every translation of the project (its
    ``clinic.yml`` turns none off, as ``languages: es: false`` would)."""
    return set(translations()) == set(languages_of(ROOT))


@pytest.fixture(scope="session")
def translated_project(request: pytest.FixtureRequest) -> Path:
    """The project ``translated_site`` is built from: this copy, or the example copy."""
    if _every_language_on():
        return ROOT
    project: Path = request.getfixturevalue("example_copy")
    return project


@pytest.fixture(scope="session")
def translated_site_dir(request: pytest.FixtureRequest) -> Path:
    """A built site with every language on, for tests of the translations: the copy's own
    (``site_dir``), or the example copy's when its ``clinic.yml`` turns a language off. The
    translations are tested either way, never skipped, and no extra build is made."""
    site_dir: Path = request.getfixturevalue(
        "site_dir" if _every_language_on() else "example_site_dir"
    )
    return site_dir


@pytest.fixture(scope="session")
def translated_site(request: pytest.FixtureRequest) -> Server:
    """``translated_site_dir`` served over HTTP (the copy's own ``site`` or ``example_site``)."""
    return _own_or_example(request, _every_language_on())


@pytest.fixture(scope="session")
def translated_exit_site(request: pytest.FixtureRequest) -> Server:
    """A site with every language and the quick exit on: the copy's own, unless it turned
    one of them off."""
    return _own_or_example(request, _every_language_on() and configured().quick_exit.enabled)


def _own_or_example(request: pytest.FixtureRequest, own_will_do: bool) -> Server:
    """The copy's own site when its settings can show the behaviour under test, else the
    tests' example copy: the behaviour is tested either way, never skipped."""
    server: Server = request.getfixturevalue("site" if own_will_do else "example_site")
    return server


@pytest.fixture
def exit_site(request: pytest.FixtureRequest) -> Server:
    """A site with the quick exit on: the copy's own, unless it turned it off."""
    return _own_or_example(request, configured().quick_exit.enabled)


@pytest.fixture
def support_site(request: pytest.FixtureRequest) -> Server:
    """A site whose support panel has a number to tap and a web address: the copy's own,
    unless its lines and referrals lack one of them."""
    own = configured()
    tappable = any(line.phone or line.text for line in own.crisis_lines)
    web = any(line.url for line in own.crisis_lines) or any(r.url for r in own.referrals)
    return _own_or_example(request, tappable and web)
