"""Session fixtures: the real site and an example copy, each built once and served; one
real Chromium."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Playwright, sync_playwright

from tests.harness import (
    CHROMIUM_ARGS,
    ENGINE,
    BuildError,
    Server,
    build_site,
    configured,
    example_project,
    find_chromium,
    serve,
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


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once per session with ``--strict``."""
    try:
        return build_site(tmp_path_factory.mktemp("site"))
    except BuildError as exc:
        pytest.fail(f"{ENGINE} build --strict failed:\n{exc}", pytrace=False)


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
        try:
            build_site(out, site_url=server.url)
        except BuildError as exc:
            pytest.fail(f"{ENGINE} build --strict (sub-path) failed:\n{exc}", pytrace=False)
        yield server


@pytest.fixture(scope="session")
def example_site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the project with the tests' own settings, those of an example copy
    (``tests/fixtures/extra.yml``), built once with ``--strict``: for tests of behaviour that
    depends on the values (the example notice, what search ranks on), whatever the copy's
    own ``mkdocs.yml`` says."""
    project = example_project(tmp_path_factory.mktemp("example"))
    try:
        return build_site(project / "site", project=project)
    except BuildError as exc:
        pytest.fail(f"{ENGINE} build --strict (example copy) failed:\n{exc}", pytrace=False)


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


@pytest.fixture
def exit_site(request: pytest.FixtureRequest) -> Server:
    """The copy's own site, or the tests' example copy if this copy turned the quick exit
    off: the quick exit's behaviour is tested either way."""
    server: Server = request.getfixturevalue(
        "site" if configured().quick_exit.enabled else "example_site"
    )
    return server
