"""The per-article half of a fast build, run in worker processes: load one facts file, map it
to a list of triples (no rdflib graph), validate it (the compiled SHACL engine), check it
against the ontology's consistency rules, and render its part of every output file.

What crosses articles is returned as a small summary for the parent to join: the entities
and posts (``facts.corpus``: types, labels, Wikidata items and part_of must agree) and the
statements about shared nodes (entities, posts, Wikidata items) that the consistency rules
need.
"""

from __future__ import annotations

import gc
import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from time import perf_counter

from rdflib import OWL, RDF, Literal, URIRef

from ..checks.consistency import Conflict, Locator, conflicts_of, functional_properties
from ..checks.infer import close, inferred_graph_iri, rules
from ..checks.report import Result
from ..errors import DefrelError
from ..facts.corpus import Summary, summary_of
from ..facts.files import read_bytes
from ..facts.load import load_facts
from ..rdf.mapping import map_article
from ..rdf.mint import Minter
from ..rdf.ntriples import TripleList, ntriples, ntriples_pairs
from .chunks import ArticleText, add_inferred, article_texts

__all__ = [
    "GC_THRESHOLD", "ArticleOutcome", "content_key", "entailed", "file_stamp", "process",
    "shared_predicates", "tune_collector", "where_said",
]  # fmt: skip


# A worker's collector runs after this many new container objects, not CPython's 700: an
# article makes hundreds of thousands of short-lived terms, tuples and dicts and few cycles,
# and with the default threshold a build's worker spent about 8 % of its CPU in collections
# that found almost nothing (a site's, rendering pages, up to 11 %).
GC_THRESHOLD = (50_000, 50, 100)


def tune_collector() -> None:
    """The initializer of a worker process (the build's, the site's): what its imports made
    is frozen, never walked again, and the collector runs after ``GC_THRESHOLD``."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLD)


@dataclass
class ArticleOutcome:
    """What the parent needs of one article (all of it picklable)."""

    slug: str
    facts_path: str
    key: str = ""  # content hash of the facts file and the article text
    text_path: str = ""  # relative to the facts file's folder, as the facts file says
    stamp: list[int] = field(default_factory=list)  # size, mtime, inode of both files
    triples: int = 0
    conforms: bool = True
    results: list[Result] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)  # within this article
    summary: Summary | None = None  # what other articles must agree with (entities, posts)
    shared: list[str] = field(default_factory=list)  # N-Triples statements, without " ."
    texts: ArticleText | None = None
    error: DefrelError | None = None
    seconds: dict[str, float] = field(default_factory=dict)  # stage -> time spent on it
    inferred: int = 0  # triples in the article's /inferred graph (``infer``)
    rendered: tuple | None = None  # what ``process``'s ``pages`` made of it


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
    from ..checks.shacl import FastValidator

    return _cached_validator(FastValidator)


@cache
def _cached_validator(cls):
    return cls()


def _stamp(st: os.stat_result) -> list[int]:
    return [st.st_size, st.st_mtime_ns, st.st_ino]


def file_stamp(facts: str, text: str) -> list[int]:
    """Size, modification time and inode of an article's two files: while none of them
    changes, neither do the files (as make and git assume), and a rebuild reads nothing."""
    return _stamp(os.stat(facts)) + _stamp(os.stat(text))


def _map(
    path: Path, base: str, recipe: str, root: Path | None = None
) -> tuple[ArticleOutcome, list, object]:
    """Load and map one article. Its cache key is computed from the very bytes mapped, and
    its stamp (see ``file_stamp``) is left empty if a file changed while it was
    being read, so that the next build reads it again."""
    minter = Minter(base)
    started = perf_counter()
    facts_stat = os.stat(path)
    facts_bytes = read_bytes(path, what="facts file")  # never blocks, bounded: see files.py
    article = load_facts(path, root=root)
    loaded = perf_counter()
    outcome = ArticleOutcome(slug=article.slug, facts_path=str(path))
    outcome.text_path = os.path.relpath(article.text_path, path.parent)
    text_stat = os.stat(article.text_path)
    text_bytes = read_bytes(article.text_path, what=f"article text for {path.name}")
    steady = _stamp(os.stat(path)) == _stamp(facts_stat) and text_bytes == article.text.encode()
    outcome.key = content_key(facts_bytes, text_bytes, recipe) if steady else ""
    outcome.stamp = _stamp(facts_stat) + _stamp(text_stat) if steady else []
    minter.check_slug(article.slug)
    sink = TripleList()
    map_article(article, minter=minter, graph=sink)
    triples = sink.unique()
    outcome.seconds = {"load facts": loaded - started, "map": perf_counter() - loaded}
    outcome.triples = len(triples)
    outcome.summary = summary_of(article)
    return outcome, triples, article


def _closure_and_locator(triples: list, article, base: str):
    locator = Locator([article], base=base)
    graph = URIRef(Minter(base).graph(article.slug))

    def says(triple: tuple) -> tuple[str, str]:
        return locator.source(graph, triple[0]) or f"graph {graph}", locator.statement(triple)

    return close(triples, ordered=True), locator, graph, says  # mapper's order: fixed


def _consistency(outcome: ArticleOutcome, triples: list, article, base: str):
    """The article's consistency check and cross-article summary; returns its closure."""
    c, locator, graph, says = _closure_and_locator(triples, article, base)
    outcome.results = [
        replace(r, where=locator.source(graph, URIRef(r.focus)) or r.where) for r in outcome.results
    ]
    outcome.conflicts = conflicts_of(c, says, locator.short)
    local = f"{base}article/"

    def shared(node) -> bool:
        return isinstance(node, URIRef) and not str(node).startswith(local)

    keep = shared_predicates()
    summary = [
        (node, RDF.type, cls)
        for node, classes in c.types.items()
        if shared(node)
        for cls in classes
    ]
    summary += [t for t in c.edges if t[1] in keep and (shared(t[0]) or shared(t[2]))]
    # The article's own functional values (its sha256): another article's same_as may name
    # this article's IRI, and one individual cannot have two digests.
    own = Minter(base).article(article.slug)
    summary += [t for t in c.edges if t[0] == own and t[1] in keep and isinstance(t[2], Literal)]
    outcome.shared = ntriples(summary)
    return c


