"""The one error type a quiz author can cause, with a one-line message."""

from __future__ import annotations

from macros.engine import SiteError

#: A field path inside a quiz file, such as ``("questions", 3, "options")``.
Path = tuple[str | int, ...]


class QuizError(SiteError):
    """A mistake in a quiz file or a ``{{ quiz() }}`` call, as one line naming the file,
    the field, the line where known and what to do. MkDocs prints it without a traceback."""


def dotted(path: Path) -> str:
    """``("questions", 3, "options")`` -> ``questions[3].options``."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out
