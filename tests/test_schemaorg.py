"""schema.org as Google and other consumers read it: the schema.org triples the mapper adds
beside defrel's, the compact JSON-LD each page embeds (what a naive consumer matches), its size,
and a check of the built pages the way Google's Rich Results Test checks Article, Event and
Dataset markup (required and recommended properties; no network)."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import pytest
from conftest import SEED_SLUG, write_article
from rdflib import RDF, Dataset, Graph, Literal, URIRef

from mapper.publish.render.schemajson import EMBED_BUDGET
from mapper.publish.site.static import build_site
from mapper.rdf.vocab import NS, XSD

SCHEMA, DEFREL = NS["schema"], NS["defrel"]
BASE = "https://example.org/news/"
ARTICLE = URIRef(f"{BASE}article/talks")
FACT = f"{BASE}article/talks/fact/"

# --- Google's property lists ----------------------------------------------------------------
# Written down from Google Search Central's structured-data feature guides (no network here):
#   Article:  https://developers.google.com/search/docs/appearance/structured-data/article
#             (no required property; author, author.name, author.url, dateModified,
#             datePublished, headline and image are recommended)
#   Event:    https://developers.google.com/search/docs/appearance/structured-data/event
#             (location, name, startDate required; location.address required of a Place)
#   Dataset:  https://developers.google.com/search/docs/appearance/structured-data/dataset
#             (name and description required)
# Recommended properties that the facts format cannot give (ticket offers, attendance mode,
# event status, a dataset's funder...) are listed too, and reported, never asserted present.
RULES = {
    "Article": {
        "required": (),
        "recommended": (
            "author",
            "author.name",
            "author.url",
            "dateModified",
            "datePublished",
            "headline",
            "image",
        ),  # fmt: skip
    },
    "Event": {
        "required": ("location", "name", "startDate", "location.address"),
        "recommended": (
            "description",
            "endDate",
            "eventAttendanceMode",
            "eventStatus",
            "image",
            "offers",
            "organizer",
            "performer",
            "previousStartDate",
        ),  # fmt: skip
    },
    "Dataset": {
        "required": ("description", "name"),
        "recommended": (
            "alternateName",
            "citation",
            "creator",
            "distribution",
            "funder",
            "hasPart",
            "identifier",
            "isAccessibleForFree",
            "isBasedOn",
            "keywords",
            "license",
            "measurementTechnique",
            "sameAs",
            "spatialCoverage",
            "temporalCoverage",
            "variableMeasured",
            "version",
        ),  # fmt: skip
    },
}
# The types Google reads as each feature
FEATURES = {"Article": "Article", "NewsArticle": "Article", "BlogPosting": "Article",
            "Event": "Event", "Dataset": "Dataset"}  # fmt: skip
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$")


def _has(item: dict, path: str) -> bool:
    """Whether a dotted property path has a value in every item it reaches (as Google reads
    ``author.name``: each author needs a name)."""
    head, _, rest = path.partition(".")
    value = item.get(head)
    if value in (None, "", []):
        return False
    if not rest:
        return True
    values = value if isinstance(value, list) else [value]
    return all(isinstance(v, dict) and _has(v, rest) for v in values)


def rich_results(doc: dict) -> dict[str, tuple[set[str], set[str]]]:
    """Google's reading of one page's JSON-LD: for each feature found (by ``@type``, matched
    as plain JSON, as a naive consumer does), the missing required and recommended
    properties. A date must be ISO 8601, or Google reports it as invalid (so missing)."""
    found: dict[str, tuple[set[str], set[str]]] = {}
    types = doc.get("@type", [])
    for t in [types] if isinstance(types, str) else types:
        feature = FEATURES.get(t)
        if feature is None:
            continue
        rules = RULES[feature]
        missing = {p for p in rules["required"] + rules["recommended"] if not _has(doc, p)}
        for key in ("startDate", "endDate", "datePublished", "dateModified"):
            if key in doc and not ISO_DATE.match(str(doc[key])):
                missing.add(key)
        found[feature] = (
            missing & set(rules["required"]),
            missing & set(rules["recommended"]),
        )
    return found


# --- a news article with every metadata field ---------------------------------------------

TEXT = (
    "Ministers meet in Valletta\n\n"
    "Defence Minister Ann Field of Ruritania visited Malta on 10 June 2025 and met "
    "President Bo Reyes in Valletta. Field said the talks were useful. They also met again.\n"
    "Malta joined the Island Pact in 2024; Ruritania will join it next year.\n"
    "A second round of talks was called off.\n"
)
FACTS = """\
article:
  headline: Ministers meet in Valletta
  language: en
  publisher: harbour-times
  authors: [kim-writer]
  date_published: "2025-06-11"
  date_modified: "2025-06-12"
  url: https://news.example.com/2025/06/ministers-meet
  image_url: https://news.example.com/img/valletta.jpg
  image_credit: Example Photo Agency
  free: true
  about: [ruritania, malta]
