"""Read ``extra:`` into the frozen ``Settings`` model, one field at a time.

Everything this reader knows about a field comes from the field's metadata (``kinds.py``)
and its type hint, so the model in ``model.py`` is the only place a rule is written. A
group's properties (``derived``) are values the build makes, given to the theme beside the
fields: read back, each must be what the fields make.
"""

from __future__ import annotations

import dataclasses
import difflib
import functools
import typing
from collections.abc import Mapping
from typing import Any

from macros.engine import SiteError
from macros.settings.kinds import CHECKERS, Problem


class SettingsError(SiteError):
    """A setting that needs fixing (in ``clinic.yml`` or a config file), as one line.

    Raised while the site's configuration loads, so MkDocs prints the message as one
    error line and stops, with no traceback.
    """


#: Where each setting was written: ``"colors.primary"`` -> line 170 of the file.
Lines = Mapping[str, int]


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


@functools.cache
def derived(cls: type) -> tuple[str, ...]:
    """The values the build makes from the fields of ``cls``: its properties (``tel``)."""
    return tuple(name for name, attr in vars(cls).items() if isinstance(attr, property))


def _fail(path: str, message: str, lines: Lines, file: str) -> SettingsError:
    where = path
    while where and where not in lines:  # a missing field: the line of its parent
        where = where.rpartition(".")[0] if "." in where else ""
    line = f" (line {lines[where]})" if where in lines else ""
    return SettingsError(f"{file}: extra.{path}: {message}{line}")


def _unknown(key: str, known: list[str]) -> str:
    near = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
    if near:
        return f"unknown setting; did you mean {near[0]}?"
    return "unknown setting; the settings here are " + ", ".join(known)


def decode(
    cls: type,
    data: Any,
    path: str,
    lines: Lines,
    file: str,
    refused: Mapping[str, str] | None = None,
) -> Any:
    """Build a ``cls`` instance from the mapping ``data`` found at ``path``."""
    if data is None:
        data = {}
    if not isinstance(data, dict):
        where = path or "extra"
        raise _fail(where, "must have its settings indented under it (name: value)", lines, file)
    fields = dataclasses.fields(cls)
    # A field's name in the YAML: its own, or metadata "key" (`for`, a Python keyword).
    keys = {f.name: f.metadata.get("key", f.name) for f in fields}
    known = list(keys.values())
    made = derived(cls)
    prefix = f"{path}." if path else ""
    for key in data:
        if str(key) not in known and str(key) not in made:
            reason = (refused or {}).get(str(key)) or _unknown(str(key), known)
            raise _fail(f"{prefix}{key}", reason, lines, file)
    values = {}
    for f in fields:
        key = keys[f.name]
        where = f"{prefix}{key}"
        if key not in data:
            if f.metadata["required"]:
                fix = f.metadata.get("fix") or "add it"
                raise _fail(where, f"missing; {fix}", lines, file)
            continue
        values[f.name] = _value(f, _hints(cls)[f.name], data[key], where, lines, file)
    try:
        built = cls(**values)
    except Problem as exc:
        raise _fail(f"{prefix}{exc.field}", str(exc), lines, file) from None
    for key in made:
        if key in data and data[key] != getattr(built, key):
            message = "the build makes this link from phone:, text: or email:; remove it"
            raise _fail(f"{prefix}{key}", message, lines, file)
    return built


def check_field(
    cls: type, f: dataclasses.Field[Any], raw: Any, where: str, lines: Lines, file: str
) -> Any:
    """One field ``f`` of ``cls`` read from ``raw``, found at ``where`` in ``file``: for a
    setting written outside ``extra:`` (``clinic.yml``)."""
    return _value(f, _hints(cls)[f.name], raw, where, lines, file)


def _value(
    f: dataclasses.Field[Any], hint: Any, raw: Any, where: str, lines: Lines, file: str
) -> Any:
    kind = f.metadata["kind"]
    if kind == "group":
        return decode(hint, raw, where, lines, file)
    if kind == "items":
        return _items(f, typing.get_args(hint)[0], raw, where, lines, file)
    try:
        return CHECKERS[kind](raw, dict(f.metadata))
    except Problem as exc:
        raise _fail(where, str(exc), lines, file) from None


def _items(
    f: dataclasses.Field[Any], cls: type, raw: Any, where: str, lines: Lines, file: str
) -> tuple[Any, ...]:
    at_least = f.metadata["at_least"]
    if raw is None:
        raw = []
    if not isinstance(raw, list):
        raise _fail(where, 'must be a list, each entry starting with "- "', lines, file)
    if len(raw) < at_least:
        raise _fail(where, f"the list is empty; {f.metadata['fix']}", lines, file)
    return tuple(decode(cls, item, f"{where}[{i}]", lines, file) for i, item in enumerate(raw))
