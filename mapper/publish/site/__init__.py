"""Publish: ``defrel site``, the static site (entry: ``static.build_site``)."""
