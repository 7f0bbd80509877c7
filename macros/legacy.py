"""A fork's own values left in the project's config files (a copy older than clinic.yml).

``mkdocs.yml`` and each ``mkdocs.<lang>.yml`` hold the project's defaults; a clinic's
values belong in ``clinic.yml``. A copy made before clinic.yml wrote them in the config
files, where they still work but every update of the project conflicts.
``legacy_warnings`` names, in one line for each config file, every clinic setting whose
value there is not one the project has shipped.

What the project has shipped is ``shipped.txt`` beside this file: one fingerprint a line
(a hash of a setting's name and value, not the value itself) for each value a clinic
setting has had in the project's config files. A release that changes a default adds the
new value's line with ``python -m macros.legacy`` (a test fails until it does) and keeps
the old ones, so a copy still holding an earlier default is not told it is its own.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path
from typing import Any

from macros.clinic import CLINIC_FILE, LANGUAGE_KEYS, SITE_KEYS, TOP_KEYS, languages_of
from macros.engine import SiteError

#: The fingerprints of every value the project has shipped.
SHIPPED = Path(__file__).with_name("shipped.txt")
_HEADER = """\
# The values the project has shipped for each clinic setting, in mkdocs.yml and each
# mkdocs.<lang>.yml: one fingerprint a line (macros/legacy.py). Made by
# `python -m macros.legacy`; keep every line, a copy may still hold that value.
"""


def fingerprint(key: str, value: Any) -> str:
    """A short hash of the setting ``key`` with ``value`` as YAML reads it."""
    text = json.dumps([key, value], sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def config_values(project: Path) -> dict[str, dict[str, Any]]:
    """The clinic settings each config file of ``project`` itself sets (``INHERIT`` not
    merged): ``{"mkdocs.yml": {"site_name": ..., "organisation": ...}, ...}``."""
    from macros.check_config import read_config  # here: check_config imports macros.clinic

    found = {}
    for lang in ["en", *languages_of(project)]:
        file = "mkdocs.yml" if lang == "en" else f"mkdocs.{lang}.yml"
        keys = TOP_KEYS if lang == "en" else LANGUAGE_KEYS
        try:
            data, _ = read_config(project / file)
        except SiteError:  # the check of that file says why
            continue
        extra = data.get("extra")
        given = {k: data[k] for k in SITE_KEYS if k in data}
        if isinstance(extra, dict):
            given |= {k: v for k, v in extra.items() if k in keys and k not in SITE_KEYS}
        found[file] = given
    return found


def read_shipped(path: Path = SHIPPED) -> set[str]:
    """The fingerprints listed in ``path`` (none when there is no such file)."""
    if not path.is_file():
        return set()
    lines = path.read_text(encoding="utf-8").splitlines()
    return {line.split()[-1] for line in lines if line.strip() and not line.startswith("#")}


def record(project: Path, path: Path = SHIPPED) -> int:
    """Add to ``path`` the fingerprint of each value ``project``'s config files set now;
    how many were new."""
    known = read_shipped(path)
    rows = path.read_text(encoding="utf-8").splitlines() if path.is_file() else []
    rows = [row for row in rows if row.strip() and not row.startswith("#")]
    new = [
        f"{key} {fingerprint(key, value)}"
        for values in config_values(project).values()
        for key, value in values.items()
        if fingerprint(key, value) not in known
    ]
    rows = sorted(set(rows) | set(new))
    path.write_text(_HEADER + "".join(f"{row}\n" for row in rows), encoding="utf-8")
    return len(set(new))


def unshipped(project: Path, path: Path = SHIPPED) -> dict[str, list[str]]:
    """For each config file of ``project``, the clinic settings it sets to a value the
    project never shipped: a clinic's own."""
    known = read_shipped(path)
    found = {}
    for file, values in config_values(project).items():
        own = [key for key, value in values.items() if fingerprint(key, value) not in known]
        if own:
            found[file] = own
    return found


def legacy_warnings(project: Path, path: Path = SHIPPED) -> dict[str, str]:
    """One line for each config file of ``project`` that holds a clinic's own values, by
    file: they still work, but every update of the project would conflict there."""
    warnings = {}
    for file, keys in unshipped(project, path).items():
        lang = file.split(".")[1] if file.count(".") == 2 else ""
        where = f"under languages: {lang}: in {CLINIC_FILE}" if lang else f"into {CLINIC_FILE}"
        warnings[file] = (
            f"{file}: {', '.join(keys)}: your own values are in {file}, where every update "
            f"of the project would conflict; move them {where} (same names, without "
            f"extra:), then take {file} as the project has it "
            "(docs/clinics/keeping-up-to-date.md)"
        )
    return warnings


def main() -> int:
    """Add the values of the config files here to ``shipped.txt`` (for a release)."""
    added = record(Path.cwd())
    print(f"macros/{SHIPPED.name}: {added} new")
    return 0


if __name__ == "__main__":
    sys.exit(main())