entities:
  - id: harbour-times
    type: NewsOrganization
    label: The Harbour Times
    url: https://news.example.com/
  - id: kim-writer
    type: Person
    label: Kim Writer
    url: https://news.example.com/staff/kim-writer
  - id: ann-field
    type: Person
    label: Ann Field
    evidence: ["Defence Minister Ann Field"]
  - id: bo-reyes
    type: Person
    label: Bo Reyes
    evidence: ["President Bo Reyes"]
  - id: ruritania
    type: Country
    label: Ruritania
  - id: malta
    type: Country
    label: Malta
    country_code: MT
  - id: valletta
    type: City
    label: Valletta
    located_in: malta
  - id: central-mediterranean
    type: Region
    label: Central Mediterranean
  - id: island-pact
    type: InternationalOrganization
    label: Island Pact
  - id: pact-secretariat
    type: InternationalOrganization
    label: Island Pact Secretariat
    part_of: island-pact
facts:
  - id: field-minister
    kind: post
    holder: ann-field
    title: Defence Minister
    organization: ruritania
    evidence: ["Defence Minister Ann Field of Ruritania"]
  - id: field-visits-malta
    kind: visit
    label: Ann Field's visit to Malta
    visitor: ann-field
    destination: malta
    host: [bo-reyes]
    places: [valletta]
    date: 2025-06-10
    evidence: ["visited Malta on 10 June 2025"]
  - id: field-meets-reyes
    kind: meeting
    participants: [ann-field, bo-reyes]
    places: [valletta]
    evidence: ["met President Bo Reyes in Valletta"]
  - id: field-statement
    kind: statement
    speaker: [ann-field]
    evidence: ["Field said the talks were useful"]
  - id: second-round-called-off
    kind: meeting
    participants: [ann-field, bo-reyes]
    aspect: cancelled
    evidence: ["A second round of talks was called off"]
  - id: malta-joins-pact
    kind: membership
    member: malta
    organization: island-pact
    action: joined
    date: "2024"
    evidence: ["Malta joined the Island Pact in 2024"]
  - id: ruritania-to-join-pact
    kind: membership
    member: ruritania
    organization: island-pact
    action: joined
    aspect: planned
    evidence: ["Ruritania will join it next year"]
"""


@pytest.fixture(scope="module")
def news(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("schemaorg")
    write_article(folder / "in", FACTS, TEXT, slug="talks")
    outcome = build_site([folder / "in"], out=folder / "site", base=BASE)
    assert outcome.report.conforms, outcome.report.text()
    return folder / "site"


@pytest.fixture(scope="module")
def data(news: Path) -> Graph:
    graph = Graph()
    for s, p, o, _ in Dataset().parse(news / "dataset.nq", format="nquads").quads():
        graph.add((s, p, o))
    return graph


@cache
def embedded(path: Path) -> tuple[dict, int]:
    """A page's embedded JSON-LD, and its size in bytes."""
    html = path.read_text(encoding="utf-8")
    found = re.findall(r'<script type="application/ld\+json">\n(.*?)</script>', html, re.S)
    assert len(found) == 1, path
    return json.loads(found[0]), len(found[0].encode())


def pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if p.name != "ontology.html")


# --- the data -------------------------------------------------------------------------------


