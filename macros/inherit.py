"""``INHERIT:`` merged as MkDocs merges it, for Zensical (which merges lists differently).

The Spanish site's ``mkdocs.es.yml`` (and a clinic's own config) inherits ``mkdocs.yml``.
MkDocs lets the child's lists replace the parent's; Zensical adds them to the parent's,
so the Spanish nav would follow the English one. ``python -m macros build -f <config>``
and the tests hand Zensical the config merged the MkDocs way.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml


class _Tagged:
    """A YAML value with a tag such as ``!ENV``, kept for the engine to resolve."""

    def __init__(self, tag: str, value: Any) -> None:
        self.tag, self.value = tag, value


class _KeepTags(yaml.SafeLoader):
    pass


class _WriteTags(yaml.SafeDumper):
    pass


def _keep(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> _Tagged:
    if isinstance(node, yaml.SequenceNode):
        return _Tagged(node.tag, loader.construct_sequence(node))
    return _Tagged(node.tag, loader.construct_scalar(node))  # type: ignore[arg-type]


def _write(dumper: yaml.SafeDumper, data: _Tagged) -> yaml.Node:
    if isinstance(data.value, list):
        return dumper.represent_sequence(data.tag, data.value, flow_style=True)
    return dumper.represent_scalar(data.tag, data.value)


_KeepTags.add_multi_constructor("!", _keep)
_WriteTags.add_representer(_Tagged, _write)


def _merge(parent: Any, child: Any) -> Any:
    if isinstance(parent, dict) and isinstance(child, dict):
        return {**parent, **{k: _merge(parent.get(k), v) for k, v in child.items()}}
    return child


def load_merged(config: Path) -> dict[str, Any]:
    """The YAML of ``config`` with its ``INHERIT:`` chain merged as MkDocs merges it (tags
    such as ``!ENV`` kept for the engine)."""
    data = yaml.load(inherit_as_mkdocs(config), Loader=_KeepTags)  # a SafeLoader subclass
    return data if isinstance(data, dict) else {}


def dump(data: dict[str, Any]) -> str:
    """``data`` as YAML, its tags as they were written."""
    return yaml.dump(data, Dumper=_WriteTags, sort_keys=False, allow_unicode=True)


def inherit_as_mkdocs(config: Path) -> str:
    """The text of ``config`` with its ``INHERIT:`` chain merged as MkDocs merges it.

    MkDocs merges mappings key by key and lets the child's lists replace the parent's;
    Zensical adds the child's lists to the parent's (a clinic's own `crisis_lines` would
    come after the defaults). The tests build clinic configs with ``INHERIT``, so both
    engines get the MkDocs result. Without ``INHERIT`` the text is returned unchanged.
    """
    text = config.read_text(encoding="utf-8")
    data = yaml.load(text, Loader=_KeepTags)  # a SafeLoader subclass
    if not isinstance(data, dict) or "INHERIT" not in data:
        return text
    parent = config.parent / str(data.pop("INHERIT"))
    merged = _merge(yaml.load(inherit_as_mkdocs(parent), Loader=_KeepTags), data)
    return yaml.dump(merged, Dumper=_WriteTags, sort_keys=False, allow_unicode=True)
