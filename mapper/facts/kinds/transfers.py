"""Arms transfers as the SIPRI Arms Transfers Database records them, military aid and training,
and co-production and technology transfer."""

from __future__ import annotations

from .entities import WEAPON_CATEGORIES
from .fields import AGENTS, ORGANISATIONS, Field, Kind

__all__ = ["TRANSFER_KINDS"]

FINANCING = (
    "foreign-military-sales",
    "foreign-military-financing",
    "direct-commercial-sale",
    "loan",
    "grant",
    "credit",
    "barter",
    "national-budget",
)
AID_TYPES = (
    "equipment",
    "training",
    "financing",
    "maintenance",
    "logistics",
    "intelligence",
    "infrastructure",
    "advisers",
    "humanitarian",
    "other",
)

_UNDER = Field(
    "under_agreement",
    "fact",
    "defrel:underAgreement",
    "The agreement or contract that provides for it.",
)
_END_USER = Field(
    "end_user",
    "entities",
    "defrel:endUser",
    "Which force or unit will use it (the navy, an army brigade).",
    targets=AGENTS,
)
_SYSTEMS = Field(
    "systems",
    "entities",
    "defrel:system",
    "The weapon systems, where the article names them.",
    targets=("WeaponSystem",),
)

TRANSFER_KINDS = (
    Kind(
        "arms_transfer",
        "defrel:ArmsTransfer",
        "A deal for or delivery of weapons, as one line of the SIPRI register: one system (or "
        "a category when the article names no model) from a supplier to a recipient.",
        (
            Field("supplier", "entity", "defrel:supplier", "Who sells.", True, targets=AGENTS),
            Field("recipient", "entity", "defrel:recipient", "Who buys.", True, targets=AGENTS),
            Field(
                "designation",
                "entity",
                "defrel:designation",
                "The weapon system.",
                targets=("WeaponSystem",),
            ),
            Field(
                "weapon_category",
                "choice",
                "defrel:weaponCategory",
                "The SIPRI category, when the article names no model.",
                choices=WEAPON_CATEGORIES,
            ),
            Field("weapon_description", "text", "defrel:weaponDescription", "e.g. helicopter."),
            Field(
                "manufacturer",
                "entities",
                "defrel:manufacturer",
                "The company that builds it, if not the supplier.",
                targets=ORGANISATIONS,
            ),
            Field("number_ordered", "count", "defrel:numberOrdered", "How many were ordered."),
            Field("number_delivered", "count", "defrel:numberDelivered", "How many so far."),
            Field("order_year", "when", "defrel:orderDate", "When the order was placed."),
            Field("first_delivery", "when", "defrel:firstDelivery", "When deliveries begin."),
            Field("last_delivery", "when", "defrel:lastDelivery", "When they are to end."),
            Field("delivery_years", "texts", "defrel:deliveryYears", "When delivered."),
            Field(
                "delivery_schedule",
                "text",
                "defrel:deliverySchedule",
                "Batches and timing, in the article's words.",
            ),
            Field(
                "status",
                "choice",
                "defrel:transferStatus",
                "Where the deal stands.",
                choices=(
                    "planned",
                    "negotiating",
                    "ordered",
                    "delivering",
                    "delivered",
                    "cancelled",
                ),
            ),
            Field("value", "quantity", "defrel:value", "What it is worth (money).", unit="money"),
            _END_USER,
            Field(
                "licensed_production",
                "boolean",
                "defrel:licensedProduction",
                "Built (in part) under licence in the recipient state.",
            ),
            Field(
                "licensed_producer",
                "entities",
                "defrel:licensedProducer",
                "Who builds it under licence.",
                targets=ORGANISATIONS,
            ),
            Field(
                "production_site",
                "entities",
                "defrel:productionSite",
                "Where it is built.",
                targets=("Facility", "City", "Region", "Country"),
            ),
            Field("offsets", "text", "defrel:offsets", "Offset or industrial-participation terms."),
            Field(
                "financing",
                "choices",
                "defrel:financing",
                "How it is paid for.",
                choices=FINANCING,
            ),
            Field(
                "financed_by",
                "entities",
                "defrel:financedBy",
                "Who lends or grants the money.",
                targets=AGENTS,
            ),
            Field(
                "second_hand", "boolean", "defrel:secondHand", "Used, from the supplier's stocks."
            ),
            _UNDER,
        ),
        schema_cls="schema:Event",
        plover="AGREE",
        one_of=(("designation", "weapon_category", "weapon_description"),),
    ),
    Kind(
        "aid",
        "defrel:MilitaryAid",
        "Military or security aid: equipment, money, maintenance or advisers given to a state.",
        (
            Field("provider", "entities", "defrel:provider", "Who gives.", True, targets=AGENTS),
            Field("recipient", "entity", "defrel:recipient", "Who receives.", True, targets=AGENTS),
            Field(
                "aid_type",
                "choices",
                "defrel:aidType",
                "What sort of aid.",
                True,
                choices=AID_TYPES,
            ),
            _SYSTEMS,
            Field("items", "text", "defrel:aidItems", "What is given, in the article's words."),
            Field("number", "count", "defrel:numberOfItems", "How many items."),
            Field("value", "quantity", "defrel:value", "What it is worth (money).", unit="money"),
            Field(
                "programme",
                "entity",
                "defrel:programme",
                "The aid programme.",
                targets=("Programme",),
            ),
            _END_USER,
            _UNDER,
        ),
        schema_cls="schema:Event",
        cameo="072",
        plover="AID",
        since="0.3.0",
    ),
    Kind(
        "training",
        "defrel:Training",
        "One side trains another's forces (courses, instructors, a training mission).",
        (
            Field("trainer", "entities", "defrel:trainer", "Who trains.", True, targets=AGENTS),
            Field(
                "trainees", "entities", "defrel:trainee", "Who is trained.", True, targets=AGENTS
            ),
            Field("subject", "texts", "defrel:trainingSubject", "What is taught."),
            Field("number_trained", "count", "defrel:numberTrained", "How many people."),
            _SYSTEMS,
            _UNDER,
        ),
        schema_cls="schema:Event",
        plover="AID",
        since="0.3.0",
    ),
    Kind(
        "coproduction",
        "defrel:Coproduction",
        "Joint development or production of weapons, a joint venture, or a transfer of technology.",
        (
            Field(
                "partners",
                "entities",
                "defrel:coproductionPartner",
                "Who produces together (two or more).",
                True,
                targets=AGENTS,
                min_items=2,
            ),
            _SYSTEMS,
            Field("product", "text", "defrel:productDescription", "What is produced, in words."),
            Field(
                "venture",
                "entity",
                "defrel:jointVenture",
                "The joint venture company, if one is formed.",
                targets=("Company", "StateOwnedEnterprise", "Organization"),
            ),
            Field(
                "production_site",
                "entities",
                "defrel:productionSite",
                "Where it is produced.",
                targets=("Facility", "City", "Region", "Country"),
            ),
            Field(
                "technology_transfer",
                "boolean",
                "defrel:technologyTransfer",
                "Whether technology passes from one partner to another.",
            ),
            Field("shares", "text", "defrel:workShare", "Ownership or work shares, in words."),
            Field("number", "count", "defrel:numberOfItems", "How many are to be built."),
            _UNDER,
        ),
        schema_cls="schema:Event",
        plover="COOPERATE",
        one_of=(("systems", "product"),),
        since="0.3.0",
    ),
)
