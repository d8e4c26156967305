"""Check the ontology (and, optionally, data) with HermiT: consistent, every class satisfiable,
and for each problem a justification, the few axioms that together cause it.

HermiT is the build bundled with owlready2; a small Java driver (``data/java/``) runs it and
the OWL API it ships in one JVM, so that a justification costs milliseconds per reasoner call.
HermiT supports only the OWL 2 datatype map: literals outside it (the mapper's ``xsd:date``,
``xsd:gYear``, ``xsd:gMonth``, ``xsd:gDay``, ``xsd:gYearMonth`` and ``xsd:duration``), and
ranges naming such datatypes, are kept out of its input. The ontology puts no axiom on them
beyond their range, and SHACL checks their lexical form, so the verdict loses nothing.
"""

from __future__ import annotations

import re
import tempfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import OWL, RDF, RDFS, XSD, Dataset, Graph, Literal, URIRef

from ..errors import InputError, ReasonerError
from ..rdf.imports import resolve_imports
from ..rdf.read import read_rdf
from ..rdf.vocab import curie
from .hermit import run_driver
from .report import ontology_graph

__all__ = [
    "OWL2_DATATYPES",
    "OntologyCheck",
    "ReasonerReport",
    "check_graph",
    "check_ontology",
    "parse_axiom",
    "reasoner_input",
    "render_axiom",
]

# The OWL 2 datatype map (https://www.w3.org/TR/owl2-syntax/#Datatype_Maps): all HermiT knows.
_XSD_IN_OWL2 = (
    "decimal integer nonNegativeInteger nonPositiveInteger positiveInteger negativeInteger "
    "long int short byte unsignedLong unsignedInt unsignedShort unsignedByte double float "
    "string normalizedString token language Name NCName NMTOKEN boolean hexBinary "
    "base64Binary anyURI dateTime dateTimeStamp"
)
OWL2_DATATYPES = frozenset(
    {RDFS.Literal, OWL.real, OWL.rational, RDF.PlainLiteral, RDF.XMLLiteral, RDF.langString}
    | {XSD[name] for name in _XSD_IN_OWL2.split(" ")}
)


@dataclass
class ReasonerReport:
    """What HermiT found: consistency, unsatisfiable classes, and a justification of each."""

    consistent: bool
    unsatisfiable: dict[str, list[str]]  # class IRI -> the axioms of one justification
    inconsistency: list[str]  # the axioms of one justification of the inconsistency
    counts: dict[str, int]
    times_ms: dict[str, int]
    kept_out: Counter = field(default_factory=Counter)  # datatype curie -> literals left out

    @property
    def ok(self) -> bool:
        return self.consistent and not self.unsatisfiable

    @property
    def seconds(self) -> float:
        """Load and reasoning time inside the JVM (not its start-up, not explanations)."""
        return (self.times_ms.get("load", 0) + self.times_ms.get("reason", 0)) / 1000

    def summary(self) -> str:
        c = self.counts
        return (
            f"{c.get('classes', 0)} classes, {c.get('objectProperties', 0)} object properties, "
            f"{c.get('dataProperties', 0)} datatype properties, "
            f"{c.get('annotationProperties', 0)} annotation properties, "
            f"{c.get('individuals', 0)} individuals; {c.get('axioms', 0)} axioms "
            f"({c.get('logicalAxioms', 0)} logical)"
        )

    def text(self, where: Callable[[str], str | None] = lambda axiom: None) -> str:
        """The verdict, and each problem with the axioms involved (IRIs shortened); ``where``
        may say where an axiom came from (a data graph, a file)."""
        if self.ok:
            return "Consistent; every class is satisfiable.\n"

        def show(axiom: str) -> str:
            source = where(axiom)
            return f"    {render_axiom(axiom)}" + (f"\n      from {source}" if source else "")

        lines = []
        if not self.consistent:
            lines.append("Inconsistent: no interpretation satisfies these axioms together:")
            lines += [show(a) for a in self.inconsistency]
            lines.append("  hint: remove or correct one of them")
        for cls, axioms in self.unsatisfiable.items():
            lines.append(f"Unsatisfiable class {curie(cls)}: nothing can be one, because of")
            lines += [show(a) for a in axioms]
        if self.unsatisfiable:
            lines.append("  hint: remove or correct one axiom of each list")
        return "\n".join(lines) + "\n"


