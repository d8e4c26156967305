"""What a page shows, as plain data for the templates: a resource's types, properties, evidence
and the facts it takes part in; an article's text cut into highlighted, linked spans.

Nothing here writes HTML: the templates (``mapper/data/site/``) do, with autoescaping on, so
that labels and article text, which are user input, are always escaped.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from decimal import Context, Decimal, InvalidOperation
from functools import lru_cache

from rdflib import RDF, Literal, URIRef
from rdflib.term import Node

from ...rdf.vocab import NS
from ...rdf.vocab import curie as _curie
from .describe import Catalogue

__all__ = ["Layout", "article_text", "resource_view"]

SCHEMA, OA, DEFREL, RDFS = NS["schema"], NS["oa"], NS["defrel"], NS["rdfs"]
ONTOLOGY = str(DEFREL)
HIDDEN = {RDF.type, DEFREL.evidence, SCHEMA.articleBody}  # shown in sections of their own
ONTOLOGY_PAGE = "ontology"
_UNKNOWN = object()  # not in a memo (where None is a value)
curie = lru_cache(maxsize=1 << 12)(_curie)  # a page's properties and types: a few hundred IRIs
_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")  # in an anchor
_SOURCE, _TARGET = str(OA.hasSource), str(OA.hasTarget)
_same = str.__eq__  # predicates compared as strings, in C (rdflib's __eq__ is Python)
_TRUE = Literal(True)  # (made once: rdflib's Literal constructor is slow)


@dataclass(frozen=True)
class Layout:
    """Where a resource's documents sit in the site: ``{base}entity/russia`` is the resource,
    ``entity/russia.html`` (``.ttl``, ``.jsonld``, ``.nt``, ``.nq``) its documents."""

    base: str
    cat: Catalogue
    # memo of href(): by the linking page's folder (all a relative link depends on) and the
    # IRI: an article's fact pages share a folder and link to the same entities and terms
    _hrefs: dict = field(default_factory=dict, compare=False, repr=False)
    # memo of term_view() and value_view() (of IRIs), keyed the same way
    _views: dict = field(default_factory=dict, compare=False, repr=False)

    def path(self, iri: Node) -> str | None:
        """The document path (no extension) of a resource under the base, else None."""
        if not isinstance(iri, URIRef) or not str(iri).startswith(self.base):
            return None
        resource = iri if iri in self.cat.resources else self.cat.details.get(iri)
        if resource is None:
            return None
        return str(resource)[len(self.base) :]

    def page_path(self, iri: Node, page: int = 1) -> str:
        """The document path (no extension) of page ``page`` of a resource's description."""
        path = self.path(iri)
        return path if page == 1 else f"{path}.page{page}"

    def href(self, here: str, iri: Node) -> str | None:
        """A link from page ``here`` (a document path) to ``iri``: its page, or a file of the
        site, relative so that the site works wherever it is hosted; external IRIs as they are."""
        key = (here.rpartition("/")[0], iri)
        found = self._hrefs.get(key, _UNKNOWN)
        if found is _UNKNOWN:
            found = self._hrefs[key] = self._href(here, iri)
        return found

    def _href(self, here: str, iri: Node) -> str | None:
        text = str(iri)
        target = self.path(iri)
        if target is not None:
            return page_link(here, target) + self.fragment(iri)
        if text.startswith(ONTOLOGY):
            return relative(here, f"{ONTOLOGY_PAGE}.html") + "#" + text[len(ONTOLOGY) :]
        if text.startswith(self.base):
            return relative(here, text[len(self.base) :] or "index.html")
        return text if text.startswith(("http://", "https://")) else None

    def fragment(self, iri: Node) -> str:
        """Evidence annotations have an anchor on their owner's page; other details do not."""
        if iri in self.cat.details and OA.Annotation in self.cat.types(iri):
            return f"#{self.anchor(iri)}"
        return ""

    def anchor(self, annotation: Node) -> str:
        """The id of an evidence annotation, the same on the article page and its owner's."""
        text = str(annotation)
        text = text[len(self.base) :] if text.startswith(self.base) else text
        return "ev-" + _UNSAFE.sub("-", text).strip("-")


_ODD = frozenset(("", ".", ".."))  # parts of a path that posixpath.relpath reads


def page_link(here: str, path: str) -> str:
    """A link from page ``here`` to the page of the resource at ``path`` (a ``?`` or ``#``,
    which a store's IRI may hold, escaped: it would end the URL's path)."""
    link = relative(here, f"{path}.html")
    if "?" in link or "#" in link:
        link = link.replace("?", "%3F").replace("#", "%23")
    return link


