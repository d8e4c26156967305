"""Standing relations between states (alliances, rivalries, partnerships, cooperation,
courtship, arms supply and demand) and the article's own assessments."""

from __future__ import annotations

from .fields import AGENTS, Field, Kind

__all__ = ["RELATION_KINDS", "TRENDS"]

TRENDS = ("growing", "steady", "declining", "dysfunctional")

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

RELATION_KINDS = (
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
        (
            _PARTIES,
            *_TREND,
            Field(
                "under_agreement",
                "fact",
                "defrel:underAgreement",
                "The agreement that provides for it.",
            ),
        ),
        group="relation",
    ),
    Kind(
        "courtship",
        "defrel:Courtship",
        "One state seeking closer defence ties with another.",
        (
            Field("actor", "entity", "defrel:courter", "Who courts.", True, targets=AGENTS),
            Field("target", "entity", "defrel:courted", "Who is courted.", True, targets=AGENTS),
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
            Field("supplier", "entity", "defrel:supplier", "Who supplies.", True, targets=AGENTS),
            Field("recipient", "entity", "defrel:recipient", "Who receives.", True, targets=AGENTS),
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
