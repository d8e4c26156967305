"""schema.org as Google and other consumers read it, beside defrel's own triples.

The mapper (``mapping.py``) writes each fact and article in defrel's terms; this module adds
what a schema.org consumer looks for and cannot infer from them: a NewsArticle's
``datePublished``/``dateModified`` as calendar dates, its ``mainEntityOfPage`` and the URL of its
image; every fact's ``name``; an event's ``location`` and its participants as ``attendee``,
``organizer`` or ``performer``; a person's ``jobTitle`` and ``affiliation`` from a post, and
the post itself as an ``OrganizationRole`` (schema.org's Role pattern: the holder is a
``memberOf`` the organisation through it); a membership the article asserts as a direct
``memberOf``, an organisation's ``parentOrganization``; a place's postal ``address``.
Nothing here replaces a defrel triple: each is a second, flatter reading of the same fact.
State relations (alliances, rivalries, partnerships, arms supply...) get no schema.org type:
schema.org has no class for a relation between states, and its Role qualifies a property,
of which it has none between states.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from rdflib import Graph, Literal, URIRef

from ..facts.kinds import ORGANISATIONS, Kind
from ..facts.model import Entity, Fact, Value
from ..facts.when import When
from .mint import Minter
from .nodes import precise_date
from .vocab import NS, RDF, XSD

__all__ = [
    "ROLES", "add_address", "add_article", "add_event", "add_membership", "add_parent",
    "add_post", "calendar_date", "fact_name",
]  # fmt: skip

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
    its id), and ``eventStatus`` EventCancelled where it was called off. Its location is its places: the shapes hold schema:location equal to
    defrel:place, so a visit's destination (a state or an organisation) is not one."""
    if fact.values.get("aspect") == "cancelled":  # the one status the facts state exactly
        g.add((s, SCHEMA.eventStatus, SCHEMA.EventCancelled))
    for role, prop in ROLES.items():
        value = fact.values.get(role)
        if any(f.name == role for f in kind.fields):
            for item in value if isinstance(value, tuple) else (value,):
                if isinstance(item, str):
                    g.add((s, prop, entity(item)))


def add_post(
    g: Graph, fact: URIRef, post: URIRef, holder: URIRef, org: URIRef, values: Mapping[str, Value],
    lang: str,
) -> None:  # fmt: skip
    """The post's holder has it as a job title, in the organisation or state it is in; the
    post itself is named by its title. The post fact is an OrganizationRole between them
    (``holder memberOf fact memberOf org``, schema.org's Role pattern), with the title as its
    ``roleName`` and the start and end the text gives as dates."""
    title = Literal(values["title"], lang=lang)
    g.add((post, SCHEMA.name, title))
    g.add((holder, SCHEMA.jobTitle, title))
    g.add((holder, SCHEMA.affiliation, org))
    g.add((fact, SCHEMA.roleName, title))
    g.add((holder, SCHEMA.memberOf, fact))
    g.add((fact, SCHEMA.memberOf, org))
    for field, prop in (("start", SCHEMA.startDate), ("end", SCHEMA.endDate)):
        when = values.get(field)
        date = precise_date(when) if isinstance(when, When) else None
        if date is not None:
            g.add((fact, prop, date))


# A membership fact is a schema:memberOf only when it says the member is in: joined or a
# member, neither planned nor cancelled, asserted by the article itself (no according_to,
# not hedged or denied), not ended, and not as a candidate or observer.
_MEMBER_ACTIONS = ("joined", "member")
_NOT_MEMBERS = ("candidate", "observer")


def add_membership(g: Graph, fact: Fact, entity: Callable[[str], URIRef]) -> None:
    """``member memberOf organization`` where a membership fact asserts that it holds."""
    v = fact.values
    if (
        fact.kind != "membership"
        or v.get("action") not in _MEMBER_ACTIONS
        or v.get("aspect") in ("planned", "cancelled")
        or v.get("certainty") in ("hedged", "denied")
        or "according_to" in v
        or "end" in v
        or v.get("membership_type") in _NOT_MEMBERS
    ):
        return
    member, org = v["member"], v["organization"]
    assert isinstance(member, str) and isinstance(org, str)
    g.add((entity(member), SCHEMA.memberOf, entity(org)))


def add_parent(
    g: Graph, s: URIRef, e: Entity, entities: Mapping[str, Entity], entity: Callable[[str], URIRef]
) -> None:
    """An organisation that is part of another organisation (``part_of``) has it as its
    ``parentOrganization``; part of a state, it has none (schema.org's Country is a place)."""
    parent = e.values.get("part_of")
    target = entities.get(parent) if isinstance(parent, str) else None
    if e.type in ORGANISATIONS and target is not None and target.type in ORGANISATIONS:
        g.add((s, SCHEMA.parentOrganization, entity(target.id)))


_ADDRESS_PARTS = {"City": SCHEMA.addressLocality, "Region": SCHEMA.addressRegion}
_ADDRESSED = ("Country", "City", "Region", "Facility")


def add_address(
    g: Graph, s: URIRef, e: Entity, entities: Mapping[str, Entity], lang: str
) -> URIRef | None:
    """A place's postal address, only from what the facts say: a city's name as the locality,
    a region's as the region, following ``located_in`` up to a state, which is named by its
    ISO 3166-1 code (``country_code``), else by its name. A facility's address is that of the
    city, region or state it lies in; a water body has none, nor a place whose facts name
    no city, region or state. A region counts only inside a state (an address's region is
    a part of a country; "the Indian subcontinent" is not)."""
    if e.type not in _ADDRESSED:
        return None
    parts: dict[URIRef, Literal] = {}
    node: Entity | None = e
    seen: set[str] = set()
    while node is not None and node.id not in seen:
        seen.add(node.id)
        if node.type == "Country":
            code = node.values.get("country_code")
            name = Literal(str(node.values["label"]), lang=lang)
            parts[SCHEMA.addressCountry] = Literal(code) if isinstance(code, str) else name
            break
        prop = _ADDRESS_PARTS.get(node.type)
        if prop is not None and prop not in parts:
            parts[prop] = Literal(str(node.values["label"]), lang=lang)
        up = node.values.get("located_in")
        node = entities.get(up) if isinstance(up, str) else None
    if SCHEMA.addressCountry not in parts:
        parts.pop(SCHEMA.addressRegion, None)
    if not parts:
        return None
    address = Minter.below(s, "address")
    g.add((s, SCHEMA.address, address))
    g.add((address, RDF.type, SCHEMA.PostalAddress))
    for prop, value in parts.items():
        g.add((address, prop, value))
    return address
