"""schema.org as Google and other consumers read it, beside defrel's own triples.

The mapper (``mapping.py``) writes each fact and article in defrel's terms; this module adds
what a schema.org consumer looks for and cannot infer from them: a NewsArticle's
``datePublished``/``dateModified`` as calendar dates, its ``mainEntityOfPage`` and the URL of its
image; every fact's ``name``; an event's ``location`` and its participants as ``attendee``,
``organizer`` or ``performer``; a person's ``jobTitle`` and ``affiliation`` from a post.
Nothing here replaces a defrel triple: each is a second, flatter reading of the same fact.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from rdflib import Graph, Literal, URIRef

from ..facts.kinds import Kind
from ..facts.model import Fact, Value
from ..facts.when import When
from .vocab import NS, XSD

__all__ = ["ROLES", "add_article", "add_event", "add_post", "calendar_date", "fact_name"]

SCHEMA = NS["schema"]

# Which role fields of an event kind name its participants, in schema.org's three terms.
# attendee: who takes part; organizer: who hosts, conducts or imposes it; performer: who
# speaks in it (a statement, a report). Other roles (targets, subjects, systems) stay defrel's.
ROLES: dict[str, URIRef] = {
    "visitor": SCHEMA.attendee,
    "participants": SCHEMA.attendee,
    "signatories": SCHEMA.attendee,
    "observers": SCHEMA.attendee,
    "trainees": SCHEMA.attendee,
    "protesters": SCHEMA.attendee,
    "host": SCHEMA.organizer,
    "conducted_by": SCHEMA.organizer,
    "imposer": SCHEMA.organizer,
    "investigator": SCHEMA.organizer,
    "trainer": SCHEMA.organizer,
    "speaker": SCHEMA.performer,
    "reporter": SCHEMA.performer,
}
# Fields a name is generated from when a fact has no label, most telling first.
_NAME_ROLES = ("speaker", "reporter", "visitor", "participants", "parties", "signatories",
               "supplier", "provider", "conducted_by", "imposer", "actors", "holder", "member",
               "destination", "recipient", "targets", "against", "organization")  # fmt: skip


def calendar_date(when: Value | None) -> Literal | None:
    """An xsd:date when the text gives a day of the calendar (schema.org's Date; Google reads
    no coarser precision as a date), else None."""
    if not isinstance(when, When) or when.qualifier or when.year is None:
        return None
    if when.month is None or when.day is None:
        return None
    return Literal(f"{when.year:04d}-{when.month:02d}-{when.day:02d}", datatype=XSD.date)


def fact_name(kind: Kind, fact: Fact, labels: Mapping[str, str]) -> str:
    """The fact's name (``name:``, which the mapper writes itself), else its label, else a
    name made from its kind and the entities in its roles ("Visit: Sergei Shoigu, Pakistan")."""
    label = fact.values.get("name") or fact.values.get("label")
    if isinstance(label, str) and label:
        return label
    names: list[str] = []
    for role in _NAME_ROLES:
        value = fact.values.get(role)
        for item in value if isinstance(value, tuple) else (value,):
            if isinstance(item, str) and labels.get(item, item) not in names:
                names.append(labels.get(item, item))
    title = kind.name.replace("_", " ").capitalize()
    return f"{title}: {', '.join(names[:4])}" if names else title


def add_article(
    g: Graph, s: URIRef, meta: Mapping[str, Value], *, page: str, image: URIRef | None
) -> None:
    """A NewsArticle's dates, the page it is the main entity of, and its image's URL."""
    for field, prop in (("date_published", SCHEMA.datePublished),
                        ("date_modified", SCHEMA.dateModified)):  # fmt: skip
        date = calendar_date(meta.get(field))
        if date is not None:
            g.add((s, prop, date))
    url = meta.get("url")
    g.add((s, SCHEMA.mainEntityOfPage, Literal(url if isinstance(url, str) else page,
                                                datatype=XSD.anyURI)))  # fmt: skip
    image_url = meta.get("image_url")
    if image is not None and isinstance(image_url, str):
        g.add((image, SCHEMA.url, Literal(image_url, datatype=XSD.anyURI)))


def add_event(g: Graph, s: URIRef, kind: Kind, fact: Fact, entity: Callable[[str], URIRef]) -> None:
    """An event's participants in schema.org's terms (``entity`` mints an entity's IRI from
    its id). Its location is its places: the shapes hold schema:location equal to
    defrel:place, so a visit's destination (a state or an organisation) is not one."""
    for role, prop in ROLES.items():
        value = fact.values.get(role)
        if any(f.name == role for f in kind.fields):
            for item in value if isinstance(value, tuple) else (value,):
                if isinstance(item, str):
                    g.add((s, prop, entity(item)))


def add_post(g: Graph, post: URIRef, holder: URIRef, org: URIRef, title: str, lang: str) -> None:
    """The post's holder has it as a job title, in the organisation or state it is in; the
    post itself is named by its title."""
    g.add((post, SCHEMA.name, Literal(title, lang=lang)))
    g.add((holder, SCHEMA.jobTitle, Literal(title, lang=lang)))
    g.add((holder, SCHEMA.affiliation, org))
