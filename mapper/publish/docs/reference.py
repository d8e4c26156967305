"""The ontology's reference documentation: one static HTML page with a section per class and
property (IRI, label, definition, super- and sub-terms, domain and range, PLOVER type and
CAMEO code, the SHACL constraints that apply, a real example from the seed data in Turtle),
the PLOVER concept scheme, a class diagram in SVG, the competency questions with their
answers, the ontology to download as Turtle, JSON-LD and RDF/XML, and a guide to the facts
format kind by kind (``docs.kinds``)."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from pathlib import Path

from rdflib import OWL, RDF, RDFS, BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, SKOS

from ...builder.outdir import staged_output
from ...builder.pipeline import build_dataset
from ...builder.serialize import write_files
from ...checks.competency import competency_questions
from ...checks.infer import add_inferences
from ...checks.report import ontology_graph
from ...facts.kinds import KINDS as FACT_KINDS
from ...rdf.mapping import bind_prefixes
from ...rdf.vocab import DEFAULT_BASE, curie
from .diagram import class_diagram
from .kinds import KINDS_PAGE, kind_examples, kinds_page, plover_section
from .shapes import constraints_for

__all__ = ["DOWNLOADS", "DocsOutcome", "write_docs"]

DOWNLOADS = {"defrel.ttl": "turtle", "defrel.jsonld": "json-ld", "defrel.rdf": "xml"}
KINDS = {
    OWL.Class: "Classes",
    OWL.ObjectProperty: "Object properties",
    OWL.DatatypeProperty: "Datatype properties",
    OWL.AnnotationProperty: "Annotation properties",
}
SKOS_CLOSE = SKOS.closeMatch
CHARACTERISTICS = (OWL.FunctionalProperty, OWL.SymmetricProperty, OWL.IrreflexiveProperty,
                   OWL.AsymmetricProperty, OWL.TransitiveProperty)  # fmt: skip
LONG = 160  # literals longer than this are cut in examples
OWN = "https://w3id.org/defrel/ontology#"
PLOVER_TYPE, CAMEO = URIRef(OWN + "ploverEventType"), URIRef(OWN + "defaultCameoCode")


@dataclass
class DocsOutcome:
    """What ``write_docs`` wrote, and how many terms it documented."""

    written: list[Path]
    terms: int


class _Page:
    """Renders the reference page of one ontology graph."""

    def __init__(self, g: Graph, examples: Dataset, base: str) -> None:
        self.g, self.data, self.base = g, examples, base
        self.iri = next(iter(g.subjects(RDF.type, OWL.Ontology)))
        self.own = str(
            g.value(self.iri, URIRef("http://purl.org/vocab/vann/preferredNamespaceUri"))
        )
        self.terms = {
            kind: sorted(t for t in g.subjects(RDF.type, kind) if str(t).startswith(self.own))
            for kind in KINDS
        }

    # --- names and links ---------------------------------------------------------------

    def anchor(self, term: URIRef) -> str:
        return str(term)[len(self.own) :]

    def link(self, node) -> str:
        """A link to a term's section, a curie for an external term, or a class expression."""
        if isinstance(node, BNode):
            return self.expression(node)
        if isinstance(node, URIRef) and str(node).startswith(self.own):
            return f'<a href="#{escape(self.anchor(node))}"><code>{escape(curie(str(node)))}</code></a>'
        return f"<code>{escape(curie(str(node)))}</code>"

    def expression(self, node) -> str:
        """OWL class expressions in Manchester syntax: ``A or B``, ``p some C``."""
        g = self.g
        for key, word in ((OWL.unionOf, " or "), (OWL.intersectionOf, " and ")):
            head = g.value(node, key)
            if head is not None:
                items = [self.link(m) for m in g.items(head)]
                return "(" + f" <em>{word.strip()}</em> ".join(items) + ")"
        for key, word in ((OWL.someValuesFrom, "some"), (OWL.allValuesFrom, "only")):
            target = g.value(node, key)
            if target is not None:
                return f"{self.link(g.value(node, OWL.onProperty))} <em>{word}</em> {self.link(target)}"
        return escape(str(node))

    def links(self, nodes) -> str:
        items = sorted(set(nodes), key=str)
        return ", ".join(self.link(n) for n in items) if items else "—"

    # --- the page ----------------------------------------------------------------------

    def html(self, diagram: str) -> str:
        g, iri = self.g, self.iri
        title = escape(str(g.value(iri, DCTERMS.title) or "Ontology"))
        version = escape(str(g.value(iri, OWL.versionInfo)))
        licence = escape(str(g.value(iri, DCTERMS.license)))
        rows = [
            ("Ontology IRI", f"<code>{escape(str(iri))}</code>"),
            ("Version", f"{version} (<code>{escape(str(g.value(iri, OWL.versionIRI)))}</code>)"),
            ("Prior version", f"<code>{escape(str(g.value(iri, OWL.priorVersion) or '—'))}</code>"),
            ("Licence", f'<a href="{licence}" rel="license">{licence}</a>'),
            ("Creator", escape(str(g.value(iri, DCTERMS.creator) or "—"))),
            ("Namespace", f"<code>{escape(self.own)}</code> (prefix <code>defrel:</code>)"),
            ("Download", " · ".join(f'<a href="{n}" download>{n}</a>' for n in DOWNLOADS)),
            ("Facts format", f'<a href="{KINDS_PAGE}">the kinds of fact, field by field</a>'),
        ]
        head = "".join(f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in rows)
        sections = [self.section(kind, term) for kind in KINDS for term in self.terms[kind]]
        return _TEMPLATE.format(
            title=title,
            description=escape(str(g.value(iri, DCTERMS.description) or "")),
            head=head,
            toc=self.toc(),
            diagram=diagram,
            sections="\n".join(sections) + plover_section(g, self.link),
            questions=self.questions(),
            external=self.external(),
        )

    def toc(self) -> str:
        parts = ['<li><a href="#diagram">Class diagram</a></li>']
        for kind, name in KINDS.items():
            ident = name.lower().replace(" ", "-")
            items = "".join(
                f'<li><a href="#{escape(self.anchor(t))}">{escape(self.label(t))}</a></li>'
                for t in self.terms[kind]
            )
            parts.append(f'<li><a href="#{ident}">{name}</a><ol>{items}</ol></li>')
        parts.append('<li><a href="#plover-event-types">PLOVER event types</a></li>')
        parts.append('<li><a href="#competency-questions">Competency questions</a></li>')
        parts.append('<li><a href="#external-terms">External terms</a></li>')
        return "<ol>" + "".join(parts) + "</ol>"

    def label(self, term: URIRef) -> str:
        return str(self.g.value(term, RDFS.label) or self.anchor(term))

    def section(self, kind: URIRef, term: URIRef) -> str:
        g = self.g
        first = self.terms[kind][0] == term
        heading = (
            f'<h2 id="{KINDS[kind].lower().replace(" ", "-")}">{KINDS[kind]}</h2>' if first else ""
        )
        rows = [("IRI", f"<code>{escape(str(term))}</code>")]
        if kind == OWL.Class:
            rows += self.class_rows(term)
        else:
            rows += self.property_rows(term)
        rows.append(("SHACL constraints", constraints_for(term, kind, g, self.link)))
        comment = g.value(term, RDFS.comment)
        old = " <em>(deprecated)</em>" if (term, OWL.deprecated, Literal(True)) in g else ""
        body = "".join(f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in rows)
        return (
            f'{heading}<section class="term" id="{escape(self.anchor(term))}">'
            f"<h3>{escape(self.label(term))} <small><code>{escape(curie(str(term)))}</code></small>"
            f"{old}</h3>"
            f'<p class="definition">{escape(str(g.value(term, SKOS.definition) or ""))}</p>'
            + (f'<p class="comment">{escape(str(comment))}</p>' if comment else "")
            + f"<table>{body}</table><h4>Example</h4>{self.example(kind, term)}</section>"
        )

    def class_rows(self, term: URIRef) -> list[tuple[str, str]]:
        g = self.g
        supers = [o for o in g.objects(term, RDFS.subClassOf)]
        subs = [s for s in g.subjects(RDFS.subClassOf, term) if isinstance(s, URIRef)]
        disjoint = set(g.objects(term, OWL.disjointWith)) | set(g.subjects(OWL.disjointWith, term))
        for node in g.subjects(RDF.type, OWL.AllDisjointClasses):
            members = list(g.items(g.value(node, OWL.members)))
            if term in members:
                disjoint |= set(members) - {term}
        domain_of = [
            p
            for p in g.subjects(RDFS.domain, None)
            if self._mentions(g.value(p, RDFS.domain), term)
        ]
        range_of = [
            p for p in g.subjects(RDFS.range, None) if self._mentions(g.value(p, RDFS.range), term)
        ]
        rows = [("Superclasses", self.links(supers)), ("Subclasses", self.links(subs))]
        for equivalent in g.objects(term, OWL.equivalentClass):
            rows.append(("Defined as (equivalent to)", self.link(equivalent)))
        rows += self.kind_rows(term)
        rows += [
            ("Disjoint with", self.links(disjoint)),
            ("In the domain of", self.links(domain_of)),
            ("In the range of", self.links(range_of)),
        ]
        return rows

    def kind_rows(self, term: URIRef) -> list[tuple[str, str]]:
        """PLOVER type, CAMEO code and close matches; for a kind of fact, its guide."""
        g, rows = self.g, []
        for prop, name in ((PLOVER_TYPE, "PLOVER event type"), (CAMEO, "Default CAMEO code")):
            value = g.value(term, prop)
            if value is not None:
                rows.append((name, self.link(value) if isinstance(value, URIRef) else
                             f"<code>{escape(str(value))}</code>"))  # fmt: skip
        close = list(g.objects(term, SKOS_CLOSE))
        if close:
            rows.append(("Close match", self.links(close)))
        kinds = [k.name for k in FACT_KINDS.values() if k.cls == curie(str(term))]
        if kinds:
            links = ", ".join(
                f'<a href="{KINDS_PAGE}#{k}"><code>kind: {k}</code></a>' for k in kinds
            )
            rows.append(("In facts files", links))
        return rows

    def _mentions(self, expr, term: URIRef) -> bool:
        if expr == term:
            return True
        head = self.g.value(expr, OWL.unionOf) if isinstance(expr, BNode) else None
        return head is not None and term in list(self.g.items(head))

    def property_rows(self, term: URIRef) -> list[tuple[str, str]]:
        g = self.g
        kinds = [curie(str(c)) for c in CHARACTERISTICS if (term, RDF.type, c) in g]
        inverse = set(g.objects(term, OWL.inverseOf)) | set(g.subjects(OWL.inverseOf, term))
        return [
            ("Domain", self.links(g.objects(term, RDFS.domain))),
            ("Range", self.links(g.objects(term, RDFS.range))),
            ("Super-properties", self.links(g.objects(term, RDFS.subPropertyOf))),
            ("Sub-properties", self.links(g.subjects(RDFS.subPropertyOf, term))),
            ("Inverse", self.links(inverse)),
            ("Characteristics", ", ".join(f"<code>{k}</code>" for k in kinds) or "—"),
        ]

    # --- examples from the data ----------------------------------------------------------

    def example(self, kind: URIRef, term: URIRef) -> str:
        data = self.data
        if kind == OWL.Class:
            found = sorted(s for s in data.subjects(RDF.type, term) if isinstance(s, URIRef))
            if not found:
                return '<p class="no-example">The seed data has no instance.</p>'
            subject = found[0]
            triples = [t for t in self._asserted(subject)]
            if (subject, RDF.type, term) not in triples:
                triples.append((subject, RDF.type, term))
                note = f"# {curie(str(term))} is inferred (defrel build --infer), not stated.\n"
            else:
                note = ""
        else:
            found = sorted(data.triples((None, term, None)))
            if not found:
                return '<p class="no-example">The seed data does not use it.</p>'
            subject = found[0][0]
            triples = [t for t in self._asserted(subject) if t[1] in (RDF.type, RDFS.label)]
            triples += [t for t in found if t[0] == subject]
            note = ""
        return f'<pre class="turtle">{escape(note + self.turtle(triples))}</pre>'

    def _asserted(self, subject) -> list[tuple]:
        return sorted(
            (s, p, o)
            for s, p, o, g in self.data.quads((subject, None, None, None))
            if not str(g).endswith("/inferred")
        )

    def turtle(self, triples: list[tuple]) -> str:
        small = Graph()
        bind_prefixes(small)
        small.bind("data", self.base)
        for s, p, o in triples:
            if isinstance(o, Literal) and len(o) > LONG:
                o = Literal(str(o)[:LONG] + " …", lang=o.language, datatype=o.datatype)
            small.add((s, p, o))
        text = small.serialize(format="turtle")
        body = [line for line in text.splitlines() if not line.startswith("@prefix")]
        used = [line for line in text.splitlines() if line.startswith("@prefix") and
                line.split()[1] in " ".join(body)]  # fmt: skip
        return "\n".join(used + body).strip() + "\n"

    # --- competency questions and external terms -----------------------------------------

    def questions(self) -> str:
        items = []
        for q in competency_questions():
            rows = [line.split(",") for line in q.expected_csv.strip().splitlines()]
            table = "".join(
                "<tr>" + "".join(f"<{'th' if i == 0 else 'td'}>{escape(c)}</{'th' if i == 0 else 'td'}>" for c in row) + "</tr>"
                for i, row in enumerate(rows[:8])
            )  # fmt: skip
            items.append(
                f'<li id="cq-{escape(q.name)}"><p class="question">{escape(q.question)}</p>'
                f"<p>{escape(q.note)}</p><details><summary>SPARQL</summary>"
                f'<pre class="sparql">{escape(q.query)}</pre></details>'
                f"<p>Expected answer on the seed article "
                f"(<code>queries/competency/{escape(q.name)}.csv</code>):</p>"
                f'<table class="answer">{table}</table></li>'
            )
        return "<ol>" + "".join(items) + "</ol>"

    def external(self) -> str:
        kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)
        rows = [
            f"<tr><td><code>{escape(curie(str(t)))}</code></td><td><code>{escape(str(t))}</code>"
            f"</td><td>{curie(str(k))}</td></tr>"
            for k in kinds
            for t in sorted(self.g.subjects(RDF.type, k))
            if isinstance(t, URIRef) and not str(t).startswith(self.own)
        ]
        return "<table><tr><th>term</th><th>IRI</th><th>kind</th></tr>" + "".join(rows) + "</table>"


