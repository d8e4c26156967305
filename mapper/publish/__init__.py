"""Stage 6, publish: the dataset for people and machines on the web.

``site.py`` (static pages) with ``describe.py``, ``views.py`` and ``pages.py``; ``serve.py``
with ``negotiate.py``, ``sparql_endpoint.py`` and ``sparql_page.py`` (the server); ``void.py``
(the dataset description); ``docs.py``, ``docs_shapes.py`` and ``diagram.py`` (ontology docs).
"""
