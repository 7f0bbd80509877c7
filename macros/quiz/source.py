"""Read a YAML file safely into plain data, remembering the line of every field."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from macros.quiz.errors import Path, QuizError

#: libyaml's safe loader when PyYAML has it (about 15 times faster on our quiz files), else
#: the pure-Python one. Both keep the line of every node, so messages still name the line.
_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

#: The largest quiz file read (the biggest real one is about 15 KB).
MAX_BYTES = 256 * 1024
#: The deepest nesting of lists and groups of fields (real quizzes need 6).
MAX_DEPTH = 20
_START = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
_END = (yaml.MappingEndEvent, yaml.SequenceEndEvent)


def decode_bytes(name: str, raw: bytes) -> str:
    """The text of a quiz file, which must be UTF-8 (without a byte-order mark)."""
    if len(raw) > MAX_BYTES:
        raise QuizError(
            f"{name}: the file is {len(raw) // 1024} KB; a quiz file can be at most "
            f"{MAX_BYTES // 1024} KB, so split it into smaller quizzes"
        )
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or raw.count(b"\x00") > len(raw) // 4:
        raise QuizError(
            f"{name}: the file is saved as UTF-16 (or another wide encoding); "
            "save it as UTF-8 (in your editor: Save with encoding, UTF-8)"
        )
    if b"\x00" in raw:
        line = raw.count(b"\n", 0, raw.index(b"\x00")) + 1
        raise QuizError(
            f"{name}: the file holds a zero byte, which text never has; remove it (line {line})"
        )
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise QuizError(
            f"{name}: the file is not UTF-8 (byte {raw[exc.start]:#04x} cannot be read; "
            "it may be Latin-1 or Windows-1252); save it as UTF-8 "
            f"(in your editor: Save with encoding, UTF-8) (line {line})"
        ) from None


@dataclass
class Source:
    """Plain data from one YAML file, with line numbers and the raw text of scalars."""

    name: str
    data: Any
    lines: dict[Path, int] = field(default_factory=dict)
    raw: dict[Path, str] = field(default_factory=dict)

    def line(self, path: Path) -> int | None:
        """The line of ``path``, or of its nearest parent that has one."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get(())

    def error(self, path: Path, message: str) -> QuizError:
        """A one-line QuizError for ``path`` in this file."""
        from macros.quiz.errors import dotted

        where = f"{self.name}: {dotted(path)}: " if path else f"{self.name}: "
        line = self.line(path)
        return QuizError(where + message + (f" (line {line})" if line else ""))


def parse(name: str, text: str) -> Source:
    """Parse YAML ``text`` (named ``name`` in messages) with the safe loader.

    Before anything is built, one flat pass over the parser's events refuses what could
    make the build slow or crash it: anchors and aliases (an alias bomb, an alias to
    itself), tags, and nesting deeper than ``MAX_DEPTH``.
    """
    if text.startswith("\ufeff"):
        raise QuizError(
            f"{name}: the file starts with a byte-order mark (UTF-8 with BOM); save it as "
            "UTF-8 without BOM (in your editor: Save with encoding, UTF-8)"
        )
    if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        raise QuizError(
            f"{name}: the file is over {MAX_BYTES // 1024} KB; a quiz file can be at most "
            f"{MAX_BYTES // 1024} KB, so split it into smaller quizzes"
        )
    try:
        _guard(_Loader, name, text)
        return _parse(_Loader, name, text)
    except yaml.YAMLError:
        # libyaml words some errors differently: re-read with the pure-Python parser so
        # an editor sees the same message on every machine.
        pass
    try:
        _guard(yaml.SafeLoader, name, text)
        return _parse(yaml.SafeLoader, name, text)
    except yaml.MarkedYAMLError as exc:
        # "while scanning a quoted scalar" points at where the trouble started.
        mark = exc.context_mark if exc.context and exc.context_mark else exc.problem_mark
        problem = ", ".join(str(p).strip() for p in (exc.context, exc.problem) if p)
        line = f" (line {mark.line + 1})" if mark else ""
        raise QuizError(
            f"{name}: not valid YAML: {problem or 'syntax error'}{line}; check indentation, "
            "colons and quotes"
        ) from None
    except yaml.YAMLError as exc:
        raise QuizError(f"{name}: not valid YAML: {exc}") from None


def _guard(loader_class: Any, name: str, text: str, kind: str = "quiz files") -> None:
    """Refuse anchors, aliases, tags and deep nesting, reading the events one by one
    (``kind``: what the file is, for messages)."""
    depth = 0
    loader = loader_class(text)
    try:
        while loader.check_event():
            event = loader.get_event()
            line = f" (line {event.start_mark.line + 1})"
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                raise QuizError(
                    f"{name}: anchors and aliases (& and *) are not used in {kind}; "
                    f"write the text out in full{line}"
                )
            if getattr(event, "tag", None) and not isinstance(event, yaml.DocumentStartEvent):
                tag = str(event.tag).replace("tag:yaml.org,2002:", "!!")
                raise QuizError(f"{name}: tags like {tag} are not used in {kind}; remove it{line}")
            if isinstance(event, _START):
                depth += 1
                if depth > MAX_DEPTH:
                    raise QuizError(
                        f"{name}: lists and groups of fields are nested more than "
                        f"{MAX_DEPTH} deep; {kind} need far fewer levels{line}"
                    )
            elif isinstance(event, _END):
                depth -= 1
    finally:
        loader.dispose()


def _parse(loader_class: Any, name: str, text: str) -> Source:
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        source = Source(name, None)
        if node is not None:
            source.data = _walk(loader, node, (), source)
    finally:
        loader.dispose()
    return source


def _walk(loader: Any, node: yaml.Node, path: Path, source: Source) -> Any:
    source.lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise source.error(path, "a field name must be a word, not a list or a group")
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, str):
                key = str(key_node.value)
            child = (*path, key)
            source.lines[child] = key_node.start_mark.line + 1
            if key in out:
                raise source.error(child, f"appears twice; keep one {key!r}")
            out[key] = _walk(loader, value_node, child, source)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_walk(loader, item, (*path, i), source) for i, item in enumerate(node.value)]
    if isinstance(node, yaml.ScalarNode) and not node.style:
        source.raw[path] = node.value
    return loader.construct_object(node, deep=True)
