"""The facts format as data: entity types, fact kinds and their fields (format 0.3.2).

One table drives the JSON Schema (``schema.py``), the loader (``check.py``) and the mapper
(``rdf/mapping.py``), so a field is declared once with its RDF property. The kinds follow
PLOVER's event types, the SIPRI Arms Transfers Database's fields and the lifecycle of
agreements; each module holds one family of kinds.
"""

from __future__ import annotations

from .agreements import AGREEMENT_KINDS, AGREEMENT_STAGES, AGREEMENT_TYPES
from .common import ARTICLE_FIELDS, ASPECTS, CERTAINTIES, COMMON_FIELDS, QUANTITY_UNITS
from .contacts import CONTACT_KINDS
from .entities import ENTITY_FIELDS, ENTITY_SCOPES, ENTITY_TYPES, WEAPON_CATEGORIES
from .fields import AGENTS, ORGANISATIONS, PLACES, PLOVER, Field, Kind, Shape
from .relations import RELATION_KINDS, TRENDS
from .security import SECURITY_KINDS
from .statements import STATEMENT_KINDS
from .transfers import TRANSFER_KINDS

__all__ = [
    "AGENTS",
    "AGREEMENT_STAGES",
    "AGREEMENT_TYPES",
    "ARTICLE_FIELDS",
    "ASPECTS",
    "CERTAINTIES",
    "COMMON_FIELDS",
    "ENTITY_FIELDS",
    "ENTITY_SCOPES",
    "ENTITY_TYPES",
    "FORMAT_VERSION",
    "KINDS",
    "ORGANISATIONS",
    "PLACES",
    "PLOVER",
    "QUANTITY_UNITS",
    "REMOVED_FIELDS",
    "TRENDS",
    "WEAPON_CATEGORIES",
    "Field",
    "Kind",
    "Shape",
]

FORMAT_VERSION = "0.3.2"

KINDS: dict[str, Kind] = {
    k.name: k
    for k in (
        *CONTACT_KINDS,
        *AGREEMENT_KINDS,
        *TRANSFER_KINDS,
        *SECURITY_KINDS,
        *STATEMENT_KINDS,
        *RELATION_KINDS,
    )
}

# Keys earlier formats had and 0.3.0 dropped: the loader names the replacement.
REMOVED_FIELDS: dict[str, str] = {
    "modality": "modality was split into three axes in format 0.3.0: write aspect: planned, "
    "ongoing or completed for those values; for reported, write certainty: hedged and name "
    "the source in according_to",
}
