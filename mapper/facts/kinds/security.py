"""Forces in action: operations, exercises, basing and access, incidents, protests,
investigations; sanctions, embargoes and export controls; and any other PLOVER event."""

from __future__ import annotations

from .fields import AGENTS, PLOVER, Field, Kind

__all__ = ["SECURITY_KINDS"]

SANCTION_MEASURES = (
    "asset-freeze",
    "travel-ban",
    "arms-embargo",
    "export-control",
    "import-ban",
    "financial-restrictions",
    "entity-listing",
    "diplomatic",
    "other",
)
_UNDER = Field(
    "under_agreement", "fact", "defrel:underAgreement", "The agreement that provides for it."
)
_PERSONNEL = Field("personnel", "count", "defrel:personnel", "How many troops or people.")

SECURITY_KINDS = (
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
                "What sort of operation (an exercise is a fact of kind exercise since 0.3.0).",
                choices=("campaign", "offensive", "withdrawal", "deployment", "patrol", "exercise"),
            ),
            _PERSONNEL,
        ),
        schema_cls="schema:Event",
        plover="MOBILIZE",
    ),
    Kind(
        "exercise",
        "defrel:Exercise",
        "A military exercise: who takes part, who hosts, who observes.",
        (
            Field("name", "text", "schema:name", "The exercise's name."),
            Field(
                "participants",
                "entities",
                "defrel:participant",
                "Who takes part.",
                True,
                targets=AGENTS,
            ),
            Field("host", "entities", "defrel:host", "Who hosts it.", targets=AGENTS),
            Field("observers", "entities", "defrel:observer", "Who observes.", targets=AGENTS),
            Field(
                "domains",
                "choices",
                "defrel:exerciseDomain",
                "Where it is fought: land, sea, air...",
                choices=("land", "maritime", "air", "amphibious", "cyber", "space", "joint"),
            ),
            Field("edition", "integer", "defrel:edition", "Which edition (the 3rd: 3)."),
            _PERSONNEL,
            _UNDER,
        ),
        schema_cls="schema:Event",
        cameo="062",
        plover="COOPERATE",
        since="0.3.0",
    ),
    Kind(
        "basing",
        "defrel:BasingAccess",
        "One state's forces use bases, ports, airfields or airspace of another.",
        (
            Field("user", "entity", "defrel:basingUser", "Whose forces.", True, targets=AGENTS),
            Field("host", "entity", "defrel:basingHost", "The host state.", True, targets=AGENTS),
            Field(
                "facilities",
                "entities",
                "defrel:facility",
                "The bases, ports or airfields.",
                targets=("Facility", "City", "Region", "WaterBody"),
            ),
            Field(
                "access_type",
                "choices",
                "defrel:accessType",
                "What sort of presence or access.",
                True,
                choices=(
                    "permanent-base",
                    "rotational-presence",
                    "access-rights",
                    "port-calls",
                    "overflight",
                    "prepositioning",
                    "lease",
                ),
            ),
            _PERSONNEL,
            _UNDER,
        ),
        plover="COOPERATE",
        group="relation",
        since="0.3.0",
    ),
    Kind(
        "sanction",
        "defrel:Sanction",
        "Sanctions, an embargo or export controls: imposed, extended, eased or lifted.",
        (
            Field(
                "imposer", "entities", "defrel:imposer", "Who imposes them.", True, targets=AGENTS
            ),
            Field(
                "targets",
                "entities",
                "defrel:sanctionTarget",
                "Who is targeted: states, organisations, companies, persons.",
                True,
                targets=AGENTS,
            ),
            Field(
                "measures",
                "choices",
                "defrel:measure",
                "What the measures are.",
                choices=SANCTION_MEASURES,
            ),
            Field(
                "action",
                "choice",
                "defrel:sanctionAction",
                "What is done with them.",
                True,
                choices=("imposed", "extended", "expanded", "eased", "suspended", "lifted"),
            ),
            Field(
                "legal_basis",
                "entities",
                "defrel:legalBasis",
                "The law, resolution or regulation they rest on.",
                targets=("LegalInstrument",),
            ),
            Field("goods", "texts", "defrel:goods", "What goods or technology are covered."),
        ),
        schema_cls="schema:Event",
        cameo="163",
        plover="SANCTION",
        since="0.3.0",
    ),
    Kind(
        "incident",
        "defrel:Incident",
        "A coercive or violent encounter: blocking, water cannon, ramming, interception, "
        "seizure, firing, an attack.",
        (
            Field("actors", "entities", "defrel:actor", "Who acts.", True, targets=AGENTS),
            Field("targets", "entities", "defrel:target", "Against whom.", targets=AGENTS),
            Field(
                "incident_type",
                "choices",
                "defrel:incidentType",
                "What was done.",
                True,
                choices=(
                    "blocking",
                    "water-cannon",
                    "ramming",
                    "collision",
                    "shadowing",
                    "interception",
                    "boarding",
                    "seizure",
                    "laser",
                    "warning-shots",
                    "attack",
                    "strike",
                    "harassment",
                    "other",
                ),
            ),
            Field("casualties", "count", "defrel:casualties", "How many were killed or hurt."),
            Field(
                "plover_type",
                "choice",
                "defrel:ploverType",
                "COERCE (force short of violence) or ASSAULT (violence).",
                choices=("COERCE", "ASSAULT"),
            ),
        ),
        schema_cls="schema:Event",
        plover="COERCE",
        since="0.3.0",
    ),
    Kind(
        "protest",
        "defrel:Protest",
        "A demonstration, rally or strike.",
        (
            Field(
                "protesters", "entities", "defrel:protester", "Who protests.", True, targets=AGENTS
            ),
            Field(
                "against",
                "entities",
                "defrel:against",
                "Whom or what it is against.",
                targets=AGENTS,
            ),
            Field("size", "count", "defrel:crowdSize", "How many take part."),
        ),
        schema_cls="schema:Event",
        cameo="141",
        plover="PROTEST",
        since="0.3.0",
    ),
    Kind(
        "investigation",
        "defrel:Investigation",
        "An inquiry, probe or review of an event or of someone.",
        (
            Field(
                "investigator",
                "entities",
                "defrel:investigator",
                "Who investigates.",
                True,
                targets=AGENTS,
            ),
            Field(
                "subject", "entities", "defrel:investigated", "Whom it looks into.", targets=AGENTS
            ),
            Field("about_facts", "facts", "defrel:investigatedFact", "What events it looks into."),
        ),
        schema_cls="schema:Event",
        cameo="090",
        plover="INVESTIGATE",
        one_of=(("subject", "about_facts"),),
        since="0.3.0",
    ),
    Kind(
        "event",
        "defrel:OtherEvent",
        "Any other event, by its PLOVER type (a concession, a retreat, a mobilisation...).",
        (
            Field(
                "plover_type",
                "choice",
                "defrel:ploverType",
                "The PLOVER event type.",
                True,
                choices=PLOVER,
            ),
            Field("actors", "entities", "defrel:actor", "Who acts.", True, targets=AGENTS),
            Field("targets", "entities", "defrel:target", "Towards whom.", targets=AGENTS),
            Field("summary", "text", "defrel:summary", "What happens, in a sentence.", True),
        ),
        schema_cls="schema:Event",
        since="0.3.0",
    ),
)
