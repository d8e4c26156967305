"""Render the site's HTML pages from the templates in ``mapper/data/site/`` (Jinja2, with
autoescaping on: labels and article text are user input) and embed each page's JSON-LD."""

from __future__ import annotations

import posixpath
from functools import cache, cached_property, lru_cache
from importlib.resources import files
from itertools import repeat

import jinja2
from markupsafe import Markup, escape
from rdflib import OWL, RDF, RDFS, Graph, URIRef

from ...rdf.vocab import NS
from .negotiate import DOCUMENTS, NAMES
from .views import Layout, article_text, kind_of, relative, resource_view

__all__ = [
    "GROUPS", "LICENSES", "OTHERS", "Alternates", "alternates", "group_of", "index_row", "page",
    "WITH_TEXT", "resource_page", "script_json", "template_text",
]  # fmt: skip

SCHEMA, DEFREL, DCTERMS = NS["schema"], NS["defrel"], NS["dcterms"]
WITH_TEXT = SCHEMA.NewsArticle  # the type of a resource whose every page shows its text
LICENSES = {
    "https://creativecommons.org/licenses/by/4.0/": "CC BY 4.0",
    "https://creativecommons.org/publicdomain/zero/1.0/": "CC0 1.0",
    "https://creativecommons.org/licenses/by-sa/4.0/": "CC BY-SA 4.0",
}


def template_text(name: str) -> str:
    """A file of ``mapper/data/site/`` (templates, the style sheet)."""
    return (files("mapper.data") / "site" / name).read_text(encoding="utf-8")


_DICT_NAMES = frozenset(dir({}))


class _Environment(jinja2.Environment):
    """Jinja, reading ``x.name`` of a dict (what the views give) as its key ``name`` at once:
    Jinja tries the attribute first, which for a dict raises and catches an AttributeError
    (hundreds of times a page); a key named like a dict's attribute (``items``) still
    reads the attribute, as in Jinja."""

    def getattr(self, obj, attribute):
        if type(obj) is dict and attribute in obj and attribute not in _DICT_NAMES:
            return obj[attribute]
        return super().getattr(obj, attribute)


# escaped HTML of a link or value by what it shows (href, text[, lang]): an article's pages
# show the same properties, entities and terms, and each link was two escapes and three
# Markup objects; emptied past this size
_HTML: dict[tuple, str] = {}
_HTML_LIMIT = 1 << 14


def _remember(key: tuple, html: str) -> str:
    if len(_HTML) >= _HTML_LIMIT:
        _HTML.clear()
    _HTML[key] = html
    return html


def _link(item: dict) -> str:
    """A term or value view (``text``, ``href``) as a link where it has one, escaped."""
    key = (item["href"], item["text"])
    found = _HTML.get(key)
    if found is None:
        href, text = key
        html = f'<a href="{escape(href)}">{escape(text)}</a>' if href else str(escape(text))
        found = _remember(key, html)
    return found


def link(item: dict) -> Markup:
    """The template filter ``link``: a term view as a link where it has one."""
    return Markup(_link(item))  # noqa: S704 - escaped by _link


def links(items: list[dict]) -> Markup:
    """The template filter ``links``: term views as links, comma separated (a filter, not a
    macro: Jinja's macro calls were a third of a page's rendering)."""
    return Markup(", ".join(map(_link, items)))  # noqa: S704 - each part escaped by _link


def _value(item: dict) -> str:
    """A property value's view, linked or in its language, escaped."""
    if item["href"] or not item["lang"]:
        return _link(item)
    key = (None, item["text"], item["lang"])
    found = _HTML.get(key)
    if found is None:
        html = f'<span lang="{escape(item["lang"])}">{escape(item["text"])}</span>'
        found = _remember(key, html)
    return found


def property_rows(rows: list[dict]) -> Markup:
    """The template filter ``property_rows``: the rows (``<tr>`` lines) of the properties
    table, a property and its value or list of values each (written here, not in a template
    loop: its escapes, filters and lookups, for the eight rows of a page, were half of
    rendering it)."""
    html = []
    for row in rows:
        values = row["values"]
        if len(values) == 1:
            cell = _value(values[0])
        else:
            cell = "<ul>" + "".join(f"<li>{_value(v)}</li>" for v in values) + "</ul>"
        html.append(f'<tr><th scope="row">{_link(row["term"])}</th><td>{cell}</td></tr>\n')
    return Markup("".join(html))  # noqa: S704 - each part escaped by _link and _value


