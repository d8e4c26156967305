"""What the rdf stage offers the CLI, stated without loading rdflib (``defrel --help`` loads
no RDF library): the RDF syntaxes, each once, with the names Jena's ``riot`` and Oxigraph's CLI
give it, its media types and file suffixes; and the default base IRI."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "DEFAULT_BASE",
    "QUAD_FORMATS",
    "RDF_SUFFIXES",
    "SYNTAXES",
    "Syntax",
    "normal_name",
    "rdf_syntax",
    "syntax_of_suffix",
]

DEFAULT_BASE = "https://w3id.org/defrel/data/"  # where article, fact and entity IRIs live


@dataclass(frozen=True)
class Syntax:
    """One RDF syntax: defrel's name for it, rdflib's, its file suffixes (the first is the one
    defrel writes), its media types (the first is the registered one) and the other names
    people type for it (Jena's riot --syntax/--output, Oxigraph's extensions)."""

    name: str
    rdflib: str
    suffixes: tuple[str, ...]
    media_types: tuple[str, ...]
    aliases: tuple[str, ...] = ()
    quads: bool = False

    @property
    def names(self) -> tuple[str, ...]:
        """Every name the syntax answers to, lower case: defrel's, the aliases, the suffixes
        without their dot and the media types."""
        suffixes = tuple(s.lstrip(".") for s in self.suffixes)
        return (self.name, *self.aliases, *suffixes, *self.media_types)


SYNTAXES = (
    Syntax(
        "turtle",
        "turtle",
        (".ttl",),
        ("text/turtle", "application/turtle", "application/x-turtle"),
        ("ttl",),
    ),
    Syntax(
        "nt",
        "nt",
        (".nt",),
        ("application/n-triples", "text/plain"),
        ("ntriples", "n-triples", "ntriple", "n-triple", "txt"),
    ),
    Syntax(
        "nq",
        "nquads",
        (".nq",),
        ("application/n-quads", "text/n-quads", "text/x-nquads"),
        ("nquads", "n-quads", "nquad", "n-quad"),
        quads=True,
    ),
    Syntax("trig", "trig", (".trig",), ("application/trig", "application/x-trig"), quads=True),
    Syntax(
        "jsonld",
        "json-ld",
        (".jsonld",),
        ("application/ld+json",),
        ("json-ld", "json"),
        quads=True,
    ),
    Syntax(
        "rdfxml",
        "xml",
        (".rdf", ".owl"),
        ("application/rdf+xml", "application/xml", "text/xml", "text/rdf+xml"),
        ("rdf/xml", "rdf-xml", "xml", "rdf/xml-abbrev"),
    ),
)

RDF_SUFFIXES = {suffix: s.rdflib for s in SYNTAXES for suffix in s.suffixes}  # -> rdflib's name
QUAD_FORMATS = {s.rdflib for s in SYNTAXES if s.quads}


def normal_name(name: str) -> str:
    """A format name as looked up: lower case, without spaces or media-type parameters
    (``text/turtle; charset=utf-8`` is ``text/turtle``)."""
    return name.split(";", 1)[0].strip().lower()


_BY_NAME = {n: s for s in SYNTAXES for n in s.names}


def rdf_syntax(name: str) -> Syntax | None:
    """The syntax ``name`` (any of its names, case-insensitive) stands for, or None."""
    return _BY_NAME.get(normal_name(name))


def syntax_of_suffix(suffix: str) -> Syntax | None:
    """The syntax of a file suffix (``.ttl``), or None."""
    return next((s for s in SYNTAXES if suffix.lower() in s.suffixes), None)
