"""The archive's entity registry: entities declared once, for every article to refer to.

A registry is a file ``entities.yaml`` (or a folder ``entities/`` of ``*.yaml`` files), each
``entities: [...]`` in the facts format's entity shape, without evidence (a registry has no
article to quote). A facts file finds the registry in its own folder or in any folder above
it up to ``--root`` (never above it: nothing outside the input folder is read); the nearest
one wins. A facts file may refer to a registry id without declaring it; declaring it again
inline is allowed (to add evidence and aliases) if the type and label agree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema

from ..errors import DefrelError, FactsError
from .chars import check_chars
from .check import Builder
from .corpus import wikidata_ids
from .files import read_text
from .model import Entity
from .schema import published_schema
from .schemawords import schema_errors
from .yamlread import line_of, read_yaml

__all__ = ["REGISTRY_DIR", "REGISTRY_FILE", "Registry", "find_registry", "load_registry"]

REGISTRY_FILE = "entities.yaml"
REGISTRY_DIR = "entities"


@dataclass(frozen=True)
class Registry:
    """Entities by id, and the file each comes from."""

    files: tuple[Path, ...] = ()
    entities: dict[str, Entity] = field(default_factory=dict)
    origin: dict[str, Path] = field(default_factory=dict)

    def where(self, entity_id: str) -> str:
        """``file:line`` of an entity's declaration."""
        line = self.entities[entity_id].line
        return f"{self.origin[entity_id]}:{line}" if line else str(self.origin[entity_id])


def registry_files(folder: Path) -> tuple[Path, ...]:
    """The registry files of one folder (``entities.yaml`` and ``entities/*.yaml``)."""
    found = []
    single = folder / REGISTRY_FILE
    if single.is_file():
        found.append(single)
    many = folder / REGISTRY_DIR
    if many.is_dir() and not many.is_symlink():
        found.extend(sorted(p for p in many.glob("*.yaml") if p.is_file()))
    return tuple(found)


def find_registry(facts_path: Path, root: Path | None = None) -> tuple[Path, ...]:
    """The registry files that apply to a facts file: the nearest folder, from the facts
    file's own up to ``root`` (only its own without a root), that has any."""
    folder = Path(facts_path).resolve().parent
    top = Path(root).resolve() if root is not None else folder
    while True:
        files = registry_files(folder)
        if files or folder == top or top not in folder.parents:
            return files
        folder = folder.parent


def _entity_schema() -> dict[str, Any]:
    entity = published_schema()["properties"]["entities"]
    return {
        "type": "object",
        "properties": {"entities": entity},
        "required": ["entities"],
        "additionalProperties": False,
    }


@cache
def _validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(_entity_schema())


def _parse_file(path: Path) -> Any:
    """A registry file's document, checked against the entity schema (no evidence)."""
    source = read_text(path, what="entity registry")
    doc = read_yaml(path, source)
    if not isinstance(doc, dict):
        raise FactsError(
            "an entity registry is a mapping with one key, entities:, holding a list",
            path=path,
            line=1,
            hint="write entities: and then one - id: ... item per entity",
        )
    check_chars(path, doc)
    problems: list[FactsError] = []
    for i, raw in enumerate(doc.get("entities") or []):
        if isinstance(raw, dict) and "evidence" in raw:
            problems.append(
                FactsError(
                    f"entity {raw.get('id')!r}: a registry entity has no evidence",
                    path=path,
                    line=line_of(doc, ("entities", i, "evidence")),
                    fact_id=raw.get("id"),
                    hint="quotes belong in the facts file of the article that says them: "
                    "declare the entity there too (same type and label) with its evidence",
                )
            )
        if isinstance(raw, dict) and raw.get("scope") == "article":
            problems.append(
                FactsError(
                    f"entity {raw.get('id')!r}: a registry entity is the archive's, it cannot "
                    "have scope: article",
                    path=path,
                    line=line_of(doc, ("entities", i, "scope")),
                    fact_id=raw.get("id"),
                    hint="declare an article's own entity (an unnamed source) in that "
                    "article's facts file, or remove scope: article",
                )
            )
    if problems:
        raise DefrelError.together(problems)
    errors = list(_validator().iter_errors(doc))
    if errors:
        raise DefrelError.together(schema_errors(path, doc, errors))
    return doc


