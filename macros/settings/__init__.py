"""The clinic settings: one typed model, checked once.

The project's defaults are under ``extra:`` in ``mkdocs.yml`` (and each
``mkdocs.<lang>.yml``), a clinic's own values in ``clinic.yml`` (``macros/clinic.py``
lays them over). ``check(extra)`` returns the frozen ``Settings`` (``model.py``) or raises
``SettingsError`` with one line naming the setting. The theme templates read the checked
values as ``config.extra`` under both engines; the page's Content-Security-Policy is a
fixed text (``csp.py``).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

from macros.settings.decode import Lines, SettingsError, decode
from macros.settings.model import REFUSED, CrisisLine, Organisation, Referral, Settings

__all__ = [
    "EXAMPLE_ORGANISATION",
    "CrisisLine",
    "Organisation",
    "Referral",
    "Settings",
    "SettingsError",
    "check",
    "clinic_keys",
    "placeholder_warnings",
]

#: The organisation name the project ships with; a fork that keeps it is still an example.
#: ``overrides/partials/hi-example-notice.html`` compares with the same text.
EXAMPLE_ORGANISATION = "Your clinic or community group"


def check(extra: Any, lines: Lines | None = None, file: str = "mkdocs.yml") -> Settings:
    """``extra`` (the mapping under ``extra:``) as checked ``Settings``, or SettingsError."""
    if extra is None or (isinstance(extra, Mapping) and not extra):
        raise SettingsError(
            f"{file}: extra: missing; it holds the project's defaults of the clinic "
            f"settings (organisation, crisis_lines, disclaimer...): take {file} as the "
            "project has it, and write your own values in clinic.yml"
        )
    if not isinstance(extra, Mapping):
        raise SettingsError(f"{file}: extra: must have its settings indented under it")
    # An empty refused setting does nothing: Zensical fills in `polyfills: []` by itself.
    data = {k: v for k, v in extra.items() if not (k in REFUSED and v in (None, [], {}, ""))}
    settings: Settings = decode(Settings, data, "", lines or {}, file, REFUSED)
    return settings


def clinic_keys(*reach: str) -> tuple[str, ...]:
    """The settings a clinic writes in ``clinic.yml`` where ``reach`` says (``"shared"``,
    ``"worded"``, ``"translation"``: ``kinds.REACH``), in the model's order."""
    return tuple(
        f.metadata.get("key", f.name)
        for f in dataclasses.fields(Settings)
        if f.metadata.get("clinic") in reach
    )


def placeholder_warnings(settings: Settings, prefix: str = "") -> list[str]:
    """One line for each example value a fork has not replaced yet, naming the setting in
    ``clinic.yml`` where the clinic writes its own (``prefix``: ``languages.es.`` for the
    Spanish pages' own)."""
    found = []
    if settings.organisation.name == EXAMPLE_ORGANISATION:
        found.append(
            "clinic.yml: organisation.name: still the example organisation; every page "
            "says this copy is an example until you write your organisation's name"
        )
    if settings.crisis_lines_notice:
        found.append(
            f"clinic.yml: {prefix}crisis_lines_notice: still set; replace the example "
            f'crisis lines with lines for your area ({prefix}crisis_lines), then set it to ""'
        )
    return found
