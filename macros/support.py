"""Support signposting from the ``extra:`` block of ``mkdocs.yml``.

Clinics edit their organisation, crisis lines and referral links there; these macros
render them wherever a page (or a quiz's support panel) needs them.
"""

from __future__ import annotations

from typing import Any

from macros.templates import render


class ConfigError(Exception):
    """A setting in ``mkdocs.yml`` that a clinic needs to fix, with a one-line message."""


_LINE_FIELDS = ("name", "how", "hours", "region", "url")


def crisis_lines(extra: dict[str, Any]) -> list[dict[str, str]]:
    """Return the crisis lines from ``extra``, checked: each needs a name and a way to reach it."""
    lines = extra.get("crisis_lines") or []
    if not isinstance(lines, list):
        raise ConfigError("mkdocs.yml: extra.crisis_lines: must be a list of lines (name, how, ...)")
    checked = []
    for i, line in enumerate(lines):
        where = f"mkdocs.yml: extra.crisis_lines[{i}]"
        if not isinstance(line, dict):
            raise ConfigError(f"{where}: must be a mapping with at least name and how")
        unknown = sorted(set(line) - set(_LINE_FIELDS))
        if unknown:
            raise ConfigError(
                f"{where}: unknown field {unknown[0]!r}; use {', '.join(_LINE_FIELDS)}"
            )
        for field in ("name", "how"):
            if not str(line.get(field) or "").strip():
                raise ConfigError(f"{where}.{field}: missing; say {_what(field)}")
        checked.append({k: str(line.get(k) or "").strip() for k in _LINE_FIELDS})
    return checked


def _what(field: str) -> str:
    return "what the line is called" if field == "name" else "how to reach it"


def support_context(extra: dict[str, Any]) -> dict[str, Any]:
    """Everything the support templates show, from ``extra``."""
    return {
        "organisation": extra.get("organisation") or {},
        "crisis_lines": crisis_lines(extra),
        "crisis_lines_notice": extra.get("crisis_lines_notice") or "",
        "referrals": extra.get("referrals") or [],
    }


def register(env: Any) -> None:
    """Add ``support_contacts()`` and ``referral_links()`` to the macros environment."""

    @env.macro  # type: ignore[misc]
    def support_contacts(heading_level: int = 2) -> str:
        """The crisis lines and the organisation's contacts, as HTML."""
        ctx = support_context(env.conf["extra"])
        return render(env.conf, "hi-support.html", level=heading_level, **ctx)

    @env.macro  # type: ignore[misc]
    def referral_links() -> str:
        """The clinic's referral links, as an HTML list."""
        ctx = support_context(env.conf["extra"])
        return render(env.conf, "hi-referrals.html", **ctx)