@cache
def _load(files: tuple[Path, ...], stamps: tuple) -> Registry:
    entities: dict[str, Entity] = {}
    origin: dict[str, Path] = {}
    docs = [(path, _parse_file(path)) for path in files]
    types = {raw["id"]: raw["type"] for _, doc in docs for raw in doc["entities"]}
    for path, doc in docs:
        doc["facts"] = []  # kept a LineDict: the builder finds each entity's line
        builder = Builder(path, doc, "")
        builder.entity_types = types  # entities refer to those of other registry files
        builder.unique("entities")
        found = builder.entities()
        if builder.problems:
            raise DefrelError.together(builder.problems)
        for entity in found:
            if entity.id in entities:
                first = Registry(files, entities, origin).where(entity.id)
                raise FactsError(
                    f"entity {entity.id!r} is declared twice in the registry (also {first})",
                    path=path,
                    line=entity.line,
                    fact_id=entity.id,
                    hint="declare each entity once",
                )
            entities[entity.id] = entity
            origin[entity.id] = path
    items: dict[str, str] = {}
    for entity in entities.values():
        for item in wikidata_ids(entity.same_as):
            other = items.setdefault(item, entity.id)
            if other != entity.id:
                raise FactsError(
                    f"Wikidata item {item} names both {other!r} ({Registry(files, entities, origin).where(other)}) "
                    f"and {entity.id!r} in the registry",
                    path=origin[entity.id],
                    line=entity.line,
                    fact_id=entity.id,
                    hint="one Wikidata item, one entity: merge the two, or fix the same_as",
                )
    return Registry(files, entities, origin)


def load_registry(files: tuple[Path, ...]) -> Registry:
    """Load (once per process while the files are unchanged) the registry made of ``files``."""
    if not files:
        return Registry()
    stamps = tuple((p.stat().st_mtime_ns, p.stat().st_size) for p in files)
    return _load(tuple(files), stamps)


def _entity_ids(values: dict, fields) -> set[str]:
    ids: set[str] = set()
    for f in fields:
        if f.shape in ("entity", "entities") and f.name in values:
            value = values[f.name]
            ids.update(value if isinstance(value, tuple) else (value,))
    return ids


def with_registry(
    path: Path, registry: Registry, entities: tuple[Entity, ...], facts, metadata: dict
) -> tuple[tuple[Entity, ...], list[FactsError]]:
    """The article's entities plus the registry entities it refers to (and those they refer
    to), and the contradictions between its inline declarations and the registry's."""
    from .kinds import ARTICLE_FIELDS, COMMON_FIELDS, ENTITY_FIELDS, KINDS

    if not registry.entities:
        return entities, []
    problems: list[FactsError] = []
    inline = {e.id: e for e in entities}
    by_item = {
        item: other.id
        for other in registry.entities.values()
        for item in wikidata_ids(other.same_as)
    }
    for e in entities:
        for item in wikidata_ids(e.same_as):
            other = by_item.get(item)
            if other is not None and other != e.id:
                problems.append(
                    FactsError(
                        f"Wikidata item {item} names entity {e.id!r} here but {other!r} in the "
                        f"registry ({registry.where(other)})",
                        path=path,
                        line=e.line,
                        fact_id=e.id,
                        hint=f"use the registry's id {other!r} (no need to declare it here)",
                    )
                )
        known = registry.entities.get(e.id)
        if known is None:
            continue
        if e.local:
            problems.append(
                FactsError(
                    f"entity {e.id!r} is this article's own (scope: article) but the "
                    f"registry declares the id for the archive ({registry.where(e.id)})",
                    path=path,
                    line=e.line,
                    fact_id=e.id,
                    hint="give the article's entity another id (and every reference to it "
                    "in this file), or remove scope: article to mean the registry's",
                )
            )
            continue
        if known.type != e.type or known.values.get("label") != e.values.get("label"):
            what = "type" if known.type != e.type else "label"
            mine, theirs = (
                (e.type, known.type)
                if what == "type"
                else (e.values.get("label"), known.values.get("label"))
            )
            problems.append(
                FactsError(
                    f"entity {e.id!r} has {what} {mine!r} here but {theirs!r} in the registry "
                    f"({registry.where(e.id)})",
                    path=path,
                    line=e.line,
                    fact_id=e.id,
                    hint="an entity keeps the registry's type and label: put other names in "
                    "aliases:, or give it another id",
                )
            )
    wanted = _entity_ids(metadata, ARTICLE_FIELDS)
    for f in facts:
        wanted |= _entity_ids(f.values, COMMON_FIELDS + KINDS[f.kind].fields)
    for e in entities:
        wanted |= _entity_ids(e.values, ENTITY_FIELDS)
    added: dict[str, Entity] = {}
    todo = sorted(i for i in wanted if i not in inline and i in registry.entities)
    while todo:
        entity_id = todo.pop()
        if entity_id in added:
            continue
        entity = registry.entities[entity_id]
        added[entity_id] = Entity(
            id=entity.id,
            type=entity.type,
            values=entity.values,
            same_as=entity.same_as,
            line=entity.line,
            origin=str(registry.origin[entity_id]),
        )
        more = _entity_ids(entity.values, ENTITY_FIELDS)
        todo.extend(sorted(i for i in more if i not in inline and i not in added))
    return entities + tuple(added[i] for i in sorted(added)), problems
