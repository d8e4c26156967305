"""Entity types and the fields of an entity (declared inline in a facts file or in the
archive's entity registry)."""

from __future__ import annotations

from .fields import AGENTS, ORGANISATIONS, PLACES, Field

__all__ = [
    "ENTITY_FIELDS",
    "ENTITY_SCOPES",
    "ENTITY_TYPES",
    "FACILITY_TYPES",
    "INSTRUMENT_TYPES",
    "WEAPON_CATEGORIES",
]

# Entity types: name -> (ontology class, schema.org class)
ENTITY_TYPES: dict[str, tuple[str, str]] = {
    "Person": ("defrel:Person", "schema:Person"),
    "Country": ("defrel:Country", "schema:Country"),
    "City": ("defrel:City", "schema:City"),
    "Region": ("defrel:Region", "schema:AdministrativeArea"),
    "Organization": ("defrel:Organization", "schema:Organization"),
    "MilitaryOrganization": ("defrel:MilitaryOrganization", "schema:GovernmentOrganization"),
    "GovernmentOrganization": ("defrel:GovernmentOrganization", "schema:GovernmentOrganization"),
    "NewsOrganization": ("defrel:NewsOrganization", "schema:NewsMediaOrganization"),
    "ArmedGroup": ("defrel:ArmedGroup", "schema:Organization"),
    "Group": ("defrel:Group", "schema:Organization"),
    "WeaponSystem": ("defrel:WeaponSystem", "schema:Product"),
    # 0.3.0
    "InternationalOrganization": ("defrel:InternationalOrganization", "schema:Organization"),
    "Company": ("defrel:Company", "schema:Corporation"),
    "StateOwnedEnterprise": ("defrel:StateOwnedEnterprise", "schema:Corporation"),
    "Facility": ("defrel:Facility", "schema:Place"),
    "WaterBody": ("defrel:WaterBody", "schema:BodyOfWater"),
    "Programme": ("defrel:Programme", "schema:Project"),
    "LegalInstrument": ("defrel:LegalInstrument", "schema:Legislation"),
}

# 0.3.2: where an entity exists. The archive's (the default) is one node for every article
# that names its id; an article's own (an unnamed source, "a Western diplomat", a group the
# article describes, "US officials") is minted under that article, so that two articles'
# "western-diplomat" are two people.
ENTITY_SCOPES = ("archive", "article")

# The weapon categories of the SIPRI Arms Transfers Database
WEAPON_CATEGORIES = (
    "aircraft",
    "air-defence-systems",
    "anti-submarine-warfare",
    "armoured-vehicles",
    "artillery",
    "engines",
    "missiles",
    "naval-weapons",
    "satellites",
    "sensors",
    "ships",
    "other",
)
FACILITY_TYPES = (
    "military-base",
    "air-base",
    "naval-base",
    "airport",
    "port",
    "shipyard",
    "plant",
    "headquarters",
    "training-area",
    "embassy",
    "other",
)
INSTRUMENT_TYPES = ("law", "resolution", "regulation", "decision", "executive-order", "other")

ENTITY_FIELDS: tuple[Field, ...] = (
    Field("label", "text", "rdfs:label", "The name used for the entity.", required=True),
    Field("aliases", "texts", "skos:altLabel", "Other names the article uses."),
    Field("description", "text", "schema:description", "A short description."),
    Field("honorific", "text", "schema:honorificPrefix", "Title before a name, e.g. Gen."),
    Field("located_in", "entity", "defrel:locatedIn", "The place it lies in.", targets=PLACES),
    Field(
        "part_of",
        "entity",
        "defrel:partOf",
        "The organisation or state it belongs to.",
        targets=AGENTS,
    ),
    Field("knows_about", "texts", "schema:knowsAbout", "What a person specialises in."),
    # 0.3.1
    Field(
        "url",
        "text",
        "schema:url",
        "Its own web page, an absolute http(s) URL: an author's page at the publisher, an "
        "organisation's site.",
        pattern=r"^https?://\S+$",
    ),
    Field(
        "country_code",
        "text",
        "defrel:countryCode",
        "The state's ISO 3166-1 alpha-2 code, two capital letters (PK, MT), by which a postal "
        "address names it.",
        types=("Country",),
        pattern="^[A-Z]{2}$",
    ),
    Field(
        "different_from",
        "entities",
        "owl:differentFrom",
        "Entities that must not be confused with this one.",
    ),
    # 0.3.0: fields of one entity type
    Field(
        "owned_by",
        "entities",
        "defrel:ownedBy",
        "Who owns the company (a state for a state-owned enterprise).",
        targets=AGENTS,
        types=("Company", "StateOwnedEnterprise"),
    ),
    Field(
        "facility_type",
        "choice",
        "defrel:facilityType",
        "What sort of facility: a base, an airport, a plant, a headquarters...",
        choices=FACILITY_TYPES,
        types=("Facility",),
    ),
    Field(
        "operated_by",
        "entities",
        "defrel:operatedBy",
        "Who runs the facility.",
        targets=AGENTS,
        types=("Facility",),
    ),
    Field(
        "weapon_category",
        "choice",
        "defrel:weaponCategory",
        "The SIPRI category of the weapon system.",
        choices=WEAPON_CATEGORIES,
        types=("WeaponSystem",),
    ),
    Field(
        "manufacturer",
        "entities",
        "defrel:manufacturer",
        "Who makes the weapon system.",
        targets=ORGANISATIONS + ("Country",),
        types=("WeaponSystem",),
    ),
    Field(
        "instrument_type",
        "choice",
        "defrel:instrumentType",
        "What sort of legal instrument: a law, a resolution, a regulation...",
        choices=INSTRUMENT_TYPES,
        types=("LegalInstrument",),
    ),
    Field(
        "issued_by",
        "entities",
        "defrel:issuedBy",
        "Who enacted or adopted the instrument.",
        targets=AGENTS,
        types=("LegalInstrument",),
    ),
    Field(
        "managed_by",
        "entities",
        "defrel:managedBy",
        "Who runs the programme.",
        targets=AGENTS,
        types=("Programme",),
    ),
)