def reasoner_input(graph: Graph) -> tuple[Graph, Counter]:
    """A copy of ``graph`` without its ``owl:imports`` and what HermiT cannot read: literals
    whose datatype is outside the OWL 2 datatype map, and ranges naming such a datatype; and
    how many of each were left out (by datatype curie)."""
    kept, left_out = Graph(), Counter()
    for s, p, o in graph:
        if p == OWL.imports:  # the OWL API would fetch it: imports are resolved before, if at all
            continue
        if isinstance(o, Literal) and o.datatype is not None and o.datatype not in OWL2_DATATYPES:
            left_out[curie(str(o.datatype))] += 1
            continue
        if p == RDFS.range and str(o).startswith(str(XSD)) and o not in OWL2_DATATYPES:
            left_out[f"rdfs:range {curie(str(o))}"] += 1
            continue
        kept.add((s, p, o))
    return kept, left_out


def check_graph(graph: Graph, *, classify: bool = True, explain: bool = True) -> ReasonerReport:
    """Run HermiT over ``graph`` (ontology, or ontology plus data).

    ``classify`` also finds the unsatisfiable classes (needed for an ontology; data adds
    no unsatisfiable class that does not also make it inconsistent). Raises ReasonerError
    only if the reasoner cannot run.
    """
    kept, left_out = reasoner_input(graph)
    with tempfile.TemporaryDirectory(prefix="defrel-reasoner-") as tmp:
        path = Path(tmp) / "input.nt"
        path.write_text(_ntriples(kept), encoding="utf-8")
        mode = "classify" if classify else "consistency"
        output = run_driver([str(path), mode, "explain" if explain else "no-explain"])
    report = _parse(output)
    report.kept_out = left_out
    return report


@dataclass
class OntologyCheck:
    """The outcome of ``defrel ontology check``: the reasoner's report on the ontology (and
    data, if given), the ontology's header, and its own terms counted."""

    report: ReasonerReport
    iri: str
    version: str
    own_terms: dict[str, int]  # "classes", "object properties", "datatype properties"
    data: Dataset | None

    def where(self, axiom: str) -> str | None:
        """The data graphs that state an assertion axiom (None for the ontology's own)."""
        if self.data is None:
            return None
        graphs = sorted(
            {str(q[3]) for t in parse_axiom(axiom) for q in self.data.quads(t) if q[3] is not None}
        )
        return ", ".join(f"graph <{g}>" for g in graphs) or None

    def text(self) -> str:
        terms = ", ".join(f"{n} {what}" for what, n in self.own_terms.items())
        head = f"Ontology <{self.iri}> version {self.version}: {terms}; "
        head += f"{self.report.counts.get('axioms', 0)} axioms "
        head += f"({self.report.counts.get('logicalAxioms', 0)} logical)"
        if self.data is not None:
            head += f", with {self.report.counts.get('individuals', 0)} individuals of data"
        return f"{head}.\n{self.report.text(self.where)}"

    def summary(self) -> dict:
        """A JSON-ready summary (``defrel ontology check --json``): the verdict, the counts,
        each problem's axioms (with the data graphs that state them) and HermiT's times."""
        report = self.report

        def axioms(found: list[str]) -> list[dict]:
            return [{"axiom": render_axiom(a), "from": self.where(a)} for a in found]

        return {
            "status": "ok" if report.ok else "problems",
            "ontology": self.iri,
            "version": self.version,
            "terms": self.own_terms,
            "axioms": report.counts.get("axioms", 0),
            "logical_axioms": report.counts.get("logicalAxioms", 0),
            "individuals": report.counts.get("individuals", 0) if self.data is not None else None,
            "consistent": report.consistent,
            "inconsistency": axioms(report.inconsistency),
            "unsatisfiable": {curie(c): axioms(a) for c, a in report.unsatisfiable.items()},
            "literals_kept_out": dict(report.kept_out),
            "seconds": {k: v / 1000 for k, v in report.times_ms.items()},
        }


