"""defrel: publish what news articles say about defence relations as linked data.

The library in five calls, one per stage of the pipeline::

    articles = load_corpus([Path("seeds")])          # facts files -> typed objects
    dataset = map_articles(articles, base=BASE)      # -> rdflib Dataset, a graph per article
    report = validate_dataset(dataset)               # -> SHACL report (conforms or not)
    write_dist(dataset, graphs, Path("dist"))        # -> Turtle, JSON-LD, N-Quads
    run_query(sparql, read_rdf([Path("dist/dataset.nq")]))

``build`` runs the first four.  Every error defrel raises on purpose is a DefrelError.
"""

from .builder.pipeline import BuildOutcome, build, build_dataset
from .builder.serialize import write_dist
from .checks.validate import Report, Result, validate_dataset
from .errors import DefrelError, EvidenceError, FactsError, InputError, OutputError, QueryError
from .facts.load import load_corpus, load_facts
from .rdf.mapping import map_articles
from .rdf.read import read_rdf
from .stores.query import QueryOutcome, run_query

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
