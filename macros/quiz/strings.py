"""Interface strings from ``strings.yml``, in the site's language, English as fallback."""

from __future__ import annotations

import difflib
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from macros.engine import SiteError
from macros.yaml_words import explain

FILE = Path(__file__).with_name("strings.yml")


class StringTableError(SiteError):
    """A string table that is not a YAML table of texts, in one line."""


def _read(path: Path) -> dict[str, Any]:
    where = f"macros/quiz/{path.name}"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise StringTableError(f"{where}: not UTF-8 text; save it as UTF-8") from None
    except yaml.YAMLError as exc:
        line, words = explain(exc)
        at = f" line {line}:" if line else ""
        raise StringTableError(f"{where}:{at} {words}") from None
    if not isinstance(data, dict):
        raise StringTableError(f"{where}: not a table; write one `key: text` per line")
    for table in data.values() if path == FILE else [data]:
        for key, value in table.items() if isinstance(table, dict) else []:
            if key != "js" and not isinstance(value, (str, list)):
                raise StringTableError(f"{where}: {key}: is not text; write it as `{key}: text`")
    return data


def stamp() -> tuple[tuple[str, int], ...]:
    """Each table file with the time it was last changed: the tables are read again when
    this changes (``make serve`` shows an edited table at the next reload)."""
    paths = [FILE, *sorted(FILE.parent.glob("strings.*.yml"))]
    return tuple((p.name, p.stat().st_mtime_ns) for p in paths if p.is_file())


def _all() -> dict[str, dict[str, Any]]:
    """``strings.yml`` (``en:``, and any table written there) and one table per language
    in ``strings.<lang>.yml`` (``strings.es.yml``), as the files are now."""
    return _read_all(stamp())


@cache
def _read_all(_stamp: tuple[tuple[str, int], ...]) -> dict[str, dict[str, Any]]:
    data: dict[str, dict[str, Any]] = _read(FILE)
    english = data.get("en") or {}
    for path in sorted(FILE.parent.glob("strings.*.yml")):
        own = data[path.name.split(".")[1]] = _read(path)
        _check_keys(path, own, english)
    return data


def _check_keys(path: Path, own: dict[str, Any], english: dict[str, Any]) -> None:
    """A key the English table does not have is a typo: say which, and the likely key."""
    js: dict[str, Any] = own["js"] if isinstance(own.get("js"), dict) else {}
    found = [(k, english) for k in own if k != "js"]
    found += [(f"js.{k}", {f"js.{e}": 1 for e in english.get("js") or {}}) for k in js]
    for key, known in found:
        if key not in known:
            close = difflib.get_close_matches(key, list(known), n=1, cutoff=0.6)
            hint = f"did you mean {close[0]}? " if close else ""
            raise StringTableError(
                f"macros/quiz/{path.name}: {key}: no such string in {FILE.name}; {hint}"
                "use the key as the English table writes it"
            )


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
