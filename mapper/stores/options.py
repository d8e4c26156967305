"""What the store and query commands offer, stated without loading an engine (so that
``defrel --help`` starts fast): result formats, load protocols, default places and limits."""

from __future__ import annotations

from pathlib import Path

__all__ = ["DEFAULT_STORE", "DEFAULT_TIMEOUT", "GRAPH_FORMATS", "PROTOCOLS", "TABLE_FORMATS"]

TABLE_FORMATS = ("table", "csv", "tsv", "json", "xml")  # SELECT and ASK results
GRAPH_FORMATS = ("turtle", "nt", "jsonld")  # CONSTRUCT and DESCRIBE results
DEFAULT_TIMEOUT = 60.0  # seconds for `defrel query` on files: reading them and the query
DEFAULT_STORE = Path("store")  # the embedded store's folder
PROTOCOLS = ("gsp", "update")  # how a remote store is loaded: Graph Store Protocol or Update
