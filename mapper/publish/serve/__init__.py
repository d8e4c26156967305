"""Publish: ``defrel serve``, over HTTP from a built site, an embedded store or a remote
SPARQL endpoint."""
