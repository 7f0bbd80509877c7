"""``python -m macros.check_config [mkdocs.yml]``: explain mistakes in the settings plainly.

``make build``, ``make serve`` and the GitHub Pages workflow run this before the engine:
without a file named, on ``mkdocs.yml`` and on the config of every language that is on.
It reads each file the way MkDocs will (``!ENV`` and other tags are tolerated), and
prints one line for the first problem: a tab, an indent, a colon inside a value, a key
written twice, a missing ``extra:``, a mistake in the clinic's own ``clinic.yml``
(``macros/clinic``), markup in the texts the theme prints as written
(``macros/theme_text``), then every clinic setting (``macros/settings``) and every page's
front matter (``macros/pages``), each with its line. Exit status 1 on a problem, 0 when
all is well. No traceback reaches the clinic.
"""

from __future__ import annotations

import argparse
import posixpath
import re
import sys
from pathlib import Path
from typing import Any

import yaml

from macros.clinic import check_file, language_of, overlay, translations
from macros.engine import SiteError, excluded
from macros.foreign import check_settings as check_foreign
from macros.pages import check_pages
from macros.settings import check
from macros.templates import check_templates
from macros.theme_text import check_texts
from macros.yaml_words import explain

#: More YAML nodes than any real mkdocs.yml has: a file this big is a mistake or an attack.
MAX_NODES = 50_000


class ConfigFileError(SiteError):
    """``mkdocs.yml`` cannot be read as YAML, explained in one line."""


class ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml; ``!ENV [NAME, default]`` and ``!!python/name:...`` become values
    (the tests read mkdocs.yml with it too)."""


def _untagged(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)  # type: ignore[arg-type]


ConfigLoader.add_multi_constructor("!", _untagged)
ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", _untagged)


class _Walk:
    """Every key's line (``extra.colors.primary`` -> 170); keys written twice are refused."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.lines: dict[str, int] = {}
        self.count = 0
        self.open: set[int] = set()

    def fail(self, message: str, line: int) -> ConfigFileError:
        return ConfigFileError(f"{self.file}: line {line}: {message}")

    def node(self, node: yaml.Node, path: str) -> None:
        self.count += 1
        if self.count > MAX_NODES:
            raise self.fail("far too long to be a site's settings", node.start_mark.line + 1)
        if id(node) in self.open:
            raise self.fail("a YAML reference (*) points to itself", node.start_mark.line + 1)
        self.open.add(id(node))
        if isinstance(node, yaml.MappingNode):
            seen: dict[str, int] = {}
            for key, value in node.value:
                name, line = str(key.value), key.start_mark.line + 1
                if name in seen:
                    raise self.fail(
                        f"{name} is written twice (first on line {seen[name]}); keep one, "
                        "YAML would silently use only the last",
                        line,
                    )
                seen[name] = line
                where = f"{path}.{name}" if path else name
                self.lines[where] = line
                self.node(value, where)
        elif (
            isinstance(node, yaml.ScalarNode)
            and node.style in ('"', "'")
            and node.end_mark.line != node.start_mark.line
        ):
            raise self.fail(_UNCLOSED, node.start_mark.line + 1)
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                self.lines[f"{path}[{i}]"] = item.start_mark.line + 1
                self.node(item, f"{path}[{i}]")
        self.open.discard(id(node))


_UNCLOSED = "a quote is opened but not closed on this line; end the value with the same quote mark"
_QUOTED_VALUE = re.compile(r"""^\s*(?:-\s+)?[^\s#:'"][^:#]*:\s+(["'])(.*)$""")


def _unclosed_quote(text: str, failed_at: int | None) -> int | None:
    """The last line before ``failed_at`` whose quoted value is never closed on it.

    YAML lets a quoted value run on over later lines, so it notices the missing quote
    lines later, or somewhere else entirely; the line where the quote opened is the one
    to fix.
    """
    lines = text.splitlines()[: failed_at or None]
    for number in range(len(lines), 0, -1):
        match = _QUOTED_VALUE.match(lines[number - 1])
        if not match:
            continue
        quote, rest = match.groups()
        rest = rest.replace("\\" + quote, "") if quote == '"' else rest.replace("''", "")
        if quote not in rest:
            return number
    return None