def entailed(c, triples: list) -> list[tuple]:
    """What the closure ``c`` of ``triples`` adds to them (``checks.infer.inferred_triples``
    on the article's graph): the article's ``/inferred`` graph."""
    stated = set(triples)
    found = [
        (node, RDF.type, cls)
        for node, classes in c.types.items()
        for cls in classes
        if (node, RDF.type, cls) not in stated
    ]
    found += [t for t in c.edges if t not in stated]
    return found


def where_said(
    path: Path, base: str, wanted: list[tuple], root: Path | None = None
) -> dict[tuple, tuple[str, str]]:
    """For a cross-article contradiction: where each of ``wanted`` (triples of the article's
    summary) comes from in the facts file ``path``, and the statement behind it (for an
    entailed type, the triple that entails it)."""
    _, triples, article = _map(path, base, "", root)
    c, _, _, says = _closure_and_locator(triples, article, base)
    found = {}
    for triple in wanted:
        s, p, o = triple
        reason = c.why.get((s, o)) if p == RDF.type else None
        found[triple] = says(reason[0] if reason else triple)
    return found


def process(
    paths: list[str],
    base: str,
    recipe: str,
    staging: str | None = None,
    root: str | None = None,
    infer: bool = False,
    pages: Callable | None = None,
) -> list[ArticleOutcome]:
    """Build the articles of ``paths`` (a worker's share), in order. With ``staging`` (the
    output folder being written), each article's own two files are written there, by the
    worker, instead of being handed back. With ``infer``, what the ontology entails about
    each article goes into its graph ``{graph}/inferred`` of the N-Quads and JSON-LD.
    ``pages`` (``defrel site``'s, into a new folder): renders the pages of the articles
    built, here, from their terms: called once with (slug, pairs, each term's text, graph)
    of each, it returns slug -> what to hand back as its ``rendered``."""
    done: list[ArticleOutcome] = []
    built = []  # for ``pages``
    mapped = []
    for name in paths:
        path = Path(name)
        try:
            outcome, triples, article = _map(path, base, recipe, root and Path(root))
        except DefrelError as err:
            slug = path.name.removesuffix(".facts.yaml")
            done.append(ArticleOutcome(slug=slug, facts_path=name, error=err))
            continue
        mapped.append((outcome, triples, article))
        done.append(outcome)
    minter = Minter(base)
    batch = [(str(minter.graph(o.slug)), triples) for o, triples, _ in mapped]
    validator = _validator()  # compiled once per process, outside the stage's time
    started = perf_counter()
    verdicts = validator.validate_many(batch, base=base) if batch else []
    share = (perf_counter() - started) / max(1, len(batch))  # the batch's time, shared out
    for (outcome, triples, article), (ok, results) in zip(mapped, verdicts, strict=True):
        outcome.conforms, outcome.results = ok, results
        started = perf_counter()
        closure = _consistency(outcome, triples, article, base)
        outcome.seconds |= {"validate": share, "consistency": perf_counter() - started}
        if ok and not outcome.conflicts:
            graph = str(minter.graph(outcome.slug))
            terms: dict = {}
            pairs = ntriples_pairs(triples, terms)
            texts = article_texts(pairs, graph, base, seconds=outcome.seconds)
            if pages is not None and not infer:
                built.append((outcome.slug, pairs, terms, graph))
            if infer:
                started = perf_counter()
                extra = entailed(closure, triples)
                outcome.inferred = len(extra)
                add_inferred(texts, ntriples_pairs(extra), str(inferred_graph_iri(URIRef(graph))))
                outcome.seconds["infer"] = perf_counter() - started
            if staging is not None:
                _write_own_files(Path(staging), outcome.slug, texts)
            outcome.texts = texts
    if built:
        rendered = pages(built)
        for outcome in done:
            outcome.rendered = rendered.get(outcome.slug)
    return done


def _write_own_files(staging: Path, slug: str, texts: ArticleText) -> None:
    for suffix, text in ((".ttl", texts.article_ttl), (".jsonld", texts.article_jsonld)):
        (staging / "articles" / f"{slug}{suffix}").write_text(text, encoding="utf-8", newline="\n")
    texts.article_ttl = texts.article_jsonld = ""  # written: not sent back to the parent
