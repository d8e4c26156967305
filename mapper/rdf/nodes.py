"""RDF for the values inside a fact: times (OWL-Time), quantities (schema.org) and evidence
(W3C Web Annotation selectors), each a node with an IRI minted below its owner."""

from __future__ import annotations

from decimal import Context, Decimal

from rdflib import Graph, Literal, URIRef

from ..facts.evidence import Span
from ..facts.kinds import QUANTITY_UNITS
from ..facts.model import Quantity
from ..facts.when import When
from .mint import Minter
from .vocab import NS, RDF, RDFS, XSD

__all__ = ["add_evidence", "add_quantity", "add_time", "precise_date"]

DEFREL, SCHEMA, TIME, OA, PROV = NS["defrel"], NS["schema"], NS["time"], NS["oa"], NS["prov"]

_UNIT_TYPES = {"year": "unitYear", "month": "unitMonth", "day": "unitDay", "weekday": "unitDay"}


def precise_date(when: When) -> Literal | None:
    """An xsd date literal for schema.org consumers, when the date is a plain calendar date."""
    if when.qualifier or when.year is None:
        return None
    if when.day:
        return Literal(f"{when.year:04d}-{when.month:02d}-{when.day:02d}", datatype=XSD.date)
    if when.month:
        return Literal(f"{when.year:04d}-{when.month:02d}", datatype=XSD.gYearMonth)
    return Literal(f"{when.year:04d}", datatype=XSD.gYear)


def decimal_literal(number: Decimal) -> Literal:
    """An xsd:decimal in canonical form (``75.0``, ``1.5``), as Turtle writes it back."""
    # in a context as wide as the number: the default one would round it to 28 digits
    wide = Context(prec=max(28, len(number.as_tuple().digits)))
    text = format(number.normalize(wide), "f")
    return Literal(text if "." in text else f"{text}.0", datatype=XSD.decimal)


def add_time(
    g: Graph,
    owner: URIRef,
    name: str,
    when: When,
    lang: str,
    *,
    article: URIRef | None = None,
    anchor: URIRef | None = None,
) -> URIRef:
    """A time:Instant described, as far as the text says, by a time:DateTimeDescription.

    A date worked out from the article's publication date (``when.relative``: "last year")
    links to that date's instant (``defrel:resolvedFrom``, under ``article``); words that
    open or close a period ("from 2014 onwards", "within a year") say which
    (``defrel:bound`` "start" or "end")."""
    instant = Minter.below(owner, "time", name)
    desc = Minter.below(instant, "description")
    g.add((instant, RDF.type, TIME.Instant))
    g.add((instant, RDFS.label, Literal(when.said or when.text, lang=lang)))
    if when.said is not None:
        g.add((instant, DEFREL.dateText, Literal(when.said, lang=lang)))
    if when.vague:
        g.add((instant, DEFREL.vague, Literal(True)))
    if when.relative and article is not None:
        g.add((instant, DEFREL.resolvedFrom, Minter.below(article, "time", "date_published")))
    if when.bound:
        g.add((instant, DEFREL.bound, Literal(when.bound)))
    if anchor is not None:  # the words count from that fact's date, not from publication
        g.add((instant, DEFREL.countedFrom, anchor))
    if when.unit == "unknown":
        return instant
    g.add((instant, TIME.inDateTime, desc))
    g.add((desc, RDF.type, TIME.DateTimeDescription))
    g.add((desc, TIME.unitType, TIME[_UNIT_TYPES[when.unit]]))
    if when.year is not None:
        g.add((desc, TIME.year, Literal(f"{when.year:04d}", datatype=XSD.gYear)))
    if when.month is not None:
        g.add((desc, TIME.month, Literal(f"--{when.month:02d}", datatype=XSD.gMonth)))
    if when.day is not None:
        g.add((desc, TIME.day, Literal(f"---{when.day:02d}", datatype=XSD.gDay)))
    if when.weekday:
        g.add((desc, TIME.dayOfWeek, TIME[when.weekday]))
    if when.qualifier:
        g.add((desc, DEFREL.qualifier, Literal(when.qualifier)))
    return instant


def add_quantity(g: Graph, owner: URIRef, name: str, q: Quantity) -> URIRef:
    """A schema:MonetaryAmount (ISO 4217 currency) or schema:QuantitativeValue (UN/CEFACT code)."""
    node = Minter.below(owner, name)
    if q.is_money:
        g.add((node, RDF.type, SCHEMA.MonetaryAmount))
        g.add((node, SCHEMA.currency, Literal(q.unit)))
    else:
        code, text = QUANTITY_UNITS[q.unit]
        g.add((node, RDF.type, SCHEMA.QuantitativeValue))
        g.add((node, SCHEMA.unitCode, Literal(code)))
        g.add((node, SCHEMA.unitText, Literal(text)))
    for prop, number in (
        (SCHEMA.value, q.value),
        (SCHEMA.minValue, q.min),
        (SCHEMA.maxValue, q.max),
    ):
        if number is not None:
            g.add((node, prop, decimal_literal(number)))
    if q.approximate:
        g.add((node, DEFREL.approximate, Literal(True)))
    if q.qualifier:
        g.add((node, DEFREL.qualifier, Literal(q.qualifier)))
    return node


def add_evidence(g: Graph, body: URIRef, anchor: URIRef, spans: tuple[Span, ...], article: URIRef):
    """One Web Annotation per quote: body = the fact or entity, target = the span of the text."""
    for n, span in enumerate(spans, start=1):
        ann = Minter.below(anchor, "evidence", n)
        target, quote, position = (
            Minter.below(ann, part) for part in ("target", "quote", "position")
        )
        g.add((body, DEFREL.evidence, ann))
        g.add((ann, RDF.type, DEFREL.Evidence))
        g.add((ann, RDF.type, OA.Annotation))
        g.add((ann, OA.hasBody, body))
        g.add((ann, OA.hasTarget, target))
        g.add((ann, OA.motivatedBy, OA.describing))
        g.add((ann, PROV.wasDerivedFrom, article))
        g.add((target, RDF.type, OA.SpecificResource))
        g.add((target, OA.hasSource, article))
        g.add((target, OA.hasSelector, quote))
        g.add((target, OA.hasSelector, position))
        g.add((quote, RDF.type, OA.TextQuoteSelector))
        g.add((quote, OA.exact, Literal(span.exact)))
        if span.prefix:
            g.add((quote, OA.prefix, Literal(span.prefix)))
        if span.suffix:
            g.add((quote, OA.suffix, Literal(span.suffix)))
        g.add((position, RDF.type, OA.TextPositionSelector))
        g.add((position, OA.start, Literal(span.start, datatype=XSD.nonNegativeInteger)))
        g.add((position, OA.end, Literal(span.end, datatype=XSD.nonNegativeInteger)))