def check_ontology(
    *, ontology: list[Path] | None = None, data: list[Path] = (), allow_remote: bool = False
) -> OntologyCheck:
    """Check the bundled ontology (or the given ontology files or folders of .ttl files), with
    the data of the given RDF files if any: consistent, and every class satisfiable.

    ``owl:imports`` are never followed by the reasoner: an import of an ontology not given is
    refused, or with ``allow_remote`` read here (see ``rdf.imports``) and added."""
    graph = Graph()
    sources: list[tuple[Path, Graph]] = []
    if ontology:
        files_ = [f for p in ontology for f in (sorted(p.glob("*.ttl")) if p.is_dir() else [p])]
        if not files_:
            raise InputError("no ontology files (*.ttl) found", path=ontology[0])
        for path in files_:
            sources.append((path, _triples(read_rdf([path]))))
            graph += sources[-1][1]
    else:
        graph += ontology_graph()
    heads = list(graph.subjects(RDF.type, OWL.Ontology))
    if len(heads) != 1:
        raise InputError(
            f"expected one owl:Ontology, found {len(heads)}",
            path=ontology[0] if ontology else None,
            hint="check the ontology files, not data or shapes",
        )
    dataset = Dataset(default_union=True) if data else None
    for path in data:  # file by file, so that an import is traced to the file naming it
        part = read_rdf([path])
        for quad in part.quads():
            dataset.add(quad)
        sources.append((path, _triples(part)))
    imported = resolve_imports(sources, known={str(heads[0])}, allow_remote=allow_remote)
    full = Graph() + graph + imported
    if dataset is not None:
        for quad in dataset.quads():
            full.add(quad[:3])
    report = check_graph(full, classify=True)
    own = str(graph.value(heads[0], URIRef("http://purl.org/vocab/vann/preferredNamespaceUri")))
    kinds = {"classes": OWL.Class, "object properties": OWL.ObjectProperty,
             "datatype properties": OWL.DatatypeProperty}  # fmt: skip
    counts = {
        what: sum(1 for t in graph.subjects(RDF.type, k) if str(t).startswith(own))
        for what, k in kinds.items()
    }
    version = str(graph.value(heads[0], OWL.versionInfo) or "(none)")
    return OntologyCheck(report, str(heads[0]), version, counts, dataset)


def _triples(dataset: Dataset) -> Graph:
    graph = Graph()
    for quad in dataset.quads():
        graph.add(quad[:3])
    return graph


def _ntriples(graph: Graph) -> str:
    """N-Triples with each owl:Ontology header first: the OWL API reads an annotation of the
    ontology that comes before its header as an annotation assertion, and counts it."""
    lines = sorted(line for line in graph.serialize(format="nt").splitlines() if line.strip())
    header = f"<{RDF.type}> <{OWL.Ontology}> ."
    return "\n".join(sorted(lines, key=lambda line: not line.endswith(header))) + "\n"


def _parse(output: str) -> ReasonerReport:
    report = ReasonerReport(True, {}, [], {}, {})
    for line in output.splitlines():
        tag, _, rest = line.partition("\t")
        if tag == "COUNT":
            name, value = rest.split("\t")
            report.counts[name] = int(value)
        elif tag == "TIME":
            name, value = rest.split("\t")
            report.times_ms[name] = int(value)
        elif tag == "CONSISTENT":
            report.consistent = rest == "true"
        elif tag == "UNSAT":
            report.unsatisfiable[rest] = []
        elif tag == "WHY":
            subject, axiom = rest.split("\t", 1)
            target = report.inconsistency if subject == "-" else report.unsatisfiable[subject]
            target.append(axiom)
    if "CONSISTENT" not in output:
        raise ReasonerError(f"the reasoner gave no verdict:\n{output[-2000:]}")
    return report


# --- axioms as text ------------------------------------------------------------------------

_IRI = re.compile(r"<([^>]*)>")
_ASSERTION = re.compile(
    r"^(ClassAssertion|ObjectPropertyAssertion|SameIndividual|DifferentIndividuals)\((.*)\)$"
)


def render_axiom(axiom: str) -> str:
    """``SubClassOf(<https://w3id.org/defrel/ontology#Visit> ...)`` -> ``SubClassOf(defrel:Visit
    ...)``: IRIs shortened with the context's prefixes."""
    return _IRI.sub(lambda m: _short(m.group(1)), axiom)


def _short(iri: str) -> str:
    short = curie(iri)
    return short if short != iri else f"<{iri}>"


def parse_axiom(axiom: str) -> list[tuple[URIRef, URIRef, URIRef]]:
    """The RDF triples an assertion axiom stands for (empty for other axioms), so that the
    statement can be traced back to the graph (and facts file) it came from."""
    match = _ASSERTION.match(axiom.strip())
    if not match:
        return []
    kind, iris = match[1], [URIRef(i) for i in _IRI.findall(match[2])]
    if kind == "ClassAssertion" and len(iris) == 2:
        return [(iris[1], RDF.type, iris[0])]
    if kind == "ObjectPropertyAssertion" and len(iris) == 3:
        return [(iris[1], iris[0], iris[2])]
    predicate = OWL.sameAs if kind == "SameIndividual" else OWL.differentFrom
    return [(a, predicate, b) for a in iris for b in iris if a != b]