def test_a_news_article_is_complete_for_schema_org(data: Graph) -> None:
    """Every NewsArticle property Google's Article guide reads, author.url and publisher.url
    included (the url: of the author's and the publisher's entities)."""
    art = ARTICLE
    assert data.value(art, SCHEMA.datePublished) == Literal("2025-06-11", datatype=XSD.date)
    assert data.value(art, SCHEMA.dateModified) == Literal("2025-06-12", datatype=XSD.date)
    assert str(data.value(art, SCHEMA.mainEntityOfPage)) == (
        "https://news.example.com/2025/06/ministers-meet"
    )
    assert data.value(art, SCHEMA.isAccessibleForFree).toPython() is True
    image = data.value(art, SCHEMA.image)
    assert str(data.value(image, SCHEMA.url)) == "https://news.example.com/img/valletta.jpg"
    assert str(data.value(image, SCHEMA.contentUrl)) == "https://news.example.com/img/valletta.jpg"
    for prop, name, url in (
        (SCHEMA.author, "Kim Writer", "https://news.example.com/staff/kim-writer"),
        (SCHEMA.publisher, "The Harbour Times", "https://news.example.com/"),
    ):
        assert str(data.value(data.value(art, prop), SCHEMA.name)) == name
        assert data.value(data.value(art, prop), SCHEMA.url) == Literal(url, datatype=XSD.anyURI)
    # defrel's own reading stays
    assert data.value(art, DEFREL.datePublished) is not None


def test_events_have_names_dates_places_and_participants(data: Graph) -> None:
    visit = URIRef(FACT + "field-visits-malta")
    assert str(data.value(visit, SCHEMA.name)) == "Ann Field's visit to Malta"
    assert data.value(visit, SCHEMA.startDate) == Literal("2025-06-10", datatype=XSD.date)
    assert data.value(visit, SCHEMA.location) == URIRef(f"{BASE}entity/valletta")
    assert data.value(visit, SCHEMA.attendee) == URIRef(f"{BASE}entity/ann-field")
    assert data.value(visit, SCHEMA.organizer) == URIRef(f"{BASE}entity/bo-reyes")
    assert data.value(visit, DEFREL.visitor) == URIRef(f"{BASE}entity/ann-field")  # kept
    meeting = URIRef(FACT + "field-meets-reyes")  # no label: a name from kind and roles
    assert str(data.value(meeting, SCHEMA.name)) == "Meeting: Ann Field, Bo Reyes"
    assert set(data.objects(meeting, SCHEMA.attendee)) == {
        URIRef(f"{BASE}entity/ann-field"),
        URIRef(f"{BASE}entity/bo-reyes"),
    }
    statement = URIRef(FACT + "field-statement")
    assert data.value(statement, SCHEMA.performer) == URIRef(f"{BASE}entity/ann-field")


def test_people_have_job_titles_and_affiliations_from_their_posts(data: Graph) -> None:
    person = URIRef(f"{BASE}entity/ann-field")
    assert data.value(person, SCHEMA.jobTitle) == Literal("Defence Minister", lang="en")
    assert data.value(person, SCHEMA.affiliation) == URIRef(f"{BASE}entity/ruritania")


def test_a_post_is_an_organization_role(data: Graph) -> None:
    """schema.org's Role pattern: holder memberOf role memberOf organisation, the title as
    the role's roleName."""
    role = URIRef(FACT + "field-minister")
    person, state = URIRef(f"{BASE}entity/ann-field"), URIRef(f"{BASE}entity/ruritania")
    assert (role, RDF.type, SCHEMA.OrganizationRole) in data
    assert data.value(role, SCHEMA.roleName) == Literal("Defence Minister", lang="en")
    assert set(data.objects(person, SCHEMA.memberOf)) == {role}
    assert data.value(role, SCHEMA.memberOf) == state


def test_memberships_the_article_asserts_are_member_of_links(data: Graph) -> None:
    """Malta joined (completed): memberOf. Ruritania will join (planned): no link."""
    pact = URIRef(f"{BASE}entity/island-pact")
    assert set(data.subjects(SCHEMA.memberOf, pact)) == {URIRef(f"{BASE}entity/malta")}
    secretariat = URIRef(f"{BASE}entity/pact-secretariat")
    assert data.value(secretariat, SCHEMA.parentOrganization) == pact
    assert data.value(pact, SCHEMA.parentOrganization) is None


