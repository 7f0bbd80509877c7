"""The clinic's own settings file, ``clinic.yml``, laid over the project's configuration.

A clinic writes its values in ``clinic.yml`` and nothing else; the project ships that file
once (every setting commented out) and never edits it again, so syncing a fork with a later
release merges without a conflict. The defaults stay on the project's side: ``extra:`` in
``mkdocs.yml`` (English) and in each ``mkdocs.<lang>.yml`` (what differs in that language),
and the settings model (``macros/settings``) for anything left out.

What reaches a language (``overlay``):

- ``SHARED`` settings (organisation, colours, quick exit, clinical review) apply to every
  language, the quick exit's ``label`` (words) only to English;
- ``WORDED`` settings (crisis lines, referrals, disclaimer, the site's name...) apply to a
  translation only where its own ``mkdocs.<lang>.yml`` leaves them out: a translation's own
  lines answer in its language, the clinic's may not. ``stale_warnings`` names each one a
  clinic set while a translation still shows the project's own;
- ``languages: <lang>:`` gives a language its own values for any of these; ``<lang>: false``
  turns the language off (no pages built, no language menu, no ``hreflang``).

MkDocs gets the result from ``define_env`` (``apply_to``), Zensical in the merged config
``python -m macros build`` hands it (``engine_config_text``), the theme in both as
``config.extra`` holding the checked values (defaults filled in).
"""

from __future__ import annotations

import dataclasses
import difflib
from pathlib import Path
from typing import Any

from macros.engine import SiteError
from macros.settings import Settings, clinic_keys
from macros.settings.model import REFUSED

#: The clinic's own file, beside mkdocs.yml.
CLINIC_FILE = "clinic.yml"
#: Top-level config texts a clinic may set.
SITE_KEYS = ("site_name", "site_description", "copyright")
#: Settings that are the same in every language (the model's ``clinic="shared"``).
SHARED = clinic_keys("shared")
#: Settings in words: a translation keeps its own where its config file sets them.
WORDED = clinic_keys("worded")
#: What a clinic may write at the top of clinic.yml.
TOP_KEYS = (*SITE_KEYS, *SHARED, *WORDED, "languages")
#: What a clinic may write under ``languages: <lang>:``.
LANGUAGE_KEYS = (*SITE_KEYS, *SHARED, *WORDED, *clinic_keys("translation"))
#: The settings under ``extra:`` that are the project's alone (no ``clinic=``).
PROJECT_KEYS = tuple(
    f.metadata.get("key", f.name)
    for f in dataclasses.fields(Settings)
    if "clinic" not in f.metadata
)
#: Language names for messages (the code where a language is not named here).
_NAMES = {"es": "Spanish"}


class ClinicError(SiteError):
    """A mistake in clinic.yml, as one line naming the setting and its line."""


def _mapping(value: Any) -> dict[str, Any]:
    """``value`` when it is a mapping, else an empty one."""
    return value if isinstance(value, dict) else {}


def read(project: Path) -> tuple[dict[str, Any], dict[str, int]]:
    """``clinic.yml`` of ``project`` and the line of each key; ``{}`` when there is none."""
    from macros.check_config import read_config  # here: check_config imports this module

    path = project / CLINIC_FILE
    if not path.is_file():
        return {}, {}
    if not path.read_text(encoding="utf-8").strip() or _only_comments(path):
        return {}, {}
    data, lines = read_config(path)
    if "INHERIT" in data:  # a whole config of its own (built with -f clinic.yml)
        return {}, {}
    return data, lines


def _only_comments(path: Path) -> bool:
    return all(
        not line.strip() or line.lstrip().startswith("#")
        for line in path.read_text(encoding="utf-8").splitlines()
    )


def _fail(where: str, message: str, lines: dict[str, int]) -> ClinicError:
    at = where
    while at and at not in lines:
        at = at.rpartition(".")[0]
    line = f" (line {lines[at]})" if at in lines else ""
    return ClinicError(f"{CLINIC_FILE}: {where}: {message}{line}")


def _not_here(key: str, known: tuple[str, ...]) -> str:
    """Why ``key`` is not taken where it is: refused by the model (with its reason), the
    project's own setting, a setting for a translation only, or unknown."""
    if key in REFUSED:
        return REFUSED[key]
    if key in PROJECT_KEYS:
        return "the project's own setting, not one for clinic.yml; remove it"
    if key in LANGUAGE_KEYS:
        return "a setting for a translation; write it under languages: and the language, like es:"
    return _unknown(key, known)


