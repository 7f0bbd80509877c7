"""The kinds of value a clinic setting takes, and how each one is checked.

A setting is declared once, in ``model.py``, as a dataclass field made by one of the
functions here (``text()``, ``web_link()``, ``phone()``...). The field's metadata holds its
kind and its rules; ``decode.py`` reads only that metadata, so a rule cannot be written
twice or drift.
"""

from __future__ import annotations

import difflib
import importlib
import re
import unicodedata
from collections.abc import Callable
from dataclasses import MISSING, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from macros.settings.colors import Surface, contrast, worst_surface


class Problem(Exception):
    """What is wrong with one value (the message without the file and the field).

    ``field`` names a field inside the value when a rule across fields found it.
    """

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


#: Digits, spaces, + - ( ) and dots: what a phone number may be written with.
_PHONE = re.compile(r"\+?[0-9 ()\-.]+")
_EMAIL = re.compile(r"[^@\s<>\"'(),;:]+@[^@\s<>\"'(),;:]+\.[^@\s<>\"'(),;:.]+")
_COLOR = re.compile(r"#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})")


def _describe(value: Any) -> str:
    """How YAML read ``value``, in words, for a message saying it is the wrong kind."""
    if isinstance(value, bool):
        return "is read as yes/no (true, false, yes, no, on and off are); put it in quotes"
    if isinstance(value, list):
        return 'is a list (lines starting with "- "), but text belongs here; write it on one line'
    if isinstance(value, dict):
        return "has settings indented under it, but text belongs here; write it after the colon"
    return f"is {value!r}, but text belongs here"


def as_text(value: Any, *, required: bool, fix: str) -> str:
    """``value`` as stripped text; numbers become text, lists and mappings are refused."""
    if value is None:
        value = ""
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise Problem(_describe(value))
    text = str(value).strip()
    if required and not text:
        raise Problem(f"empty; {fix}")
    return text


def check_text(value: Any, meta: dict[str, Any]) -> str:
    """Plain text (a name, a sentence)."""
    return as_text(value, required=meta["required"], fix=meta["fix"])


def check_web_link(value: Any, meta: dict[str, Any]) -> str:
    """An ``https://`` (or ``http://``) address; anything else could run or go nowhere."""
    link = as_text(value, required=meta["required"], fix=meta["fix"])
    if not link:
        return ""
    scheme = link.split(":", 1)[0].lower() if ":" in link else ""
    if scheme in ("tel", "sms"):
        raise Problem(f'"{link}" is a phone link; write the number in phone: instead')
    if scheme == "mailto":
        raise Problem(f'"{link}" is an email link; write the address in email: instead')
    parts = urlsplit(link)
    if parts.scheme.lower() not in ("http", "https"):
        if "." in link.split("/", 1)[0] and not scheme:
            raise Problem(f'"{link}" has no https:// at the start; write "https://{link}"')
        raise Problem(
            f'"{link}" is not a web address; only addresses starting with https:// '
            "(or http://) are allowed"
        )
    if not parts.netloc or re.search(r"[\s<>\"'`\\]", link):
        raise Problem(f'"{link}" is not a complete web address, like "https://example.org/help"')
    return link


def check_site_link(value: Any, meta: dict[str, Any]) -> str:
    """A web address, or a folder of this site relative to its home page (``es/``, ``../``)."""
    link = as_text(value, required=meta["required"], fix=meta["fix"])
    if re.fullmatch(r"(\.\./|\./)*([a-z0-9][a-z0-9-]*/)*", link) and link:
        return link
    return check_web_link(value, meta)


