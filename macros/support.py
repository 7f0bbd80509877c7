"""Support signposting: the organisation, crisis lines and referral links.

The project's defaults are under ``extra:`` in ``mkdocs.yml``, a clinic's own values in
``clinic.yml`` (laid over them by ``macros/clinic.py``). ``register`` checks every setting
once (``macros/settings``), hands the checked values to the theme templates, adds the
macros that render them on a page, and prints the build's warnings about them.
"""

from __future__ import annotations

import dataclasses
import os
import sys
from pathlib import Path
from typing import Any

from macros.clinic import CLINIC_FILE, stale_warnings
from macros.engine import (
    SiteError,
    config_name,
    docs_dir,
    is_translation,
    project_dir,
    site_language,
)
from macros.settings import (
    EXAMPLE_ORGANISATION,
    Settings,
    SettingsError,
    check,
    placeholder_warnings,
)
from macros.settings.decode import derived
from macros.settings.lines import NEEDS, general_lines_warnings, lines_for, need_warnings
from macros.templates import render

#: Kept for callers that catch the old name.
ConfigError = SettingsError


def support_context(extra: Any, language: str | None = None) -> dict[str, Any]:
    """Everything the support templates show, from ``extra``, checked. The example
    organisation name shows in the words of ``language`` until a clinic sets its own."""
    from macros.quiz.strings import strings  # here: macros.quiz imports this module

    settings = check(extra)
    name = settings.organisation.name
    return {
        "organisation": settings.organisation,
        "organisation_name": (
            strings(language)["example_organisation"] if name == EXAMPLE_ORGANISATION else name
        ),
        "crisis_lines": settings.crisis_lines,
        "crisis_lines_notice": settings.crisis_lines_notice,
        "referrals": settings.referrals,
    }


def plain(value: Any) -> Any:
    """A checked value as plain dicts, lists and text, as ``mkdocs.yml`` would give it:
    each field under its name in the YAML (``for``, not ``for_``), so it checks again,
    and beside them what the build makes of them (``tel``, ``sms``, ``mailto``) for the
    theme."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = {
            f.metadata.get("key", f.name): plain(getattr(value, f.name))
            for f in dataclasses.fields(value)
        }
        return fields | {name: getattr(value, name) for name in derived(type(value))}
    if isinstance(value, (tuple, list)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return value


def english_settings(project: Path) -> Settings | None:
    """The checked settings of the English pages: ``mkdocs.yml`` with ``clinic.yml`` laid
    over it (None if they cannot be read)."""
    from macros.check_config import read_config  # here: check_config imports this package
    from macros.clinic import overlay

    try:
        data, _ = read_config(project / "mkdocs.yml")
        return check(overlay(data, "en", project).get("extra"))
    except SiteError:
        return None


#: Lines already printed: Zensical runs the macros once for each page.
_WARNED: set[str] = set()


def warn(file: str, lines: list[str]) -> None:
    """Print each line once in the build log and, on GitHub, as a GitHub Actions warning
    on ``file``, the file the line is about (``clinic.yml``, ``mkdocs.es.yml``...)."""
    for line in lines:
        if line in _WARNED:
            continue
        _WARNED.add(line)
        sys.stderr.write(f"WARNING -  {line}\n")
        if os.environ.get("GITHUB_ACTIONS") == "true":
            sys.stderr.write(f"::warning file={file}::{line}\n")


def apply(extra: Any, file: str = "mkdocs.yml", lines: dict[str, int] | None = None) -> Settings:
    """Check ``extra`` (of the config ``file``, its settings at ``lines``) and write the
    checked values back for the macros and pages.

    Each setting is replaced by its checked form (defaults filled in, text stripped): under
    MkDocs this is what the theme templates read as ``config.extra``; under Zensical they
    read the same values from the config ``python -m macros build`` hands it
    (``macros.clinic.engine_config_text``).
    """
    settings = check(extra, lines, file)
    for f in dataclasses.fields(settings):
        extra[f.name] = plain(getattr(settings, f.name))
    return settings


def _extra_lines(config: Path) -> dict[str, int]:
    """The line of each setting under ``extra:`` of ``config`` (``crisis_lines[0].phone``),
    for messages; empty when the file cannot be read (its own check explains why)."""
    from macros.check_config import extra_lines, read_config  # here: it imports this module

    try:
        return extra_lines(read_config(config)[1])
    except (SiteError, OSError):
        return {}


def register(env: Any) -> None:
    """Check the support settings now, and add ``support_contacts()`` and ``referral_links()``.

    Checking here, while the configuration loads, turns a clinic's mistake into one
    clear error line instead of a failure in the middle of a page.
    """
    file = config_name(env.conf)
    settings = apply(env.conf["extra"], file, _extra_lines(project_dir(env.conf) / file))
    for f in dataclasses.fields(settings):  # `{{ disclaimer }}` in a page: the checked text
        env.variables[f.name] = env.conf["extra"][f.name]
    prefix = f"languages.{site_language(env.conf)}." if is_translation(env.conf) else ""
    project = project_dir(env.conf)
    warn(CLINIC_FILE, placeholder_warnings(settings, prefix))
    warn(CLINIC_FILE, need_warnings(settings, docs_dir(env.conf), prefix, project))
    from macros.quiz.strings import strings  # here: macros.quiz imports this module

    language = env.conf["theme"].get("language", "en")
    context = support_context(env.conf["extra"], language)
    text = strings(language)
    if not is_translation(env.conf):
        # Imported here: `python -m macros.legacy` runs that module as a script.
        from macros.legacy import legacy_warnings

        for config, line in legacy_warnings(project).items():
            warn(config, [line])
        warn(CLINIC_FILE, stale_warnings(project))
    if is_translation(env.conf):
        english = english_settings(project)
        stale = general_lines_warnings(settings, english, file)
        warn(file, stale)
        if stale and not settings.crisis_lines_notice:
            context["crisis_lines_notice"] = text["general_lines_notice"]

    def support_contacts(lead: str = "") -> str:
        """The crisis lines and the organisation's contacts, as HTML; with ``lead`` (a
        need, like ``"abuse"``), the lines for that need come first."""
        if lead and lead not in NEEDS:
            raise SiteError(f"support_contacts(lead={lead!r}): use one of {', '.join(NEEDS)}")
        lines = lines_for(context["crisis_lines"], lead)
        return render(env.conf, "hi-support.html", s=text, **{**context, "crisis_lines": lines})

    def referral_links() -> str:
        """The clinic's referral links, as an HTML list."""
        return render(env.conf, "hi-referrals.html", **context)

    env.macro(support_contacts)
    env.macro(referral_links)