def examples_dataset(paths: list[Path], *, base: str) -> Dataset:
    """The facts files mapped, with the inferred graphs (for the examples of defined classes)."""
    dataset, graphs = build_dataset(paths, base=base)
    add_inferences(dataset, graphs)
    dataset.default_union = True  # examples are looked up across the articles' graphs
    return dataset


def write_docs(*, out: Path, examples: list[Path], base: str = DEFAULT_BASE) -> DocsOutcome:
    """Write the reference of the bundled ontology into ``out`` (replaced whole; it must be a
    folder defrel may replace, see ``check_output``)."""
    with staged_output(out, inputs=examples, command="ontology docs") as stage:
        g = ontology_graph()
        page = _Page(g, examples_dataset(examples, base=base), base)
        diagram = class_diagram(g, own=page.own)
        files = {
            "index.html": page.html(diagram),
            "diagram.svg": class_diagram(g, own=page.own, href="index.html"),
            KINDS_PAGE: kinds_page(kind_examples(examples)),
        }
        for name, fmt in DOWNLOADS.items():
            copy = Graph()
            bind_prefixes(copy)
            copy += g
            files[name] = copy.serialize(format=fmt)
        write_files(files, stage.folder)
    written = [Path(out) / name for name in files]
    return DocsOutcome(written=written, terms=sum(len(t) for t in page.terms.values()))


