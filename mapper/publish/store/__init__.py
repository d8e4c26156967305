"""Publish: descriptions read out of an embedded Oxigraph store, with the terms defrel wrote,
for the site's shared pages and for ``defrel serve --store``."""
