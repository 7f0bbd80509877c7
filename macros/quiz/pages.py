"""What the quiz checks need from the docs pages: where each ``quiz()`` is called, and
which heading ids a link can point to (as the ``toc`` extension makes them)."""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path as FsPath
from typing import Any

#: A ``{{ quiz("id") }}`` call in a page's Markdown, and Jinja's raw blocks (not calls).
USE = re.compile(r"""\{\{-?\s*quiz\(\s*["']([^"']+)["']\s*\)\s*-?\}\}""")
#: Any Jinja expression that calls quiz(): it must be written as USE above.
ANY_USE = re.compile(r"\{\{(?:(?!\}\}).)*?\bquiz\s*\((?:(?!\}\}).)*\}\}", re.S)
RAW = re.compile(r"\{%-?\s*raw\s*-?%\}.*?\{%-?\s*endraw\s*-?%\}", re.S)
FRONT_MATTER = re.compile(r"\A---\s*\n.*?\n---\s*\n", re.S)
FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,}).*?^[ \t]*\1[ \t]*$", re.S | re.M)
ATX = re.compile(r"^[ \t]*(#{1,6})[ \t]+(.+?)[ \t]*$", re.M)
SETEXT = re.compile(r"^ {0,3}(\S[^\n]*)\n {0,3}(=+|-+)[ \t]*$", re.M)
ATTR_LIST = re.compile(r"[ \t]*\{:?([^}]*)\}[ \t]*$")
EXPLICIT_ID = re.compile(r"""\{:?[^}]*?#([\w-]+)[^}]*\}|\bid=["']([^"']+)["']""")
LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
TAG = re.compile(r"<[^>]+>")
#: Pages that take in other files or build text with Jinja: their headings are not known.
UNKNOWN = re.compile(r"--8<--|\{%-?\s*include")

Slugify = Callable[[str, str], str]


def toc_slugify(value: str, separator: str) -> str:
    """Python-Markdown's ``toc`` default slugify (``markdown.extensions.toc.slugify``)."""
    value = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode("ascii")
    value = re.sub(r"[^\w\s-]", "", value).strip().lower()
    return re.sub(rf"[{separator}\s]+", separator, value)


def toc_settings(conf: Any) -> tuple[Slugify, str]:
    """The slugify function and separator the site's ``toc`` extension uses."""
    try:
        options = dict((conf["mdx_configs"] or {}).get("toc") or {})
    except (KeyError, TypeError):
        options = {}
    slugify = options.get("slugify")
    return (slugify if callable(slugify) else toc_slugify), str(options.get("separator", "-"))


def _heading_text(text: str) -> str:
    text = re.sub(r"[ \t]+#+$", "", text)  # closing hashes of an ATX heading
    text = LINK.sub(r"\1", text)
    text = TAG.sub("", text).replace("`", "").replace("*", "")
    return html.unescape(text)


def heading_ids(markdown: str, slugify: Slugify = toc_slugify, separator: str = "-") -> set[str]:
    """The ids of the page's headings (and any ``{#id}`` or ``id="..."`` it sets)."""
    text = FENCE.sub("", FRONT_MATTER.sub("", markdown))
    ids: set[str] = set()
    headings = [(m.start(), m.group(2)) for m in ATX.finditer(text)]
    headings += [(m.start(), m.group(1)) for m in SETEXT.finditer(text) if "|" not in m.group(1)]
    for _, heading in sorted(headings):
        explicit = ATTR_LIST.search(heading)
        if explicit:
            heading = heading[: explicit.start()]
            found = re.search(r"#([\w-]+)", explicit.group(1))
            if found:
                ids.add(found.group(1))
                continue
        slug = slugify(_heading_text(heading), separator)
        base, n = slug, 0
        while slug in ids or not slug:  # toc's unique(): _1, _2 ...
            n += 1
            slug = f"{base}_{n}"
        ids.add(slug)
    ids.update(a or b for a, b in EXPLICIT_ID.findall(text))
    return ids


@dataclass
class Use:
    """Where one page calls ``quiz()``: the quiz id (``None`` for a call written another
    way) and the line."""

    quiz_id: str | None
    line: int
    call: str = ""


@dataclass
class DocsPages:
    """The docs pages: their text, read once, their quiz calls and their heading ids."""

    docs_dir: FsPath
    slugify: Slugify = toc_slugify
    separator: str = "-"
    #: Paths (``docs/``-relative) the site leaves out, as ``exclude_docs`` says: another
    #: language's pages (``es/``) are not pages of this site.
    exclude: Callable[[str], bool] = field(default=lambda src: False)
    texts: dict[str, str] = field(default_factory=dict)
    _anchors: dict[str, set[str] | None] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for md in sorted(self.docs_dir.rglob("*.md")):
            src = md.relative_to(self.docs_dir).as_posix()
            if self.exclude(src):
                continue
            self.texts[src] = md.read_bytes().decode("utf-8", "replace")

    def exists(self, page: str) -> bool:
        """Whether ``page`` (``learn/healing.md``) is a page inside docs/."""
        if not page.endswith(".md") or page.startswith("/") or ".." in page.split("/"):
            return False
        return page in self.texts

    def anchors(self, page: str) -> set[str] | None:
        """The ids a link to ``page#...`` may use; ``None`` when they cannot be known."""
        if page not in self._anchors:
            text = self.texts.get(page)
            known = (
                None
                if text is None or UNKNOWN.search(text)
                else heading_ids(text, self.slugify, self.separator)
            )
            self._anchors[page] = known
        return self._anchors[page]

    def uses(self) -> dict[str, list[Use]]:
        """Every ``quiz()`` call, by page (``docs/``-relative), in order."""
        out: dict[str, list[Use]] = {}
        for src, text in self.texts.items():
            text = RAW.sub(lambda m: "\n" * m.group(0).count("\n"), text)
            for match in ANY_USE.finditer(text):
                line = text.count("\n", 0, match.start()) + 1
                good = USE.fullmatch(match.group(0))
                call = " ".join(match.group(0).split())
                out.setdefault(src, []).append(Use(good.group(1) if good else None, line, call))
        return out
