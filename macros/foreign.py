"""Nothing foreign without a word: what would make a reader's browser load from another
site, run code or leave by itself is refused at build, with the reason and what to do.

The page's Content-Security-Policy (``overrides/partials/hi-csp.html``) already stops most
of it in the browser, silently; a preconnect or a ``<meta http-equiv="refresh">`` it
cannot stop at all. So the build says it first, in two places:

- the settings (``check_settings``, from ``macros.check_config`` before every build):
  ``theme.font`` (Google Fonts), ``theme.logo`` and ``theme.favicon``, and every
  ``extra_css`` and ``extra_javascript`` file, each by its own address;
- every built page (``page_problems``, from ``macros.safety.check_site`` after the build):
  raw HTML a lesson, a page's Jinja or an edited template put there. The line names the
  page's Markdown file and, where the text is found in it, the line.

Links stay free: a reader who follows a link to another site chooses to. What is refused
is what happens without a choice (a file fetched, a frame shown, a script run, a refresh).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from macros.engine import SiteError


class ForeignError(SiteError):
    """A setting or a page that would load from another site or leave it, as one line."""


#: A scheme, or "//": an address somewhere else (browsers ignore tabs and line breaks in
#: an address, and any case: "Java\tScript:" runs too).
_SCHEME = re.compile(r"^(?:([a-z][a-z0-9+.-]*):|//)", re.I)
_IGNORED = re.compile(r"[\x00-\x20]")
_TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)\b((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>")
_ATTRIBUTE = re.compile(r"([^\s\"'>/=]+)(?:\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s\"'>]+)))?")
_ARTICLE = re.compile(r"<article\b.*?</article>", re.S | re.I)
#: <link rel> values whose address the browser fetches by itself.
_FETCHED = {
    "stylesheet", "preconnect", "dns-prefetch", "preload", "prefetch", "modulepreload",
    "icon", "shortcut", "apple-touch-icon", "manifest", "prerender",
}  # fmt: skip
#: Attributes whose address the browser fetches by itself.
_SOURCES = ("src", "srcset", "poster", "data", "background", "imagesrcset")
_EMBEDS = {"iframe", "frame", "frameset", "object", "embed", "portal"}
_RUNS_SCRIPT = ("href", "src", "action", "formaction", "data", "xlink:href")


def _normal(url: str) -> str:
    return _IGNORED.sub("", html.unescape(url))


def foreign(url: str, own: str = "") -> bool:
    """Whether the browser would fetch ``url`` from another site than ``own`` (the site's
    address, ``site_url``): a scheme or ``//`` (``data:`` is the page's own)."""
    address = _normal(url)
    found = _SCHEME.match(address)
    if found is None or (found.group(1) or "").lower() == "data":
        return False
    if own:
        mine, theirs = urlsplit(own), urlsplit(address)
        if (theirs.scheme or mine.scheme, theirs.netloc) == (mine.scheme, mine.netloc):
            return False
    return True


def _runs_script(url: str) -> bool:
    return _normal(url).lower().startswith(("javascript:", "vbscript:"))


@dataclass(frozen=True)
class Problem:
    """One thing a page must not do: what, in words, with what to do instead, and a piece
    of its text to find it by in the page's Markdown."""

    words: str
    needle: str


