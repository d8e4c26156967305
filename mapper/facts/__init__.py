"""Stage 1, facts: read a facts file and its article text into typed objects (no RDF yet).

``load.py`` (load_facts, load_corpus) over ``yamlread.py`` (YAML with lines), ``schema.py`` and
``kinds.py`` (the format as data), ``check.py`` (schema, references, values), ``evidence.py``
(quotes located verbatim), ``when.py`` (dates as written) and ``model.py`` (the objects).
"""
