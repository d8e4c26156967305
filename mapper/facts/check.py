"""Check a parsed facts document: its JSON Schema, then references, entity types, dates,
quantities and quotes, turning it into typed objects and collecting every problem found."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ..errors import DefrelError, EvidenceError, FactsError
from .checkvalues import ValueChecks
from .kinds import (
    ARTICLE_FIELDS,
    COMMON_FIELDS,
    ENTITY_FIELDS,
    KINDS,
)
from .model import Entity, Fact, Value
from .schemawords import SchemaCheck, check_schema
from .when import When
from .yamlread import line_of

__all__ = ["LANGUAGE_TAG", "Builder", "SchemaCheck", "check_schema"]

# The shape of a BCP 47 tag (RFC 5646 section 2.1): language, script, region, variants,
# extensions, private use; or a private-use tag alone
LANGUAGE_TAG = re.compile(
    r"^(?:(?:[a-z]{2,3}(?:-[a-z]{3}){0,3}|[a-z]{4,8})(?:-[a-z]{4})?(?:-(?:[a-z]{2}|[0-9]{3}))?"
    r"(?:-(?:[a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*(?:-[0-9a-wyz](?:-[a-z0-9]{2,8})+)*"
    r"(?:-x(?:-[a-z0-9]{1,8})+)?|x(?:-[a-z0-9]{1,8})+)\Z",
    re.ASCII | re.IGNORECASE,
)


class Builder(ValueChecks):
    """Turns a document into typed objects, collecting every problem found; it reads only
    what the schema accepted (``bad``: the places of the schema's errors)."""

    def __init__(
        self,
        path: Path,
        doc: Any,
        text: str,
        registry: Any = None,
        *,
        bad: frozenset[tuple] = frozenset(),
    ):
        self.path, self.doc, self.text, self.bad = path, doc, text, bad
        self.problems: list[DefrelError] = []
        self.registry = registry  # the archive's entities, which the file may refer to
        known = registry.entities if registry is not None else {}
        self.entity_types: dict[str, str | None] = {i: e.type for i, e in known.items()}
        # an entity whose type the schema refused is still known by its id (type None)
        self.entity_types.update(
            {
                e["id"]: e.get("type") if ("entities", i, "type") not in bad else None
                for i, e in self.items("entities", whole=False)
            }
        )
        self.fact_ids = {f["id"] for _, f in self.items("facts", whole=False)}
        self.published: When | None = None  # the article's date_published, once read
        self.planned = False  # whether the fact being read is planned (aspect: planned)
        self.unfinished = False  # whether it is ongoing (its end may lie after publication)

    def items(self, section: str, *, whole: bool = True):
        """``(index, item)`` of the section's items the schema lets the checks read: mappings
        with a valid id and, if ``whole``, a valid kind (facts) or type (entities)."""
        for i, item in enumerate(self.doc.get(section) or []):
            if not isinstance(item, dict) or not isinstance(item.get("id"), str):
                continue
            if (section, i, "id") in self.bad:
                continue
            key = "kind" if section == "facts" else "type"
            if whole and ((section, i, key) in self.bad or key not in item):
                continue
            yield i, item

    def unique(self, section: str) -> None:
        seen: dict[str, int] = {}
        for i, item in self.items(section, whole=False):
            if item["id"] in seen:
                self.problem(
                    f"duplicate id {item['id']!r} in {section} (first at {section}[{seen[item['id']]}])",
                    (section, i, "id"),
                    fact_id=item["id"],
                    hint="give each one its own id",
                )
            seen.setdefault(item["id"], i)

    def entities(self) -> tuple[Entity, ...]:
        result = []
        for i, raw in self.items("entities"):
            where = ("entities", i)
            same_as = raw.get("same_as", []) if (*where, "same_as") not in self.bad else []
            for key in ("located_in", "part_of", "different_from"):
                refs = raw.get(key, [])
                if (*where, key) not in self.bad and raw["id"] in (
                    refs if isinstance(refs, list) else [refs]
                ):
                    self.problem(
                        f"{key}: an entity cannot be {key.replace('_', ' ')} itself",
                        (*where, key),
                        fact_id=raw["id"],
                    )
            for field in ENTITY_FIELDS:
                if field.types and field.name in raw and raw["type"] not in field.types:
                    self.problem(
                        f"{field.name}: only a {' or '.join(field.types)} has "
                        f"{'an' if field.name[0] in 'aeiou' else 'a'} {field.name}, "
                        f"and {raw['id']!r} is a {raw['type']}",
                        (*where, field.name),
                        fact_id=raw["id"],
                        hint=f"remove {field.name}, or fix the entity's type",
                    )
            scope = raw.get("scope", "archive") if (*where, "scope") not in self.bad else "archive"
            if scope == "article" and same_as:
                self.problem(
                    "same_as: an entity of this article only (scope: article) is no Wikidata item",
                    (*where, "same_as"),
                    fact_id=raw["id"],
                    hint="remove same_as, or remove scope: article if it is the archive's "
                    "entity (a named person, state or organisation)",
                )
            result.append(
                Entity(
                    id=raw["id"],
                    type=raw["type"],
                    scope=scope,
                    values=self.values(ENTITY_FIELDS, raw, where, raw["id"]),
                    same_as=tuple(same_as) if isinstance(same_as, list) else (same_as,),
                    evidence=self.evidence(raw.get("evidence"), where, raw["id"]),
                    line=line_of(self.doc, where),
                )
            )
        return tuple(result)

    def facts(self) -> tuple[Fact, ...]:
        result = []
        for i, raw in self.items("facts"):
            where, kind = ("facts", i), KINDS[raw["kind"]]
            self.planned = raw.get("aspect") == "planned"
            self.unfinished = raw.get("aspect") in ("ongoing", "state")
            values = self.values(COMMON_FIELDS + kind.fields, raw, where, raw["id"])
            quotation = values.get("quotation")
            if isinstance(quotation, str) and quotation not in self.text:
                self.problem(
                    "quotation is not in the article text verbatim",
                    (*where, "quotation"),
                    fact_id=raw["id"],
                    hint="copy the quoted words exactly",
                    cls=EvidenceError,
                )
            result.append(
                Fact(
                    id=raw["id"],
                    kind=raw["kind"],
                    values=values,
                    evidence=self.evidence(raw.get("evidence"), where, raw["id"]),
                    line=line_of(self.doc, where),
                )
            )
        return tuple(result)

    def no_fact_cycle(self, facts: tuple[Fact, ...]) -> None:
        """Refuse a cycle of ``part_of`` between facts (a fact's own is refused elsewhere)."""
        parent = {
            f.id: f.values["part_of"] for f in facts if isinstance(f.values.get("part_of"), str)
        }
        lines = {f.id: f.line for f in facts}
        done: set[str] = set()
        for start in sorted(parent):
            chain: list[str] = []
            node: str | None = start
            while node in parent and node not in done and node not in chain:
                chain.append(node)
                node = parent[node]
            done.update(chain)
            if node in chain and node != parent[node]:
                ring = chain[chain.index(node) :]
                places = ", ".join(f"{f} (line {lines[f]})" for f in ring)
                self.problems.append(
                    FactsError(
                        f"part_of forms a cycle: {' -> '.join([*ring, node])}; facts {places}",
                        path=self.path,
                        line=lines[ring[0]],
                        fact_id=ring[0],
                        hint="a fact cannot be part of itself, even through others: "
                        "remove one of these part_of",
                    )
                )

    def metadata(self) -> dict[str, Value]:
        raw = self.doc.get("article") or {}
        values = self.values(ARTICLE_FIELDS, raw, ("article",), None)
        published = values.get("date_published")
        self.published = published if isinstance(published, When) else None
        language = values.get("language")
        if isinstance(language, str) and not LANGUAGE_TAG.match(language):
            self.problem(
                f"article.language {language!r} is not a BCP 47 language tag",
                ("article", "language"),
                hint="one tag such as en, fr, pt-BR or zh-Hant (an article has one language)",
            )
            del values["language"]
        return values
