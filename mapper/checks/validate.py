"""Validate a dataset with pySHACL against the bundled shapes and ontology, article by article.

Non-conformance is a result (a ``Report``); only a validation that cannot run raises.
"""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor
from functools import cache
from multiprocessing import get_context

from pyshacl import validate as shacl_validate
from rdflib import RDF, Dataset, Graph, URIRef
from rdflib.namespace import SH

from ..errors import DefrelError
from .options import ENGINES
from .report import (
    Report,
    Result,
    _sh,
    _term,
    _where,
    class_hierarchy,
    conforming_report,
    ontology_graph,
    shapes_graph,
)

__all__ = [
    "ENGINES",
    "Report",
    "Result",
    "conforming_report",
    "ontology_graph",
    "shapes_graph",
    "validate_dataset",
]


def _results(report: Graph, graph_name: str | None, base: str | None) -> list[Result]:
    results = []
    for r in report.subjects(RDF.type, SH.ValidationResult):
        focus = str(report.value(r, SH.focusNode))
        path = report.value(r, SH.resultPath)
        results.append(
            Result(
                severity=_sh(report.value(r, SH.resultSeverity)).removeprefix("sh:"),
                focus=focus,
                path=_term(path) if isinstance(path, URIRef) else (path and "(complex path)"),
                value=_term(report.value(r, SH.value)),
                message=str(report.value(r, SH.resultMessage) or ""),
                component=_sh(report.value(r, SH.sourceConstraintComponent)),
                shape=_term(report.value(r, SH.sourceShape)) or "",
                graph=graph_name,
                where=_where(focus, base),
            )
        )
    return sorted(results, key=lambda r: (r.graph or "", r.focus, r.path or "", r.component))


def validate_graph(graph: Graph, *, graph_name: str | None = None, base: str | None = None):
    """Validate one graph; return (conforms, results, report graph)."""
    try:
        conforms, report, _ = shacl_validate(
            graph,
            shacl_graph=shapes_graph(),
            ont_graph=class_hierarchy(),
            inference="none",
            abort_on_first=False,
            allow_warnings=True,
            advanced=True,
        )
    except Exception as err:  # pySHACL raises many types; validation could not run
        raise DefrelError(f"SHACL validation could not run: {err}") from err
    return conforms, _results(report, graph_name, base), report


def _validate_text(job: tuple[str, str, str | None]) -> tuple[bool, list[Result], str]:
    """Worker side of a parallel validation: one graph, given as N-Triples text."""
    name, ntriples, base = job
    graph = Graph()
    graph.parse(data=ntriples, format="nt")
    ok, found, report = validate_graph(graph, graph_name=name, base=base)
    return ok, found, report.serialize(format="nt")


def _in_parallel(graphs: list[Graph], base: str | None, jobs: int):
    """Validate graphs in ``jobs`` worker processes (pySHACL holds the GIL), in order."""
    payloads = [(str(g.identifier), g.serialize(format="nt"), base) for g in graphs]
    with ProcessPoolExecutor(max_workers=jobs, mp_context=get_context("spawn")) as pool:
        for ok, found, report_text in pool.map(_validate_text, payloads, chunksize=4):
            report = Graph()
            report.parse(data=report_text, format="nt")
            yield ok, found, report


@cache
def _compiled_validator():
    from .shacl import FastValidator  # compiling the shapes costs time: only on first use

    return FastValidator()


def _validate_compiled(graphs: list[Graph], base: str | None) -> Report:
    """The compiled engine (``mapper/shacl``), 32 graphs at a time."""
    validator = _compiled_validator()
    results: list[Result] = []
    conforms = True
    for start in range(0, len(graphs), 32):
        batch = [(str(g.identifier), list(g)) for g in graphs[start : start + 32]]
        for ok, found in validator.validate_many(batch, base=base):
            conforms &= ok
            results.extend(found)
    graph = validator.report_graph(results) if results else conforming_report()
    return Report(conforms=conforms, results=results, graph=graph)


def validate_dataset(
    dataset: Dataset, *, base: str | None = None, jobs: int = 1, engine: str = "pyshacl"
) -> Report:
    """Validate every named graph (and the default graph, if it has triples) separately,
    in ``jobs`` processes when there are several graphs (same verdicts, same order).

    ``engine``: "pyshacl" (the reference) or "compiled" (``mapper/shacl``: the same
    verdicts and results, a hundred times faster; what ``defrel build`` uses)."""
    if engine not in ENGINES:
        raise DefrelError(f"unknown SHACL engine {engine!r}; use one of {', '.join(ENGINES)}")
    results: list[Result] = []
    merged = Graph()
    conforms = True
    graphs = [g for g in dataset.graphs() if len(g)]
    # `build --infer` writes a graph's entailments to "<graph>/inferred": what the ontology
    # adds to conforming data is not itself checked against shapes written for asserted data.
    names = {str(g.identifier) for g in graphs}
    graphs = sorted(
        (
            g
            for g in graphs
            if not (str(g.identifier).endswith("/inferred") and str(g.identifier)[:-9] in names)
        ),
        key=lambda g: str(g.identifier),
    )
    if engine == "compiled":
        return _validate_compiled(graphs, base)
    if jobs > 1 and len(graphs) > 1:
        outcomes = _in_parallel(graphs, base, min(jobs, len(graphs)))
    else:
        outcomes = (validate_graph(g, graph_name=str(g.identifier), base=base) for g in graphs)
    for ok, found, report in outcomes:
        conforms &= ok
        results.extend(found)
        merged += report
    return Report(conforms=conforms, results=results, graph=merged)
