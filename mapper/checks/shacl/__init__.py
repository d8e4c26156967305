"""A fast SHACL validator for the bundled shapes, with pySHACL's verdicts.

``FastValidator().validate_many([(graph name, triples), ...], base=...)`` returns, per graph,
``(conforms, [mapper.checks.validate.Result])`` exactly as ``mapper.checks.validate.validate_graph`` would
(``tests/test_fastshacl.py`` compares the two); ``report_graph(results)`` builds the SHACL
validation report.  See ``compile.py`` (shapes to closures), ``checks.py`` (the closures),
``index.py`` (per-graph indexes), ``engine.py`` (the run), ``sparql.py`` (SPARQL constraints,
batched on Oxigraph) and ``reach.py`` (which triples those queries can read).
"""

from .compile import ShaclCompileError
from .engine import FastValidator

__all__ = ["FastValidator", "ShaclCompileError"]
