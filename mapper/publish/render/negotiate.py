"""HTTP content negotiation: the media types a resource's documents come in, and the choice of
one of them for an ``Accept`` header (RFC 9110 §12.5.1: q-values, ``type/*``, ``*/*``)."""

from __future__ import annotations

__all__ = [
    "DOCUMENTS",
    "EXTENSIONS",
    "NAMES",
    "WELL_KNOWN",
    "asks_html",
    "choose",
    "parse_accept",
]

# Every resource's documents, in the server's order of preference: suffix -> media type.
DOCUMENTS = {
    ".html": "text/html",
    ".ttl": "text/turtle",
    ".jsonld": "application/ld+json",
    ".nt": "application/n-triples",
    ".nq": "application/n-quads",
    ".rdf": "application/rdf+xml",  # what Protégé and SPARQLWrapper ask for
}
NAMES = {
    ".html": "HTML",
    ".ttl": "Turtle",
    ".jsonld": "JSON-LD",
    ".nt": "N-Triples",
    ".nq": "N-Quads",
    ".rdf": "RDF/XML",
}
# Where RFC 8615 and VoID (§7.2) look for a host's VoID description, below the root.
WELL_KNOWN = ".well-known/void"
# Content types of the other files a site holds, by suffix.
EXTENSIONS = {
    **DOCUMENTS,
    ".css": "text/css",
    ".xml": "application/xml",
    ".txt": "text/plain",
    ".png": "image/png",
    ".svg": "image/svg+xml",
}


def parse_accept(header: str | None) -> list[tuple[str, float]]:
    """``[(media range, q), …]``; a missing or empty header accepts anything."""
    if not header or not header.strip():
        return [("*/*", 1.0)]
    ranges = []
    for part in header.split(","):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        if not media:
            continue
        q = 1.0
        for param in fields[1:]:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = max(0.0, min(1.0, float(value)))
                except ValueError:
                    q = 0.0
        ranges.append((media, q))
    return ranges


def _quality(offer: str, ranges: list[tuple[str, float]]) -> float:
    """The q of the most specific range that matches ``offer`` (0 if none does)."""
    kind = offer.split("/")[0]
    best, specificity = 0.0, -1
    for media, q in ranges:
        if media == offer:
            rank = 2
        elif media == f"{kind}/*":
            rank = 1
        elif media == "*/*":
            rank = 0
        else:
            continue
        if rank > specificity:
            best, specificity = q, rank
    return best


def choose(header: str | None, offers: list[str]) -> str | None:
    """The offer the client prefers most (ties go to the earlier offer), or None (406)."""
    ranges = parse_accept(header)
    scored = [(_quality(offer, ranges), -i, offer) for i, offer in enumerate(offers)]
    q, _, offer = max(scored, default=(0.0, 0, None))
    return offer if q > 0 else None


def asks_html(header: str | None) -> bool:
    """Whether the client prefers an HTML page to plain text (a browser does); an error goes
    to anyone else, ``*/*`` and no header included, as plain text."""
    return choose(header, ["text/plain", "text/html"]) == "text/html"