def _unknown(key: str, known: tuple[str, ...]) -> str:
    near = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
    if near:
        return f"unknown setting; did you mean {near[0]}?"
    return "unknown setting; the settings here are " + ", ".join(known)


def languages_of(project: Path) -> list[str]:
    """The project's translations: ``["es"]`` for ``mkdocs.es.yml``."""
    return [p.name.split(".")[1] for p in sorted(project.glob("mkdocs.*.yml"))]


def check_file(project: Path) -> dict[str, Any]:
    """``clinic.yml`` read and checked, each value by the settings model; one ClinicError
    naming clinic.yml, the setting and its line at the first mistake."""
    from macros.settings.decode import check_field
    from macros.theme_text import markup_problem

    data, lines = read(project)
    fields = {f.metadata.get("key", f.name): f for f in dataclasses.fields(Settings)}

    def values(block: dict[str, Any], prefix: str, known: tuple[str, ...]) -> None:
        # Each value checked as the model checks it, with the lines of its own block.
        own = {k[len(prefix) :]: v for k, v in lines.items() if k.startswith(prefix)}
        for key, value in block.items():
            where = f"{prefix}{key}"
            if str(key) not in known:
                raise _fail(where, _not_here(str(key), known), lines)
            if key in SITE_KEYS:
                if not isinstance(value, str) or not value.strip():
                    raise _fail(where, "write it as text after the colon", lines)
                problem = markup_problem(value, attribute=key == "site_name")
                if problem:
                    raise _fail(where, problem, lines)
            elif key != "languages":
                try:
                    check_field(Settings, fields[str(key)], value, str(key), own, CLINIC_FILE)
                except SiteError as error:
                    # the model names it extra.<key>, clinic.yml has it at the top
                    message = str(error).replace(f": extra.{key}", f": {where}", 1)
                    raise ClinicError(message) from None

    values(data, "", TOP_KEYS)
    chosen = data.get("languages")
    if chosen is None:
        return data
    if not isinstance(chosen, dict):
        raise _fail("languages", "must list languages indented under it, like es:", lines)
    known = tuple(languages_of(project))
    for lang, block in chosen.items():
        where = f"languages.{lang}"
        if lang == "en":
            raise _fail(where, "English settings go at the top of clinic.yml, not here", lines)
        if str(lang) not in known:
            names = ", ".join(known) or "none"
            raise _fail(where, f"no mkdocs.{lang}.yml; the languages here are {names}", lines)
        if block is False or block is True or block is None:
            continue
        if not isinstance(block, dict):
            raise _fail(where, "write false to turn it off, or its settings under it", lines)
        values(block, f"{where}.", LANGUAGE_KEYS)
    return data


def turned_off(project: Path) -> set[str]:
    """The languages ``clinic.yml`` turns off (``languages: es: false``)."""
    data, _ = read(project)
    chosen = data.get("languages")
    if not isinstance(chosen, dict):
        return set()
    return {str(lang) for lang, block in chosen.items() if block is False}


def translations(project: Path) -> dict[str, str]:
    """The translations to build: ``{"es": "mkdocs.es.yml"}``, less those turned off."""
    off = turned_off(project)
    return {lang: f"mkdocs.{lang}.yml" for lang in languages_of(project) if lang not in off}


def _own_extra(project: Path, language: str) -> set[str]:
    """The ``extra:`` settings a translation's own ``mkdocs.<lang>.yml`` sets."""
    from macros.check_config import read_config

    try:
        data, _ = read_config(project / f"mkdocs.{language}.yml")
    except SiteError:
        return set()
    extra = data.get("extra")
    own = set(extra) if isinstance(extra, dict) else set()
    return own | {k for k in SITE_KEYS if k in data}


