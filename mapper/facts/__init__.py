"""Stage 1, facts: read a facts file and its article text into typed objects (no RDF yet).

``load.py`` (load_facts, load_corpus) over ``files.py`` (finding and reading files: confined,
non-blocking, bounded), ``yamlread.py`` (YAML with lines, exact numbers), ``schema.py`` and
``kinds/`` (the format as data), ``schemawords.py`` (every schema error, in words),
``check.py`` (references, values), ``timeline.py`` (before/after), ``chars.py``
(characters refused in text fields), ``corpus.py`` (what articles must agree on),
``evidence.py`` (quotes located verbatim), ``when.py`` (dates as written, and words resolved
against the publication date) and ``model.py`` (the objects).
"""
