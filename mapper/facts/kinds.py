"""The facts format as data: entity types, fact kinds and their fields.

One table drives the JSON Schema (``schema.py``), the loader (``facts.py``) and
the mapper (``rdfmap.py``), so a field is declared once with its RDF property.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Shape = Literal[
    "entity",  # one entity id
    "entities",  # one or more entity ids
    "fact",  # one fact id
    "facts",  # one or more fact ids
    "text",  # a string
    "texts",  # one or more strings
    "when",  # a date of any precision, see ``when.py``
    "duration",  # an ISO 8601 duration such as P1D or P3Y
    "quantity",  # a number with a unit, see ``Quantity`` in ``facts.py``
    "integer",  # a whole number >= 1
    "boolean",
    "choice",  # one of ``choices``
]


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
    min_items: int = 1  # for entities/facts/texts: how many at least


@dataclass(frozen=True)
class Kind:
    """A kind of fact: its ontology class, a schema.org class, its own fields, a CAMEO code."""

    name: str
    cls: str
    doc: str
    fields: tuple[Field, ...]
    schema_cls: str | None = None
    cameo: str | None = None
    group: str = "event"  # event | relation | other


STATES = ("Country",)
AGENTS = (
    "Person",
    "Country",
    "Organization",
    "MilitaryOrganization",
    "GovernmentOrganization",
    "NewsOrganization",
    "ArmedGroup",
    "Group",
)
PLACES = ("Country", "City", "Region")

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
}

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
    Field(
        "different_from",
        "entities",
        "owl:differentFrom",
        "Entities that must not be confused with this one.",
    ),
)

MODALITIES = ("planned", "ongoing", "completed", "reported")
TRENDS = ("growing", "steady", "declining", "dysfunctional")

COMMON_FIELDS: tuple[Field, ...] = (
    Field("label", "text", "rdfs:label", "A short human-readable name for the fact."),
    Field("description", "text", "schema:description", "What the fact says, in a sentence."),
    Field(
        "modality",
        "choice",
        "defrel:modality",
        "Planned, ongoing, completed, or only reported (claimed).",
        choices=MODALITIES,
    ),
    Field(
        "according_to",
        "entity",
        "defrel:accordingTo",
        "Who the article attributes the fact to.",
        targets=AGENTS,
    ),
    Field("date", "when", "defrel:date", "When it happened, at any precision."),
    Field("start", "when", "defrel:start", "When it began."),
    Field("end", "when", "defrel:end", "When it ended."),
    Field("duration", "duration", "defrel:duration", "How long it lasted (ISO 8601, P1D)."),
    Field("period", "duration", "defrel:period", "The span it covers, ending at its date."),
    Field("places", "entities", "defrel:place", "Where it happened.", targets=PLACES),
    Field("topics", "texts", "defrel:topic", "What it is about, in the article's words."),
    Field("part_of", "fact", "defrel:partOfFact", "A larger fact this one is part of."),
    Field("concurrent_with", "facts", "defrel:concurrentWith", "Facts happening at the same time."),
    Field("motivated_by", "facts", "defrel:motivatedBy", "Facts the article gives as a cause."),
    Field("limited_by", "facts", "defrel:limitedBy", "Facts the article says hold it back."),
    Field("underpins", "facts", "defrel:underpins", "Facts this one forms the foundation of."),
    Field("concerns", "facts", "defrel:concerns", "Facts it is about (an operation, a deal)."),
    Field("cameo", "text", "defrel:cameoCode", "CAMEO event code, overriding the kind's default."),
)

_PARTIES = Field(
    "parties",
    "entities",
    "defrel:party",
    "The two (or more) sides.",
    required=True,
    targets=AGENTS,
    min_items=2,
)
_TREND = (
    Field("trend", "choice", "defrel:trend", "Which way it is going.", choices=TRENDS),
    Field("trend_since", "when", "defrel:trendSince", "Since when the trend is marked."),
)

KINDS: dict[str, Kind] = {
    k.name: k
    for k in (
        Kind(
            "post",
            "defrel:PostHolding",
            "A person holds a post in an organisation or state.",
            (
                Field(
                    "holder", "entity", "defrel:holder", "Who holds it.", True, targets=("Person",)
                ),
                Field(
                    "title", "text", "defrel:postTitle", "The post, e.g. Defense Minister.", True
                ),
                Field(
                    "organization",
                    "entity",
                    "defrel:postOrganization",
                    "The state or organisation the post is in.",
                    True,
                    targets=AGENTS,
                ),
            ),
            group="other",
        ),
        Kind(
            "visit",
            "defrel:Visit",
            "Someone travels to a country or city.",
            (
                Field("visitor", "entities", "defrel:visitor", "Who visits.", True, targets=AGENTS),
                Field(
                    "destination",
                    "entity",
                    "defrel:destination",
                    "The country or place visited.",
                    True,
                    targets=PLACES,
                ),
                Field(
                    "host", "entities", "defrel:host", "Who receives the visitor.", targets=AGENTS
                ),
            ),
            schema_cls="schema:Event",
            cameo="042",
        ),
        Kind(
            "meeting",
            "defrel:Meeting",
            "Two or more parties meet.",
            (
                Field(
                    "participants",
                    "entities",
                    "defrel:participant",
                    "Who meets.",
                    True,
                    targets=AGENTS,
                ),
                Field("series", "boolean", "defrel:isSeries", "A series of meetings, not one."),
            ),
            schema_cls="schema:Event",
            cameo="040",
        ),
        Kind(
            "agreement",
            "defrel:Agreement",
            "An agreement between parties (signed or planned: see its signing).",
            (
                _PARTIES,
                Field(
                    "agreement_type",
                    "choice",
                    "defrel:agreementType",
                    "What kind of instrument.",
                    True,
                    choices=("memorandum-of-understanding", "treaty", "contract", "agreement"),
                ),
            ),
            schema_cls="schema:CreativeWork",
            group="other",
        ),
        Kind(
            "signing",
            "defrel:Signing",
            "The signing of an agreement (planned or done).",
            (
                Field("agreement", "fact", "defrel:signedAgreement", "The agreement.", True),
                Field("signatories", "entities", "defrel:signatory", "Who signs.", targets=AGENTS),
            ),
            schema_cls="schema:Event",
            cameo="057",
        ),
        Kind(
            "arms_transfer",
            "defrel:ArmsTransfer",
            "A deal or delivery of weapons, with the fields of the SIPRI register.",
            (
                Field("supplier", "entity", "defrel:supplier", "Who sells.", True, targets=AGENTS),
                Field("recipient", "entity", "defrel:recipient", "Who buys.", True, targets=AGENTS),
                Field(
                    "designation",
                    "entity",
                    "defrel:designation",
                    "The weapon system.",
                    True,
                    targets=("WeaponSystem",),
                ),
                Field("weapon_description", "text", "defrel:weaponDescription", "e.g. helicopter."),
                Field("number_ordered", "integer", "defrel:numberOrdered", "How many."),
                Field("order_year", "when", "defrel:orderDate", "When the order was placed."),
                Field("delivery_years", "texts", "defrel:deliveryYears", "When delivered."),
                Field(
                    "status",
                    "choice",
                    "defrel:transferStatus",
                    "Where the deal stands.",
                    choices=("planned", "ordered", "delivering", "delivered", "cancelled"),
                ),
                Field(
                    "value", "quantity", "defrel:value", "What it is worth (money).", unit="money"
                ),
            ),
            schema_cls="schema:Event",
        ),
        Kind(
            "military_operation",
            "defrel:MilitaryOperation",
            "A military campaign, offensive, withdrawal or deployment.",
            (
                Field("name", "text", "schema:name", "The operation's name."),
                Field(
                    "conducted_by",
                    "entities",
                    "defrel:conductedBy",
                    "Who runs it.",
                    True,
                    targets=AGENTS,
                ),
                Field("against", "entities", "defrel:against", "Who it targets.", targets=AGENTS),
                Field(
                    "operation_type",
                    "choice",
                    "defrel:operationType",
                    "What sort of operation.",
                    choices=("campaign", "offensive", "withdrawal", "deployment", "exercise"),
                ),
            ),
            schema_cls="schema:Event",
        ),
        Kind(
            "statement",
            "defrel:Statement",
            "Someone says something: direct quotation or reported speech.",
            (
                Field("speaker", "entities", "defrel:speaker", "Who speaks.", True, targets=AGENTS),
                Field("addressees", "entities", "defrel:addressee", "Who is told.", targets=AGENTS),
                Field("about", "entities", "defrel:about", "What or whom it is about."),
                Field("content", "text", "defrel:content", "What was said, in reported speech."),
                Field(
                    "quotation",
                    "text",
                    "defrel:quotation",
                    "The speaker's own words, exactly as quoted in the article.",
                ),
                Field(
                    "stance",
                    "choice",
                    "defrel:stance",
                    "What sort of statement.",
                    choices=(
                        "claim",
                        "declaration",
                        "clarification",
                        "criticism",
                        "assurance",
                        "pledge",
                    ),
                ),
                Field(
                    "on_behalf_of",
                    "entity",
                    "defrel:onBehalfOf",
                    "Whom the speaker speaks for.",
                    targets=AGENTS,
                ),
                Field("responds_to", "fact", "defrel:respondsTo", "The statement it answers."),
            ),
            schema_cls="schema:Event",
            cameo="010",
        ),
        Kind(
            "report",
            "defrel:Report",
            "A third party reports something (the article cites a report).",
            (
                Field("reporter", "entity", "defrel:reporter", "Who reports.", targets=AGENTS),
                Field("reports", "facts", "defrel:reports", "The facts reported.", True),
            ),
            schema_cls="schema:Event",
        ),
        Kind(
            "alliance",
            "defrel:Alliance",
            "An alliance between states.",
            (_PARTIES, *_TREND),
            group="relation",
        ),
        Kind(
            "rivalry",
            "defrel:Rivalry",
            "A rivalry between states.",
            (_PARTIES, *_TREND),
            group="relation",
        ),
        Kind(
            "partnership",
            "defrel:Partnership",
            "A defence partnership between states.",
            (_PARTIES, *_TREND),
            group="relation",
        ),
        Kind(
            "cooperation",
            "defrel:Cooperation",
            "States cooperating on security matters.",
            (_PARTIES, *_TREND),
            group="relation",
        ),
        Kind(
            "courtship",
            "defrel:Courtship",
            "One state seeking closer defence ties with another.",
            (
                Field("actor", "entity", "defrel:courter", "Who courts.", True, targets=AGENTS),
                Field(
                    "target", "entity", "defrel:courted", "Who is courted.", True, targets=AGENTS
                ),
                Field("aim", "text", "defrel:aim", "What the actor wants the target to be."),
                *_TREND,
            ),
            group="relation",
        ),
        Kind(
            "arms_supply",
            "defrel:ArmsSupplyRelation",
            "One state supplies arms to another, with shares, values and rankings.",
            (
                Field(
                    "supplier", "entity", "defrel:supplier", "Who supplies.", True, targets=AGENTS
                ),
                Field(
                    "recipient", "entity", "defrel:recipient", "Who receives.", True, targets=AGENTS
                ),
                Field(
                    "share",
                    "quantity",
                    "defrel:share",
                    "Share of the recipient's needs (percent).",
                    unit="percent",
                ),
                Field("value", "quantity", "defrel:value", "Value supplied (money).", unit="money"),
                Field(
                    "supplier_rank",
                    "integer",
                    "defrel:supplierRank",
                    "Rank of the supplier among the recipient's suppliers (1 = top).",
                ),
                Field(
                    "recipient_rank",
                    "integer",
                    "defrel:recipientRank",
                    "Rank of the recipient among the supplier's foreign buyers (1 = largest).",
                ),
                Field(
                    "overtook",
                    "entities",
                    "defrel:overtook",
                    "Suppliers it moved ahead of.",
                    targets=AGENTS,
                ),
                Field(
                    "magnitude",
                    "choice",
                    "defrel:magnitude",
                    "How the article sizes it.",
                    choices=("major", "minor"),
                ),
                *_TREND,
            ),
            group="relation",
        ),
        Kind(
            "arms_demand",
            "defrel:ArmsDemand",
            "A state's appetite for another state's weapons.",
            (
                Field(
                    "buyer",
                    "entity",
                    "defrel:buyer",
                    "Who wants the weapons.",
                    True,
                    targets=AGENTS,
                ),
                Field(
                    "source",
                    "entity",
                    "defrel:demandSource",
                    "Whose weapons.",
                    True,
                    targets=AGENTS,
                ),
                *_TREND,
            ),
            group="relation",
        ),
        Kind(
            "assessment",
            "defrel:Assessment",
            "The article's judgement about a situation (not an event).",
            (
                Field("subject", "entities", "defrel:subject", "What it judges.", True),
                Field("summary", "text", "defrel:summary", "The judgement, in a sentence.", True),
            ),
            group="other",
        ),
    )
}

ARTICLE_FIELDS: tuple[Field, ...] = (
    Field("headline", "text", "schema:headline", "The title, as in the text.", required=True),
    Field("alternative_headline", "text", "schema:alternativeHeadline", "The standfirst."),
    Field("image_credit", "text", "schema:creditText", "Credit line of the lead image."),
    Field("language", "text", "schema:inLanguage", "BCP 47 language tag (default en)."),
    Field("about", "entities", "schema:about", "The article's main subjects."),
    Field("publisher", "entity", "schema:publisher", "Who published it.", targets=AGENTS),
    Field("authors", "entities", "schema:author", "Who wrote it.", targets=AGENTS),
    Field("date_published", "when", "defrel:datePublished", "When it was published."),
    Field("url", "text", "schema:url", "Where it was published."),
)

QUANTITY_UNITS = {
    # unit -> (UN/CEFACT common code, unit text); money is in ISO 4217 currency codes instead
    "percent": ("P1", "percent"),
}
