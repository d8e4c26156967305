"""The ``defrel`` command line over the stages: ``main.py`` holds the group and the core
commands, ``query.py``, ``ontology.py``, ``site.py`` and ``store.py`` the others; ``common.py``
defaults, ``inputs.py`` stdin and format names, ``progress.py`` bars, ``summary.py`` --json."""
