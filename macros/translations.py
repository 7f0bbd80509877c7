"""``python -m macros.translations``: the translators' command.

Each translated page records the English page it translates as a fingerprint,
``translation_of:`` in its front matter (what the fingerprint covers, and how the build
warns and tells readers when a page is behind: ``macros/languages.py``).

Without options it lists, for every language that is on, the pages that are behind their
English page (with the ``git diff`` that shows what changed, where this copy's history
holds that version) and the pages with no record. ``--mark docs/es/learn/healing.md``
writes the English page's fingerprint as it is now into that page's ``translation_of:``
line, or adds the line at the end of the front matter; no other line of the file changes.
``--mark-all`` does so for every page of every language that is on. A page whose record is
current is left untouched, so both can be run again at any time.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

import yaml

from macros.engine import SiteError
from macros.languages import COMMAND, RECORD, drift, fingerprint
from macros.pages import (
    NOT_PAGES,
    PageError,
    check_file,
    check_page,
    front_matter_span,
    named_in,
    page_files,
    read_front_matter,
)


class TranslationError(SiteError):
    """A page the command cannot mark, as one line."""


# Writing the record ------------------------------------------------------------------------


def with_record(page: str, text: str, value: str) -> str:
    """``text`` (the file of ``page``) with ``translation_of: "<value>"``: its line replaced,
    or added as the last line of the front matter; every other line as it was."""
    span = front_matter_span(page, text)
    if span is None:
        raise TranslationError(f"{page}: no front matter (--- lines at the top); add it first")
    start, end, _ = span
    front = text[start:end]
    newline = "\r\n" if "\r\n" in text[:start] else "\n"
    line = f'{RECORD}: "{value}"'
    node = yaml.compose(front, Loader=yaml.SafeLoader) if front.strip() else None
    if node is not None and (not isinstance(node, yaml.MappingNode) or node.flow_style):
        raise TranslationError(f"{page}: front matter: write one name: value a line")
    for key, val in node.value if node is not None else []:
        if key.value != RECORD:
            continue
        lines = front.splitlines(keepends=True)
        first, last = key.start_mark.line, val.end_mark.line
        if val.end_mark.column == 0 and last > first:  # a block value ends on the next line
            last -= 1
        ending = lines[last][len(lines[last].rstrip("\r\n")) :] or newline
        lines[first : last + 1] = [line + ending]
        return text[:start] + "".join(lines) + text[end:]
    return text[:end] + line + newline + text[end:]


def mark(project: Path, file: str) -> tuple[str, bool]:
    """Write the English page's fingerprint now into the translated page ``file``
    (``docs/es/learn/healing.md``, from ``project``); return it, and whether the file
    changed (a current record is left as it is)."""
    docs = project / "docs"
    path = (project / file).resolve()
    rel = path.relative_to(docs.resolve()).as_posix() if path.is_relative_to(docs.resolve()) else ""
    language, _, page = rel.partition("/")
    a_page = page.endswith(".md") and not page.startswith(NOT_PAGES)
    if not a_page or not (project / f"mkdocs.{language}.yml").is_file():
        raise TranslationError(
            f"{file}: not a page of a translation; name one in docs/<lang>/, like "
            "docs/es/learn/healing.md"
        )
    shown = f"docs/{rel}"
    if not path.is_file():
        raise TranslationError(f"{shown}: no such page")
    if not (docs / page).is_file():
        raise TranslationError(f"{shown}: no English page docs/{page} to translate")
    value = fingerprint(page, check_file(docs, page)[1])
    text = path.read_bytes().decode("utf-8")
    try:
        before, _ = read_front_matter(page, text)
        new = with_record(shown, text, value)
        check_page(page, new, translated=True)  # the page as it will be: all fine
    except PageError as error:
        raise named_in(error, page, f"docs/{language}") from None
    if before.get(RECORD) == value or new == text:
        return value, False
    path.write_bytes(new.encode("utf-8"))
    return value, True


# What changed, where the history has it ----------------------------------------------------


def _git(project: Path, *args: str) -> str | None:
    try:
        proc = subprocess.run(
            ["git", *args],
            cwd=project,
            capture_output=True,
            encoding="utf-8",
            errors="replace",
            check=False,
            timeout=30,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return proc.stdout if proc.returncode == 0 else None


def translated_commit(project: Path, page: str, record: str) -> str | None:
    """The newest commit whose English ``page`` has the fingerprint ``record`` (the one a
    translation translates), or None (no git, a shallow clone, or older than the history)."""
    log = _git(project, "log", "--format=%h", "-n", "200", "--", f"docs/{page}")
    for commit in (log or "").split():
        text = _git(project, "show", f"{commit}:./docs/{page}")
        try:
            if text is not None and fingerprint(page, text) == record:
                return commit
        except SiteError:  # that version's front matter does not read: not the one
            continue
    return None


# The command ----------------------------------------------------------------------------


def _languages(project: Path) -> list[str]:
    from macros.clinic import translations  # here: clinic reads the settings package

    return [lang for lang in translations(project) if (project / "docs" / lang).is_dir()]


def report(project: Path) -> list[str]:
    """The command's listing: each page that is behind or has no record, then a summary
    line for each language."""
    out = []
    for language in _languages(project):
        state = drift(project / "docs", language)
        folder = f"docs/{language}"
        for record in state.records:
            page = record.page
            if page in state.behind:
                commit = translated_commit(project, page, str(record.recorded))
                where = (
                    f"see what changed: git diff {commit} -- docs/{page}"
                    if commit
                    else "this copy's history does not hold that version; compare the two pages"
                )
                out.append(f"{folder}/{page}: behind docs/{page}, which changed since; {where}")
            elif page in state.unrecorded:
                out.append(
                    f"{folder}/{page}: no {RECORD} yet; once it matches docs/{page}: "
                    f"{COMMAND} --mark {folder}/{page}"
                )
            elif page in state.orphans:
                out.append(f"{folder}/{page}: no English page docs/{page}")
        total = len(state.records)
        if state.behind or state.unrecorded or state.orphans:
            out.append(
                f"{language}: {len(state.behind)} of {total} pages behind the English page, "
                f"{len(state.unrecorded)} without {RECORD}, {len(state.orphans)} with no "
                "English page; after updating a page, mark it with "
                f"{COMMAND} --mark {folder}/<page>"
            )
        else:
            out.append(f"{language}: all {total} pages translate the English page as it is now")
    return out or ["no translation is on (clinic.yml languages:), so there is nothing to list"]


def main(argv: list[str] | None = None) -> int:
    """List the pages that are behind; with ``--mark``/``--mark-all``, record them."""
    parser = argparse.ArgumentParser(
        prog=COMMAND, description=__doc__.splitlines()[0] if __doc__ else None
    )
    parser.add_argument(
        "--mark",
        nargs="+",
        metavar="PAGE",
        help="record that these pages (docs/<lang>/...) translate their English page as it is now",
    )
    parser.add_argument(
        "--mark-all",
        action="store_true",
        help="record it for every page of every language that is on",
    )
    args = parser.parse_args(argv)
    project = Path.cwd()
    try:
        if not args.mark and not args.mark_all:
            print("\n".join(report(project)))
            return 0
        files = list(args.mark or [])
        if args.mark_all:
            for language in _languages(project):
                own = page_files(project / "docs" / language)
                files += [f"docs/{language}/{p}" for p in own if (project / "docs" / p).is_file()]
        changed = 0
        for file in files:
            value, wrote = mark(project, file)
            changed += wrote
            if wrote or not args.mark_all:
                now = "written" if wrote else "already current"
                print(f'{file}: {RECORD}: "{value}" ({now})')
        print(f"{changed} written, {len(files) - changed} already current")
    except SiteError as error:
        print(error, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
