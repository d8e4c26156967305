"""Read YAML keeping the line of every mapping key and list item, refusing duplicate keys.

Errors found later (schema, references, quotes) can then name ``file:line``.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from ..errors import FactsError

__all__ = ["MAX_DIGITS", "LineDict", "LineList", "exact_number", "line_of", "read_yaml"]

MAX_DIGITS = 60  # a number written out in full (no exponent) may have this many digits


class LineDict(dict):
    """A mapping that remembers its own line and the line of each key (1-based), and the
    exact decimal value of each float (a float keeps 17 significant digits, an amount may
    have more; the schema's validators take floats, not Decimals)."""

    line: int = 0
    key_lines: dict[str, int]
    exact: dict[str, Decimal]


def exact_number(mapping: Any, key: str) -> Decimal | None:
    """The exact value of the number ``mapping[key]`` (None if absent), digits kept."""
    value = mapping.get(key)
    if value is None:
        return None
    kept = getattr(mapping, "exact", {}).get(key)
    return kept if kept is not None else Decimal(str(value))


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
    result.exact = {}
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
        result[key] = value = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_node.start_mark.line + 1
        if _finite_float(value, value_node):
            result.exact[key] = Decimal(value_node.value.replace("_", ""))
    return result


def _sequence(loader: _Loader, node: yaml.SequenceNode) -> LineList:
    result = LineList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.item_lines = [child.start_mark.line + 1 for child in node.value]
    return result


_FLOAT = "tag:yaml.org,2002:float"


def _finite_float(value: Any, node: yaml.Node) -> bool:
    """A float written in decimal digits (not .inf, .nan or YAML 1.1's 1:30.5)."""
    finite = isinstance(value, float) and value == value and abs(value) != float("inf")
    return finite and node.tag == _FLOAT and ":" not in node.value


def _digits(number: Decimal) -> int:
    """How many digits ``number`` has written out in full (``1e3`` has 4, ``0.001`` 3)."""
    _, digits, exponent = number.as_tuple()
    assert isinstance(exponent, int)
    return len(digits) + exponent if exponent >= 0 else max(len(digits), -exponent)


def _too_long(node: yaml.ScalarNode, what: str) -> FactsError:
    return FactsError(
        f"the number {node.value[:20]}{'…' * (len(node.value) > 20)} has more than the {MAX_DIGITS} digits defrel keeps "
        f"exactly ({what})",
        line=node.start_mark.line + 1,
        column=node.start_mark.column + 1,
        hint=f"round it to at most {MAX_DIGITS} digits, or write it as text in a description",
    )


def _int(loader: _Loader, node: yaml.ScalarNode) -> int:
    # counted before int() runs: Python refuses to parse ints of over 4,300 digits
    if sum(c.isdigit() for c in node.value) > MAX_DIGITS:
        raise _too_long(node, "written out in full")
    value = yaml.SafeLoader.construct_yaml_int(loader, node)
    if abs(value) >= 10**MAX_DIGITS:  # 0x, 0b and 1:30 (base 60) say more with fewer digits
        raise _too_long(node, "written out in decimal")
    return value


def _float(loader: _Loader, node: yaml.ScalarNode) -> float:
    value = yaml.SafeLoader.construct_yaml_float(loader, node)
    text = node.value.replace("_", "")
    if len(text) > 4 * MAX_DIGITS:
        raise _too_long(node, "written out in full")
    if value != value or value in (float("inf"), float("-inf")) or ":" in text:
        return value  # NaN and infinities are refused later with their own message
    if _digits(Decimal(text)) > MAX_DIGITS:
        raise _too_long(node, "written out in full, without an exponent")
    return value  # its exact value is kept beside it: see _mapping


_Loader.add_constructor("tag:yaml.org,2002:int", _int)
_Loader.add_constructor(_FLOAT, _float)
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