def relative(here: str, target: str) -> str:
    """``target`` (a site path) as seen from the page at site path ``here``."""
    start, path = here.split("/")[:-1], target.split("/")
    if not (_ODD.isdisjoint(start) and _ODD.isdisjoint(path)):  # not a plain path: the slow way
        return posixpath.relpath(target, posixpath.dirname(here) or ".")
    common = 0  # what posixpath.relpath does, for plain paths, without its abspath calls
    while common < min(len(start), len(path)) and start[common] == path[common]:
        common += 1
    return "/".join([".."] * (len(start) - common) + path[common:]) or "."


def _number(value: Node) -> str:
    try:
        number = Decimal(str(value))
    except InvalidOperation:  # not a number ("abc"): a store may hold any data
        return str(value)
    if not number.is_finite():
        return str(value)
    number = number.normalize(Context(prec=max(28, len(number.as_tuple().digits))))  # exact
    return f"{number:,f}" if abs(number) >= 10000 else format(number, "f")


def quantity_text(cat: Catalogue, node: Node) -> str:
    """``up to 75 percent (in certain years)``, ``about 1,900,000,000 USD``."""
    unit = cat.value(node, SCHEMA.unitText) or cat.value(node, SCHEMA.currency) or ""
    value, low, high = (
        cat.value(node, p) for p in (SCHEMA.value, SCHEMA.minValue, SCHEMA.maxValue)
    )
    if value is not None:
        text = _number(value)
    elif low is not None and high is not None:
        text = f"{_number(low)}–{_number(high)}"
    elif high is not None:
        text = f"up to {_number(high)}"
    else:
        text = f"at least {_number(low)}" if low is not None else "?"
    if cat.value(node, DEFREL.approximate) == _TRUE:
        text = f"about {text}"
    qualifier = cat.value(node, DEFREL.qualifier)
    return f"{text} {unit}".strip() + (f" ({qualifier})" if qualifier else "")


def detail_text(cat: Catalogue, node: Node) -> str:
    types = cat.types(node)
    if types & {SCHEMA.QuantitativeValue, SCHEMA.MonetaryAmount}:
        return quantity_text(cat, node)
    if SCHEMA.ImageObject in types:
        credit = cat.value(node, SCHEMA.creditText)
        return f"an image (credit: {credit})" if credit else "an image"
    return cat.label(node)


def value_view(layout: Layout, here: str, node: Node) -> dict:
    if isinstance(node, Literal):
        return {"text": str(node), "lang": node.language, "href": None}
    # made once for the pages of a folder: an article's facts link to the same entities
    # (the views are read, never changed)
    key = ("value", here.rpartition("/")[0], node)
    found = layout._views.get(key)
    if found is None:
        found = layout._views[key] = _value_view(layout, here, node)
    return found


def _value_view(layout: Layout, here: str, node: Node) -> dict:
    cat = layout.cat
    if node in cat.details:
        return {"text": detail_text(cat, node), "lang": None, "href": None}
    text = cat.label(node) if node in cat.resources else curie(str(node))
    return {"text": text, "lang": None, "href": layout.href(here, node)}


def term_view(layout: Layout, here: str, term: Node) -> dict:
    key = ("term", here.rpartition("/")[0], term)  # (as value_view's)
    found = layout._views.get(key)
    if found is None:
        found = layout._views[key] = {"text": curie(str(term)), "href": layout.href(here, term)}
    return found


def quote_view(layout: Layout, here: str, annotation: URIRef) -> dict:
    """One evidence quote with its context and a link to its place in the article text."""
    cat = layout.cat
    view = {"id": layout.anchor(annotation), "exact": "", "prefix": "", "suffix": "", "href": None}
    for target in cat.values(annotation, OA.hasTarget):
        source = cat.value(target, OA.hasSource)
        if source is not None:
            view["href"] = layout.href(here, source)
            if view["href"]:
                view["href"] = view["href"].split("#")[0] + "#" + view["id"]
            view["article"] = cat.label(source)
        for selector in cat.values(target, OA.hasSelector):
            for key, prop in (("exact", OA.exact), ("prefix", OA.prefix), ("suffix", OA.suffix)):
                found = cat.value(selector, prop)
                if found is not None:
                    view[key] = str(found)
    return view


def kind_of(cat: Catalogue, iri: Node) -> str:
    """The name of a resource's own (defrel) class, e.g. ``Visit``."""
    return kind_text(cat.types(iri))


def kind_text(types) -> str:
    """``kind_of`` a resource of ``types`` (IRIs, as terms or text)."""
    own = sorted(str(t)[len(ONTOLOGY) :] for t in types if str(t).startswith(ONTOLOGY))
    return ", ".join(own) or ", ".join(sorted(curie(str(t)) for t in types))


def is_fact(cat: Catalogue, iri: Node) -> bool:
    return cat.value(iri, DEFREL.article) is not None


