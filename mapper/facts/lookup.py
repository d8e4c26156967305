"""``defrel entities``: the entities of an archive (its registry and its facts files), found by
id, label, alias or Wikidata item, so that a new facts file reuses an id instead of minting a
second one for the same state or person.

Facts files are read as YAML only (their quotes are not checked): listing must stay cheap
and must work on an archive with a broken file in it, which is reported, not fatal. An
article's own entities (``scope: article``: an unnamed source) are no archive's: not listed.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import DefrelError
from .corpus import wikidata_ids
from .files import find_facts_files, read_text
from .registry import find_registry, load_registry
from .yamlread import line_of, read_yaml

__all__ = ["EntityRecord", "find_entities"]


@dataclass
class EntityRecord:
    """One entity id of the archive: what it is, and where it is declared and used."""

    id: str
    type: str
    label: str
    aliases: list[str] = field(default_factory=list)
    wikidata: list[str] = field(default_factory=list)
    registry: str = ""  # file:line of the registry declaration, if any
    declared_in: list[str] = field(default_factory=list)  # facts files declaring it inline
    articles: int = 0  # facts files that declare or refer to it

    def as_dict(self) -> dict:
        return {
            "id": self.id,
            "type": self.type,
            "label": self.label,
            "aliases": self.aliases,
            "wikidata": self.wikidata,
            "registry": self.registry,
            "declared_in": self.declared_in,
            "articles": self.articles,
        }


def _fold(text: str) -> str:
    """Case- and accent-insensitive form for matching (``Türkiye`` ~ ``turkiye``)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _matches(record: EntityRecord, query: str) -> bool:
    q = _fold(query.strip())
    if not q:
        return True
    if q.upper().removeprefix("WD:") in {w.upper() for w in record.wikidata}:
        return True
    names = [record.id, record.label, *record.aliases]
    return any(q in _fold(n) for n in names)


def _referenced_ids(doc: dict) -> set[str]:
    """Every string value in the facts (and article block) that could be an entity id."""
    found: set[str] = set()

    def walk(node) -> None:
        if isinstance(node, str):
            found.add(node)
        elif isinstance(node, list):
            for item in node:
                walk(item)
        elif isinstance(node, dict):
            for key, value in node.items():
                if key not in ("evidence", "description", "label", "quotation", "content"):
                    walk(value)

    walk(doc.get("facts") or [])
    walk(doc.get("article") or {})
    return found


def find_entities(
    paths: list[Path],
    query: str = "",
    *,
    root: Path | None = None,
    entity_type: str | None = None,
) -> tuple[list[EntityRecord], list[DefrelError]]:
    """The archive's entities matching ``query`` (all when empty), sorted by id, and the
    problems met on the way (a facts file that cannot be read is reported, not fatal)."""
    records: dict[str, EntityRecord] = {}
    problems: list[DefrelError] = []
    facts_files = find_facts_files(paths)
    registries: dict[tuple[Path, ...], None] = {}
    for folder in sorted({p.parent for p in facts_files} | {p for p in paths if p.is_dir()}):
        registries.setdefault(find_registry(folder / "x", root), None)
    for files in registries:
        try:
            registry = load_registry(files)
        except DefrelError as err:
            problems.append(err)
            continue
        for entity_id, e in registry.entities.items():
            records.setdefault(
                entity_id,
                EntityRecord(
                    id=entity_id,
                    type=e.type,
                    label=str(e.values.get("label", "")),
                    aliases=list(e.values.get("aliases", ())),
                    wikidata=list(wikidata_ids(e.same_as)),
                    registry=registry.where(entity_id),
                ),
            )
    uses: dict[str, int] = {}
    for path in facts_files:
        try:
            doc = read_yaml(path, read_text(path, what="facts file"))
        except DefrelError as err:
            problems.append(err)
            continue
        if not isinstance(doc, dict):
            continue
        declared, own = set(), set()
        for i, raw in enumerate(doc.get("entities") or []):
            if not isinstance(raw, dict) or not isinstance(raw.get("id"), str):
                continue
            if raw.get("scope") == "article":  # the article's own: no id for others to reuse
                own.add(raw["id"])
                continue
            declared.add(raw["id"])
            same_as = raw.get("same_as", [])
            record = records.setdefault(
                raw["id"],
                EntityRecord(
                    id=raw["id"],
                    type=str(raw.get("type", "")),
                    label=str(raw.get("label", "")),
                    wikidata=list(
                        wikidata_ids(same_as if isinstance(same_as, list) else [same_as])
                    ),
                ),
            )
            line = line_of(doc, ("entities", i))
            record.declared_in.append(f"{path}:{line}" if line else str(path))
            for alias in raw.get("aliases") or []:
                if isinstance(alias, str) and alias not in record.aliases:
                    record.aliases.append(alias)
        for entity_id in declared | ((_referenced_ids(doc) - own) & records.keys()):
            uses[entity_id] = uses.get(entity_id, 0) + 1
    for entity_id, count in uses.items():
        if entity_id in records:
            records[entity_id].articles = count
    found = [
        r
        for r in records.values()
        if _matches(r, query) and (entity_type is None or r.type == entity_type)
    ]
    return sorted(found, key=lambda r: r.id), problems
