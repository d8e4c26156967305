"""Stage 4, builder: articles through facts, rdf and checks into the published files.
(Not named ``build``: ``mapper.build`` is the public build function.)

``pipeline.py`` (the entry points: build, build_dataset), ``fastbuild.py`` with ``shard.py`` (the per-article
worker), ``chunks.py`` and ``distwriter.py`` (each article's part of each file),
``manifest.py`` (incremental builds), ``crosscheck.py`` (what only the corpus can check),
``serialize.py`` (Turtle, JSON-LD, N-Quads) and ``outdir.py`` (which output folders may be
replaced, and the lock, staging and swap that write one all or nothing).
"""