def test_places_have_postal_addresses_from_what_the_facts_say(data: Graph) -> None:
    """Valletta lies in Malta, whose ISO 3166-1 code the facts give; Ruritania has no code,
    so its address names it; a person has none, nor a region the facts put in no state."""
    valletta = data.value(URIRef(f"{BASE}entity/valletta"), SCHEMA.address)
    assert (valletta, RDF.type, SCHEMA.PostalAddress) in data
    assert data.value(valletta, SCHEMA.addressLocality) == Literal("Valletta", lang="en")
    assert data.value(valletta, SCHEMA.addressCountry) == Literal("MT")
    ruritania = data.value(URIRef(f"{BASE}entity/ruritania"), SCHEMA.address)
    assert data.value(ruritania, SCHEMA.addressCountry) == Literal("Ruritania", lang="en")
    assert data.value(URIRef(f"{BASE}entity/ann-field"), SCHEMA.address) is None
    # a region in no known state is no part of an address
    assert data.value(URIRef(f"{BASE}entity/central-mediterranean"), SCHEMA.address) is None


# --- the embedded JSON-LD -------------------------------------------------------------------


def test_the_article_page_embeds_what_a_naive_consumer_matches(news: Path) -> None:
    doc, _ = embedded(news / "article/talks.html")
    assert doc["@type"] == "NewsArticle" and doc["@id"] == str(ARTICLE)
    assert doc["headline"] == "Ministers meet in Valletta"
    assert doc["datePublished"] == "2025-06-11" and doc["dateModified"] == "2025-06-12"
    assert doc["author"] == {"@id": f"{BASE}entity/kim-writer", "@type": "Person",
                             "name": "Kim Writer",
                             "url": "https://news.example.com/staff/kim-writer"}  # fmt: skip
    assert doc["publisher"]["@type"] == "NewsMediaOrganization"
    assert doc["publisher"]["name"] == "The Harbour Times"
    assert doc["publisher"]["url"] == "https://news.example.com/"
    assert doc["image"]["@type"] == "ImageObject"
    assert doc["image"]["url"] == "https://news.example.com/img/valletta.jpg"
    assert doc["isAccessibleForFree"] is True
    assert doc["mainEntityOfPage"] == "https://news.example.com/2025/06/ministers-meet"
    assert "@version" not in doc["@context"]  # JSON-LD 1.0 processors read it too


def test_a_role_page_names_its_holder_and_its_organisation(news: Path) -> None:
    doc, _ = embedded(news / "article/talks/fact/field-minister.html")
    assert doc["@type"] == "OrganizationRole" and doc["roleName"] == "Defence Minister"
    assert doc["memberOf"]["@id"] == f"{BASE}entity/ruritania"
    assert doc["@reverse"]["memberOf"]["@id"] == f"{BASE}entity/ann-field"
    compact = Graph().parse(data=json.dumps(doc), format="json-ld")
    role = URIRef(FACT + "field-minister")
    assert (URIRef(f"{BASE}entity/ann-field"), SCHEMA.memberOf, role) in compact


def test_every_page_is_plain_json_for_schema_org_types(news: Path, seed_site: Path) -> None:
    for site in (news, seed_site):
        for path in pages(site):
            doc, _ = embedded(path)
            assert "@graph" not in doc, path
            types = doc["@type"] if isinstance(doc["@type"], list) else [doc["@type"]]
            assert not any(t.startswith("schema:") for t in types), path
            if "name" in doc:
                assert isinstance(doc["name"], str), path


def test_the_embedded_triples_are_the_descriptions(news: Path, seed_site: Path) -> None:
    """Read as RDF (rdflib's JSON-LD parser, the context inline: nothing fetched), a page's
    JSON-LD states only what its resource's Turtle document states, plus one URL per
    evidence link (the quote's anchor on the article page)."""
    for site in (news, seed_site):
        for path in pages(site):
            if path.name == "index.html":
                turtle = Graph().parse(site / "void.ttl")
            else:
                turtle = Graph().parse(path.with_suffix(".ttl"))
            compact = Graph().parse(
                data=json.dumps(embedded(path)[0]), format="json-ld", base=str(path)
            )
            extra = {
                (s, p, o)
                for s, p, o in compact - turtle
                if not (p == SCHEMA.url and "/evidence/" in str(s) and ".html#ev-" in str(o))
            }
            assert not extra, f"{path}: {sorted(extra)[:3]}"
            assert len(compact) >= 2, path  # a type and a name at least


