"""Publish, first step: a resource's description to its page and its RDF documents, and the
dataset's description, the same code for the static site and for the servers."""
