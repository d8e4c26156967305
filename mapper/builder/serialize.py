"""Serialise a built dataset to Turtle, JSON-LD and N-Quads, deterministically, and write the
output folder atomically (through ``outdir.staged_output``: staged, then swapped in)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from rdflib import Dataset, Graph, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from ..rdf.mapping import bind_prefixes
from ..rdf.vocab import CONTEXT_FILE, context
from .outdir import staged_output

__all__ = [
    "dataset_jsonld_text",
    "dist_files",
    "jsonld_text",
    "nquads_text",
    "turtle_text",
    "write_dist",
    "write_files",
    "write_folder",
]


def _canonical(node: Any) -> Any:
    """Sort JSON-LD arrays (unordered sets) so output is byte-stable; an ``@list`` keeps its
    order (the ontology's owl:unionOf lists are RDF lists)."""
    if isinstance(node, dict):
        return {
            k: [_canonical(v) for v in value]
            if k == "@list" and isinstance(value, list)
            else _canonical(value)
            for k, value in sorted(node.items())
        }
    if isinstance(node, list):
        items = [_canonical(v) for v in node]
        return sorted(items, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
    return node


def _nodes(graph: Graph) -> list[Any]:
    """The compacted node objects of one graph (no named graphs inside)."""
    plain = Graph()
    for triple in graph:
        plain.add(triple)
    data = json.loads(plain.serialize(format="json-ld", context=context()["@context"]))
    data.pop("@context", None)
    return data.pop("@graph", [data] if data else [])


def _document(graph_objects: list[Any]) -> str:
    doc = {"@context": context()["@context"], "@graph": _canonical(graph_objects)}
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def jsonld_text(graph: Graph) -> str:
    """Compact JSON-LD of one graph, our context inline (nothing to fetch), arrays sorted."""
    return _document(_nodes(graph))


def dataset_jsonld_text(dataset: Dataset) -> str:
    """Compact JSON-LD of a dataset: one ``{"@id": graph, "@graph": [...]}`` per named graph."""
    named = [
        {"@id": str(g.identifier), "@graph": _canonical(_nodes(g))}
        for g in dataset.graphs()
        if len(g) and isinstance(g.identifier, URIRef) and g.identifier != DATASET_DEFAULT_GRAPH_ID
    ]
    return _document(named + _nodes(dataset.default_graph))


def nquads_text(dataset: Dataset) -> str:
    """N-Quads, one named graph per article, lines sorted so the file is byte-stable."""
    lines: list[str] = []
    for graph in dataset.graphs():
        name = "" if graph.identifier == DATASET_DEFAULT_GRAPH_ID else f" {graph.identifier.n3()}"
        for line in graph.serialize(format="nt").splitlines():
            if line.strip():
                lines.append(f"{line.removesuffix(' .')}{name} .\n")
    return "".join(sorted(lines))


def turtle_text(graph: Graph) -> str:
    return graph.serialize(format="turtle")


def _union(graphs: Iterable[Graph]) -> Graph:
    merged = Graph()
    bind_prefixes(merged)
    for g in graphs:
        for prefix, ns in g.namespaces():
            merged.bind(prefix, ns, override=False)
        for triple in g:
            merged.add(triple)
    return merged


def _article_graph(dataset: Dataset, graph_iri: URIRef) -> Graph:
    graph = Graph()
    for prefix, ns in dataset.namespaces():
        graph.bind(prefix, ns, override=True, replace=True)
    for triple in dataset.graph(graph_iri):
        graph.add(triple)
    return graph


def _files(dataset: Dataset, graphs: dict[str, URIRef]) -> dict[str, str]:
    """Every output file's relative path and text."""
    merged = _union(dataset.graph(iri) for iri in graphs.values())
    files = {
        "dataset.ttl": turtle_text(merged),
        "dataset.jsonld": dataset_jsonld_text(dataset),
        "dataset.nq": nquads_text(dataset),
        CONTEXT_FILE: json.dumps(context(), indent=2, ensure_ascii=False) + "\n",
    }
    for slug, iri in sorted(graphs.items()):
        graph = _article_graph(dataset, iri)
        files[f"articles/{slug}.ttl"] = turtle_text(graph)
        files[f"articles/{slug}.jsonld"] = jsonld_text(graph)
    return files


def dist_files(dataset: Dataset, graphs: dict[str, URIRef]) -> dict[str, str]:
    """Every file ``write_dist`` writes: relative path -> text (the site reuses them)."""
    return _files(dataset, graphs)


def write_dist(
    dataset: Dataset, graphs: dict[str, URIRef], out: Path, *, inputs: Sequence[Path] = ()
) -> list[Path]:
    """Write every output file into ``out``, all or nothing; return the paths written."""
    return write_folder(_files(dataset, graphs), out, inputs=inputs, command="build")


def write_folder(
    files: dict[str, str], out: Path, *, inputs: Sequence[Path] = (), command: str
) -> list[Path]:
    """Write ``files`` (relative path -> text) into ``out``, all or nothing.

    ``out`` must be a folder defrel may replace (see ``outdir.check_output``; ``inputs`` are
    the files it was made from). Files are written into a staging folder which then replaces
    ``out``; if anything fails (or the process is killed), ``out`` is left as it was."""
    with staged_output(out, inputs=inputs, command=command) as stage:
        write_files(files, stage.folder)
    return [Path(out) / name for name in files]


def write_files(files: dict[str, str], folder: Path) -> None:
    """Write ``files`` (relative path -> text) into ``folder`` (a stage's, being built)."""
    for name, text in files.items():
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8", newline="\n")
