"""Read a YAML file safely into plain data, remembering the line of every field."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from macros.quiz.errors import Path, QuizError


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
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        source = Source(name, None)
        if node is not None:
            source.data = _walk(loader, node, (), source)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = (exc.problem or exc.context or "syntax error").strip()
        line = f" (line {mark.line + 1})" if mark else ""
        raise QuizError(
            f"{name}: not valid YAML: {problem}{line}; check indentation, colons and quotes"
        ) from None
    except yaml.YAMLError as exc:
        raise QuizError(f"{name}: not valid YAML: {exc}") from None
    finally:
        loader.dispose()
    return source


def _walk(loader: yaml.SafeLoader, node: yaml.Node, path: Path, source: Source) -> Any:
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
