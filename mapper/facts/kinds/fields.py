"""The building blocks of the facts format: a field, a kind of fact, and the entity-type groups
that fields point at."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = ["AGENTS", "ORGANISATIONS", "PLACES", "PLOVER", "Field", "Kind", "Shape"]

Shape = Literal[
    "entity",  # one entity id
    "entities",  # one or more entity ids
    "fact",  # one fact id
    "facts",  # one or more fact ids
    "text",  # a string
    "texts",  # one or more strings
    "when",  # a date of any precision, or {said: words, resolved: date}: see ``when.py``
    "duration",  # an ISO 8601 duration such as P1D or P3Y
    "quantity",  # a number with a unit, see ``Quantity`` in ``model.py``
    "count",  # how many: a whole number, or {value|min|max, approximate, qualifier}
    "integer",  # a whole number >= 1
    "boolean",
    "choice",  # one of ``choices``
    "choices",  # one or more of ``choices``
]

# The event types of PLOVER (Political Language Ontology for Verifiable Event Records),
# CAMEO's successor; a kind names the one it refines, an ``event`` fact names its own.
PLOVER = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "INVESTIGATE",
    "DEMAND",
    "DISAPPROVE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)


@dataclass(frozen=True)
class Field:
    """One key of a fact or entity in the YAML file, and the property it maps to."""

    name: str
    shape: Shape
    prop: str
    doc: str
    required: bool = False
    choices: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()  # allowed entity types (for entity/entities), empty = any
    unit: Literal["percent", "money", None] = None  # what a quantity field must measure
    min_items: int = 1  # for entities/facts/texts/choices: how many at least
    types: tuple[str, ...] = ()  # entity fields only: the entity types it applies to (empty = all)
    pattern: str | None = None  # text fields: a regular expression the value must match


@dataclass(frozen=True)
class Kind:
    """A kind of fact: its ontology class, a schema.org class, its own fields, and the PLOVER
    event type and CAMEO code it refines."""

    name: str
    cls: str
    doc: str
    fields: tuple[Field, ...]
    schema_cls: str | None = None
    cameo: str | None = None
    group: str = "event"  # event | relation | statement | other
    plover: str | None = None
    parent: str | None = None  # the defrel class it specialises, if not Event/Relation/Fact
    one_of: tuple[tuple[str, ...], ...] = ()  # at least one field of each tuple is required
    since: str = "0.1.0"  # the format version that introduced it


STATES = ("Country",)
ORGANISATIONS = (
    "Organization",
    "MilitaryOrganization",
    "GovernmentOrganization",
    "InternationalOrganization",
    "Company",
    "StateOwnedEnterprise",
    "NewsOrganization",
    "ArmedGroup",
    "Group",
)
AGENTS = ("Person", "Country", *ORGANISATIONS)
PLACES = ("Country", "City", "Region", "WaterBody", "Facility")
