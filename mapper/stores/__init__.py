"""Stage 5, stores: load the built dataset into a store, and query files or stores.

``embedded.py`` (Oxigraph on disk), ``remote.py`` with ``httpclient.py`` (SPARQL 1.1 stores),
``loading.py`` and ``staging.py`` (graph by graph loads), ``query.py`` (run_query, result
formats) and ``memory.py`` (files and Datasets queried with Oxigraph, under a time limit).
"""
