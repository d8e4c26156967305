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

# Each name is imported when first used, so that a command needing only one stage (say
# `defrel query`, which must start in well under a second) does not load every stage.
_WHERE = {
    "BuildOutcome": "builder.pipeline",
    "build": "builder.pipeline",
    "build_dataset": "builder.pipeline",
    "write_dist": "builder.serialize",
    "Report": "checks.validate",
    "Result": "checks.validate",
    "validate_dataset": "checks.validate",
    "DefrelError": "errors",
    "EvidenceError": "errors",
    "FactsError": "errors",
    "InputError": "errors",
    "OutputError": "errors",
    "QueryError": "errors",
    "load_corpus": "facts.load",
    "load_facts": "facts.load",
    "map_articles": "rdf.mapping",
    "read_rdf": "rdf.read",
    "QueryOutcome": "stores.query",
    "run_query": "stores.query",
}


def __getattr__(name: str):
    if name not in _WHERE:
        raise AttributeError(f"module 'mapper' has no attribute {name!r}")
    value = getattr(import_module(f".{_WHERE[name]}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


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