def test_evidence_links_point_at_anchors_of_the_article_page(seed_site: Path) -> None:
    checked = 0
    for path in pages(seed_site):
        doc, _ = embedded(path)
        links = doc.get("defrel:evidence", [])
        for link in links if isinstance(links, list) else [links]:
            url = link["url"]
            page, _, anchor = url.partition("#")
            target = seed_site / page.removeprefix("https://w3id.org/defrel/data/")
            assert f'id="{anchor}"' in target.read_text(encoding="utf-8"), url
            checked += 1
    assert checked > 50


def test_the_pages_json_ld_stays_within_its_budget(seed_site: Path) -> None:
    """The budget: EMBED_BUDGET (20 KB) for every resource page and the home page; the
    seed's article page embedded 253 KB of full JSON-LD before (70 % Web Annotation
    selectors). The ontology's page (left out by ``pages``) embeds the whole ontology."""
    sizes = {path: embedded(path)[1] for path in pages(seed_site)}
    article = sizes[seed_site / f"article/{SEED_SLUG}.html"]
    assert 2_000 < article <= EMBED_BUDGET, article
    largest = max(sizes, key=sizes.get)
    assert sizes[largest] <= EMBED_BUDGET, (largest, sizes[largest])
    full = (seed_site / f"article/{SEED_SLUG}.jsonld").stat().st_size
    assert article * 10 < full


def test_values_of_two_languages_or_datatypes_stay_exact() -> None:
    """When one property has values no single term definition fits, each of its values that
    is not a string of the page's language is written as a value object, and nothing is lost;
    every other property keeps its plain values (one term definition each)."""
    from rdflib import RDF

    from mapper.publish.render.describe import Catalogue
    from mapper.publish.render.schemajson import schema_jsonld
    from mapper.publish.render.views import Layout

    iri = URIRef(f"{BASE}article/a/fact/e")
    quads = [
        (iri, RDF.type, SCHEMA.Event, None),
        (iri, SCHEMA.name, Literal("Talks", lang="en"), None),
        (iri, SCHEMA.name, Literal("Pourparlers", lang="fr"), None),
        (iri, SCHEMA.startDate, Literal("2014", datatype=XSD.gYear), None),
    ]
    text = schema_jsonld(Layout(BASE, Catalogue.of_quads(quads)), iri, quads)
    doc = json.loads(text)
    assert doc["@type"] == "Event"
    assert sorted(doc["name"], key=str) == sorted(
        ["Talks", {"@value": "Pourparlers", "@language": "fr"}], key=str
    )
    assert doc["startDate"] == "2014"
    assert doc["@context"]["startDate"] == {"@id": str(SCHEMA.startDate), "@type": "xsd:gYear"}
    graph = Graph().parse(data=text, format="json-ld")
    assert set(graph) == {(s, p, o) for s, p, o, _ in quads}


# --- Google's reading -----------------------------------------------------------------------


def test_rich_results_article_event_dataset(news: Path) -> None:
    article, _ = embedded(news / "article/talks.html")
    assert rich_results(article) == {"Article": (set(), set())}
    visit, _ = embedded(news / "article/talks/fact/field-visits-malta.html")
    required, recommended = rich_results(visit)["Event"]
    assert required == set()
    assert visit["location"]["address"] == {
        "@id": f"{BASE}entity/valletta/address", "@type": "PostalAddress",
        "addressCountry": "MT", "addressLocality": "Valletta",
    }  # fmt: skip
    assert "organizer" not in recommended  # the host
    assert {"description", "performer", "offers"} <= recommended
    assert "eventStatus" in recommended  # it took place: the facts state no status
    called_off, _ = embedded(news / "article/talks/fact/second-round-called-off.html")
    assert called_off["eventStatus"] == {"@id": "https://schema.org/EventCancelled"}
    assert "eventStatus" not in rich_results(called_off)["Event"][1]
    statement, _ = embedded(news / "article/talks/fact/field-statement.html")
    assert "performer" not in rich_results(statement)["Event"][1]
    home, _ = embedded(news / "index.html")
    assert rich_results(home)["Dataset"][0] == set()
    assert "license" not in rich_results(home)["Dataset"][1]


