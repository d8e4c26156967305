"""What validation reports, shared by both engines: the bundled shapes and ontology, a located
result, the report, and the IRIs of defrel's nodes turned back into fact and article ids."""

from __future__ import annotations

import json
import re
import warnings
from dataclasses import asdict, dataclass
from functools import cache
from importlib.resources import files

import pyoxigraph as ox
from rdflib import RDF, RDFS, BNode, Graph, Literal, URIRef
from rdflib.namespace import SH

from ..rdf.oxterm import from_oxigraph
from ..rdf.vocab import curie

__all__ = [
    "Report",
    "Result",
    "class_hierarchy",
    "conforming_report",
    "ontology_graph",
    "shapes_graph",
]


@cache
def _bundled(folder: str) -> Graph:
    """The Turtle files of a bundled folder, merged. Read by Oxigraph's parser: rdflib's took
    0.3 s for the shapes and the ontology, paid by every process that validates."""
    graph = Graph()
    for resource in sorted((files("mapper.data") / folder).iterdir(), key=lambda r: r.name):
        if resource.name.endswith(".ttl"):
            bnodes: dict = {}  # a file's blank nodes are its own, whatever their labels
            for t in ox.parse(resource.read_bytes(), format=ox.RdfFormat.TURTLE):
                terms = (t.subject, t.predicate, t.object)
                graph.add(tuple(from_oxigraph(x, bnodes) for x in terms))
    return graph


def shapes_graph() -> Graph:
    """All SHACL shapes in ``shapes/``, merged."""
    return _bundled("shapes")


def ontology_graph() -> Graph:
    """The defrel ontology in ``ontology/``, merged."""
    return _bundled("ontology")


@cache
def class_hierarchy() -> Graph:
    """What SHACL validation reads of the ontology: its named rdfs:subClassOf axioms.

    Validation runs with inference "none", so the ontology counts only where sh:class and
    sh:targetClass follow rdfs:subClassOf. pySHACL copies its ont_graph into every data graph
    it validates, deep-copying each owl:NamedIndividual with everything linked to it; handed
    the whole ontology (annotations, the PLOVER concept scheme) it spends minutes per article
    on the copy. Both engines are handed this graph, so their verdicts stay the same."""
    graph = Graph()
    for s, o in ontology_graph().subject_objects(RDFS.subClassOf):
        if isinstance(s, URIRef) and isinstance(o, URIRef):
            graph.add((s, RDFS.subClassOf, o))
    return graph


@dataclass(frozen=True)
class Result:
    """One violation, located: which article, which fact or entity, which property."""

    severity: str
    focus: str
    path: str | None
    value: str | None
    message: str
    component: str
    shape: str
    graph: str | None = None
    where: str | None = None  # "fact 'x' of article 'y'" when the focus IRI is one of ours

    def __str__(self) -> str:
        subject = self.where or self.focus
        parts = [f"{self.severity}: {subject}"]
        if self.path:
            parts.append(f"property {self.path}")
        if self.value is not None:
            parts.append(f"value {self.value}")
        return f"{', '.join(parts)}\n    {self.message} [{self.component}]"


@dataclass
class Report:
    """The outcome of validation: conforms or not, each result, and the SHACL report graph."""

    conforms: bool
    results: list[Result]
    graph: Graph

    def text(self) -> str:
        if self.conforms:
            return "Conforms: every article passes every shape.\n"
        lines = [f"Does not conform: {len(self.results)} result(s)."]
        lines += [str(r) for r in self.results]
        return "\n".join(lines) + "\n"

    def json(self) -> str:
        data = {"conforms": self.conforms, "results": [asdict(r) for r in self.results]}
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"

    def turtle(self) -> str:
        return self.graph.serialize(format="turtle")


_OURS = re.compile(r"article/(?P<slug>[^/]+)(?:/(?P<what>fact|entity)/(?P<id>[^/]+))?")


def _where(focus: str, base: str | None) -> str | None:
    if base is None or not focus.startswith(base):
        return None
    match = _OURS.match(focus[len(base) :])
    if focus[len(base) :].startswith("entity/"):
        return f"entity {focus[len(base) + 7 :].split('/')[0]!r}"
    if not match:
        return None
    if match["what"]:
        return f"{match['what']} {match['id']!r} of article {match['slug']!r}"
    return f"article {match['slug']!r}"


def _sh(node) -> str:
    """``sh:Violation`` for a term of the SHACL namespace (not one of the context's prefixes)."""
    text = str(node)
    return f"sh:{text[len(str(SH)) :]}" if text.startswith(str(SH)) else curie(text)


def _term(node) -> str | None:
    if node is None:
        return None
    if isinstance(node, Literal):
        # an ill-typed number ("abc"^^xsd:decimal, as damaged data has) makes rdflib warn, then
        # write it quoted: the text is what we want, the warning is not an error of ours
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)
            return node.n3()
    return curie(str(node)) if isinstance(node, URIRef) else str(node)


def conforming_report() -> Graph:
    """The SHACL report of data without a single result: ``[] a sh:ValidationReport ;
    sh:conforms true``."""
    graph = Graph()
    graph.bind("sh", SH)
    report = BNode()
    graph.add((report, RDF.type, SH.ValidationReport))
    graph.add((report, SH.conforms, Literal(True)))
    return graph