def check_phone(value: Any, meta: dict[str, Any]) -> str:
    """A phone number in a form that makes a working ``tel:`` or ``sms:`` link."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        raise Problem(
            f'put the number in quotes, like "{value}", so YAML keeps it exactly as written'
        )
    number = as_text(value, required=meta["required"], fix=meta["fix"])
    if not number:
        return ""
    other = "".join(c for c in number if c.isdigit() and c not in "0123456789")
    if other:
        plain = "".join(str(unicodedata.digit(c)) if c.isdigit() else c for c in number)
        raise Problem(
            f'"{number}" is written with digits other than 0-9, which phones do not dial '
            f'from a link; write it with 0 to 9, like "{plain}"'
        )
    if not _PHONE.fullmatch(number) or sum(c.isdigit() for c in number) < 3:
        raise Problem(
            f'"{number}" is not a phone number; use only digits, spaces, +, - and brackets, '
            'like "+44 20 7946 0000" (words like "call" belong in how:)'
        )
    return number


def _icon_folders() -> list[Path]:
    """Where the installed engine's theme keeps its icons (``.icons/`` holding
    ``fontawesome/brands/github.svg``); empty when no theme can be found."""
    found = []
    for package in ("material", "zensical"):
        try:
            module = importlib.import_module(package)
        except ImportError:
            continue
        found.append(Path(str(module.__file__)).parent / "templates" / ".icons")
    return [folder for folder in found if folder.is_dir()]


def check_icon(value: Any, meta: dict[str, Any]) -> str:
    """The name of an icon the theme has (or the project's ``overrides/.icons``), like
    ``fontawesome/brands/github``: an unknown one ends the build in a traceback."""
    icon = as_text(value, required=meta["required"], fix=meta["fix"])
    themes = _icon_folders()
    if not icon or not themes:  # no theme to ask here: the engine checks it
        return icon
    folders = [*themes, Path.cwd() / "overrides" / ".icons"]
    name = icon.removesuffix(".svg")
    if ".." not in name.split("/") and any((f / f"{name}.svg").is_file() for f in folders):
        return icon
    family = name.rpartition("/")[0]
    known = sorted(
        p.relative_to(f).with_suffix("").as_posix()
        for f in folders
        if family and (f / family).is_dir()
        for p in (f / family).glob("*.svg")
    )
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    hint = f"did you mean {close[0]}?" if close else "like fontawesome/brands/github"
    raise Problem(f'"{icon}" is not an icon the theme has; {hint}')


def check_email(value: Any, meta: dict[str, Any]) -> str:
    """An email address that makes a working ``mailto:`` link."""
    address = as_text(value, required=meta["required"], fix=meta["fix"])
    extra = re.search(r"[?&#%]", address)
    if extra and extra.group(0) in "?&":
        raise Problem(
            f'"{address}" holds {extra.group(0)!r}: what follows it would add a copy to '
            "someone else, a subject or text to every email a reader starts; write the "
            f'address alone, like "{address[: extra.start()]}"'
        )
    if extra:
        raise Problem(
            f'"{address}" holds {extra.group(0)!r}, which an email link does not keep as '
            'written; write the address alone, like "hello@example.org"'
        )
    if address and not _EMAIL.fullmatch(address):
        raise Problem(f'"{address}" is not an email address, like "hello@example.org"')
    return address


def check_color(value: Any, meta: dict[str, Any]) -> str:
    """A ``#rrggbb`` colour with enough contrast on every surface it sits on."""
    if value is None:
        raise Problem(
            'empty; put the colour in quotes, like "#1d5c57" (without quotes YAML reads '
            "everything after # as a comment)"
        )
    color = as_text(value, required=True, fix='write a colour code in quotes, like "#1d5c57"')
    if not _COLOR.fullmatch(color):
        raise Problem(
            f'"{color}" is not a colour code; write # and 6 digits or letters a to f, '
            'in quotes, like "#1d5c57"'
        )
    surfaces: tuple[Surface, ...] = meta["surfaces"]
    surface = worst_surface(color, surfaces)
    ratio = contrast(color, surface.color)
    if ratio < surface.needs:
        shown = int(ratio * 10) / 10  # rounded down: 4.49 never shows as 4.5
        raise Problem(
            f'"{color}" gives {shown}:1 against {surface.name}; it needs {surface.needs}:1, '
            f"try a {surface.fix} colour"
        )
    return color.lower()


def check_flag(value: Any, meta: dict[str, Any]) -> bool:
    """A yes/no setting: ``true`` or ``false``."""
    if not isinstance(value, bool):
        raise Problem(f"is {value!r}; write true or false (without quotes)")
    return value


def check_labels(value: Any, meta: dict[str, Any]) -> dict[str, str]:
    """A mapping of short names to text (Material's page status labels)."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise Problem("must be names with text after them, one per line (new: New page)")
    return {str(k): as_text(v, required=True, fix="write the label") for k, v in value.items()}


#: What a crisis line is for (its ``for:``): the pages and panels about that need list
#: the lines for it first (abuse lines lead on "If you are not safe now").
NEEDS = ("suicide", "abuse", "emergency", "talk")


def check_needs(value: Any, meta: dict[str, Any]) -> tuple[str, ...]:
    """One need or a list of needs, each one of ``NEEDS``."""
    if value is None or value == "":
        return ()
    given = value if isinstance(value, list) else [value]
    found = []
    for need in given:
        word = str(need).strip().lower()
        if word not in NEEDS:
            near = difflib.get_close_matches(word, NEEDS, n=1, cutoff=0.6)
            hint = f"did you mean {near[0]}? " if near else ""
            raise Problem(
                f"{need!r} is not one of {', '.join(NEEDS)}; {hint}write what the line is for"
            )
        found.append(word)
    return tuple(found)


Checker = Callable[[Any, dict[str, Any]], Any]

#: Every kind of value, by name; ``decode.py`` looks the checker up here.
CHECKERS: dict[str, Checker] = {
    "text": check_text,
    "web_link": check_web_link,
    "site_link": check_site_link,
    "phone": check_phone,
    "email": check_email,
    "color": check_color,
    "icon": check_icon,
    "flag": check_flag,
    "labels": check_labels,
    "needs": check_needs,
}


#: Where a clinic writes a setting in ``clinic.yml`` (a field's ``clinic=``): at the top
#: for every language ("shared"); at the top for English and under ``languages: <lang>:``
#: for a translation, which otherwise keeps its own words ("worded"); or only under
#: ``languages: <lang>:`` ("translation"). A field without it is the project's own.
REACH = ("shared", "worded", "translation")


def _reach(clinic: str | None) -> dict[str, Any]:
    """The metadata saying where a clinic writes the setting (none: not in clinic.yml)."""
    if clinic is None:
        return {}
    if clinic not in REACH:
        raise TypeError(f"clinic={clinic!r}: use one of {', '.join(REACH)}")
    return {"clinic": clinic}


def setting(
    kind: str, default: Any = MISSING, *, fix: str = "", clinic: str | None = None, **rules: Any
) -> Any:
    """A dataclass field of ``kind``; no ``default`` means the clinic must write it."""
    meta = {"kind": kind, "required": default is MISSING, "fix": fix, **_reach(clinic), **rules}
    if isinstance(default, (list, dict)):
        raise TypeError("use group() or items() for lists and groups")
    return field(default=default, metadata=meta)


def text(default: Any = MISSING, *, fix: str = "", clinic: str | None = None) -> Any:
    """Text; required (non-empty) when there is no default."""
    return setting("text", default, fix=fix, clinic=clinic)


def icon(*, fix: str) -> Any:
    """The name of one of the theme's icons."""
    return setting("icon", MISSING, fix=fix)


def web_link(default: Any = MISSING, *, fix: str = "give the web address") -> Any:
    """A web address starting with https:// (or http://)."""
    return setting("web_link", default, fix=fix)


def site_link(default: Any = MISSING, *, fix: str = "give the address") -> Any:
    """A web address, or a folder of this site relative to its home page, like es/."""
    return setting("site_link", default, fix=fix)


def phone(default: Any = "") -> Any:
    """A phone number (optional unless a default is missing)."""
    return setting("phone", default, fix="give the number")


def email(default: Any = "") -> Any:
    """An email address (optional)."""
    return setting("email", default, fix="give the address")


def color(default: str, *surfaces: Surface) -> Any:
    """A colour code, with the surfaces it must stand out on."""
    return setting("color", default, surfaces=surfaces)


def flag(default: bool) -> Any:
    """A true/false setting."""
    return setting("flag", default)


def labels() -> Any:
    """Short names mapped to text."""
    return field(default_factory=dict, metadata={"kind": "labels", "required": False})


def needs(*, key: str) -> Any:
    """What an entry is for: words of ``NEEDS`` (``key``: its name in the YAML)."""
    return field(default=(), metadata={"kind": "needs", "required": False, "key": key})


def group(factory: Callable[[], Any], *, clinic: str | None = None) -> Any:
    """A group of settings indented under one key (its fields have their own rules)."""
    meta = {"kind": "group", "required": False, **_reach(clinic)}
    return field(default_factory=factory, metadata=meta)


def items(*, at_least: int = 0, fix: str = "", clinic: str | None = None) -> Any:
    """A list of entries, each a group of settings; ``at_least`` entries required."""
    meta = {"kind": "items", "required": at_least > 0, "at_least": at_least, "fix": fix}
    meta |= _reach(clinic)
    if at_least:
        return field(metadata=meta)
    return field(default=(), metadata=meta)
