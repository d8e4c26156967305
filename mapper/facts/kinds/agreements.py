"""Agreements as a lifecycle: the instrument and its stage, and the steps it goes through
(proposal, negotiation, signing, ratification, entry into force, suspension, termination)."""

from __future__ import annotations

from .fields import AGENTS, Field, Kind

__all__ = ["AGREEMENT_KINDS", "AGREEMENT_STAGES", "AGREEMENT_TYPES"]

AGREEMENT_TYPES = (
    "letter-of-intent",
    "memorandum-of-understanding",
    "framework-agreement",
    "contract",
    "treaty",
    "agreement",  # a binding agreement the text names no more precisely
    "arrangement",  # an implementing or technical arrangement
    "joint-statement",  # a declaration of intent, non-binding
)
AGREEMENT_STAGES = (
    "proposed",
    "negotiating",
    "announced",
    "signed",
    "ratified",
    "in-force",
    "suspended",
    "terminated",
    "expired",
)
AGREEMENT_STEPS = (
    "proposal",
    "negotiation",
    "announcement",
    "approval",
    "ratification",
    "entry-into-force",
    "extension",
    "suspension",
    "withdrawal",
    "termination",
    "expiry",
)

AGREEMENT_KINDS = (
    Kind(
        "agreement",
        "defrel:Agreement",
        "An agreement between parties: a letter of intent, memorandum of understanding, "
        "framework agreement, contract or treaty, at a stage of its lifecycle.",
        (
            Field(
                "parties",
                "entities",
                "defrel:party",
                "The two (or more) sides.",
                required=True,
                targets=AGENTS,
                min_items=2,
            ),
            Field(
                "agreement_type",
                "choice",
                "defrel:agreementType",
                "What kind of instrument.",
                True,
                choices=AGREEMENT_TYPES,
            ),
            Field(
                "stage",
                "choice",
                "defrel:agreementStage",
                "Where it stands in its lifecycle, as of the article.",
                choices=AGREEMENT_STAGES,
            ),
            Field("name", "text", "schema:name", "Its name, if the article gives one."),
            Field("value", "quantity", "defrel:value", "What it is worth (money).", unit="money"),
            Field(
                "covers",
                "facts",
                "defrel:covers",
                "The transfers, aid, basing or cooperation it provides for.",
            ),
            Field("supersedes", "fact", "defrel:supersedes", "An earlier agreement it replaces."),
        ),
        schema_cls="schema:CreativeWork",
        group="other",
        plover="AGREE",
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
        plover="AGREE",
    ),
    Kind(
        "agreement_step",
        "defrel:AgreementStep",
        "A step in an agreement's lifecycle other than its signing: proposal, negotiation, "
        "ratification, entry into force, extension, suspension, withdrawal, termination, expiry.",
        (
            Field("agreement", "fact", "defrel:stepOf", "The agreement.", True),
            Field(
                "step",
                "choice",
                "defrel:agreementStep",
                "Which step.",
                True,
                choices=AGREEMENT_STEPS,
            ),
            Field(
                "by",
                "entities",
                "defrel:stepBy",
                "Who takes the step (a parliament that ratifies, a party that withdraws).",
                targets=AGENTS,
            ),
        ),
        schema_cls="schema:Event",
        plover="AGREE",
        since="0.3.0",
    ),
)