def read_config(path: Path) -> tuple[dict[str, Any], dict[str, int]]:
    """The YAML of ``path`` and the line of each key, or one plain-words ConfigFileError."""
    file = path.name
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigFileError(f"{file}: not found; run this from the site's folder") from None
    except UnicodeDecodeError:
        raise ConfigFileError(f"{file}: not saved as UTF-8; save it again as UTF-8") from None
    walk = _Walk(file)
    loader = ConfigLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise ConfigFileError(f"{file}: the file is empty")
        walk.node(node, "")
        data = loader.construct_document(node)
    except (yaml.YAMLError, ValueError, RecursionError) as exc:
        line, words = explain(exc)
        opened = _unclosed_quote(text, line)
        if opened:
            line, words = opened, _UNCLOSED
        at = f"line {line}: " if line else ""
        raise ConfigFileError(f"{file}: {at}{words}") from None
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        raise ConfigFileError(f"{file}: must be settings written as name: value lines")
    return data, walk.lines


def _merge(parent: dict[str, Any], child: dict[str, Any]) -> dict[str, Any]:
    """MkDocs's INHERIT: mappings merge key by key, anything else is replaced."""
    merged = dict(parent)
    for key, value in child.items():
        old = merged.get(key)
        merged[key] = (
            _merge(old, value) if isinstance(old, dict) and isinstance(value, dict) else value
        )
    return merged


def _mapping(value: Any) -> dict[str, Any]:
    """``value`` when it is a mapping, else an empty one."""
    return value if isinstance(value, dict) else {}


def _theme_knows(language: str) -> bool:
    """Whether the theme has its own words for ``language`` (Material's partials)."""
    try:
        import material  # type: ignore[import-untyped]
    except ImportError:  # Zensical: its theme is not importable here; take the code
        return re.fullmatch(r"[a-z]{2,3}(?:[-_][A-Za-z]{2,4})?", language) is not None
    partials = Path(material.__file__).parent / "templates" / "partials" / "languages"
    return (partials / f"{language}.html").is_file()


def check_layout(path: Path, data: dict[str, Any], lines: dict[str, int]) -> None:
    """Settings that decide where a language's pages come from and go, checked for what
    they do: a translation (``mkdocs.<lang>.yml``) builds ``docs/<lang>/`` into
    ``site/<lang>/`` in its own language, with the English site's styles and scripts."""
    file = path.name

    def fail(key: str, message: str) -> ConfigFileError:
        line = f" (line {lines[key]})" if key in lines else ""
        return ConfigFileError(f"{file}: {key}: {message}{line}")

    theme = _mapping(data.get("theme"))
    language = str(theme.get("language") or "en")
    own = language_of(path) if path.name.startswith("mkdocs.") else "en"
    if own == "en":
        if not _theme_knows(language):
            raise fail(
                "theme.language", f"{language!r} is not a language code the theme knows, like en"
            )
        return
    if language != own:
        raise fail(
            "theme.language", f"{language!r}, but this file builds the {own} pages; write {own}"
        )
    docs = str(data.get("docs_dir") or "docs").rstrip("/")
    if docs != f"docs/{own}":
        raise fail("docs_dir", f"{docs!r}; the {own} pages live in docs/{own}, write docs/{own}")
    if not (path.parent / docs).is_dir():
        raise fail("docs_dir", f"docs/{own} is missing; the {own} pages live there")
    site = str(data.get("site_dir") or "site").rstrip("/")
    if site != f"site/{own}":
        raise fail(
            "site_dir",
            f"{site!r} would mix these pages with the English site's; write site/{own}",
        )
    extra = _mapping(data.get("extra"))
    if str(extra.get("shared_assets") or "") != "../":
        raise fail(
            "extra.shared_assets",
            'must be "../" (the styles, the quiz script and the quick exit\'s script are '
            'the English site\'s, one folder up); write shared_assets: "../" under extra:',
        )


def extra_lines(lines: dict[str, int]) -> dict[str, int]:
    """The lines of the settings under ``extra:`` (``crisis_lines[0].phone``), from the
    lines of a whole config (``extra.crisis_lines[0].phone``)."""
    found = {k.removeprefix("extra."): v for k, v in lines.items() if k.startswith("extra.")}
    if "extra" in lines:
        found[""] = lines["extra"]
    return found


