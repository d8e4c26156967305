"""The seed article built end to end: every output parses back to the same graph, an
independent parser agrees, every quote sits at its offsets, and a rebuild is byte-identical."""

from __future__ import annotations

import filecmp
import json
import os
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import ROOT, SEED_SLUG, SEEDS, triples_of
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from mapper.rdf.vocab import NS

OA = NS["oa"]
ARTICLE_IRI = URIRef(f"https://w3id.org/defrel/data/article/{SEED_SLUG}")
GRAPH_IRI = URIRef(f"https://w3id.org/defrel/data/graph/{SEED_SLUG}")


def test_seed_text_is_the_shared_article_byte_for_byte() -> None:
    shared = ROOT.parent / "shared" / "seeds" / f"{SEED_SLUG}.txt"
    if shared.exists():  # the checkout sits beside shared/ in development and CI
        assert (SEEDS / f"{SEED_SLUG}.txt").read_bytes() == shared.read_bytes()
    text = (SEEDS / f"{SEED_SLUG}.txt").read_text(encoding="utf-8")
    assert (
        len(text) == 3659 and text.count("\u00a0") == 11 and "According\u00a0to\u00a0Dawn" in text
    )


def test_outputs_written(seed_dist: Path) -> None:
    names = sorted(str(p.relative_to(seed_dist)) for p in seed_dist.rglob("*") if p.is_file())
    assert names.pop(0) == ".defrel-output"  # what makes the folder one defrel may replace
    assert names.pop(0) == ".defrel/manifest.json"  # what an incremental build reuses
    assert names == [
        f"articles/{SEED_SLUG}.jsonld",
        f"articles/{SEED_SLUG}.ttl",
        "context.jsonld",
        "dataset.jsonld",
        "dataset.nq",
        "dataset.ttl",
    ]


@pytest.fixture(scope="module")
def quads(seed_dist: Path) -> Dataset:
    ds = Dataset()
    ds.parse(seed_dist / "dataset.nq", format="nquads")
    return ds


def _graph(ds: Dataset, name) -> Graph:
    g = Graph()
    for triple in ds.graph(name):
        g.add(triple)
    return g


def test_one_named_graph_per_article_and_no_blank_nodes(quads: Dataset) -> None:
    names = {g.identifier for g in quads.graphs() if len(g)}
    assert names == {GRAPH_IRI}
    assert len(quads.default_graph) == 0
    assert not [t for t in quads.quads() if any(isinstance(x, BNode) for x in t[:3])]


def test_every_serialisation_is_the_same_graph(seed_dist: Path, quads: Dataset) -> None:
    reference = _graph(quads, GRAPH_IRI)
    assert len(reference) > 1500
    for path, fmt in [
        ("dataset.ttl", "turtle"),
        ("dataset.jsonld", "json-ld"),
        (f"articles/{SEED_SLUG}.ttl", "turtle"),
        (f"articles/{SEED_SLUG}.jsonld", "json-ld"),
    ]:
        parsed = Dataset()
        parsed.parse(seed_dist / path, format=fmt)
        assert isomorphic(triples_of(parsed), reference), path
    parsed = Dataset()
    parsed.parse(seed_dist / "dataset.jsonld", format="json-ld")
    assert {g.identifier for g in parsed.graphs() if len(g)} == {GRAPH_IRI}


def test_jsonld_is_compact_with_the_published_context(seed_dist: Path) -> None:
    doc = json.loads((seed_dist / "dataset.jsonld").read_text(encoding="utf-8"))
    published = json.loads((seed_dist / "context.jsonld").read_text(encoding="utf-8"))
    assert doc["@context"] == published["@context"]
    assert isinstance(doc, dict) and doc["@graph"][0]["@id"] == str(GRAPH_IRI)
    assert "defrel:Visit" in (seed_dist / "dataset.jsonld").read_text(encoding="utf-8")


def test_a_json_ld_1_0_processor_reads_the_same_graph(seed_dist: Path) -> None:
    """The context needs nothing of JSON-LD 1.1, so it does not declare "@version": 1.1
    (a 1.0 processor refuses a context that does)."""
    from pyld import jsonld

    published = json.loads((seed_dist / "context.jsonld").read_text(encoding="utf-8"))
    assert "@version" not in published["@context"]
    article = seed_dist / "articles" / f"{SEED_SLUG}.jsonld"
    doc = json.loads(article.read_text(encoding="utf-8"))
    doc["@context"] = published["@context"]  # inline: the processor may not fetch it
    nquads = jsonld.to_rdf(doc, {"format": "application/n-quads", "processingMode": "json-ld-1.0"})
    read = Graph().parse(data=nquads, format="nt")
    expected = Graph().parse(seed_dist / "articles" / f"{SEED_SLUG}.ttl", format="turtle")
    assert isomorphic(read, expected)


