"""The per-article half of a fast build, run in worker processes: load one facts file, map it
to a list of triples (no rdflib graph), validate it (the compiled SHACL engine), check it
against the ontology's consistency rules, and render its part of every output file.

What crosses articles is returned as a small summary for the parent to join: the entity
types (an entity keeps one type across articles) and the statements about shared nodes
(entities, posts, Wikidata items) that the consistency rules need.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

from rdflib import OWL, RDF, URIRef

from .chunks import ArticleText, article_texts
from .consistency import Conflict, Locator, conflicts_of, functional_properties
from .errors import DefrelError
from .facts import load_facts
from .infer import close, rules
from .mint import Minter
from .ntriples import TripleList, ntriples
from .rdfmap import map_article
from .validate import Result

__all__ = ["ArticleOutcome", "content_key", "process", "shared_predicates"]


@dataclass
class ArticleOutcome:
    """What the parent needs of one article (all of it picklable)."""

    slug: str
    facts_path: str
    key: str = ""  # content hash of the facts file and the article text
    text_path: str = ""
    triples: int = 0
    conforms: bool = True
    results: list[Result] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)  # within this article
    entities: list[tuple[str, str, int]] = field(default_factory=list)  # id, type, line
    shared: list[tuple[tuple, tuple[str, str]]] = field(default_factory=list)
    texts: ArticleText | None = None
    error: DefrelError | None = None


def content_key(facts: bytes, text: bytes, recipe: str) -> str:
    """The cache key of an article: what it is built from, and how (``recipe``)."""
    digest = hashlib.sha256(recipe.encode())
    for part in (facts, text):
        digest.update(len(part).to_bytes(8, "big"))
        digest.update(part)
    return digest.hexdigest()


@cache
def shared_predicates() -> frozenset:
    """The predicates the consistency rules read across articles: equality, the property
    characteristics, and those of allValuesFrom restrictions and defined classes."""
    g = rules().graph
    found = {OWL.sameAs, OWL.differentFrom, *functional_properties()}
    for kind in (OWL.IrreflexiveProperty, OWL.AsymmetricProperty):
        found |= set(g.subjects(RDF.type, kind))
    for restrictions in rules().restrictions.values():
        found |= {p for p, _ in restrictions}
    todo = [expr for _, expr in rules().defined]
    while todo:
        expr = todo.pop()
        if isinstance(expr, tuple):
            if expr[0] == "some":
                found.add(expr[1])
                todo.append(expr[2])
            else:
                todo.extend(expr[1])
    return frozenset(found)


def _validator():
    from .shacl import FastValidator

    return _cached_validator(FastValidator)


@cache
def _cached_validator(cls):
    return cls()


def _map(path: Path, base: str, recipe: str) -> tuple[ArticleOutcome, list, object]:
    minter = Minter(base)
    article = load_facts(path)
    outcome = ArticleOutcome(slug=article.slug, facts_path=str(path))
    outcome.text_path = str(article.text_path)
    outcome.key = content_key(path.read_bytes(), article.text_path.read_bytes(), recipe)
    minter.check_slug(article.slug)
    sink = TripleList()
    map_article(article, minter=minter, graph=sink)
    triples = sink.unique()
    outcome.triples = len(triples)
    outcome.entities = [(e.id, e.type, e.line) for e in article.entities]
    return outcome, triples, article


def _consistency(outcome: ArticleOutcome, triples: list, article, base: str) -> None:
    locator = Locator([article], base=base)
    graph = URIRef(Minter(base).graph(article.slug))
    outcome.results = [
        replace(r, where=locator.source(graph, URIRef(r.focus)) or r.where) for r in outcome.results
    ]
    local = f"{base}article/"

    def where(triple: tuple) -> str:
        return locator.source(graph, triple[0]) or f"graph {graph}"

    def says(triple: tuple) -> tuple[str, str]:
        return where(triple), locator.statement(triple)

    c = close(triples)
    outcome.conflicts = conflicts_of(c, says, locator.short)

    def shared(node) -> bool:
        return isinstance(node, URIRef) and not str(node).startswith(local)

    keep = shared_predicates()
    summary = []
    for node, classes in c.types.items():
        if shared(node):
            for cls in sorted(classes):
                summary.append(((node, RDF.type, cls), says(c.why[node, cls][0])))
    for s, p, o in sorted(c.edges):
        if p in keep and (shared(s) or shared(o)):
            summary.append(((s, p, o), says((s, p, o))))
    outcome.shared = summary


def process(paths: list[str], base: str, recipe: str) -> list[ArticleOutcome]:
    """Build the articles of ``paths`` (a worker's share), in order."""
    done: list[ArticleOutcome] = []
    mapped = []
    for name in paths:
        path = Path(name)
        try:
            outcome, triples, article = _map(path, base, recipe)
        except DefrelError as err:
            slug = path.name.removesuffix(".facts.yaml")
            done.append(ArticleOutcome(slug=slug, facts_path=name, error=err))
            continue
        mapped.append((outcome, triples, article))
        done.append(outcome)
    minter = Minter(base)
    batch = [(str(minter.graph(o.slug)), triples) for o, triples, _ in mapped]
    verdicts = _validator().validate_many(batch, base=base) if batch else []
    for (outcome, triples, article), (ok, results) in zip(mapped, verdicts, strict=True):
        outcome.conforms, outcome.results = ok, results
        _consistency(outcome, triples, article, base)
        if ok and not outcome.conflicts:
            graph = str(minter.graph(outcome.slug))
            outcome.texts = article_texts(ntriples(triples), triples, graph, base)
    return done
