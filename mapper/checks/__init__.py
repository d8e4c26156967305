"""Stage 3, checks: is the data right? SHACL shapes, the ontology's rules, a reasoner.

``validate.py`` (pySHACL, the reference), ``shacl/`` (the compiled engine with pySHACL's
verdicts), ``consistency.py`` and ``infer.py`` (OWL 2 RL rules in Python), ``reasoner.py``
(HermiT on the ontology) and ``competency.py`` (the questions the ontology must answer).
"""
