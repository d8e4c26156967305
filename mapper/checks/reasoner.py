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

import contextlib
import hashlib
import os
import re
import shutil
import subprocess
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path

import owlready2
from owlready2 import reasoning
from rdflib import OWL, RDF, RDFS, XSD, Dataset, Graph, Literal, URIRef

from ..errors import InputError, ReasonerError
from ..rdf.imports import resolve_imports
from ..rdf.read import read_rdf
from ..rdf.vocab import curie
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
DRIVER = "DefrelReasoner"
TIMEOUT_S = 600


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
        output = _run([str(path), mode, "explain" if explain else "no-explain"])
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


# --- the Java side ---------------------------------------------------------------------------


def _java() -> tuple[str, str]:
    """The ``java`` and ``javac`` to use: owlready2's choice of java, and javac beside it."""
    java = shutil.which(owlready2.JAVA_EXE) or shutil.which("java")
    javac = shutil.which("javac", path=str(Path(java).resolve().parent)) if java else None
    javac = javac or shutil.which("javac")
    if not java or not javac:
        raise ReasonerError(
            "the reasoner needs a Java development kit (java and javac), and none was found",
            hint="run scripts/setup.sh (it installs one), or apt-get install default-jdk-headless",
        )
    return java, javac


def _cache_root() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    root = Path(base) / "defrel" / "java"
    try:
        root.mkdir(parents=True, exist_ok=True)
        return root
    except OSError:
        return Path(tempfile.gettempdir()) / "defrel-java"


def _compiled(javac: str) -> Path:
    """The folder holding the compiled driver, compiled once per version of its source."""
    source = (files("mapper.data") / "java" / f"{DRIVER}.java").read_text(encoding="utf-8")
    key = hashlib.sha256((source + reasoning._HERMIT_CLASSPATH).encode()).hexdigest()[:16]
    target = _cache_root() / key
    if (target / f"{DRIVER}.class").exists():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".build-", dir=target.parent))
    try:
        (staging / f"{DRIVER}.java").write_text(source, encoding="utf-8")
        empty = staging / "sources"
        empty.mkdir()
        done = subprocess.run(
            [javac, "-nowarn", "-implicit:none", "-sourcepath", str(empty), "-d", str(staging),
             "-cp", reasoning._HERMIT_CLASSPATH, str(staging / f"{DRIVER}.java")],
            capture_output=True, text=True, timeout=TIMEOUT_S, check=False,
        )  # fmt: skip
        if done.returncode != 0:
            raise ReasonerError(f"cannot compile the reasoner driver:\n{done.stderr[-2000:]}")
        with contextlib.suppress(OSError):  # another process may have compiled it first
            os.replace(staging, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return target


def _run(args: list[str]) -> str:
    java, javac = _java()
    classes = _compiled(javac)
    command = [java, f"-Xmx{reasoning.JAVA_MEMORY}M", "-cp",
               os.pathsep.join([str(classes), reasoning._HERMIT_CLASSPATH]), DRIVER, *args]  # fmt: skip
    started = time.monotonic()
    try:
        done = subprocess.run(
            command, capture_output=True, text=True, timeout=TIMEOUT_S, check=False
        )
    except subprocess.TimeoutExpired:
        raise ReasonerError(
            f"the reasoner did not finish in {TIMEOUT_S} s", hint="check a smaller input"
        ) from None
    if done.returncode != 0:
        detail = done.stderr.strip().splitlines()
        start = next((i for i, d in enumerate(detail) if "Exception" in d), 0)
        message = []
        for line in detail[start:]:  # the exception's message, without its stack trace
            if line.lstrip().startswith("at ") and message:
                break
            message.append(line.strip())
        reason = " ".join(message).split("Exception: ", 1)[-1]
        raise ReasonerError(
            f"HermiT could not reason over the input: {reason}",
            hint="the input must be OWL 2 DL, its literals typed with the OWL 2 datatype map",
        )
    return done.stdout + f"TIME\twall\t{int((time.monotonic() - started) * 1000)}\n"
