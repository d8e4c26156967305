"""defrel: publish what news articles say about defence relations as linked data.

The library in five calls, one per stage of the pipeline::

    articles = load_corpus([Path("seeds")])          # facts files -> typed objects
    dataset = map_articles(articles, base=BASE)      # -> rdflib Dataset, a graph per article
    report = validate_dataset(dataset)               # -> SHACL report (conforms or not)
    write_dist(dataset, graphs, Path("dist"))        # -> Turtle, JSON-LD, N-Quads
    run_query(sparql, read_rdf([Path("dist/dataset.nq")]))

``build`` runs the first four.  Every error defrel raises on purpose is a DefrelError.
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

from .errors import DefrelError, EvidenceError, FactsError, InputError, OutputError, QueryError

# The API is imported on first use (PEP 562), not with the package: `defrel --help` and
# every command that needs one stage need not load rdflib, pySHACL and all the others.
_LAZY = {
    "BuildOutcome": "builder.pipeline",
    "build": "builder.pipeline",
    "build_dataset": "builder.pipeline",
    "write_dist": "builder.serialize",
    "Report": "checks.validate",
    "Result": "checks.validate",
    "validate_dataset": "checks.validate",
    "load_corpus": "facts.load",
    "load_facts": "facts.load",
    "map_articles": "rdf.mapping",
    "read_rdf": "rdf.read",
    "QueryOutcome": "stores.query",
    "run_query": "stores.query",
}

if TYPE_CHECKING:
    from .builder.pipeline import BuildOutcome, build, build_dataset
    from .builder.serialize import write_dist
    from .checks.validate import Report, Result, validate_dataset
    from .facts.load import load_corpus, load_facts
    from .rdf.mapping import map_articles
    from .rdf.read import read_rdf
    from .stores.query import QueryOutcome, run_query


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module 'mapper' has no attribute {name!r}")
    value = getattr(import_module(f".{_LAZY[name]}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


__all__ = [
    "BuildOutcome",
    "DefrelError",
    "EvidenceError",
    "FactsError",
    "InputError",
    "OutputError",
    "QueryError",
    "QueryOutcome",
    "Report",
    "Result",
    "build",
    "build_dataset",
    "load_corpus",
    "load_facts",
    "map_articles",
    "read_rdf",
    "run_query",
    "validate_dataset",
    "write_dist",
]