def check_alternates(data: dict[str, Any], lines: dict[str, int], path: Path) -> None:
    """Each entry of the language menu (``extra.alternate``) leads to a language that is
    built, and names that language: a link to a folder no language is built into is a
    dead entry in every page's menu, and a wrong ``lang`` sends search engines astray."""
    own = language_of(path) if path.name.startswith("mkdocs.") else "en"
    built = {"en", *translations(path.parent)}
    entries = _mapping(data.get("extra")).get("alternate")
    for i, entry in enumerate(entries if isinstance(entries, list) else []):
        link, lang = str(_mapping(entry).get("link") or ""), str(_mapping(entry).get("lang") or "")
        if not link or re.match(r"^[a-z][a-z0-9+.-]*:|^//", link, re.I):
            continue  # another site's address: the settings check has checked its form
        base = "" if own == "en" else f"{own}/"
        target = posixpath.normpath(posixpath.join(base, link)).strip("/")
        leads_to = "en" if target in ("", ".") else target
        at = f"extra.alternate[{i}]"
        if leads_to not in built:
            names = ", ".join(sorted(built))
            raise _entry_error(
                path.name,
                lines,
                f"{at}.link",
                f"{link!r} leads to {target}/, where no language is built (the languages "
                f"that are on: {names}); link to one of them, or remove this entry",
            )
        if lang.split("-")[0] != leads_to:
            raise _entry_error(
                path.name,
                lines,
                f"{at}.lang",
                f"{lang!r}, but the link leads to the {leads_to} pages; write {leads_to}",
            )


def _entry_error(file: str, lines: dict[str, int], key: str, message: str) -> ConfigFileError:
    line = lines.get(key) or lines.get(key.rpartition(".")[0])
    return ConfigFileError(f"{file}: {key}: {message}" + (f" (line {line})" if line else ""))


def check_config(path: Path) -> None:
    """Check ``path`` (mkdocs.yml, or a file that INHERITs it): raise SiteError at a problem."""
    data, lines = read_config(path)
    inherit = data.get("INHERIT")
    if inherit:
        parent_path = path.parent / str(inherit)
        parent, parent_lines = read_config(parent_path)
        # A text the child inherits is the parent's to fix: checked there first.
        check_texts(parent, parent_path.name, parent_lines)
        data = _merge(parent, {k: v for k, v in data.items() if k != "INHERIT"})
    check_layout(path, data, lines)
    check_foreign(data, lines, path.name)
    check_templates(path.parent / "overrides")
    # The clinic's own values (clinic.yml), checked there first, then laid over.
    check_file(path.parent)
    data = overlay(data, language_of(path), path.parent)
    check_texts(data, path.name, lines)
    check(data.get("extra"), extra_lines(lines), path.name)
    check_alternates(data, lines, path)
    left_out = excluded({"exclude_docs": data.get("exclude_docs")})
    docs = path.parent / str(data.get("docs_dir") or "docs")
    own = language_of(path) if path.name.startswith("mkdocs.") else "en"
    shown = str(data.get("docs_dir") or "docs")
    check_pages(docs, left_out, path.parent / "overrides", shown, translated=own != "en")


def main(argv: list[str] | None = None) -> int:
    """Check the config file named on the command line; without one, ``mkdocs.yml``,
    ``clinic.yml`` and the config of every language that is on."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("config", nargs="?", help="the config file (default: all of them)")
    parser.add_argument(
        "--translations",
        action="store_true",
        help="only list the config files of the languages that are on, one a line",
    )
    args = parser.parse_args(argv)
    if args.translations:  # for `make build`; silent on a mistake, which the check explains
        try:
            print("\n".join(translations(Path.cwd()).values()))
        except (SiteError, yaml.YAMLError):
            return 1
        return 0
    try:
        if args.config:
            check_config(Path(args.config))
        else:
            check_config(Path("mkdocs.yml"))
            for config in translations(Path.cwd()).values():
                check_config(Path(config))
    except SiteError as exc:
        print(exc, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