@cache
def _environment() -> jinja2.Environment:
    env = _Environment(
        loader=jinja2.FunctionLoader(template_text),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    env.filters.update(link=link, links=links, property_rows=property_rows)
    return env


def script_json(text: str) -> Markup:
    """JSON made safe inside ``<script>``: ``<``, ``>`` and ``&`` become ``\\u003c`` etc.
    (valid JSON, identical data), so no label can close the element or open a comment."""
    safe = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(safe)  # noqa: S704 - escaped just above for the script context


class Alternates(tuple):
    """A page's other documents (dicts: ``href``, ``type``, ``name``), with the two lists of
    links to them that every page shows (``<link rel="alternate">`` in its head, "This
    description as …" in its text) written once, escaped, not once a page."""

    @cached_property
    def head(self) -> Markup:
        links = (
            f'<link rel="alternate" type="{escape(a["type"])}" href="{escape(a["href"])}">\n'
            for a in self
        )
        return Markup("".join(links))  # noqa: S704 - each part escaped

    @cached_property
    def text(self) -> Markup:
        links = (
            f'<a href="{escape(a["href"])}" type="{escape(a["type"])}">{escape(a["name"])}</a>'
            for a in self
        )
        return Markup(", ".join(links))  # noqa: S704 - each part escaped


def alternates(here: str) -> Alternates:
    """The other documents of the resource whose page is ``here`` (``entity/russia.html``)."""
    return _alternates(posixpath.basename(here).rsplit(".", 1)[0])


@lru_cache(maxsize=1024)  # many pages share a name (fact-1.html): the same links
def _alternates(stem: str) -> Alternates:
    return Alternates(
        {"href": stem + suffix, "type": media, "name": NAMES[suffix]}
        for suffix, media in DOCUMENTS.items()
        if suffix != ".html"
    )


def page(
    template: str,
    *,
    here: str,
    title: str,
    jsonld: str,
    license: str,
    lang: str = "en",
    canonical: str | None = None,
    docs: list[dict] | None = None,
    root: str | None = None,
    **context,
) -> str:
    """Render ``template`` as the page at site path ``here`` (``root``: the site's URL path,
    for pages a server makes; static pages link relatively)."""
    if root is None:
        root = relative(here, "index.html").removesuffix("index.html")
    return (
        _environment()
        .get_template(template)
        .render(
            root=root,
            title=title,
            lang=lang,
            jsonld=script_json(jsonld),
            license=license,
            license_name=LICENSES.get(license, license),
            canonical=canonical,
            alternates=alternates(here) if docs is None else Alternates(docs),
            **context,
        )
    )


render = page  # for resource_page, whose argument `page` is a number


def resource_page(layout: Layout, iri: URIRef, *, jsonld: str, license: str, page: int = 1) -> str:
    """Page ``page`` of one resource's description (see ``describe.PAGE_SIZE``); an
    article's page also shows its text, evidence marked."""
    here = f"{layout.page_path(iri, page)}.html"
    view = resource_view(layout, iri, page)
    is_article = WITH_TEXT in layout.cat.types(iri)
    lang = layout.cat.value(iri, SCHEMA.inLanguage)
    return render(
        "article.html" if is_article else "resource.html",
        here=here,
        title=view["label"] if page == 1 else f"{view['label']} (page {page})",
        jsonld=jsonld,
        license=license,
        lang=str(lang) if lang else "en",
        canonical=layout.base + here,
        r=view,
        facts_heading="Facts from this article" if is_article else "Facts it takes part in",
        tokens=article_text(layout, iri) if is_article else [],
    )


GROUPS = (
    ("Articles", {SCHEMA.NewsArticle}),
    ("People", {SCHEMA.Person}),
    ("States and places", {SCHEMA.Place, SCHEMA.Country, SCHEMA.City, SCHEMA.AdministrativeArea}),
    ("Organisations and groups", {SCHEMA.Organization, NS["org"].Organization}),
    ("Posts", {NS["org"].Post}),
    ("Events", {SCHEMA.Event}),
)


OTHERS = "Relations, statements and other facts"
_GROUP_TEXT = {str(kind): n for n, (_, kinds) in enumerate(GROUPS) for kind in kinds}  # disjoint


def index_row(layout: Layout, iri: URIRef) -> tuple[str, str, str, int, str]:
    """A resource as the home page lists it: (IRI, label, kind, group number, link)."""
    cat, types = layout.cat, layout.cat.types(iri)
    return (
        str(iri),
        cat.label(iri),
        kind_of(cat, iri),
        group_of(types),
        layout.href("index.html", iri),
    )


def group_of(types) -> int:
    """The number of the first group with one of ``types`` (terms or text; each type is in
    one group at most), ``len(GROUPS)`` for none: the others."""
    return min(map(_GROUP_TEXT.get, map(str, types), repeat(len(GROUPS))), default=len(GROUPS))


def ontology_view(graph: Graph, namespace: str) -> dict:
    """The ontology's own classes and properties, for its page."""
    header = next(iter(graph.subjects(RDF.type, OWL.Ontology)), None)
    groups = []
    for gid, name, kinds in (
        ("classes", "Classes", (OWL.Class,)),
        ("object-properties", "Object properties", (OWL.ObjectProperty,)),
        ("datatype-properties", "Datatype properties", (OWL.DatatypeProperty,)),
        ("annotation-properties", "Annotation properties", (OWL.AnnotationProperty,)),
    ):
        terms = sorted(
            {s for k in kinds for s in graph.subjects(RDF.type, k) if str(s).startswith(namespace)}
        )
        if terms:
            groups.append(
                {
                    "id": gid,
                    "name": name,
                    "terms": [
                        {
                            "name": str(t)[len(namespace) :],
                            "label": str(graph.value(t, RDFS.label) or ""),
                            "comment": str(graph.value(t, RDFS.comment) or ""),
                        }
                        for t in terms
                    ],
                }
            )
    return {
        "title": str(graph.value(header, DCTERMS.title) or "The defrel ontology"),
        "description": str(graph.value(header, DCTERMS.description) or ""),
        "namespace": namespace,
        "groups": groups,
    }
