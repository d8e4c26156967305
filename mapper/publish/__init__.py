"""Stage 6, publish: the dataset for people and machines on the web.

Its subpackages, in the order the data flows (each imports only those before it):

* ``render/``: a resource's description (``describe.py``) to what a page shows
  (``views.py``), its HTML (``pages.py``), its embedded schema.org JSON-LD
  (``schemajson.py``) and its RDF documents (``documents.py``); content negotiation
  (``negotiate.py``); the dataset's VoID (``void.py``) and DCAT-AP (``dcat.py``) description.
* ``docs/``: the ontology's reference pages (``reference.py``, with ``kinds.py``,
  ``shapes.py`` and ``diagram.py``).
* ``store/``: one resource's description read out of an embedded store (``read.py``), its
  terms as defrel wrote them (``terms.py``), and a long-running reader's ``refresh.py`` and
  ``memory.py``.
* ``site/``: ``defrel site``, the static site: ``static.py`` (the entry and the dataset's
  pages), ``build.py`` (on the build's per-article path), ``run.py`` (the stages of a run),
  ``rendering.py`` (what the workers render), ``pool.py``, ``terms.py``, ``shares.py``,
  ``totals.py`` and ``update.py`` (a rebuild in place).
* ``serve/``: ``defrel serve``: ``files.py`` (a built site), ``app.py`` (a store, from
  ``dataset.py`` and ``store/``, or a remote endpoint, ``remote.py``), the SPARQL endpoint
  (``endpoint.py``, ``protocol.py``, ``sparql_app.py``, ``sparql_page.py``), ``answers.py``
  and ``run.py`` (uvicorn).
"""
