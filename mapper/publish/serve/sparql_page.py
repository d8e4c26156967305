"""The SPARQL endpoint's pages for people: a query form, and results as an HTML table."""

from __future__ import annotations

import json

from ...rdf.vocab import NS, curie
from ..render.pages import page
from .endpoint import Answer

__all__ = ["form_page", "results_body"]

WEB_PAGE = '{"@context": {"schema": "https://schema.org/"}, "@type": "schema:WebPage"}'
EXAMPLE = """SELECT ?visitor ?destination WHERE {
  ?visit a defrel:Visit ; defrel:visitor ?v ; defrel:destination ?d .
  ?v schema:name ?visitor . ?d schema:name ?destination .
}"""


def _cell(handler, term: dict | None) -> dict:
    if term is None:
        return {"text": "", "href": None}
    value = term["value"]
    if term["type"] != "uri":
        return {"text": value, "href": None}
    site = handler.site
    href = site.mount + value[len(site.base) :] if value.startswith(site.base) else value
    return {"text": curie(value), "href": href}


def _table(handler, text: str) -> dict:
    data = json.loads(text)
    if "boolean" in data:
        return {"vars": [], "rows": [], "boolean": data["boolean"], "graph": None}
    names = data["head"]["vars"]
    rows = [[_cell(handler, b.get(v)) for v in names] for b in data["results"]["bindings"]]
    return {"vars": names, "rows": rows, "boolean": None, "graph": None}


def form_page(handler, query: str, *, error: str | None = None, result: dict | None = None) -> str:
    """The form (with ``query`` in it, or an example), and an error or a result below it."""
    return page(
        "sparql.html",
        here="sparql.html",
        root=handler.site.mount,
        title="SPARQL endpoint",
        jsonld=WEB_PAGE,
        license=handler.site.license,
        docs=[],
        action=handler.site.mount + "sparql",
        query=query or EXAMPLE,
        prefixes=", ".join(sorted(NS)),
        timeout=f"{handler.query_timeout:g}",
        error=error,
        result=result,
    )


def results_body(handler, query: str, answer: Answer) -> str:
    if answer.kind in ("CONSTRUCT", "DESCRIBE"):
        result = {"vars": [], "rows": [], "boolean": None, "graph": answer.text}
    else:
        result = _table(handler, answer.text)
    return form_page(handler, query, result=result)
