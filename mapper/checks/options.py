"""What the checks stage offers the CLI, stated without loading pySHACL (``defrel --help``
loads no engine): the SHACL engines ``validate`` can run."""

from __future__ import annotations

__all__ = ["ENGINES"]

ENGINES = ("compiled", "pyshacl")  # the compiled engine (the default) and pySHACL, the reference