_TEMPLATE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<link rel="alternate" type="text/turtle" href="defrel.ttl">
<link rel="alternate" type="application/ld+json" href="defrel.jsonld">
<link rel="alternate" type="application/rdf+xml" href="defrel.rdf">
<style>
body {{ font-family: system-ui, sans-serif; max-width: 72rem; margin: 0 auto; padding: 1rem 2rem;
       line-height: 1.45; color: #1b1f24; }}
table {{ border-collapse: collapse; margin: .5rem 0; }}
th, td {{ text-align: left; vertical-align: top; padding: .2rem .6rem; border-bottom: 1px solid #e3e6ea; }}
th {{ white-space: nowrap; color: #445; font-weight: 600; }}
section.term {{ border-top: 1px solid #ccd; padding-top: .5rem; margin-top: 1.5rem; }}
pre {{ background: #f6f8fa; padding: .6rem; overflow-x: auto; font-size: .85rem; }}
code {{ font-size: .9em; }}
.definition {{ font-size: 1.05rem; }}
nav ol ol {{ columns: 3; font-size: .9rem; }}
.constraint {{ margin: .2rem 0; }}
</style>
</head>
<body>
<header>
<h1>{title}</h1>
<p>{description}</p>
<table class="metadata">{head}</table>
</header>
<nav id="contents"><h2>Contents</h2>{toc}</nav>
<main>
<h2 id="diagram">Class diagram</h2>
<p>The subclass tree of the ontology's own classes; beside each, the classes of other
vocabularies it specialises. Also as <a href="diagram.svg">diagram.svg</a>.</p>
<figure>{diagram}</figure>
{sections}
<h2 id="competency-questions">Competency questions</h2>
<p>The questions the ontology must answer, each with its SPARQL query and its answer on the
seed article (with the graphs of <code>defrel build --infer</code>); the tests run them all.</p>
{questions}
<h2 id="external-terms">External terms</h2>
<p>Terms of other vocabularies the ontology declares (so that a reasoner needs nothing else),
without redefining them.</p>
{external}
</main>
</body>
</html>
"""