def pages_view(layout: Layout, iri: URIRef, page: int) -> dict:
    """Where page ``page`` of a resource's description sits among its pages."""
    here, pages = f"{layout.page_path(iri, page)}.html", layout.cat.window(iri, page).pages

    def link(n: int) -> str | None:
        return relative(here, f"{layout.page_path(iri, n)}.html") if 1 <= n <= pages else None

    return {
        "page": page,
        "pages": pages,
        "size": layout.cat.page_size,
        "prev": link(page - 1),
        "next": link(page + 1),
        "first": link(1),
    }


def resource_view(layout: Layout, iri: URIRef, page: int = 1) -> dict:
    """Everything page ``page`` of a resource's description shows, links relative to it."""
    cat, here = layout.cat, f"{layout.page_path(iri, page)}.html"
    props: dict[URIRef, list[dict]] = {}
    # each (property, value) once (a state's name is stated once in each article's graph);
    # those shown elsewhere left out first, not sorted (an article's text is long). On the
    # first page only, as the documents have them (``describe``): a later page lists what
    # points at the resource (a state named by thousands of articles repeated its thousands
    # of ``mentionedIn`` links on each of its pages)
    shown = {(q[1], q[2]) for q in cat.out[iri] if q[1] not in HIDDEN} if page == 1 else set()
    for p, o in sorted(shown, key=lambda q: (str(q[0]), str(q[1]))):
        if isinstance(p, URIRef):
            row = props.setdefault(p, [])
            view = value_view(layout, here, o)
            if view not in row:
                row.append(view)
    roles: dict[URIRef, list[URIRef]] = {}
    for s, p in cat.referrers(iri, page):
        roles.setdefault(s, []).append(p)
    facts, others = [], []
    for s, props_in in roles.items():
        row = {
            "href": layout.href(here, s),
            "label": cat.label(s),
            "kind": kind_of(cat, s),
            "roles": [term_view(layout, here, p) for p in props_in],
        }
        if is_fact(cat, s):
            row["quotes"] = [quote_view(layout, here, a) for a in cat.evidence(s)]
            facts.append(row)
        else:
            others.append(row)
    return {
        "iri": str(iri),
        "label": cat.label(iri),
        "kind": kind_of(cat, iri),
        "types": [term_view(layout, here, t) for t in sorted(cat.types(iri))],
        "properties": [
            {"term": term_view(layout, here, p), "values": vals} for p, vals in props.items()
        ],
        "evidence": [quote_view(layout, here, a) for a in cat.evidence(iri)] if page == 1 else [],
        "facts": facts,
        "others": others,
        "pages": pages_view(layout, iri, page),
    }


def article_text(layout: Layout, article: URIRef) -> list[dict]:
    """The article's text as tokens: text runs (``depth`` = how many quotes cover them), an
    anchor where each quote starts, and a numbered link to its fact where it ends."""
    cat = layout.cat
    here = f"{layout.path(article)}.html"
    body = cat.value(article, SCHEMA.articleBody)
    text = str(body) if body is not None else ""
    spans = []
    for target, _, _, _ in {q for q in cat.into.get(article, ()) if _same(_SOURCE, q[1])}:
        for annotation, _, _, _ in {q for q in cat.into.get(target, ()) if _same(_TARGET, q[1])}:
            span = cat.span(annotation)
            owner = cat.value(annotation, OA.hasBody)
            if span is not None and owner is not None:
                spans.append((span[0], -span[1], str(annotation), annotation, owner))
    spans.sort()
    starts: dict[int, list] = {}
    ends: dict[int, list] = {}
    opens: dict[int, int] = {}  # how many quotes cover the text from here on, less before
    for n, (start, neg_end, _, annotation, owner) in enumerate(spans, start=1):
        starts.setdefault(start, []).append(annotation)
        ends.setdefault(-neg_end, []).append((n, annotation, owner))
        if start < -neg_end:  # (an empty or reversed span covers no text)
            opens[start] = opens.get(start, 0) + 1
            opens[-neg_end] = opens.get(-neg_end, 0) - 1
    cuts = sorted({0, len(text), *starts, *ends})
    tokens: list[dict] = []
    depth = 0  # the quotes covering the text from ``at`` to the next cut (a cut is at each
    # quote's start and end): counted as it goes, not over every quote at every cut
    for at, nxt in zip(cuts, cuts[1:] + [None], strict=True):
        depth += opens.get(at, 0)
        for n, annotation, owner in ends.get(at, ()):
            tokens.append(
                {
                    "kind": "ref",
                    "n": n,
                    "href": f"{layout.href(here, owner)}#{layout.anchor(annotation)}",
                    "label": f"{kind_of(cat, owner)}: {cat.label(owner)}",
                }
            )
        for annotation in starts.get(at, ()):
            tokens.append({"kind": "anchor", "id": layout.anchor(annotation)})
        if nxt is not None:
            tokens.append({"kind": "text", "text": text[at:nxt], "depth": min(depth, 3)})
    return tokens
