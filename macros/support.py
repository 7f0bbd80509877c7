"""Support signposting from the ``extra:`` block of ``mkdocs.yml``.

Clinics edit their organisation, crisis lines and referral links there; these macros
render them wherever a page (or a quiz's support panel) needs them.
"""

from __future__ import annotations

from typing import Any

from macros.engine import SiteError
from macros.templates import render


class ConfigError(SiteError):
    """A setting in ``mkdocs.yml`` that a clinic needs to fix, with a one-line message.

    Raised while the site's configuration loads, so MkDocs prints the message as one
    error line and stops, with no traceback.
    """


# Each list in extra: its fields, the ones required, and what a missing one should say.
_LISTS: dict[str, tuple[tuple[str, ...], dict[str, str]]] = {
    "crisis_lines": (
        ("name", "how", "phone", "text", "hours", "region", "url"),
        {"name": "say what the line is called", "how": "say how to reach it"},
    ),
    "referrals": (
        ("name", "url", "description"),
        {"name": "say what the link is called", "url": "give the web address"},
    ),
}
_ORGANISATION = ("name", "website", "phone", "email", "hours")


def checked_list(extra: dict[str, Any], key: str) -> list[dict[str, str]]:
    """Return ``extra[key]`` (crisis lines or referrals) as clean strings, or raise ConfigError."""
    fields, required = _LISTS[key]
    items = extra.get(key) or []
    if not isinstance(items, list):
        raise ConfigError(f"mkdocs.yml: extra.{key}: must be a list, each item starting with '- '")
    checked = []
    for i, item in enumerate(items):
        where = f"mkdocs.yml: extra.{key}[{i}]"
        if not isinstance(item, dict):
            raise ConfigError(f"{where}: must have fields ({', '.join(fields)})")
        unknown = sorted(set(item) - set(fields))
        if unknown:
            raise ConfigError(f"{where}: unknown field {unknown[0]!r}; use {', '.join(fields)}")
        for field, fix in required.items():
            if not str(item.get(field) or "").strip():
                raise ConfigError(f"{where}.{field}: missing; {fix}")
        checked.append({k: str(item.get(k) or "").strip() for k in fields})
    return checked


def organisation(extra: dict[str, Any]) -> dict[str, str]:
    """Return ``extra.organisation`` with every field present (empty when not set)."""
    org = extra.get("organisation") or {}
    if not isinstance(org, dict):
        raise ConfigError(
            f"mkdocs.yml: extra.organisation: must have fields ({', '.join(_ORGANISATION)})"
        )
    unknown = sorted(set(org) - set(_ORGANISATION))
    if unknown:
        fields = ", ".join(_ORGANISATION)
        raise ConfigError(
            f"mkdocs.yml: extra.organisation: unknown field {unknown[0]!r}; use {fields}"
        )
    return {k: str(org.get(k) or "").strip() for k in _ORGANISATION}


def support_context(extra: dict[str, Any]) -> dict[str, Any]:
    """Everything the support templates show, from ``extra``, checked."""
    return {
        "organisation": organisation(extra),
        "crisis_lines": checked_list(extra, "crisis_lines"),
        "crisis_lines_notice": str(extra.get("crisis_lines_notice") or "").strip(),
        "referrals": checked_list(extra, "referrals"),
    }


def register(env: Any) -> None:
    """Check the support settings now, and add ``support_contacts()`` and ``referral_links()``.

    Checking here, while the configuration loads, turns a clinic's mistake into one
    clear error line instead of a failure in the middle of a page.
    """
    from macros.quiz.strings import strings  # here: macros.quiz imports this module

    context = support_context(env.conf["extra"])
    text = strings(env.conf["theme"].get("language", "en"))

    def support_contacts() -> str:
        """The crisis lines and the organisation's contacts, as HTML."""
        return render(env.conf, "hi-support.html", s=text, **context)

    def referral_links() -> str:
        """The clinic's referral links, as an HTML list."""
        return render(env.conf, "hi-referrals.html", **context)

    env.macro(support_contacts)
    env.macro(referral_links)
