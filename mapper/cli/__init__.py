"""The ``defrel`` command line over the stages: ``main.py`` holds the group and the core
commands, ``ontology.py``, ``site.py`` and ``store.py`` the others, ``common.py`` defaults."""