def test_rich_results_on_the_seed_site(seed_site: Path) -> None:
    """Every event page has a name; it lacks a location, its address or a start date only
    where the facts give no place, a place with no address (a water body; a facility whose
    city, region or state is not given), or no calendar date (the seed's dates are weekdays
    and years). The report says which and why: nothing is made up to fill a gap."""
    data = Graph()
    for s, p, o, _ in Dataset().parse(seed_site / "dataset.nq", format="nquads").quads():
        data.add((s, p, o))
    events, addressed, report = 0, 0, []
    for path in pages(seed_site):
        doc, _ = embedded(path)
        found = rich_results(doc)
        if "Event" in found:
            events += 1
            iri = URIRef(doc["@id"])
            expected, places = set(), list(data.objects(iri, DEFREL.place))
            if not places:
                expected |= {"location", "location.address"}
                report.append(f"{iri.rsplit('/', 1)[1]}: no place in the facts")
            elif any(data.value(place, SCHEMA.address) is None for place in places):
                expected.add("location.address")
                report.append(f"{iri.rsplit('/', 1)[1]}: its place's facts say not where it lies")
            else:
                addressed += 1
            date = data.value(iri, SCHEMA.startDate)
            if date is None or date.datatype != XSD.date:
                expected.add("startDate")
            assert found["Event"][0] == expected, (path, found["Event"][0])
        if "Article" in found:
            assert "headline" not in found["Article"][1], path
    print("\n".join(["events with no location.address:", *report]))
    assert events >= 15 and addressed >= 8, (events, addressed)
    # every place an event names that has an address shows it on the event's page
    visit, _ = embedded(seed_site / f"article/{SEED_SLUG}/fact/shoigu-visit-pakistan.html")
    assert visit["location"]["address"]["addressCountry"] == "PK"
    assert visit["location"]["address"]["addressLocality"] == "Islamabad"


def test_a_bad_url_or_country_code_is_refused_with_the_fix(tmp_path: Path) -> None:
    """The format's 0.3.1 fields: an entity's url: is an absolute http(s) URL, a state's
    country_code: two capital letters, and only a Country has one (exit 2, line and hint)."""
    from click.testing import CliRunner

    from mapper.cli.main import main

    facts = (
        FACTS.replace("country_code: MT", "country_code: mt")
        .replace(
            "url: https://news.example.com/staff/kim-writer", "url: news.example.com/kim-writer"
        )
        .replace("    located_in: malta\n", "    located_in: malta\n    country_code: MT\n")
    )
    path = write_article(tmp_path, facts, TEXT, slug="talks")
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 2, result.output
    for words in ("country_code: 'mt'", "two capital letters", "url: 'news.example.com",
                  "absolute http(s) URL", "only a Country has a country_code"):  # fmt: skip
        assert words in result.output, result.output


def test_a_property_or_datatype_outside_defrels_namespaces_is_written_as_its_iri() -> None:
    """A store may hold any data: a schema.org property's literal of a foreign datatype goes
    into the embedded JSON-LD with the datatype's full IRI (a CURIE needs a prefix the
    context does not have: the page was not made), and reads back as the same triple; a
    property outside schema.org is left out, as every one is."""
    from rdflib.compare import isomorphic

    from mapper.publish.render.describe import Catalogue
    from mapper.publish.render.schemajson import schema_jsonld
    from mapper.publish.render.views import Layout

    base = "https://w3id.org/defrel/data/"
    node, odd = URIRef(f"{base}entity/x"), URIRef("http://example.org/dt")
    quads = [
        (node, RDF.type, URIRef("https://schema.org/Country"), None),
        (node, URIRef("https://schema.org/name"), Literal("X", lang="en"), None),
        (node, URIRef("https://schema.org/population"), Literal("12", datatype=odd), None),
        (node, URIRef("http://example.org/rank"), Literal("3", datatype=odd), None),
    ]
    cat = Catalogue.of_quads(quads)
    text = schema_jsonld(Layout(base, cat), node, cat.describe(node))
    assert '"@type": "http://example.org/dt"' in text
    found = Graph().parse(data=text, format="json-ld")
    wanted = Graph()
    for s, p, o, _ in quads[:3]:
        wanted.add((s, p, o))
    assert isomorphic(found, wanted)
