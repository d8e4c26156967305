"""Stage 2, rdf: turn typed facts into triples, and read RDF files.

``mapping.py`` (map_articles: one named graph per article) with ``mint.py`` (stable IRIs),
``nodes.py`` (times, quantities, evidence), ``vocab.py`` (namespaces from the bundled context),
``ntriples.py`` (terms as N-Triples text), ``read.py`` (read_rdf: RDF files into a Dataset),
``scan.py`` (bounds on size and nesting, checked before any parser) and ``imports.py``
(owl:imports, resolved here so that no reasoner follows them).
"""