def overlay(config: dict[str, Any], language: str, project: Path) -> dict[str, Any]:
    """``config`` (an engine's config, ``INHERIT`` merged) with the clinic's values for
    ``language`` laid over it, as a new mapping; the language menu lists only the
    languages that are on."""
    data, _ = read(project)
    merged = dict(config)
    extra = dict(merged.get("extra") or {})
    english = language == "en"
    own = set() if english else _own_extra(project, language)
    chosen = _mapping(data.get("languages"))
    block = chosen.get(language)
    for key, value in data.items():
        if key == "languages" or (not english and key in own and key not in SHARED):
            continue
        if key == "quick_exit" and not english and isinstance(value, dict):
            value = {k: v for k, v in value.items() if k != "label"}
        if key in SITE_KEYS:
            merged[key] = value
        else:
            extra[key] = value
    for key, value in (block if isinstance(block, dict) else {}).items():
        if key in SITE_KEYS:
            merged[key] = value
        elif isinstance(value, dict) and isinstance(extra.get(key), dict):
            extra[key] = {**extra[key], **value}  # `quick_exit: label:` keeps the address
        else:
            extra[key] = value
    off = turned_off(project)
    alternate = extra.get("alternate")
    if off and isinstance(alternate, list):
        kept = [a for a in alternate if not (isinstance(a, dict) and str(a.get("lang")) in off)]
        extra["alternate"] = kept if len(kept) > 1 else []
    merged["extra"] = extra
    return merged


def stale_warnings(project: Path) -> list[str]:
    """One line for each translation that still shows the project's own words for a
    setting the clinic set for English (it keeps them; the clinic may want its own)."""
    data, _ = read(project)
    chosen = _mapping(data.get("languages"))
    found = []
    for language, file in translations(project).items():
        block = chosen.get(language)
        given = set(block) if isinstance(block, dict) else set()
        own = _own_extra(project, language)
        # Crisis lines: general_lines_warnings (macros/settings/lines.py) says it per page.
        lines_keys = ("crisis_lines", "crisis_lines_notice")
        words = [k for k in (*SITE_KEYS, *WORDED) if k not in lines_keys]
        stale = [k for k in words if k in data and k in own and k not in given]
        if not stale:
            continue
        name = _NAMES.get(language, language)
        found.append(
            f"{CLINIC_FILE}: {', '.join(stale)}: the {name} pages ({file}) still show the "
            f"project's own; write yours for them under languages: {language}: in "
            f"{CLINIC_FILE}, or turn the language off with {language}: false"
        )
    return found


def apply_to(conf: Any) -> None:
    """Lay the clinic's values over the engine's config ``conf`` (from ``define_env``).

    Under MkDocs this is how they reach the pages and the theme; under Zensical the config
    is already the merged one (``engine_config_text``) and this changes nothing.
    """
    from macros.engine import config_name, is_translation, project_dir, site_language

    project = project_dir(conf)
    check_file(project)
    language = site_language(conf) if is_translation(conf) else "en"
    if language in turned_off(project):
        name = _NAMES.get(language, language)
        raise ClinicError(
            f"{config_name(conf)}: the {name} pages are turned off in {CLINIC_FILE} "
            f"(languages: {language}: false); make build leaves them out"
        )
    view = {key: conf[key] for key in SITE_KEYS if key in conf}
    view["extra"] = dict(conf["extra"] or {})
    merged = overlay(view, language, project)
    for key in SITE_KEYS:
        if key in merged and merged[key] != view.get(key):
            conf[key] = merged[key]
    for key, value in merged["extra"].items():
        conf["extra"][key] = value


def language_of(config: Path) -> str:
    """``es`` for ``mkdocs.es.yml`` (or its merged copy), ``en`` for ``mkdocs.yml``."""
    parts = config.name.lstrip(".").split(".")
    return parts[1] if len(parts) >= 3 and parts[0] == "mkdocs" and parts[1] != "merged" else "en"


def engine_config_text(config: Path) -> str:
    """The text of ``config`` as the engines build it: ``INHERIT`` merged the MkDocs way,
    the clinic's values laid over it and ``extra:`` holding the checked settings.

    Zensical's theme sees only the config file: this is the file it is handed.
    """
    from macros.inherit import dump, load_merged

    data = load_merged(config)
    merged = overlay(data, language_of(config), config.parent)
    merged["extra"] = checked_extra(merged.get("extra"))
    return dump(merged)


def checked_extra(extra: Any) -> Any:
    """``extra`` with each clinic setting in its checked form (defaults filled in); as
    given when it does not check (the build then says why, in one line)."""
    from macros.settings import check
    from macros.support import plain

    if not isinstance(extra, dict):
        return extra
    try:
        settings = check(extra)
    except SiteError:
        return extra
    done = dict(extra)
    for f in dataclasses.fields(settings):
        done[f.metadata.get("key", f.name)] = plain(getattr(settings, f.name))
    return done
