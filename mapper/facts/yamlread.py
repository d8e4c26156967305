"""Read YAML keeping the line of every mapping key and list item, refusing duplicate keys.

Errors found later (schema, references, quotes) can then name ``file:line``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from ..errors import FactsError

__all__ = ["LineDict", "LineList", "line_of", "read_yaml"]


class LineDict(dict):
    """A mapping that remembers its own line and the line of each key (1-based)."""

    line: int = 0
    key_lines: dict[str, int]


class LineList(list):
    """A sequence that remembers its own line and the line of each item (1-based)."""

    line: int = 0
    item_lines: list[int]


class _Loader(yaml.SafeLoader):
    """SafeLoader building LineDict/LineList; no custom tags, no Python objects.

    Dates stay strings (``2014-02-30`` is ours to check, not YAML's), and only
    ``true``/``false`` are booleans: YAML 1.1 would read a country code ``NO`` as false.
    """


class _StrictLoader(_Loader):
    """The loader used: as _Loader, refusing aliases."""

    def compose_node(self, parent, index):  # noqa: D102 - yaml.Composer API
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise FactsError(
                "YAML aliases (*name) are not allowed in facts files",
                line=event.start_mark.line + 1,
                column=event.start_mark.column + 1,
                hint="write the value out in full",
            )
        return super().compose_node(parent, index)


_Loader.yaml_implicit_resolvers = {
    first: [
        (tag, regexp)
        for tag, regexp in resolvers
        if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")
    ]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def _mapping(loader: _Loader, node: yaml.MappingNode) -> LineDict:
    result = LineDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str | int | float | bool) and key is not None:
            raise FactsError(
                "a mapping key must be a plain word",
                line=key_node.start_mark.line + 1,
                column=key_node.start_mark.column + 1,
            )
        key = str(key)
        if key in result:
            raise FactsError(
                f"key {key!r} appears twice in the same mapping "
                f"(first on line {result.key_lines[key]})",
                line=key_node.start_mark.line + 1,
                column=key_node.start_mark.column + 1,
                hint="remove or merge one of the two",
            )
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_node.start_mark.line + 1
    return result


def _sequence(loader: _Loader, node: yaml.SequenceNode) -> LineList:
    result = LineList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.item_lines = [child.start_mark.line + 1 for child in node.value]
    return result


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _sequence)


class _Alias(Exception):
    """A node reached twice: the document uses an alias."""


class _FastLoader(yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader):
    """LibYAML's parser (C) with _Loader's resolvers and constructors: about 5x faster.

    It cannot say where an alias is, so any alias, and any error at all, sends the text to
    _StrictLoader: the messages users see are always the pure-Python loader's."""

    yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers
    yaml_constructors = _Loader.yaml_constructors

    def construct_object(self, node, deep=False):  # noqa: D102 - yaml.BaseConstructor API
        if node in self.constructed_objects:
            raise _Alias
        return super().construct_object(node, deep=deep)


def _parse(text: str) -> Any:
    try:
        return yaml.load(text, Loader=_FastLoader)  # noqa: S506 - a SafeLoader subclass
    except (_Alias, FactsError, yaml.YAMLError, RecursionError):
        return yaml.load(text, Loader=_StrictLoader)  # noqa: S506 - a SafeLoader subclass


def read_yaml(path: Path, text: str) -> Any:
    """Parse ``text`` (the contents of ``path``); raise FactsError with file:line:column."""
    try:
        return _parse(text)
    except FactsError as err:
        err.path = str(path)
        raise
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        problem = err.problem or err.context or "not valid YAML"
        tagged = isinstance(err, yaml.constructor.ConstructorError)
        raise FactsError(
            f"YAML {'tag refused' if tagged else 'syntax error'}: {problem}",
            path=path,
            line=mark.line + 1 if mark else None,
            column=mark.column + 1 if mark else None,
            hint="facts files use plain YAML: remove the !tag"
            if tagged
            else "check the indentation and quoting on this line and the one before it",
        ) from None
    except yaml.YAMLError as err:
        raise FactsError(f"YAML error: {err}", path=path) from None
    except RecursionError:
        raise FactsError(
            "the YAML is nested too deeply to read",
            path=path,
            hint="a facts file needs only a few levels: article, entities, facts",
        ) from None


def line_of(document: Any, path: tuple[str | int, ...]) -> int | None:
    """The line of the deepest node along ``path`` (keys and list indexes) that is known."""
    line = getattr(document, "line", None)
    node = document
    for step in path:
        if isinstance(node, LineDict) and step in node:
            line = node.key_lines.get(step, line)
            node = node[step]
        elif isinstance(node, LineList) and isinstance(step, int) and 0 <= step < len(node):
            line = node.item_lines[step]
            node = node[step]
        else:
            break
    return line
