"""What the rdf stage offers the CLI, stated without loading rdflib (``defrel --help`` loads
no RDF library): the RDF syntaxes read, by file suffix, and the default base IRI."""

from __future__ import annotations

__all__ = ["DEFAULT_BASE", "QUAD_FORMATS", "RDF_SUFFIXES"]

DEFAULT_BASE = "https://w3id.org/defrel/data/"  # where article, fact and entity IRIs live

RDF_SUFFIXES = {
    ".ttl": "turtle",
    ".nt": "nt",
    ".nq": "nquads",
    ".trig": "trig",
    ".jsonld": "json-ld",
    ".rdf": "xml",
    ".owl": "xml",
}
QUAD_FORMATS = {"nquads", "trig", "json-ld"}
