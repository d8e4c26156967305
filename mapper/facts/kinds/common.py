"""Fields every fact has (modality, time, places, links between facts) and the article's
metadata."""

from __future__ import annotations

from .fields import AGENTS, PLACES, Field

__all__ = ["ARTICLE_FIELDS", "ASPECTS", "CERTAINTIES", "COMMON_FIELDS", "QUANTITY_UNITS"]

# Modality on three axes (0.3.0): who says it is ``according_to`` (absent: the article itself);
# where it stands is ``aspect``; how sure the teller is, ``certainty``.
ASPECTS = ("planned", "ongoing", "completed", "cancelled", "state")
CERTAINTIES = ("asserted", "hedged", "denied")

COMMON_FIELDS: tuple[Field, ...] = (
    Field("label", "text", "rdfs:label", "A short human-readable name for the fact."),
    Field("description", "text", "schema:description", "What the fact says, in a sentence."),
    Field(
        "aspect",
        "choice",
        "defrel:aspect",
        "Where it stands: planned, ongoing, completed, cancelled, or a standing state.",
        choices=ASPECTS,
    ),
    Field(
        "certainty",
        "choice",
        "defrel:certainty",
        "How sure the teller is: asserted (the default), hedged (reportedly, may, expected to) "
        "or denied.",
        choices=CERTAINTIES,
    ),
    Field(
        "according_to",
        "entity",
        "defrel:accordingTo",
        "Who the article attributes the fact to (absent: the article says it itself).",
        targets=AGENTS,
    ),
    Field("date", "when", "defrel:date", "When it happened, at any precision."),
    Field("start", "when", "defrel:start", "When it began."),
    Field("end", "when", "defrel:end", "When it ended (or is due to end)."),
    Field("duration", "duration", "defrel:duration", "How long it lasted (ISO 8601, P1D)."),
    Field("period", "duration", "defrel:period", "The span it covers, ending at its date."),
    Field("places", "entities", "defrel:place", "Where it happened.", targets=PLACES),
    Field("topics", "texts", "defrel:topic", "What it is about, in the article's words."),
    Field("part_of", "fact", "defrel:partOfFact", "A larger fact this one is part of."),
    Field("concurrent_with", "facts", "defrel:concurrentWith", "Facts happening at the same time."),
    Field("before", "facts", "defrel:before", "Facts this one happened before."),
    Field("after", "facts", "defrel:after", "Facts this one happened after."),
    Field("motivated_by", "facts", "defrel:motivatedBy", "Facts the article gives as a cause."),
    Field("limited_by", "facts", "defrel:limitedBy", "Facts the article says hold it back."),
    Field("underpins", "facts", "defrel:underpins", "Facts this one forms the foundation of."),
    Field("concerns", "facts", "defrel:concerns", "Facts it is about (an operation, a deal)."),
    Field("cameo", "text", "defrel:cameoCode", "CAMEO event code, overriding the kind's default."),
)

ARTICLE_FIELDS: tuple[Field, ...] = (
    Field(
        "headline",
        "text",
        "schema:headline",
        "The title (metadata when the captured text is the body only).",
        required=True,
    ),
    Field("alternative_headline", "text", "schema:alternativeHeadline", "The standfirst."),
    Field("image_credit", "text", "schema:creditText", "Credit line of the lead image."),
    Field("image_url", "text", "schema:contentUrl", "Where the lead image is published."),
    Field("language", "text", "schema:inLanguage", "BCP 47 language tag (default en)."),
    Field("about", "entities", "schema:about", "The article's main subjects."),
    Field("publisher", "entity", "schema:publisher", "Who published it.", targets=AGENTS),
    Field("authors", "entities", "schema:author", "Who wrote it.", targets=AGENTS),
    Field(
        "wire_agency",
        "entity",
        "schema:sourceOrganization",
        "The news or wire agency the article was syndicated from.",
        targets=AGENTS,
    ),
    Field("dateline", "entity", "schema:locationCreated", "Where it was filed.", targets=PLACES),
    Field("date_published", "when", "defrel:datePublished", "When it was published."),
    Field("date_modified", "when", "defrel:dateModified", "When it was last updated."),
    Field("url", "text", "schema:url", "Where it was published."),
    Field(
        "free",
        "boolean",
        "schema:isAccessibleForFree",
        "Whether it can be read without a subscription.",
    ),
)

QUANTITY_UNITS = {
    # unit -> (UN/CEFACT common code, unit text); money is in ISO 4217 currency codes instead
    "percent": ("P1", "percent"),
    "count": ("C62", "one"),
}
