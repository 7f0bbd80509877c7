"""Interface strings from ``strings.yml``, in the site's language, English as fallback."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

FILE = Path(__file__).with_name("strings.yml")


@cache
def _all() -> dict[str, dict[str, Any]]:
    """``strings.yml`` (``en:``, and any table written there) and one table per language
    in ``strings.<lang>.yml`` (``strings.es.yml``)."""
    data: dict[str, dict[str, Any]] = yaml.safe_load(FILE.read_text(encoding="utf-8"))
    for path in sorted(FILE.parent.glob("strings.*.yml")):
        data[path.name.split(".")[1]] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data


def strings(language: str | None) -> dict[str, Any]:
    """All strings for ``language`` (``de``, ``pt-BR``...), filled in from English."""
    table = _all()
    merged = dict(table["en"])
    merged["js"] = dict(table["en"]["js"])
    for lang in ((language or "en").split("-")[0], language or "en"):
        own = table.get(lang) or {}
        merged.update({k: v for k, v in own.items() if k != "js"})
        merged["js"].update(own.get("js") or {})
    return merged


def tables() -> dict[str, dict[str, Any]]:
    """Every language's own table, as written (``en`` is complete; others may lack keys)."""
    return dict(_all())