def _term(term) -> object:
    """A pyoxigraph term as the rdflib term it names (no blank nodes in the seed)."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    xsd_string = "http://www.w3.org/2001/XMLSchema#string"
    return Literal(
        term.value, datatype=None if term.datatype.value == xsd_string else term.datatype.value
    )


def test_an_independent_parser_agrees(seed_dist: Path, quads: Dataset) -> None:
    # pyoxigraph (Rust) reads the same quads from the N-Quads as rdflib, term for term, and
    # the same triples from the Turtle: the files say one thing, whoever reads them.
    n_quads = {
        (_term(q.subject), _term(q.predicate), _term(q.object), URIRef(q.graph_name.value))
        for q in ox.parse(path=str(seed_dist / "dataset.nq"), format=ox.RdfFormat.N_QUADS)
    }
    turtle = {
        (_term(t.subject), _term(t.predicate), _term(t.object))
        for t in ox.parse(path=str(seed_dist / "dataset.ttl"), format=ox.RdfFormat.TURTLE)
    }
    ours = {(s, p, o, getattr(g, "identifier", g)) for s, p, o, g in quads.quads()}
    assert len(ours) > 1500 and {q[3] for q in n_quads} == {GRAPH_IRI}
    assert n_quads == ours
    assert turtle == {q[:3] for q in n_quads}


def test_every_quote_is_verbatim_at_its_offsets(quads: Dataset) -> None:
    text = (SEEDS / f"{SEED_SLUG}.txt").read_text(encoding="utf-8")
    g = _graph(quads, GRAPH_IRI)
    targets = list(g.subjects(OA.hasSource, ARTICLE_IRI))
    assert len(targets) >= 90
    for target in targets:
        selectors = list(g.objects(target, OA.hasSelector))
        exact = next(g.value(s, OA.exact) for s in selectors if g.value(s, OA.exact) is not None)
        quote_sel = next(s for s in selectors if g.value(s, OA.exact) is not None)
        pos = next(s for s in selectors if g.value(s, OA.start) is not None)
        start, end = int(g.value(pos, OA.start)), int(g.value(pos, OA.end))
        assert text[start:end] == str(exact)
        assert text[:start].endswith(str(g.value(quote_sel, OA.prefix) or ""))
        assert text[end:].startswith(str(g.value(quote_sel, OA.suffix) or ""))


def test_every_fact_has_evidence_and_provenance(quads: Dataset) -> None:
    g = _graph(quads, GRAPH_IRI)
    facts = set(g.subjects(NS["defrel"].article, ARTICLE_IRI))
    assert len(facts) == 40
    for fact in facts:
        assert g.value(fact, NS["defrel"].evidence) is not None, fact
        assert (fact, NS["prov"].wasInfluencedBy, ARTICLE_IRI) in g


def test_rebuild_is_byte_identical_whatever_the_hash_seed(tmp_path: Path) -> None:
    outs = []
    for seed in ("1", "2"):
        out = tmp_path / f"dist{seed}"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run(
            [sys.executable, "-m", "mapper.cli.main", "build", str(SEEDS), "--out", str(out)],
            check=True,
            env=env,
            capture_output=True,
            cwd=tmp_path,
        )
        outs.append(out)
    comparison = filecmp.dircmp(outs[0], outs[1], ignore=[".defrel"])
    assert not comparison.diff_files and not comparison.left_only and not comparison.right_only
    for sub in comparison.subdirs.values():
        assert not sub.diff_files
    assert (outs[0] / "dataset.nq").read_bytes() == (outs[1] / "dataset.nq").read_bytes()
    # the build manifest too, but for the sizes and times of the files it describes
    manifests = [json.loads((o / ".defrel" / "manifest.json").read_text()) for o in outs]
    assert [{**m, "files": None} for m in manifests[:1]] == [{**manifests[1], "files": None}]


def test_default_graph_is_empty(quads: Dataset) -> None:
    assert len(quads.graph(DATASET_DEFAULT_GRAPH_ID)) == 0
