"""Interface strings from ``strings.yml``, in the site's language, English as fallback."""

from __future__ import annotations

import difflib
import re
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from macros.engine import SiteError
from macros.quiz.errors import QuizError
from macros.quiz.source import _guard
from macros.yaml_words import explain

FILE = Path(__file__).with_name("strings.yml")


class StringTableError(SiteError):
    """A string table that is not a YAML table of texts, in one line."""


def _read(path: Path) -> dict[str, Any]:
    where = f"macros/quiz/{path.name}"
    try:
        text = path.read_text(encoding="utf-8")
        _guard(yaml.SafeLoader, where, text, "string tables")
        data = yaml.safe_load(text)
    except QuizError as exc:
        raise StringTableError(str(exc)) from None
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


def _flat(table: dict[str, Any]) -> dict[str, Any]:
    """``{"next": ..., "js.undo": ...}``: the table's strings, ``js:`` ones prefixed."""
    js = table.get("js")
    flat = {k: v for k, v in table.items() if k != "js"}
    flat.update({f"js.{k}": v for k, v in (js if isinstance(js, dict) else {}).items()})
    return flat


def placeholders(value: Any) -> set[str]:
    """The ``{names}`` a string (or a list of strings) holds, which the code fills in."""
    texts = value if isinstance(value, list) else [value]
    return {name for text in texts if isinstance(text, str) for name in _PLACEHOLDER.findall(text)}


_PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")


def _check_keys(path: Path, own: dict[str, Any], english: dict[str, Any]) -> None:
    """A key the English table does not have is a typo: say which, and the likely key. A
    string must hold the same ``{placeholders}`` as the English one: a misspelt one would
    show as written, a dropped one would lose the number or the date. A key left out is
    shown in English: a warning says which."""
    where = f"macros/quiz/{path.name}"
    mine, known = _flat(own), _flat(english)
    for key, value in mine.items():
        if key not in known:
            close = difflib.get_close_matches(key, list(known), n=1, cutoff=0.6)
            hint = f"did you mean {close[0]}? " if close else ""
            raise StringTableError(
                f"{where}: {key}: no such string in {FILE.name}; {hint}"
                "use the key as the English table writes it"
            )
        wanted, written = placeholders(known[key]), placeholders(value)
        if wanted != written:
            lost = ", ".join(f"{{{n}}}" for n in sorted(wanted - written))
            strange = ", ".join(f"{{{n}}}" for n in sorted(written - wanted))
            words = [f"lacks {lost}" if lost else "", f"has {strange}" if strange else ""]
            raise StringTableError(
                f"{where}: {key}: {' and '.join(w for w in words if w)}, unlike the English "
                f"text; keep each of {', '.join(f'{{{n}}}' for n in sorted(wanted)) or 'none'} "
                "exactly as written (the code fills it in) and translate the words around it"
            )
    missing = [key for key in known if key not in mine]
    if missing:
        from macros.support import warn  # here: support reads these tables

        warn(
            where,
            [
                f"{where}: {', '.join(missing)}: missing, so these show in English on the "
                f"{path.name.split('.')[1]} pages; add them, translated"
            ],
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