def _attributes(text: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for match in _ATTRIBUTE.finditer(text):
        name = match.group(1).lower()
        found.setdefault(name, next((g for g in match.groups()[1:] if g is not None), ""))
    return found


def page_problems(text: str, own: str = "") -> list[Problem]:
    """What of a built page ``text`` loads from another site than ``own``, embeds a page,
    runs code or leaves by itself; empty: nothing."""
    found: list[Problem] = []
    for tag, needle, attributes in _tags(text):
        problem = _problem(tag, needle, attributes, own)
        if problem and problem not in found:
            found.append(problem)
    for article in _ARTICLE.finditer(text):
        for tag, needle, attributes in _tags(article.group(0)):
            if tag == "script" and "src" not in attributes:
                found.append(
                    Problem(
                        "a <script> written in the page; the site runs only its own script "
                        "files (its Content-Security-Policy blocks the rest), so remove it",
                        needle,
                    )
                )
            elif tag == "style":
                found.append(
                    Problem(
                        "a <style> written in the page, which the site's Content-Security-"
                        "Policy blocks; put the rules in a stylesheet listed under extra_css",
                        needle,
                    )
                )
    return found


def _tags(text: str) -> Iterator[tuple[str, str, dict[str, str]]]:
    for match in _TAG.finditer(text):
        yield match.group(1).lower(), match.group(0)[:60], _attributes(match.group(2))


def _problem(tag: str, needle: str, attributes: dict[str, str], own: str) -> Problem | None:
    if tag == "meta" and attributes.get("http-equiv", "").strip().lower() == "refresh":
        return Problem(
            '<meta http-equiv="refresh"> sends the reader to another page without a choice; '
            "remove it and write a link instead",
            "http-equiv",
        )
    if tag in _EMBEDS:
        return Problem(
            f"<{tag}> shows another page inside this one; remove it and link to the page instead",
            f"<{tag}",
        )
    for name in _RUNS_SCRIPT:
        if _runs_script(attributes.get(name, "")):
            return Problem(
                "a javascript: address, which runs code when used; remove it",
                attributes[name][:30],
            )
    rel = set(attributes.get("rel", "").lower().split())
    href = attributes.get("href", "")
    if tag == "link" and rel & _FETCHED and foreign(href, own):
        return Problem(_loads(href, "the file", _LINK_IS_FINE), href)
    if tag == "form" and foreign(attributes.get("action", ""), own):
        return Problem(
            "a form that sends what the reader types to another site; remove it",
            attributes["action"],
        )
    for name in _SOURCES:
        for address in _addresses(name, attributes.get(name, "")):
            if foreign(address, own):
                return Problem(_loads(address, "the file", _LINK_IS_FINE), address)
    return None


def _addresses(name: str, value: str) -> list[str]:
    """The addresses of one attribute (``srcset`` lists several, with widths)."""
    if not value:
        return []
    if name.endswith("srcset"):
        return [part.split()[0] for part in value.split(",") if part.split()]
    return [value]


_LINK_IS_FINE = " (a link to it is fine)"


def _loads(address: str, what: str, tail: str = "") -> str:
    return (
        f"makes the reader's browser fetch {_normal(address)} from another site; save "
        f"{what} under docs/assets/ and use its path{tail}"
    )


def check_settings(data: dict[str, Any], lines: dict[str, int], file: str) -> None:
    """The settings of ``data`` (a config, read as written) that load from another site:
    raise ForeignError for the first, naming ``file``, the setting and its line."""

    def fail(key: str, message: str, at: str = "") -> ForeignError:
        number = lines.get(at or key)
        line = f" (line {number})" if number else ""
        return ForeignError(f"{file}: {key}: {message}{line}")

    theme = data.get("theme")
    theme = theme if isinstance(theme, dict) else {}
    font = theme.get("font")
    if font not in (None, False):
        raise fail(
            "theme.font",
            "makes every page fetch its fonts from Google's servers, so the reader's "
            "visit is seen there; write font: false (the reader's own fonts), or save the "
            "font's files under docs/assets/ and add an @font-face rule to a stylesheet "
            "listed under extra_css",
        )
    own = str(data.get("site_url") or "")
    for key in ("logo", "favicon"):
        value = theme.get(key)
        if isinstance(value, str) and foreign(value, own):
            raise fail(f"theme.{key}", _loads(value, "the image"))
    for key in ("extra_css", "extra_javascript"):
        entries = data.get(key)
        for i, entry in enumerate(entries if isinstance(entries, list) else []):
            address = entry.get("path") if isinstance(entry, dict) else entry
            if isinstance(address, str) and foreign(address, own):
                raise fail(key, _loads(address, "the file"), f"{key}[{i}]")


def line_of(source: str, needle: str) -> int | None:
    """The line of ``source`` (a page's Markdown) where ``needle`` first appears, any case."""
    at = source.lower().find(needle.lower()) if needle else -1
    return source.count("\n", 0, at) + 1 if at >= 0 else None
