"""Namespaces, read from the bundled JSON-LD context so that prefixes are stated once."""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from typing import Any

from rdflib import Namespace, URIRef

__all__ = ["CONTEXT_FILE", "DEFAULT_BASE", "NS", "context", "curie", "expand"]

CONTEXT_FILE = "context.jsonld"
DEFAULT_BASE = "https://w3id.org/defrel/data/"


@cache
def context() -> dict[str, Any]:
    """The published JSON-LD context (``mapper/data/context.jsonld``) as a dict."""
    return json.loads((files("mapper.data") / CONTEXT_FILE).read_text(encoding="utf-8"))


def _prefixes() -> dict[str, Namespace]:
    return {k: Namespace(v) for k, v in context()["@context"].items() if not k.startswith("@")}


NS: dict[str, Namespace] = _prefixes()


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
