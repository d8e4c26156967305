"""Namespaces, read from the bundled JSON-LD context so that prefixes are stated once."""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from typing import Any

import rdflib
from rdflib import Namespace, URIRef

from .options import DEFAULT_BASE

__all__ = [
    "CONTEXT_FILE", "DEFAULT_BASE", "NS", "OWL", "RDF", "RDFS", "XSD", "FastNamespace", "context",
    "curie", "expand",
]  # fmt: skip

CONTEXT_FILE = "context.jsonld"


@cache
def context() -> dict[str, Any]:
    """The published JSON-LD context (``mapper/data/context.jsonld``) as a dict."""
    return json.loads((files("mapper.data") / CONTEXT_FILE).read_text(encoding="utf-8"))


class FastNamespace(Namespace):
    """A Namespace that keeps each term it hands out: rdflib's makes a new URIRef on every
    attribute access, which the mapper does a few hundred times per article."""

    def __getattr__(self, name: str) -> URIRef:
        if name.startswith("__"):  # as rdflib's: no dunder terms (copy, pickle probe them)
            raise AttributeError(name)
        term = self.__dict__[name] = self.term(name)
        return term


def _prefixes() -> dict[str, Namespace]:
    return {k: FastNamespace(v) for k, v in context()["@context"].items() if not k.startswith("@")}


NS: dict[str, Namespace] = _prefixes()
# rdflib's own namespaces, as FastNamespace (same terms) for the mapper's inner loops
RDF, RDFS, XSD, OWL = (
    FastNamespace(str(ns)) for ns in (rdflib.RDF, rdflib.RDFS, rdflib.XSD, rdflib.OWL)
)


def expand(name: str) -> URIRef:
    """``"schema:Person"`` -> the full IRI; the prefix must be one of the context's."""
    prefix, _, local = name.partition(":")
    return NS[prefix][local]


def curie(iri: str) -> str:
    """The shortest ``prefix:local`` form of ``iri``, or the IRI itself."""
    for prefix, ns in NS.items():
        if iri.startswith(str(ns)) and len(iri) > len(ns):
            return f"{prefix}:{iri[len(ns) :]}"
    return iri
