"""Read a YAML file safely into plain data, remembering the line of every field."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from macros.quiz.errors import Path, QuizError

#: libyaml's safe loader when PyYAML has it (about 15 times faster on our quiz files), else
#: the pure-Python one. Both keep the line of every node, so messages still name the line.
_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


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
    """Parse YAML ``text`` (named ``name`` in messages) with the safe loader."""
    try:
        return _parse(_Loader, name, text)
    except yaml.YAMLError:
        # libyaml words some errors differently: re-read with the pure-Python loader so
        # an editor sees the same message on every machine.
        pass
    try:
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
