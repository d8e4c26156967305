"""Publish: the ontology's reference documentation (``defrel ontology docs``)."""
