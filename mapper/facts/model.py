"""The typed objects a facts file becomes: an article, its entities and its facts (no RDF yet)."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from .evidence import Span
from .when import When

__all__ = ["Article", "Entity", "Fact", "Quantity", "Value"]


@dataclass(frozen=True)
class Quantity:
    """A number with a unit (percent, count, or an ISO 4217 currency), exact or bounded."""

    unit: str
    value: Decimal | None = None
    min: Decimal | None = None
    max: Decimal | None = None
    approximate: bool = False
    qualifier: str | None = None

    @property
    def is_money(self) -> bool:
        return len(self.unit) == 3 and self.unit.isupper()


Value = str | int | bool | When | Quantity | tuple[str, ...]


@dataclass(frozen=True)
class Entity:
    """A person, state, place, organisation, group or weapon system. Its id is the archive's
    (one node for every article naming it) unless its scope is ``article``: then it is its
    article's own (an unnamed source), minted under the article."""

    id: str
    type: str
    values: dict[str, Value]
    same_as: tuple[str, ...] = ()
    evidence: tuple[Span, ...] = ()
    line: int | None = None
    origin: str | None = None  # the registry file it was declared in, if not the facts file
    scope: str = "archive"  # or "article": the article's own entity

    @property
    def local(self) -> bool:
        return self.scope == "article"


@dataclass(frozen=True)
class Fact:
    """One statement of the article: its kind, its fields, and the quotes supporting it."""

    id: str
    kind: str
    values: dict[str, Value]
    evidence: tuple[Span, ...]
    line: int | None = None


@dataclass(frozen=True)
class Article:
    """An article: its text as written, its metadata, and what the facts file says of it."""

    slug: str
    facts_path: Path
    text_path: Path
    text: str
    metadata: dict[str, Value]
    entities: tuple[Entity, ...] = ()
    facts: tuple[Fact, ...] = ()
    sha256: str = field(default="")

    @property
    def local_ids(self) -> frozenset[str]:
        """The ids of the article's own entities (``scope: article``)."""
        return frozenset(e.id for e in self.entities if e.local)
