"""The negative cases of the SHACL shapes tests (``test_shapes.py``, ``test_fastshacl.py``): one
per constraint the shapes declare, each a few edits of the valid all-kinds article's graph.

A case names the result it expects (source shape, path, constraint component, focus node,
severity; for a SPARQL constraint, the constraint) and the ops that break the graph: ``drop``,
``add``, ``put``, ``shift``, ``copy_to`` on terms written in the shorthand of ``term()``.
``test_shapes.test_every_constraint_has_a_negative_case`` fails when a constraint has no case
here, or a case names a constraint the shapes do not declare."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import NamedTuple

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import SH, XSD

from mapper.rdf.vocab import DEFAULT_BASE, expand

VALID_FACTS = Path(__file__).resolve().parent / "data" / "shapes" / "all-kinds.facts.yaml"
SLUG = "all-kinds"
DSH = "https://w3id.org/defrel/shapes#"
ARTICLE = URIRef(f"{DEFAULT_BASE}article/{SLUG}")
GRAPH_NAME = str(ARTICLE)


def term(x) -> URIRef | Literal | BNode:
    """Shorthand to RDF term: ``art``, ``art/image``, ``fact:<id>/...``, ``ent:<id>``,
    ``post:<org>/<title>``, ``dsh:Name``, or a CURIE of the JSON-LD context."""
    if isinstance(x, (URIRef, Literal, BNode)) or not isinstance(x, str):
        return x
    if x == "art" or x.startswith("art/"):
        return URIRef(str(ARTICLE) + x[3:])
    head, _, rest = x.partition(":")
    base = {
        "fact": f"{DEFAULT_BASE}article/{SLUG}/fact/",
        "ent": f"{DEFAULT_BASE}entity/",
        "post": f"{DEFAULT_BASE}post/",
        "dsh": DSH,
        "sh": str(SH),
    }
    if head in base:
        return URIRef(base[head] + rest)
    if head in ("http", "https"):
        return URIRef(x)
    return expand(x)


def en(text: str) -> Literal:
    return Literal(text, lang="en")


def plain(text: str) -> Literal:
    return Literal(text)


def typed(text: str, datatype: str) -> Literal:
    return Literal(text, datatype=term(datatype))


def dec(text: str) -> Literal:
    return Literal(Decimal(text), datatype=XSD.decimal)


Op = Callable[[Graph], None]


def drop(s, p, o=None) -> Op:
    """Remove (s, p, o), or every value of p on s."""
    return lambda g: g.remove((term(s), term(p), None if o is None else term(o)))


def add(s, p, o) -> Op:
    return lambda g: g.add((term(s), term(p), term(o)))


def put(s, p, o) -> Op:
    """Replace every value of p on s by o."""

    def op(g: Graph) -> None:
        g.remove((term(s), term(p), None))
        g.add((term(s), term(p), term(o)))

    return op


def shift(s, p, delta: int) -> Op:
    """Add ``delta`` to the integer value of p on s, keeping its datatype."""

    def op(g: Graph) -> None:
        old = g.value(term(s), term(p))
        assert isinstance(old, Literal)
        g.set((term(s), term(p), Literal(str(int(old) + delta), datatype=old.datatype)))

    return op


def copy_to(s, p_from, p_to) -> Op:
    """Set p_to on s to the (single) value of p_from on s."""

    def op(g: Graph) -> None:
        value = g.value(term(s), term(p_from))
        assert value is not None
        g.set((term(s), term(p_to), value))

    return op


class Case(NamedTuple):
    shape: str  # local name in dsh:
    path: str | None  # CURIE, "^CURIE" for an inverse path, None for none
    component: str  # "MinCount" ... or "SPARQL"
    focus: str  # shorthand, see term()
    ops: tuple[Op, ...]
    constraint: str | None = None  # SPARQL constraint, local name in dsh:
    severity: str = "Violation"

    @property
    def key(self) -> tuple:
        if self.component == "SPARQL":
            return (self.shape, "SPARQL", self.constraint)
        return (self.shape, self.component, self.path)

    @property
    def id(self) -> str:
        tail = self.constraint if self.component == "SPARQL" else self.component
        return f"{self.shape}.{tail}"


def C(shape, path, component, focus, *ops, severity="Violation") -> Case:
    return Case(shape, path, component, focus, ops, severity=severity)


def Q(shape, constraint, focus, *ops, path=None) -> Case:
    return Case(shape, path, "SPARQL", focus, ops, constraint=constraint)


V1 = "fact:doe-visit/evidence/1"  # an evidence annotation of the visit
V2 = "fact:doe-visit/evidence/2"
DOE_POST = "post:ruritania/defence-minister"
VISIT_DATE = "fact:doe-visit/time/date/description"  # a weekday
SIGNING_DATE = "fact:treaty-signing/time/date/description"  # 2016-05-04
DEAL_DATE = "fact:falcon-deal/time/date/description"  # 2015
TREATY_DATE = "fact:defence-treaty/time/date/description"  # late 2016
OP_START = "fact:operation-sandstorm/time/start/description"  # 2016-08
DEAL_VALUE = "fact:falcon-deal/value"  # USD 1.5e9, approximate
SUPPLY = "fact:freedonia-ruritania-supply"
SUPPLY_SHARE = f"{SUPPLY}/share"  # 20-40 percent
SUPPLY_VALUE = f"{SUPPLY}/value"  # USD 2e8-3e8, qualified
FENWICK_SHARE = "fact:fenwick-supply/share"  # about 10 percent, qualified

CASES: list[Case] = [
    # --- article ---------------------------------------------------------------------------
    C("Article-type", "rdf:type", "HasValue", "art", drop("art", "rdf:type", "schema:NewsArticle")),
    C("Article-inLanguage", "schema:inLanguage", "Datatype", "art", put("art", "schema:inLanguage", en("en"))),
    C("Article-inLanguage", "schema:inLanguage", "MinCount", "art", drop("art", "schema:inLanguage")),
    C("Article-inLanguage", "schema:inLanguage", "MaxCount", "art", add("art", "schema:inLanguage", plain("fr"))),
    C("Article-inLanguage", "schema:inLanguage", "Pattern", "art", put("art", "schema:inLanguage", plain("English"))),
    C("Article-articleBody", "schema:articleBody", "Datatype", "art", put("art", "schema:articleBody", plain("Allies and Rivals in the North"))),
    C("Article-articleBody", "schema:articleBody", "MinCount", "art", drop("art", "schema:articleBody")),
    C("Article-articleBody", "schema:articleBody", "MaxCount", "art", add("art", "schema:articleBody", en("Another text."))),
    C("Article-sha256", "defrel:sha256", "Datatype", "art", put("art", "defrel:sha256", en("0" * 64))),
    C("Article-sha256", "defrel:sha256", "MinCount", "art", drop("art", "defrel:sha256")),
    C("Article-sha256", "defrel:sha256", "MaxCount", "art", add("art", "defrel:sha256", plain("0" * 64))),
    C("Article-sha256", "defrel:sha256", "Pattern", "art", put("art", "defrel:sha256", plain("A" * 64))),
    C("Article-headline", "schema:headline", "Datatype", "art", put("art", "schema:headline", plain("Allies and Rivals in the North"))),
    C("Article-headline", "schema:headline", "MinCount", "art", drop("art", "schema:headline")),
    C("Article-headline", "schema:headline", "MaxCount", "art", add("art", "schema:headline", en("Allies"))),
    C("Article-alternativeHeadline", "schema:alternativeHeadline", "Datatype", "art", put("art", "schema:alternativeHeadline", plain("A standfirst"))),
    C("Article-alternativeHeadline", "schema:alternativeHeadline", "MaxCount", "art", add("art", "schema:alternativeHeadline", en("Another standfirst"))),
    C("Article-about", "schema:about", "Or", "art", add("art", "schema:about", "fact:doe-visit")),
    C("Article-publisher", "schema:publisher", "Class", "art", put("art", "schema:publisher", "ent:fredville")),
    C("Article-publisher", "schema:publisher", "MaxCount", "art", add("art", "schema:publisher", "ent:daily-planet")),
    C("Article-author", "schema:author", "Class", "art", add("art", "schema:author", "ent:fredville")),
    C("Article-datePublished", "defrel:datePublished", "Class", "art", put("art", "defrel:datePublished", "ent:fredville")),
    C("Article-datePublished", "defrel:datePublished", "MaxCount", "art", add("art", "defrel:datePublished", "fact:doe-visit/time/date")),
    C("Article-url", "schema:url", "Datatype", "art", put("art", "schema:url", URIRef("https://example.org/news/allies-and-rivals"))),
    C("Article-url", "schema:url", "MaxCount", "art", add("art", "schema:url", typed("https://example.org/elsewhere", "xsd:anyURI"))),
    C("Article-url", "schema:url", "Pattern", "art", put("art", "schema:url", typed("ftp://example.org/news", "xsd:anyURI"))),
    C("Article-image", "schema:image", "Class", "art", put("art", "schema:image", "ent:fredville")),
    C("Article-image", "schema:image", "MaxCount", "art", add("art", "schema:image", "ent:fredville")),
    C("Article-mentions", "schema:mentions", "Or", "art", add("art", "schema:mentions", "fact:doe-visit")),
    Q("ArticleShape", "Sha256MatchesBody", "art", put("art", "defrel:sha256", plain("0" * 64)), path="defrel:sha256"),
    Q("ArticleShape", "TextInArticleLanguage", "art", put("art", "schema:headline", Literal("Allies and Rivals in the North", lang="de")), path="schema:headline"),
    Q("ArticleShape", "MentionsMatchMentionedIn", "art", drop("art", "schema:mentions", "ent:jane-doe"), path="schema:mentions"),
    Q("ArticleShape", "EvidenceFromOwnArticle", "art", put("fact:doe-visit", "defrel:article", "https://example.org/another-article")),
    Q("ArticleShape", "QuoteLengthMatchesOffsets", "art", shift(f"{V1}/position", "oa:end", 1)),
    Q("ArticleShape", "QuoteAtOffsets", "art", shift(f"{V1}/position", "oa:start", 1), shift(f"{V1}/position", "oa:end", 1)),
    Q("ArticleShape", "QuoteContextMatchesText", "art", put(f"{V1}/quote", "oa:prefix", plain("no such prefix "))),
    Q("ArticleShape", "FactNotLinkedToItself", "art", add("fact:doe-visit", "defrel:concurrentWith", "fact:doe-visit"), path="defrel:concurrentWith"),
    Q("ArticleShape", "EntityNotLinkedToItself", "art", add("ent:jane-doe", "owl:differentFrom", "ent:jane-doe"), path="owl:differentFrom"),
    C("ImageObject-creditText", "schema:creditText", "Datatype", "art/image", put("art/image", "schema:creditText", plain("Example Agency"))),
    C("ImageObject-creditText", "schema:creditText", "MaxCount", "art/image", add("art/image", "schema:creditText", en("Other Agency"))),
    # --- entities --------------------------------------------------------------------------
    C("Entity-label", "rdfs:label", "Datatype", "ent:jane-doe", put("ent:jane-doe", "rdfs:label", plain("Jane Doe"))),
    C("Entity-label", "rdfs:label", "MinCount", "ent:jane-doe", drop("ent:jane-doe", "rdfs:label")),
    C("Entity-label", "rdfs:label", "UniqueLang", "ent:jane-doe", add("ent:jane-doe", "rdfs:label", en("J. Doe"))),
    C("Entity-name", "schema:name", "Datatype", "ent:jane-doe", put("ent:jane-doe", "schema:name", plain("Jane Doe"))),
    C("Entity-name", "schema:name", "MinCount", "ent:jane-doe", drop("ent:jane-doe", "schema:name")),
    C("Entity-name", "schema:name", "UniqueLang", "ent:jane-doe", add("ent:jane-doe", "schema:name", en("J. Doe"))),
    C("Entity-name", "schema:name", "Equals", "ent:jane-doe", put("ent:jane-doe", "schema:name", en("Janet Doe"))),
    C("Entity-altLabel", "skos:altLabel", "Datatype", "ent:jane-doe", put("ent:jane-doe", "skos:altLabel", plain("Doe"))),
    C("Entity-alternateName", "schema:alternateName", "Datatype", "ent:jane-doe", put("ent:jane-doe", "schema:alternateName", plain("Doe"))),
    C("Entity-alternateName", "schema:alternateName", "Equals", "ent:jane-doe", drop("ent:jane-doe", "schema:alternateName")),
    C("Entity-description", "schema:description", "Datatype", "ent:jane-doe", put("ent:jane-doe", "schema:description", plain("A minister."))),
    C("Entity-description", "schema:description", "UniqueLang", "ent:jane-doe", add("ent:jane-doe", "schema:description", en("A minister."))),
    C("Entity-honorificPrefix", "schema:honorificPrefix", "Datatype", "ent:john-roe", put("ent:john-roe", "schema:honorificPrefix", plain("President"))),
    C("Entity-honorificPrefix", "schema:honorificPrefix", "UniqueLang", "ent:john-roe", add("ent:john-roe", "schema:honorificPrefix", en("Pres."))),
    C("Entity-locatedIn", "defrel:locatedIn", "Class", "ent:fredville", put("ent:fredville", "defrel:locatedIn", "ent:jane-doe")),
    C("Entity-locatedIn", "defrel:locatedIn", "MaxCount", "ent:fredville", add("ent:fredville", "defrel:locatedIn", "ent:freedonia")),
    C("Entity-partOf", "defrel:partOf", "Class", "ent:freedonian-army", put("ent:freedonian-army", "defrel:partOf", "ent:fredville")),
    C("Entity-partOf", "defrel:partOf", "MaxCount", "ent:freedonian-army", add("ent:freedonian-army", "defrel:partOf", "ent:ruritania")),
    C("Entity-knowsAbout", "schema:knowsAbout", "Datatype", "ent:max-power", add("ent:max-power", "schema:knowsAbout", plain("logistics"))),
    C("Entity-differentFrom", "owl:differentFrom", "Or", "ent:john-roe", add("ent:john-roe", "owl:differentFrom", "fact:doe-visit")),
    C("Entity-owlSameAs", "owl:sameAs", "NodeKind", "ent:ruritania", add("ent:ruritania", "owl:sameAs", plain("wd:Q1"))),
    C("Entity-wikidata", "owl:sameAs", "Or", "ent:ruritania", put("ent:ruritania", "owl:sameAs", "https://www.wikidata.org/wiki/Q1")),
    C("Entity-schemaSameAs", "schema:sameAs", "NodeKind", "ent:ruritania", add("ent:ruritania", "schema:sameAs", plain("wd:Q1"))),
    C("Entity-schemaSameAs", "schema:sameAs", "Equals", "ent:ruritania", drop("ent:ruritania", "schema:sameAs")),
    C("Entity-mentionedIn", "defrel:mentionedIn", "Class", "ent:jane-doe", put("ent:jane-doe", "defrel:mentionedIn", "fact:doe-visit")),
    C("Entity-mentionedIn", "defrel:mentionedIn", "MinCount", "ent:jane-doe", drop("ent:jane-doe", "defrel:mentionedIn")),
    C("Entity-evidence", "defrel:evidence", "Class", "ent:jane-doe", add("ent:jane-doe", "defrel:evidence", "ent:fredville")),
    C("Person-type", "rdf:type", "HasValue", "ent:jane-doe", drop("ent:jane-doe", "rdf:type", "schema:Person")),
    C("Person-holds", "org:holds", "Class", "ent:jane-doe", add("ent:jane-doe", "org:holds", "ent:fredville")),
    C("Country-type", "rdf:type", "HasValue", "ent:ruritania", drop("ent:ruritania", "rdf:type", "schema:Country")),
    C("City-type", "rdf:type", "HasValue", "ent:fredville", drop("ent:fredville", "rdf:type", "schema:City")),
    C("Region-type", "rdf:type", "HasValue", "ent:northern-region", drop("ent:northern-region", "rdf:type", "schema:AdministrativeArea")),
    C("Organization-type", "rdf:type", "QualifiedMinCount", "ent:acme-aerospace", drop("ent:acme-aerospace", "rdf:type", "schema:Organization")),
    C("MilitaryOrganization-type", "rdf:type", "HasValue", "ent:freedonian-army", drop("ent:freedonian-army", "rdf:type", "schema:GovernmentOrganization")),
    C("GovernmentOrganization-type", "rdf:type", "HasValue", "ent:ministry-of-defence", drop("ent:ministry-of-defence", "rdf:type", "schema:GovernmentOrganization")),
    C("NewsOrganization-type", "rdf:type", "HasValue", "ent:daily-planet", drop("ent:daily-planet", "rdf:type", "schema:NewsMediaOrganization")),
    C("ArmedGroup-type", "rdf:type", "HasValue", "ent:red-brigade", drop("ent:red-brigade", "rdf:type", "schema:Organization")),
    C("Group-type", "rdf:type", "HasValue", "ent:regional-analysts", drop("ent:regional-analysts", "rdf:type", "schema:Organization")),
    C("WeaponSystem-type", "rdf:type", "HasValue", "ent:falcon-jet", drop("ent:falcon-jet", "rdf:type", "schema:Product")),
    # --- every fact ------------------------------------------------------------------------
    C("Fact-label", "rdfs:label", "Datatype", "fact:doe-visit", put("fact:doe-visit", "rdfs:label", plain("The visit"))),
    C("Fact-label", "rdfs:label", "MinCount", "fact:doe-visit", drop("fact:doe-visit", "rdfs:label")),
    C("Fact-label", "rdfs:label", "UniqueLang", "fact:doe-visit", add("fact:doe-visit", "rdfs:label", en("The visit"))),
    C("Fact-description", "schema:description", "Datatype", "fact:doe-visit", put("fact:doe-visit", "schema:description", plain("A visit."))),
    C("Fact-description", "schema:description", "UniqueLang", "fact:doe-visit", add("fact:doe-visit", "schema:description", en("A visit."))),
    C("Fact-accordingTo", "defrel:accordingTo", "Class", "fact:planet-courtship", put("fact:planet-courtship", "defrel:accordingTo", "ent:fredville")),
    C("Fact-accordingTo", "defrel:accordingTo", "MaxCount", "fact:planet-courtship", add("fact:planet-courtship", "defrel:accordingTo", "ent:north-times")),
    C("Fact-date", "defrel:date", "Class", "fact:doe-visit", put("fact:doe-visit", "defrel:date", "ent:fredville")),
    C("Fact-date", "defrel:date", "MaxCount", "fact:doe-visit", add("fact:doe-visit", "defrel:date", "fact:falcon-deal/time/date")),
    C("Fact-start", "defrel:start", "Class", "fact:operation-sandstorm", put("fact:operation-sandstorm", "defrel:start", "ent:fredville")),
    C("Fact-start", "defrel:start", "MaxCount", "fact:operation-sandstorm", add("fact:operation-sandstorm", "defrel:start", "fact:falcon-deal/time/date")),
    C("Fact-end", "defrel:end", "Class", "fact:operation-sandstorm", put("fact:operation-sandstorm", "defrel:end", "ent:fredville")),
    C("Fact-end", "defrel:end", "MaxCount", "fact:operation-sandstorm", add("fact:operation-sandstorm", "defrel:end", "fact:treaty-signing/time/date")),
    C("Fact-duration", "defrel:duration", "Datatype", "fact:doe-visit", put("fact:doe-visit", "defrel:duration", plain("P2D"))),
    C("Fact-duration", "defrel:duration", "MaxCount", "fact:doe-visit", add("fact:doe-visit", "defrel:duration", typed("P3D", "xsd:duration"))),
    C("Fact-period", "defrel:period", "Datatype", SUPPLY, put(SUPPLY, "defrel:period", plain("P1Y"))),
    C("Fact-period", "defrel:period", "MaxCount", SUPPLY, add(SUPPLY, "defrel:period", typed("P2Y", "xsd:duration"))),
    C("Fact-place", "defrel:place", "Class", "fact:doe-visit", add("fact:doe-visit", "defrel:place", "ent:jane-doe")),
    C("Fact-topic", "defrel:topic", "Datatype", "fact:doe-roe-talks", put("fact:doe-roe-talks", "defrel:topic", en("defence"))),
    C("Fact-partOfFact", "defrel:partOfFact", "Class", "fact:doe-roe-talks", put("fact:doe-roe-talks", "defrel:partOfFact", "ent:jane-doe")),
    C("Fact-partOfFact", "defrel:partOfFact", "MaxCount", "fact:doe-roe-talks", add("fact:doe-roe-talks", "defrel:partOfFact", "fact:falcon-deal")),
    C("Fact-concurrentWith", "defrel:concurrentWith", "Class", "fact:border-cooperation", add("fact:border-cooperation", "defrel:concurrentWith", "ent:jane-doe")),
    C("Fact-motivatedBy", "defrel:motivatedBy", "Class", "fact:planet-courtship", add("fact:planet-courtship", "defrel:motivatedBy", "ent:jane-doe")),
    C("Fact-limitedBy", "defrel:limitedBy", "Class", "fact:border-cooperation", add("fact:border-cooperation", "defrel:limitedBy", "ent:jane-doe")),
    C("Fact-underpins", "defrel:underpins", "Class", "fact:defence-treaty", add("fact:defence-treaty", "defrel:underpins", "ent:jane-doe")),
    C("Fact-cameoCode", "defrel:cameoCode", "Datatype", "fact:doe-visit", put("fact:doe-visit", "defrel:cameoCode", en("042"))),
    C("Fact-cameoCode", "defrel:cameoCode", "MaxCount", "fact:doe-visit", add("fact:doe-visit", "defrel:cameoCode", plain("043"))),
    C("Fact-cameoCode", "defrel:cameoCode", "Pattern", "fact:doe-visit", put("fact:doe-visit", "defrel:cameoCode", plain("42a"))),
    C("Fact-article", "defrel:article", "Class", "fact:doe-visit", put("fact:doe-visit", "defrel:article", "ent:jane-doe")),
    C("Fact-article", "defrel:article", "MinCount", "fact:doe-visit", drop("fact:doe-visit", "defrel:article")),
    C("Fact-article", "defrel:article", "MaxCount", "fact:doe-visit", add("fact:doe-visit", "defrel:article", "https://example.org/another-article")),
    C("Fact-wasInfluencedBy", "prov:wasInfluencedBy", "Class", "fact:doe-visit", put("fact:doe-visit", "prov:wasInfluencedBy", "ent:jane-doe")),
    C("Fact-wasInfluencedBy", "prov:wasInfluencedBy", "MinCount", "fact:doe-visit", drop("fact:doe-visit", "prov:wasInfluencedBy")),
    C("Fact-concerns", "defrel:concerns", "Class", "fact:doe-visit", add("fact:doe-visit", "defrel:concerns", "ent:jane-doe")),
    C("Fact-evidence", "defrel:evidence", "Class", "fact:doe-visit", add("fact:doe-visit", "defrel:evidence", "ent:jane-doe")),
    C("Fact-evidence", "defrel:evidence", "MinCount", "fact:doe-visit", drop("fact:doe-visit", "defrel:evidence")),
    Q("EndingFactShape", "StartNotAfterEnd", "fact:operation-sandstorm", put("fact:operation-sandstorm/time/end/description", "time:year", typed("2015", "xsd:gYear")), path="defrel:end"),
    # --- events and relations --------------------------------------------------------------
    C("Event-type", "rdf:type", "HasValue", "fact:doe-visit", drop("fact:doe-visit", "rdf:type", "schema:Event")),
    C("Event-location", "schema:location", "Class", "fact:doe-visit", add("fact:doe-visit", "schema:location", "ent:jane-doe")),
    C("Event-location", "schema:location", "Equals", "fact:doe-visit", drop("fact:doe-visit", "schema:location")),
    C("Event-startDate", "schema:startDate", "Or", "fact:treaty-signing", put("fact:treaty-signing", "schema:startDate", plain("2016-05-04"))),
    C("Event-endDate", "schema:endDate", "Or", "fact:operation-sandstorm", put("fact:operation-sandstorm", "schema:endDate", plain("2016-09-30"))),
    C("Event-endDate", "schema:endDate", "MaxCount", "fact:operation-sandstorm", add("fact:operation-sandstorm", "schema:endDate", typed("2016-10-01", "xsd:date"))),
    C("trend", "defrel:trend", "Datatype", "fact:ruritania-freedonia-alliance", put("fact:ruritania-freedonia-alliance", "defrel:trend", en("steady"))),
    C("trend", "defrel:trend", "MaxCount", "fact:ruritania-freedonia-alliance", add("fact:ruritania-freedonia-alliance", "defrel:trend", plain("growing"))),
    C("trend", "defrel:trend", "In", "fact:ruritania-freedonia-alliance", put("fact:ruritania-freedonia-alliance", "defrel:trend", plain("warming"))),
    C("trendSince", "defrel:trendSince", "Class", "fact:ruritania-freedonia-alliance", add("fact:ruritania-freedonia-alliance", "defrel:trendSince", "ent:jane-doe")),
    C("trendSince", "defrel:trendSince", "MaxCount", "fact:ruritania-freedonia-alliance", add("fact:ruritania-freedonia-alliance", "defrel:trendSince", "fact:doe-visit/time/date"), add("fact:ruritania-freedonia-alliance", "defrel:trendSince", "fact:falcon-deal/time/date")),
    C("parties", "defrel:party", "Class", "fact:ruritania-freedonia-alliance", add("fact:ruritania-freedonia-alliance", "defrel:party", "ent:fredville")),
    C("parties", "defrel:party", "MinCount", "fact:ruritania-freedonia-alliance", drop("fact:ruritania-freedonia-alliance", "defrel:party", "ent:freedonia")),
    C("supplier", "defrel:supplier", "Class", "fact:falcon-deal", put("fact:falcon-deal", "defrel:supplier", "ent:fredville")),
    C("supplier", "defrel:supplier", "MinCount", "fact:falcon-deal", drop("fact:falcon-deal", "defrel:supplier")),
    C("supplier", "defrel:supplier", "MaxCount", "fact:falcon-deal", add("fact:falcon-deal", "defrel:supplier", "ent:grand-fenwick")),
    C("supplier", "defrel:supplier", "Disjoint", "fact:falcon-deal", put("fact:falcon-deal", "defrel:supplier", "ent:ruritania")),
    C("recipient", "defrel:recipient", "Class", SUPPLY, put(SUPPLY, "defrel:recipient", "ent:fredville")),
    C("recipient", "defrel:recipient", "MinCount", SUPPLY, drop(SUPPLY, "defrel:recipient")),
    C("recipient", "defrel:recipient", "MaxCount", SUPPLY, add(SUPPLY, "defrel:recipient", "ent:grand-fenwick")),
    # --- post ------------------------------------------------------------------------------
    C("PostHolding-holder", "defrel:holder", "Class", "fact:jane-doe-minister", put("fact:jane-doe-minister", "defrel:holder", "ent:ruritania")),
    C("PostHolding-holder", "defrel:holder", "MinCount", "fact:jane-doe-minister", drop("fact:jane-doe-minister", "defrel:holder")),
    C("PostHolding-holder", "defrel:holder", "MaxCount", "fact:jane-doe-minister", add("fact:jane-doe-minister", "defrel:holder", "ent:john-roe")),
    C("PostHolding-postTitle", "defrel:postTitle", "Datatype", "fact:jane-doe-minister", put("fact:jane-doe-minister", "defrel:postTitle", en("Defence Minister"))),
    C("PostHolding-postTitle", "defrel:postTitle", "MinCount", "fact:jane-doe-minister", drop("fact:jane-doe-minister", "defrel:postTitle")),
    C("PostHolding-postTitle", "defrel:postTitle", "MaxCount", "fact:jane-doe-minister", add("fact:jane-doe-minister", "defrel:postTitle", en("Minister"))),
    C("PostHolding-postOrganization", "defrel:postOrganization", "Class", "fact:jane-doe-minister", put("fact:jane-doe-minister", "defrel:postOrganization", "ent:fredville")),
    C("PostHolding-postOrganization", "defrel:postOrganization", "MinCount", "fact:jane-doe-minister", drop("fact:jane-doe-minister", "defrel:postOrganization")),
    C("PostHolding-postOrganization", "defrel:postOrganization", "MaxCount", "fact:jane-doe-minister", add("fact:jane-doe-minister", "defrel:postOrganization", "ent:freedonia")),
    C("PostHolding-post", "defrel:post", "Class", "fact:jane-doe-minister", put("fact:jane-doe-minister", "defrel:post", "ent:fredville")),
    C("PostHolding-post", "defrel:post", "MinCount", "fact:jane-doe-minister", drop("fact:jane-doe-minister", "defrel:post")),
    C("PostHolding-post", "defrel:post", "MaxCount", "fact:jane-doe-minister", add("fact:jane-doe-minister", "defrel:post", "post:freedonia/president")),
    Q("PostHoldingShape", "PostHoldingMatchesPost", "fact:jane-doe-minister", put("fact:jane-doe-minister", "defrel:holder", "ent:john-roe"), path="defrel:holder"),
    # --- visit -----------------------------------------------------------------------------
    C("Visit-visitor", "defrel:visitor", "Class", "fact:doe-visit", add("fact:doe-visit", "defrel:visitor", "ent:fredville")),
    C("Visit-visitor", "defrel:visitor", "MinCount", "fact:doe-visit", drop("fact:doe-visit", "defrel:visitor")),
    C("Visit-visitor", "defrel:visitor", "Disjoint", "fact:doe-visit", add("fact:doe-visit", "defrel:visitor", "ent:freedonia")),
    C("Visit-destination", "defrel:destination", "Or", "fact:doe-visit", put("fact:doe-visit", "defrel:destination", "ent:john-roe")),
    C("Visit-destination", "defrel:destination", "MinCount", "fact:doe-visit", drop("fact:doe-visit", "defrel:destination")),
    C("Visit-destination", "defrel:destination", "MaxCount", "fact:doe-visit", add("fact:doe-visit", "defrel:destination", "ent:fredville")),
    C("host", "defrel:host", "Class", "fact:doe-visit", add("fact:doe-visit", "defrel:host", "ent:fredville")),
    # --- meeting ---------------------------------------------------------------------------
    C("Meeting-participant", "defrel:participant", "Class", "fact:doe-roe-talks", add("fact:doe-roe-talks", "defrel:participant", "ent:fredville")),
    C("Meeting-participant", "defrel:participant", "MinCount", "fact:doe-roe-talks", drop("fact:doe-roe-talks", "defrel:participant")),
    C("Meeting-participantCount", "defrel:participant", "MinCount", "fact:doe-roe-talks", drop("fact:doe-roe-talks", "defrel:participant", "ent:john-roe"), severity="Warning"),
    C("Meeting-isSeries", "defrel:isSeries", "Datatype", "fact:doe-roe-talks", put("fact:doe-roe-talks", "defrel:isSeries", plain("true"))),
    C("Meeting-isSeries", "defrel:isSeries", "MaxCount", "fact:doe-roe-talks", add("fact:doe-roe-talks", "defrel:isSeries", Literal(False))),
    # --- agreement, signing ----------------------------------------------------------------
    C("Agreement-type", "rdf:type", "HasValue", "fact:defence-treaty", drop("fact:defence-treaty", "rdf:type", "schema:CreativeWork")),
    C("Agreement-agreementType", "defrel:agreementType", "Datatype", "fact:defence-treaty", put("fact:defence-treaty", "defrel:agreementType", en("treaty"))),
    C("Agreement-agreementType", "defrel:agreementType", "MinCount", "fact:defence-treaty", drop("fact:defence-treaty", "defrel:agreementType")),
    C("Agreement-agreementType", "defrel:agreementType", "MaxCount", "fact:defence-treaty", add("fact:defence-treaty", "defrel:agreementType", plain("contract"))),
    C("Agreement-agreementType", "defrel:agreementType", "In", "fact:defence-treaty", put("fact:defence-treaty", "defrel:agreementType", plain("pact"))),
    C("Signing-signedAgreement", "defrel:signedAgreement", "Class", "fact:treaty-signing", put("fact:treaty-signing", "defrel:signedAgreement", "fact:doe-visit")),
    C("Signing-signedAgreement", "defrel:signedAgreement", "MinCount", "fact:treaty-signing", drop("fact:treaty-signing", "defrel:signedAgreement")),
    C("Signing-signedAgreement", "defrel:signedAgreement", "MaxCount", "fact:treaty-signing", add("fact:treaty-signing", "defrel:signedAgreement", "fact:doe-visit")),
    C("Signing-signatory", "defrel:signatory", "Class", "fact:treaty-signing", add("fact:treaty-signing", "defrel:signatory", "ent:fredville")),
    # --- arms transfer ---------------------------------------------------------------------
    C("ArmsTransfer-designation", "defrel:designation", "Class", "fact:falcon-deal", put("fact:falcon-deal", "defrel:designation", "ent:acme-aerospace")),
    C("ArmsTransfer-designation", "defrel:designation", "MaxCount", "fact:falcon-deal", add("fact:falcon-deal", "defrel:designation", "ent:acme-aerospace")),
    C("ArmsTransfer-weaponDescription", "defrel:weaponDescription", "Datatype", "fact:falcon-deal", put("fact:falcon-deal", "defrel:weaponDescription", en("fighter aircraft"))),
    C("ArmsTransfer-weaponDescription", "defrel:weaponDescription", "MaxCount", "fact:falcon-deal", add("fact:falcon-deal", "defrel:weaponDescription", en("jet"))),
    C("ArmsTransfer-numberOrdered", "defrel:numberOrdered", "Class", "fact:falcon-deal", put("fact:falcon-deal", "defrel:numberOrdered", typed("12", "xsd:integer"))),
    C("ArmsTransfer-numberOrdered", "defrel:numberOrdered", "MaxCount", "fact:falcon-deal", add("fact:falcon-deal", "defrel:numberOrdered", "fact:falcon-deal/number_delivered")),
    C("ArmsTransfer-orderDate", "defrel:orderDate", "Class", "fact:falcon-deal", put("fact:falcon-deal", "defrel:orderDate", "ent:fredville")),
    C("ArmsTransfer-orderDate", "defrel:orderDate", "MaxCount", "fact:falcon-deal", add("fact:falcon-deal", "defrel:orderDate", "fact:falcon-deal/time/date")),
    C("ArmsTransfer-deliveryYears", "defrel:deliveryYears", "Datatype", "fact:falcon-deal", add("fact:falcon-deal", "defrel:deliveryYears", en("2019"))),
    C("ArmsTransfer-transferStatus", "defrel:transferStatus", "Datatype", "fact:falcon-deal", put("fact:falcon-deal", "defrel:transferStatus", en("ordered"))),
    C("ArmsTransfer-transferStatus", "defrel:transferStatus", "MaxCount", "fact:falcon-deal", add("fact:falcon-deal", "defrel:transferStatus", plain("delivered"))),
    C("ArmsTransfer-transferStatus", "defrel:transferStatus", "In", "fact:falcon-deal", put("fact:falcon-deal", "defrel:transferStatus", plain("shipped"))),
    C("value", "defrel:value", "Class", "fact:falcon-deal", put("fact:falcon-deal", "defrel:value", FENWICK_SHARE)),
    C("value", "defrel:value", "MaxCount", "fact:falcon-deal", add("fact:falcon-deal", "defrel:value", SUPPLY_VALUE)),
    # --- military operation ----------------------------------------------------------------
    C("MilitaryOperation-conductedBy", "defrel:conductedBy", "Class", "fact:operation-sandstorm", add("fact:operation-sandstorm", "defrel:conductedBy", "ent:fredville")),
    C("MilitaryOperation-conductedBy", "defrel:conductedBy", "MinCount", "fact:operation-sandstorm", drop("fact:operation-sandstorm", "defrel:conductedBy")),
    C("MilitaryOperation-against", "defrel:against", "Class", "fact:operation-sandstorm", add("fact:operation-sandstorm", "defrel:against", "ent:fredville")),
    C("MilitaryOperation-against", "defrel:against", "Disjoint", "fact:operation-sandstorm", add("fact:operation-sandstorm", "defrel:against", "ent:freedonian-army")),
    C("MilitaryOperation-operationType", "defrel:operationType", "Datatype", "fact:operation-sandstorm", put("fact:operation-sandstorm", "defrel:operationType", en("campaign"))),
    C("MilitaryOperation-operationType", "defrel:operationType", "MaxCount", "fact:operation-sandstorm", add("fact:operation-sandstorm", "defrel:operationType", plain("offensive"))),
    C("MilitaryOperation-operationType", "defrel:operationType", "In", "fact:operation-sandstorm", put("fact:operation-sandstorm", "defrel:operationType", plain("raid"))),
    # --- statement, report -----------------------------------------------------------------
    C("Statement-speaker", "defrel:speaker", "Class", "fact:power-statement", add("fact:power-statement", "defrel:speaker", "ent:fredville")),
    C("Statement-speaker", "defrel:speaker", "MinCount", "fact:power-statement", drop("fact:power-statement", "defrel:speaker")),
    C("Statement-addressee", "defrel:addressee", "Class", "fact:power-statement", add("fact:power-statement", "defrel:addressee", "ent:fredville")),
    C("Statement-about", "defrel:about", "Or", "fact:power-statement", add("fact:power-statement", "defrel:about", "fact:doe-visit")),
    C("Statement-content", "defrel:content", "Datatype", "fact:power-statement", put("fact:power-statement", "defrel:content", en("They will fight on."))),
    C("Statement-content", "defrel:content", "MaxCount", "fact:power-statement", add("fact:power-statement", "defrel:content", en("They will fight on."))),
    C("Statement-quotation", "defrel:quotation", "Datatype", "fact:power-statement", put("fact:power-statement", "defrel:quotation", en("We will not stop"))),
    C("Statement-quotation", "defrel:quotation", "MaxCount", "fact:power-statement", add("fact:power-statement", "defrel:quotation", en("We will not stop"))),
    C("Statement-stance", "defrel:stance", "Datatype", "fact:power-statement", put("fact:power-statement", "defrel:stance", en("pledge"))),
    C("Statement-stance", "defrel:stance", "MaxCount", "fact:power-statement", add("fact:power-statement", "defrel:stance", plain("claim"))),
    C("Statement-stance", "defrel:stance", "In", "fact:power-statement", put("fact:power-statement", "defrel:stance", plain("threat"))),
    C("Statement-onBehalfOf", "defrel:onBehalfOf", "Class", "fact:power-statement", put("fact:power-statement", "defrel:onBehalfOf", "ent:fredville")),
    C("Statement-onBehalfOf", "defrel:onBehalfOf", "MaxCount", "fact:power-statement", add("fact:power-statement", "defrel:onBehalfOf", "ent:freedonian-army")),
    C("Statement-respondsTo", "defrel:respondsTo", "Class", "fact:power-statement", put("fact:power-statement", "defrel:respondsTo", "ent:jane-doe")),
    C("Statement-respondsTo", "defrel:respondsTo", "MaxCount", "fact:power-statement", add("fact:power-statement", "defrel:respondsTo", "fact:doe-visit")),
    Q("QuotationShape", "QuotationInText", "fact:power-statement", put("fact:power-statement", "defrel:quotation", en("Words never said")), path="defrel:quotation"),
    C("Report-reporter", "defrel:reporter", "Class", "fact:planet-report", put("fact:planet-report", "defrel:reporter", "ent:fredville")),
    C("Report-reporter", "defrel:reporter", "MaxCount", "fact:planet-report", add("fact:planet-report", "defrel:reporter", "ent:north-times")),
    C("Report-reports", "defrel:reports", "Class", "fact:planet-report", add("fact:planet-report", "defrel:reports", "ent:jane-doe")),
    C("Report-reports", "defrel:reports", "MinCount", "fact:planet-report", drop("fact:planet-report", "defrel:reports")),
    # --- courtship -------------------------------------------------------------------------
    C("Courtship-courter", "defrel:courter", "Class", "fact:planet-courtship", put("fact:planet-courtship", "defrel:courter", "ent:fredville")),
    C("Courtship-courter", "defrel:courter", "MinCount", "fact:planet-courtship", drop("fact:planet-courtship", "defrel:courter")),
    C("Courtship-courter", "defrel:courter", "MaxCount", "fact:planet-courtship", add("fact:planet-courtship", "defrel:courter", "ent:grand-fenwick")),
    C("Courtship-courter", "defrel:courter", "Disjoint", "fact:planet-courtship", put("fact:planet-courtship", "defrel:courter", "ent:freedonia")),
    C("Courtship-courted", "defrel:courted", "Class", "fact:planet-courtship", put("fact:planet-courtship", "defrel:courted", "ent:fredville")),
    C("Courtship-courted", "defrel:courted", "MinCount", "fact:planet-courtship", drop("fact:planet-courtship", "defrel:courted")),
    C("Courtship-courted", "defrel:courted", "MaxCount", "fact:planet-courtship", add("fact:planet-courtship", "defrel:courted", "ent:grand-fenwick")),
    C("Courtship-aim", "defrel:aim", "Datatype", "fact:planet-courtship", put("fact:planet-courtship", "defrel:aim", en("partner"))),
    C("Courtship-aim", "defrel:aim", "MaxCount", "fact:planet-courtship", add("fact:planet-courtship", "defrel:aim", en("ally"))),
    # --- arms supply -----------------------------------------------------------------------
    C("ArmsSupplyRelation-share", "defrel:share", "Class", SUPPLY, put(SUPPLY, "defrel:share", SUPPLY_VALUE)),
    C("ArmsSupplyRelation-share", "defrel:share", "MaxCount", SUPPLY, add(SUPPLY, "defrel:share", FENWICK_SHARE)),
    C("ArmsSupplyRelation-supplierRank", "defrel:supplierRank", "Datatype", SUPPLY, put(SUPPLY, "defrel:supplierRank", typed("2", "xsd:integer"))),
    C("ArmsSupplyRelation-supplierRank", "defrel:supplierRank", "MaxCount", SUPPLY, add(SUPPLY, "defrel:supplierRank", typed("3", "xsd:positiveInteger"))),
    C("ArmsSupplyRelation-supplierRank", "defrel:supplierRank", "MinInclusive", SUPPLY, put(SUPPLY, "defrel:supplierRank", typed("0", "xsd:integer"))),
    C("ArmsSupplyRelation-recipientRank", "defrel:recipientRank", "Datatype", SUPPLY, put(SUPPLY, "defrel:recipientRank", typed("1", "xsd:integer"))),
    C("ArmsSupplyRelation-recipientRank", "defrel:recipientRank", "MaxCount", SUPPLY, add(SUPPLY, "defrel:recipientRank", typed("2", "xsd:positiveInteger"))),
    C("ArmsSupplyRelation-recipientRank", "defrel:recipientRank", "MinInclusive", SUPPLY, put(SUPPLY, "defrel:recipientRank", typed("-1", "xsd:integer"))),
    C("ArmsSupplyRelation-overtook", "defrel:overtook", "Class", SUPPLY, add(SUPPLY, "defrel:overtook", "ent:fredville")),
    C("ArmsSupplyRelation-overtook", "defrel:overtook", "Disjoint", SUPPLY, add(SUPPLY, "defrel:overtook", "ent:freedonia")),
    C("ArmsSupplyRelation-magnitude", "defrel:magnitude", "Datatype", SUPPLY, put(SUPPLY, "defrel:magnitude", en("major"))),
    C("ArmsSupplyRelation-magnitude", "defrel:magnitude", "MaxCount", SUPPLY, add(SUPPLY, "defrel:magnitude", plain("minor"))),
    C("ArmsSupplyRelation-magnitude", "defrel:magnitude", "In", SUPPLY, put(SUPPLY, "defrel:magnitude", plain("huge"))),
    C("Share-unitCode", "schema:unitCode", "HasValue", FENWICK_SHARE, put(FENWICK_SHARE, "schema:unitCode", plain("C62")), put(FENWICK_SHARE, "schema:unitText", plain("count"))),
    # --- arms demand, assessment -----------------------------------------------------------
    C("ArmsDemand-buyer", "defrel:buyer", "Class", "fact:ruritania-appetite", put("fact:ruritania-appetite", "defrel:buyer", "ent:fredville")),
    C("ArmsDemand-buyer", "defrel:buyer", "MinCount", "fact:ruritania-appetite", drop("fact:ruritania-appetite", "defrel:buyer")),
    C("ArmsDemand-buyer", "defrel:buyer", "MaxCount", "fact:ruritania-appetite", add("fact:ruritania-appetite", "defrel:buyer", "ent:grand-fenwick")),
    C("ArmsDemand-buyer", "defrel:buyer", "Disjoint", "fact:ruritania-appetite", put("fact:ruritania-appetite", "defrel:buyer", "ent:freedonia")),
    C("ArmsDemand-demandSource", "defrel:demandSource", "Class", "fact:ruritania-appetite", put("fact:ruritania-appetite", "defrel:demandSource", "ent:fredville")),
    C("ArmsDemand-demandSource", "defrel:demandSource", "MinCount", "fact:ruritania-appetite", drop("fact:ruritania-appetite", "defrel:demandSource")),
    C("ArmsDemand-demandSource", "defrel:demandSource", "MaxCount", "fact:ruritania-appetite", add("fact:ruritania-appetite", "defrel:demandSource", "ent:grand-fenwick")),
    C("Assessment-subject", "defrel:subject", "MinCount", "fact:north-stable", drop("fact:north-stable", "defrel:subject")),
    C("Assessment-subject", "defrel:subject", "Or", "fact:north-stable", add("fact:north-stable", "defrel:subject", "fact:doe-visit")),
    C("Assessment-summary", "defrel:summary", "Datatype", "fact:north-stable", put("fact:north-stable", "defrel:summary", en("The north is stable."))),
    C("Assessment-summary", "defrel:summary", "MinCount", "fact:north-stable", drop("fact:north-stable", "defrel:summary")),
    C("Assessment-summary", "defrel:summary", "MaxCount", "fact:north-stable", add("fact:north-stable", "defrel:summary", en("The north is calm."))),
    # --- org:Post --------------------------------------------------------------------------
    C("Post-label", "rdfs:label", "Datatype", DOE_POST, put(DOE_POST, "rdfs:label", plain("Defence Minister"))),
    C("Post-label", "rdfs:label", "MinCount", DOE_POST, drop(DOE_POST, "rdfs:label")),
    C("Post-label", "rdfs:label", "UniqueLang", DOE_POST, add(DOE_POST, "rdfs:label", en("Minister of Defence"))),
    C("Post-postIn", "org:postIn", "Class", DOE_POST, put(DOE_POST, "org:postIn", "ent:fredville")),
    C("Post-postIn", "org:postIn", "MinCount", DOE_POST, drop(DOE_POST, "org:postIn")),
    C("Post-postIn", "org:postIn", "MaxCount", DOE_POST, add(DOE_POST, "org:postIn", "ent:freedonia")),
    C("Post-heldBy", "org:heldBy", "Class", DOE_POST, add(DOE_POST, "org:heldBy", "ent:ruritania")),
    C("Post-heldBy", "org:heldBy", "MinCount", DOE_POST, drop(DOE_POST, "org:heldBy")),
    C("Post-holders", "^org:holds", "Equals", DOE_POST, drop("ent:jane-doe", "org:holds", DOE_POST)),
    # --- times -----------------------------------------------------------------------------
    C("Instant-label", "rdfs:label", "Datatype", "fact:doe-visit/time/date", put("fact:doe-visit/time/date", "rdfs:label", plain("Monday"))),
    C("Instant-label", "rdfs:label", "MinCount", "fact:doe-visit/time/date", drop("fact:doe-visit/time/date", "rdfs:label")),
    C("Instant-label", "rdfs:label", "MaxCount", "fact:doe-visit/time/date", add("fact:doe-visit/time/date", "rdfs:label", en("Monday last"))),
    C("Instant-inDateTime", "time:inDateTime", "Class", "fact:doe-visit/time/date", put("fact:doe-visit/time/date", "time:inDateTime", "ent:fredville")),
    C("Instant-inDateTime", "time:inDateTime", "MaxCount", "fact:doe-visit/time/date", add("fact:doe-visit/time/date", "time:inDateTime", DEAL_DATE)),
    C("DateTimeDescription-unitType", "time:unitType", "MinCount", DEAL_DATE, drop(DEAL_DATE, "time:unitType")),
    C("DateTimeDescription-unitType", "time:unitType", "MaxCount", DEAL_DATE, add(DEAL_DATE, "time:unitType", "time:unitMonth")),
    C("DateTimeDescription-unitType", "time:unitType", "In", DEAL_DATE, put(DEAL_DATE, "time:unitType", "time:unitWeek")),
    C("DateTimeDescription-year", "time:year", "Datatype", DEAL_DATE, put(DEAL_DATE, "time:year", typed("2015", "xsd:integer"))),
    C("DateTimeDescription-year", "time:year", "MaxCount", DEAL_DATE, add(DEAL_DATE, "time:year", typed("2016", "xsd:gYear"))),
    C("DateTimeDescription-month", "time:month", "Datatype", OP_START, put(OP_START, "time:month", plain("--08"))),
    C("DateTimeDescription-month", "time:month", "MaxCount", OP_START, add(OP_START, "time:month", typed("--09", "xsd:gMonth"))),
    C("DateTimeDescription-day", "time:day", "Datatype", SIGNING_DATE, put(SIGNING_DATE, "time:day", typed("4", "xsd:integer"))),
    C("DateTimeDescription-day", "time:day", "MaxCount", SIGNING_DATE, add(SIGNING_DATE, "time:day", typed("---05", "xsd:gDay"))),
    C("DateTimeDescription-dayOfWeek", "time:dayOfWeek", "MaxCount", VISIT_DATE, add(VISIT_DATE, "time:dayOfWeek", "time:Tuesday")),
    C("DateTimeDescription-dayOfWeek", "time:dayOfWeek", "In", VISIT_DATE, put(VISIT_DATE, "time:dayOfWeek", "time:Funday")),
    C("DateTimeDescription-qualifier", "defrel:qualifier", "Datatype", TREATY_DATE, put(TREATY_DATE, "defrel:qualifier", en("late"))),
    C("DateTimeDescription-qualifier", "defrel:qualifier", "MaxCount", TREATY_DATE, add(TREATY_DATE, "defrel:qualifier", plain("early"))),
    C("DateTimeDescription-qualifier", "defrel:qualifier", "In", TREATY_DATE, put(TREATY_DATE, "defrel:qualifier", plain("sometime"))),
    Q("DateTimeDescriptionShape", "DateIsWellFormed", DEAL_DATE, put(DEAL_DATE, "time:unitType", "time:unitMonth"), path="time:unitType"),
    # --- quantities ------------------------------------------------------------------------
    C("Quantity-value", "schema:value", "Datatype", FENWICK_SHARE, put(FENWICK_SHARE, "schema:value", typed("10", "xsd:integer"))),
    C("Quantity-value", "schema:value", "MaxCount", FENWICK_SHARE, add(FENWICK_SHARE, "schema:value", dec("11"))),
    C("Quantity-value", "schema:value", "MinInclusive", DEAL_VALUE, put(DEAL_VALUE, "schema:value", dec("-1"))),
    C("Quantity-minValue", "schema:minValue", "Datatype", SUPPLY_VALUE, put(SUPPLY_VALUE, "schema:minValue", typed("200000000", "xsd:integer"))),
    C("Quantity-minValue", "schema:minValue", "MaxCount", SUPPLY_VALUE, add(SUPPLY_VALUE, "schema:minValue", dec("100000000"))),
    C("Quantity-minValue", "schema:minValue", "MinInclusive", SUPPLY_VALUE, put(SUPPLY_VALUE, "schema:minValue", dec("-5"))),
    C("Quantity-minValue", "schema:minValue", "LessThanOrEquals", SUPPLY_VALUE, put(SUPPLY_VALUE, "schema:minValue", dec("400000000"))),
    C("Quantity-maxValue", "schema:maxValue", "Datatype", SUPPLY_VALUE, put(SUPPLY_VALUE, "schema:maxValue", typed("300000000", "xsd:integer"))),
    C("Quantity-maxValue", "schema:maxValue", "MaxCount", SUPPLY_VALUE, add(SUPPLY_VALUE, "schema:maxValue", dec("350000000"))),
    C("Quantity-maxValue", "schema:maxValue", "MinInclusive", SUPPLY_VALUE, put(SUPPLY_VALUE, "schema:maxValue", dec("-5"))),
    C("Quantity-approximate", "defrel:approximate", "Datatype", DEAL_VALUE, put(DEAL_VALUE, "defrel:approximate", plain("true"))),
    C("Quantity-approximate", "defrel:approximate", "MaxCount", DEAL_VALUE, add(DEAL_VALUE, "defrel:approximate", Literal(False))),
    C("Quantity-qualifier", "defrel:qualifier", "Datatype", FENWICK_SHARE, put(FENWICK_SHARE, "defrel:qualifier", en("now"))),
    C("Quantity-qualifier", "defrel:qualifier", "MaxCount", FENWICK_SHARE, add(FENWICK_SHARE, "defrel:qualifier", en("then"))),
    Q("QuantityShape", "QuantityHasNumber", DEAL_VALUE, drop(DEAL_VALUE, "schema:value")),
    Q("QuantityShape", "ValueWithinBounds", SUPPLY_SHARE, add(SUPPLY_SHARE, "schema:value", dec("50")), path="schema:value"),
    C("QuantitativeValue-unitCode", "schema:unitCode", "Datatype", FENWICK_SHARE, put(FENWICK_SHARE, "schema:unitCode", en("P1"))),
    C("QuantitativeValue-unitCode", "schema:unitCode", "MinCount", FENWICK_SHARE, drop(FENWICK_SHARE, "schema:unitCode")),
    C("QuantitativeValue-unitCode", "schema:unitCode", "MaxCount", FENWICK_SHARE, add(FENWICK_SHARE, "schema:unitCode", plain("C62"))),
    C("QuantitativeValue-unitCode", "schema:unitCode", "In", FENWICK_SHARE, put(FENWICK_SHARE, "schema:unitCode", plain("KGM"))),
    C("QuantitativeValue-unitText", "schema:unitText", "Datatype", FENWICK_SHARE, put(FENWICK_SHARE, "schema:unitText", en("percent"))),
    C("QuantitativeValue-unitText", "schema:unitText", "MinCount", FENWICK_SHARE, drop(FENWICK_SHARE, "schema:unitText")),
    C("QuantitativeValue-unitText", "schema:unitText", "MaxCount", FENWICK_SHARE, add(FENWICK_SHARE, "schema:unitText", plain("count"))),
    C("QuantitativeValue-unitText", "schema:unitText", "In", FENWICK_SHARE, put(FENWICK_SHARE, "schema:unitText", plain("per cent"))),
    Q("QuantitativeValueShape", "PercentageInRange", FENWICK_SHARE, put(FENWICK_SHARE, "schema:value", dec("150")), path="schema:value"),
    Q("QuantitativeValueShape", "UnitTextMatchesCode", FENWICK_SHARE, put(FENWICK_SHARE, "schema:unitText", plain("count")), path="schema:unitText"),
    C("MonetaryAmount-currency", "schema:currency", "Datatype", DEAL_VALUE, put(DEAL_VALUE, "schema:currency", en("USD"))),
    C("MonetaryAmount-currency", "schema:currency", "MinCount", DEAL_VALUE, drop(DEAL_VALUE, "schema:currency")),
    C("MonetaryAmount-currency", "schema:currency", "MaxCount", DEAL_VALUE, add(DEAL_VALUE, "schema:currency", plain("EUR"))),
    C("MonetaryAmount-currency", "schema:currency", "Pattern", DEAL_VALUE, put(DEAL_VALUE, "schema:currency", plain("usd"))),
    # --- evidence --------------------------------------------------------------------------
    C("Evidence-type", "rdf:type", "HasValue", V1, drop(V1, "rdf:type", "oa:Annotation")),
    C("Evidence-hasBody", "oa:hasBody", "NodeKind", V1, put(V1, "oa:hasBody", plain("doe-visit"))),
    C("Evidence-hasBody", "oa:hasBody", "MinCount", V1, drop(V1, "oa:hasBody")),
    C("Evidence-hasBody", "oa:hasBody", "MaxCount", V1, add(V1, "oa:hasBody", "ent:jane-doe")),
    C("Evidence-hasTarget", "oa:hasTarget", "Class", V1, put(V1, "oa:hasTarget", "ent:fredville")),
    C("Evidence-hasTarget", "oa:hasTarget", "MinCount", V1, drop(V1, "oa:hasTarget")),
    C("Evidence-hasTarget", "oa:hasTarget", "MaxCount", V1, add(V1, "oa:hasTarget", f"{V2}/target")),
    C("Evidence-motivatedBy", "oa:motivatedBy", "MinCount", V1, drop(V1, "oa:motivatedBy")),
    C("Evidence-motivatedBy", "oa:motivatedBy", "MaxCount", V1, add(V1, "oa:motivatedBy", "oa:commenting")),
    C("Evidence-motivatedBy", "oa:motivatedBy", "In", V1, put(V1, "oa:motivatedBy", "oa:commenting")),
    C("Evidence-citedBy", "^defrel:evidence", "MinCount", V1, drop("fact:doe-visit", "defrel:evidence", V1)),
    C("Evidence-citedBy", "^defrel:evidence", "MaxCount", V1, add("ent:jane-doe", "defrel:evidence", V1)),
    C("Evidence-citedBy", "^defrel:evidence", "Equals", V1, put(V1, "oa:hasBody", "fact:falcon-deal")),
    C("Evidence-wasDerivedFrom", "prov:wasDerivedFrom", "Class", V1, put(V1, "prov:wasDerivedFrom", "ent:jane-doe")),
    C("Evidence-wasDerivedFrom", "prov:wasDerivedFrom", "MinCount", V1, drop(V1, "prov:wasDerivedFrom")),
    C("Evidence-wasDerivedFrom", "prov:wasDerivedFrom", "MaxCount", V1, add(V1, "prov:wasDerivedFrom", "ent:jane-doe")),
    C("SpecificResource-hasSource", "oa:hasSource", "Class", f"{V1}/target", put(f"{V1}/target", "oa:hasSource", "ent:fredville")),
    C("SpecificResource-hasSource", "oa:hasSource", "MinCount", f"{V1}/target", drop(f"{V1}/target", "oa:hasSource")),
    C("SpecificResource-hasSource", "oa:hasSource", "MaxCount", f"{V1}/target", add(f"{V1}/target", "oa:hasSource", "https://example.org/another-article")),
    C("SpecificResource-hasSelector", "oa:hasSelector", "NodeKind", f"{V1}/target", add(f"{V1}/target", "oa:hasSelector", plain("words"))),
    C("SpecificResource-hasSelector", "oa:hasSelector", "MinCount", f"{V1}/target", drop(f"{V1}/target", "oa:hasSelector", f"{V1}/quote")),
    C("SpecificResource-hasSelector", "oa:hasSelector", "MaxCount", f"{V1}/target", add(f"{V1}/target", "oa:hasSelector", f"{V2}/quote")),
    C("SpecificResource-quoteSelector", "oa:hasSelector", "QualifiedMinCount", f"{V1}/target", drop(f"{V1}/target", "oa:hasSelector", f"{V1}/quote")),
    C("SpecificResource-quoteSelector", "oa:hasSelector", "QualifiedMaxCount", f"{V1}/target", add(f"{V1}/target", "oa:hasSelector", f"{V2}/quote")),
    C("SpecificResource-positionSelector", "oa:hasSelector", "QualifiedMinCount", f"{V1}/target", drop(f"{V1}/target", "oa:hasSelector", f"{V1}/position")),
    C("SpecificResource-positionSelector", "oa:hasSelector", "QualifiedMaxCount", f"{V1}/target", add(f"{V1}/target", "oa:hasSelector", f"{V2}/position")),
    C("TextQuoteSelector-exact", "oa:exact", "Datatype", f"{V1}/quote", put(f"{V1}/quote", "oa:exact", en("visited Freedonia for two days on Monday"))),
    C("TextQuoteSelector-exact", "oa:exact", "MinCount", f"{V1}/quote", drop(f"{V1}/quote", "oa:exact")),
    C("TextQuoteSelector-exact", "oa:exact", "MaxCount", f"{V1}/quote", add(f"{V1}/quote", "oa:exact", plain("visited"))),
    C("TextQuoteSelector-exact", "oa:exact", "MinLength", f"{V1}/quote", put(f"{V1}/quote", "oa:exact", plain(""))),
    C("TextQuoteSelector-prefix", "oa:prefix", "Datatype", f"{V1}/quote", put(f"{V1}/quote", "oa:prefix", en("Minister Jane Doe "))),
    C("TextQuoteSelector-prefix", "oa:prefix", "MaxCount", f"{V1}/quote", add(f"{V1}/quote", "oa:prefix", plain("Doe "))),
    C("TextQuoteSelector-suffix", "oa:suffix", "Datatype", f"{V1}/quote", put(f"{V1}/quote", "oa:suffix", en(", hosted by"))),
    C("TextQuoteSelector-suffix", "oa:suffix", "MaxCount", f"{V1}/quote", add(f"{V1}/quote", "oa:suffix", plain(", "))),
    C("TextPositionSelector-start", "oa:start", "Datatype", f"{V1}/position", put(f"{V1}/position", "oa:start", typed("300", "xsd:integer"))),
    C("TextPositionSelector-start", "oa:start", "MinCount", f"{V1}/position", drop(f"{V1}/position", "oa:start")),
    C("TextPositionSelector-start", "oa:start", "MaxCount", f"{V1}/position", add(f"{V1}/position", "oa:start", typed("1", "xsd:nonNegativeInteger"))),
    C("TextPositionSelector-start", "oa:start", "MinInclusive", f"{V1}/position", put(f"{V1}/position", "oa:start", typed("-1", "xsd:integer"))),
    C("TextPositionSelector-start", "oa:start", "LessThan", f"{V1}/position", copy_to(f"{V1}/position", "oa:end", "oa:start")),
    C("TextPositionSelector-end", "oa:end", "Datatype", f"{V1}/position", put(f"{V1}/position", "oa:end", typed("400", "xsd:integer"))),
    C("TextPositionSelector-end", "oa:end", "MinCount", f"{V1}/position", drop(f"{V1}/position", "oa:end")),
    C("TextPositionSelector-end", "oa:end", "MaxCount", f"{V1}/position", add(f"{V1}/position", "oa:end", typed("1000", "xsd:nonNegativeInteger"))),
    C("TextPositionSelector-end", "oa:end", "MinInclusive", f"{V1}/position", put(f"{V1}/position", "oa:end", typed("-1", "xsd:integer"))),
    # --- format 0.3.0: new entity types, kinds and fields ---------------------------------
    C("Agreement-agreementStage", "defrel:agreementStage", "Datatype", "fact:defence-treaty", put("fact:defence-treaty", "defrel:agreementStage", en("negotiating"))),
    C("Agreement-agreementStage", "defrel:agreementStage", "In", "fact:defence-treaty", put("fact:defence-treaty", "defrel:agreementStage", plain("bogus"))),
    C("Agreement-agreementStage", "defrel:agreementStage", "MaxCount", "fact:defence-treaty", add("fact:defence-treaty", "defrel:agreementStage", plain("negotiating bis"))),
    C("Agreement-covers", "defrel:covers", "Or", "fact:defence-treaty", add("fact:defence-treaty", "defrel:covers", "fact:doe-visit")),
    C("Agreement-supersedes", "defrel:supersedes", "Class", "fact:falcon-contract", put("fact:falcon-contract", "defrel:supersedes", "ent:jane-doe")),
    C("Agreement-supersedes", "defrel:supersedes", "MaxCount", "fact:falcon-contract", add("fact:falcon-contract", "defrel:supersedes", "fact:defence-treaty")),
    C("AgreementStep-agreementStep", "defrel:agreementStep", "Datatype", "fact:contract-approval", put("fact:contract-approval", "defrel:agreementStep", en("approval"))),
    C("AgreementStep-agreementStep", "defrel:agreementStep", "In", "fact:contract-approval", put("fact:contract-approval", "defrel:agreementStep", plain("bogus"))),
    C("AgreementStep-agreementStep", "defrel:agreementStep", "MaxCount", "fact:contract-approval", add("fact:contract-approval", "defrel:agreementStep", plain("approval bis"))),
    C("AgreementStep-agreementStep", "defrel:agreementStep", "MinCount", "fact:contract-approval", drop("fact:contract-approval", "defrel:agreementStep")),
    C("AgreementStep-stepBy", "defrel:stepBy", "Class", "fact:contract-approval", add("fact:contract-approval", "defrel:stepBy", "fact:doe-visit")),
    C("AgreementStep-stepOf", "defrel:stepOf", "Class", "fact:contract-approval", put("fact:contract-approval", "defrel:stepOf", "ent:jane-doe")),
    C("AgreementStep-stepOf", "defrel:stepOf", "MaxCount", "fact:contract-approval", add("fact:contract-approval", "defrel:stepOf", "fact:defence-treaty")),
    C("AgreementStep-stepOf", "defrel:stepOf", "MinCount", "fact:contract-approval", drop("fact:contract-approval", "defrel:stepOf")),
    C("Announcement-announces", "defrel:announces", "Class", "fact:roe-announcement", add("fact:roe-announcement", "defrel:announces", "ent:jane-doe")),
    C("Announcement-announces", "defrel:announces", "MinCount", "fact:roe-announcement", drop("fact:roe-announcement", "defrel:announces")),
    C("ArmsTransfer-deliverySchedule", "defrel:deliverySchedule", "Datatype", "fact:falcon-deal", put("fact:falcon-deal", "defrel:deliverySchedule", en("due in 2017 and 2018"))),
    C("ArmsTransfer-deliverySchedule", "defrel:deliverySchedule", "MaxCount", "fact:falcon-deal", add("fact:falcon-deal", "defrel:deliverySchedule", plain("due in 2017 and 2018 bis"))),
    C("ArmsTransfer-financedBy", "defrel:financedBy", "Class", "fact:falcon-deal", add("fact:falcon-deal", "defrel:financedBy", "fact:doe-visit")),
    C("ArmsTransfer-financing", "defrel:financing", "Datatype", "fact:falcon-deal", put("fact:falcon-deal", "defrel:financing", en("grant"))),
    C("ArmsTransfer-financing", "defrel:financing", "In", "fact:falcon-deal", put("fact:falcon-deal", "defrel:financing", plain("bogus"))),
    C("ArmsTransfer-firstDelivery", "defrel:firstDelivery", "Class", "fact:falcon-deal", put("fact:falcon-deal", "defrel:firstDelivery", "ent:fredville")),
    C("ArmsTransfer-firstDelivery", "defrel:firstDelivery", "MaxCount", "fact:falcon-deal", add("fact:falcon-deal", "defrel:firstDelivery", "fact:falcon-deal/time/last_delivery")),
    C("ArmsTransfer-lastDelivery", "defrel:lastDelivery", "Class", "fact:falcon-deal", put("fact:falcon-deal", "defrel:lastDelivery", "ent:fredville")),
    C("ArmsTransfer-lastDelivery", "defrel:lastDelivery", "MaxCount", "fact:falcon-deal", add("fact:falcon-deal", "defrel:lastDelivery", "fact:falcon-deal/time/first_delivery")),
    C("ArmsTransfer-licensedProducer", "defrel:licensedProducer", "Or", "fact:falcon-deal", add("fact:falcon-deal", "defrel:licensedProducer", "fact:doe-visit")),
    C("ArmsTransfer-licensedProduction", "defrel:licensedProduction", "Datatype", "fact:falcon-deal", put("fact:falcon-deal", "defrel:licensedProduction", plain("true"))),
    C("ArmsTransfer-licensedProduction", "defrel:licensedProduction", "MaxCount", "fact:falcon-deal", add("fact:falcon-deal", "defrel:licensedProduction", Literal(False))),
    C("ArmsTransfer-manufacturer", "defrel:manufacturer", "Or", "fact:falcon-deal", add("fact:falcon-deal", "defrel:manufacturer", "fact:doe-visit")),
    C("ArmsTransfer-numberDelivered", "defrel:numberDelivered", "Class", "fact:falcon-deal", put("fact:falcon-deal", "defrel:numberDelivered", "ent:fredville")),
    C("ArmsTransfer-numberDelivered", "defrel:numberDelivered", "MaxCount", "fact:falcon-deal", add("fact:falcon-deal", "defrel:numberDelivered", "fact:falcon-deal/number_ordered")),
    C("ArmsTransfer-offsets", "defrel:offsets", "Datatype", "fact:falcon-deal", put("fact:falcon-deal", "defrel:offsets", en("worth a fifth of the price"))),
    C("ArmsTransfer-offsets", "defrel:offsets", "MaxCount", "fact:falcon-deal", add("fact:falcon-deal", "defrel:offsets", plain("worth a fifth of the price bis"))),
    C("ArmsTransfer-secondHand", "defrel:secondHand", "Datatype", "fact:falcon-deal", put("fact:falcon-deal", "defrel:secondHand", plain("false"))),
    C("ArmsTransfer-secondHand", "defrel:secondHand", "MaxCount", "fact:falcon-deal", add("fact:falcon-deal", "defrel:secondHand", Literal(True))),
    C("ArmsTransfer-weaponCategory", "defrel:weaponCategory", "Datatype", "fact:falcon-deal", put("fact:falcon-deal", "defrel:weaponCategory", en("aircraft"))),
    C("ArmsTransfer-weaponCategory", "defrel:weaponCategory", "In", "fact:falcon-deal", put("fact:falcon-deal", "defrel:weaponCategory", plain("bogus"))),
    C("ArmsTransfer-weaponCategory", "defrel:weaponCategory", "MaxCount", "fact:falcon-deal", add("fact:falcon-deal", "defrel:weaponCategory", plain("aircraft bis"))),
    C("ArmsTransferOneOfShape", None, "Or", "fact:falcon-deal", drop("fact:falcon-deal", "defrel:designation"), drop("fact:falcon-deal", "defrel:weaponCategory"), drop("fact:falcon-deal", "defrel:weaponDescription")),
    C("Article-dateModified", "defrel:dateModified", "Class", "art", put("art", "defrel:dateModified", "ent:fredville")),
    C("Article-dateModified", "defrel:dateModified", "MaxCount", "art", add("art", "defrel:dateModified", "art/time/date_published")),
    C("Article-isAccessibleForFree", "schema:isAccessibleForFree", "Datatype", "art", put("art", "schema:isAccessibleForFree", plain("true"))),
    C("Article-isAccessibleForFree", "schema:isAccessibleForFree", "MaxCount", "art", add("art", "schema:isAccessibleForFree", Literal(False))),
    C("Article-locationCreated", "schema:locationCreated", "Class", "art", put("art", "schema:locationCreated", "ent:jane-doe")),
    C("Article-locationCreated", "schema:locationCreated", "MaxCount", "art", add("art", "schema:locationCreated", "ent:freedonia")),
    C("Article-sourceOrganization", "schema:sourceOrganization", "Class", "art", put("art", "schema:sourceOrganization", "fact:doe-visit")),
    C("Article-sourceOrganization", "schema:sourceOrganization", "MaxCount", "art", add("art", "schema:sourceOrganization", "ent:north-times")),
    C("BasingAccess-accessType", "defrel:accessType", "Datatype", "fact:fredville-basing", put("fact:fredville-basing", "defrel:accessType", en("port-calls"))),
    C("BasingAccess-accessType", "defrel:accessType", "In", "fact:fredville-basing", put("fact:fredville-basing", "defrel:accessType", plain("bogus"))),
    C("BasingAccess-accessType", "defrel:accessType", "MinCount", "fact:fredville-basing", drop("fact:fredville-basing", "defrel:accessType")),
    C("BasingAccess-basingHost", "defrel:basingHost", "Class", "fact:fredville-basing", put("fact:fredville-basing", "defrel:basingHost", "fact:doe-visit")),
    C("BasingAccess-basingHost", "defrel:basingHost", "MaxCount", "fact:fredville-basing", add("fact:fredville-basing", "defrel:basingHost", "ent:grand-fenwick")),
    C("BasingAccess-basingHost", "defrel:basingHost", "MinCount", "fact:fredville-basing", drop("fact:fredville-basing", "defrel:basingHost")),
    C("BasingAccess-basingUser", "defrel:basingUser", "Class", "fact:fredville-basing", put("fact:fredville-basing", "defrel:basingUser", "fact:doe-visit")),
    C("BasingAccess-basingUser", "defrel:basingUser", "MaxCount", "fact:fredville-basing", add("fact:fredville-basing", "defrel:basingUser", "ent:grand-fenwick")),
    C("BasingAccess-basingUser", "defrel:basingUser", "MinCount", "fact:fredville-basing", drop("fact:fredville-basing", "defrel:basingUser")),
    C("BasingAccess-facility", "defrel:facility", "Or", "fact:fredville-basing", add("fact:fredville-basing", "defrel:facility", "fact:doe-visit")),
    C("Company-ownedBy", "defrel:ownedBy", "Class", "ent:falcon-industries", add("ent:falcon-industries", "defrel:ownedBy", "fact:doe-visit")),
    C("Company-type", "rdf:type", "HasValue", "ent:falcon-industries", drop("ent:falcon-industries", "rdf:type", "schema:Corporation")),
    C("CompanyFieldsShape", None, "Class", "ent:jane-doe", add("ent:jane-doe", "defrel:ownedBy", "ent:ruritania")),
    C("Condemnation-condemnationForm", "defrel:condemnationForm", "Datatype", "fact:roe-condemnation", put("fact:roe-condemnation", "defrel:condemnationForm", en("condemnation"))),
    C("Condemnation-condemnationForm", "defrel:condemnationForm", "In", "fact:roe-condemnation", put("fact:roe-condemnation", "defrel:condemnationForm", plain("bogus"))),
    C("Condemnation-condemnationForm", "defrel:condemnationForm", "MaxCount", "fact:roe-condemnation", add("fact:roe-condemnation", "defrel:condemnationForm", plain("condemnation bis"))),
    C("Condemnation-condemned", "defrel:condemned", "Class", "fact:roe-condemnation", add("fact:roe-condemnation", "defrel:condemned", "fact:doe-visit")),
    C("Condemnation-condemnedFact", "defrel:condemnedFact", "Class", "fact:roe-condemnation", add("fact:roe-condemnation", "defrel:condemnedFact", "ent:jane-doe")),
    C("CondemnationOneOfShape", None, "Or", "fact:roe-condemnation", drop("fact:roe-condemnation", "defrel:condemned"), drop("fact:roe-condemnation", "defrel:condemnedFact")),
    C("Conference-conferenceType", "defrel:conferenceType", "Datatype", "fact:northern-security-forum", put("fact:northern-security-forum", "defrel:conferenceType", en("forum"))),
    C("Conference-conferenceType", "defrel:conferenceType", "In", "fact:northern-security-forum", put("fact:northern-security-forum", "defrel:conferenceType", plain("bogus"))),
    C("Conference-conferenceType", "defrel:conferenceType", "MaxCount", "fact:northern-security-forum", add("fact:northern-security-forum", "defrel:conferenceType", plain("forum bis"))),
    C("Conference-conferenceType", "defrel:conferenceType", "MinCount", "fact:northern-security-forum", drop("fact:northern-security-forum", "defrel:conferenceType")),
    C("Conference-invitee", "defrel:invitee", "Class", "fact:northern-security-forum", add("fact:northern-security-forum", "defrel:invitee", "fact:doe-visit")),
    C("Conference-participant", "defrel:participant", "Class", "fact:northern-security-forum", add("fact:northern-security-forum", "defrel:participant", "fact:doe-visit")),
    C("ConferenceOneOfShape", None, "Or", "fact:northern-security-forum", drop("fact:northern-security-forum", "defrel:host"), drop("fact:northern-security-forum", "defrel:participant"), drop("fact:northern-security-forum", "defrel:invitee")),
    C("Coproduction-coproductionPartner", "defrel:coproductionPartner", "Class", "fact:engine-coproduction", add("fact:engine-coproduction", "defrel:coproductionPartner", "fact:doe-visit")),
    C("Coproduction-coproductionPartner", "defrel:coproductionPartner", "MinCount", "fact:engine-coproduction", drop("fact:engine-coproduction", "defrel:coproductionPartner", "ent:acme-aerospace")),
    C("Coproduction-jointVenture", "defrel:jointVenture", "MaxCount", "fact:engine-coproduction", add("fact:engine-coproduction", "defrel:jointVenture", "ent:rurit-aero")),
    C("Coproduction-jointVenture", "defrel:jointVenture", "Or", "fact:engine-coproduction", add("fact:engine-coproduction", "defrel:jointVenture", "fact:doe-visit")),
    C("Coproduction-productDescription", "defrel:productDescription", "Datatype", "fact:engine-coproduction", put("fact:engine-coproduction", "defrel:productDescription", en("Falcon engines"))),
    C("Coproduction-productDescription", "defrel:productDescription", "MaxCount", "fact:engine-coproduction", add("fact:engine-coproduction", "defrel:productDescription", plain("Falcon engines bis"))),
    C("Coproduction-technologyTransfer", "defrel:technologyTransfer", "Datatype", "fact:engine-coproduction", put("fact:engine-coproduction", "defrel:technologyTransfer", plain("true"))),
    C("Coproduction-technologyTransfer", "defrel:technologyTransfer", "MaxCount", "fact:engine-coproduction", add("fact:engine-coproduction", "defrel:technologyTransfer", Literal(False))),
    C("Coproduction-workShare", "defrel:workShare", "Datatype", "fact:engine-coproduction", put("fact:engine-coproduction", "defrel:workShare", en("each holds half"))),
    C("Coproduction-workShare", "defrel:workShare", "MaxCount", "fact:engine-coproduction", add("fact:engine-coproduction", "defrel:workShare", plain("each holds half bis"))),
    C("CoproductionOneOfShape", None, "Or", "fact:engine-coproduction", drop("fact:engine-coproduction", "defrel:system"), drop("fact:engine-coproduction", "defrel:productDescription")),
    C("Count-unitCode", "schema:unitCode", "HasValue", "fact:falcon-deal/number_ordered", put("fact:falcon-deal/number_ordered", "schema:unitCode", plain("XX"))),
    Q("CountShape", "CountIsWhole", "fact:engine-aid/number", put("fact:engine-aid/number", "schema:value", dec("50.5")), path="schema:value"),
    C("Demand-demandText", "defrel:demandText", "Datatype", "fact:roe-demand", put("fact:roe-demand", "defrel:demandText", en("free its hostages"))),
    C("Demand-demandText", "defrel:demandText", "MaxCount", "fact:roe-demand", add("fact:roe-demand", "defrel:demandText", plain("free its hostages bis"))),
    C("Demand-demandedFact", "defrel:demandedFact", "Class", "fact:roe-demand", put("fact:roe-demand", "defrel:demandedFact", "ent:jane-doe")),
    C("Demand-demandedFact", "defrel:demandedFact", "MaxCount", "fact:roe-demand", add("fact:roe-demand", "defrel:demandedFact", "fact:camp-strike")),
    C("Demand-demandedOf", "defrel:demandedOf", "Class", "fact:roe-demand", add("fact:roe-demand", "defrel:demandedOf", "fact:doe-visit")),
    C("DemandOneOfShape", None, "Or", "fact:roe-demand", drop("fact:roe-demand", "defrel:demandText"), drop("fact:roe-demand", "defrel:demandedFact")),
    C("Endorsement-endorsed", "defrel:endorsed", "Class", "fact:roe-praise", add("fact:roe-praise", "defrel:endorsed", "fact:doe-visit")),
    C("Endorsement-endorsedFact", "defrel:endorsedFact", "Class", "fact:roe-praise", add("fact:roe-praise", "defrel:endorsedFact", "ent:jane-doe")),
    C("EndorsementOneOfShape", None, "Or", "fact:roe-praise", drop("fact:roe-praise", "defrel:endorsed"), drop("fact:roe-praise", "defrel:endorsedFact")),
    C("Exercise-exerciseDomain", "defrel:exerciseDomain", "Datatype", "fact:northern-shield", put("fact:northern-shield", "defrel:exerciseDomain", en("air"))),
    C("Exercise-exerciseDomain", "defrel:exerciseDomain", "In", "fact:northern-shield", put("fact:northern-shield", "defrel:exerciseDomain", plain("bogus"))),
    C("Exercise-observer", "defrel:observer", "Class", "fact:northern-shield", add("fact:northern-shield", "defrel:observer", "fact:doe-visit")),
    C("Exercise-participant", "defrel:participant", "Class", "fact:northern-shield", add("fact:northern-shield", "defrel:participant", "fact:doe-visit")),
    C("Exercise-participant", "defrel:participant", "MinCount", "fact:northern-shield", drop("fact:northern-shield", "defrel:participant")),
    C("Facility-facilityType", "defrel:facilityType", "Datatype", "ent:eastport-plant", put("ent:eastport-plant", "defrel:facilityType", en("plant"))),
    C("Facility-facilityType", "defrel:facilityType", "In", "ent:eastport-plant", put("ent:eastport-plant", "defrel:facilityType", plain("bogus"))),
    C("Facility-facilityType", "defrel:facilityType", "MaxCount", "ent:eastport-plant", add("ent:eastport-plant", "defrel:facilityType", plain("plant bis"))),
    C("Facility-operatedBy", "defrel:operatedBy", "Class", "ent:eastport-plant", add("ent:eastport-plant", "defrel:operatedBy", "fact:doe-visit")),
    C("Facility-type", "rdf:type", "HasValue", "ent:eastport-plant", drop("ent:eastport-plant", "rdf:type", "schema:Place")),
    C("FacilityFieldsShape", None, "Class", "ent:fredville", add("ent:fredville", "defrel:operatedBy", "ent:freedonia")),
    C("Fact-after", "defrel:after", "Class", "fact:brigade-retreat", add("fact:brigade-retreat", "defrel:after", "ent:jane-doe")),
    C("Fact-aspect", "defrel:aspect", "Datatype", "fact:attack-inquiry", put("fact:attack-inquiry", "defrel:aspect", en("ongoing"))),
    C("Fact-aspect", "defrel:aspect", "In", "fact:attack-inquiry", put("fact:attack-inquiry", "defrel:aspect", plain("bogus"))),
    C("Fact-aspect", "defrel:aspect", "MaxCount", "fact:attack-inquiry", add("fact:attack-inquiry", "defrel:aspect", plain("ongoing bis"))),
    C("Fact-before", "defrel:before", "Class", "fact:falcon-letter-of-intent", add("fact:falcon-letter-of-intent", "defrel:before", "ent:jane-doe")),
    C("Fact-before", "defrel:before", "Disjoint", "fact:falcon-letter-of-intent", add("fact:falcon-letter-of-intent", "defrel:after", "fact:falcon-contract")),
    C("Fact-certainty", "defrel:certainty", "Datatype", "fact:camp-strike", put("fact:camp-strike", "defrel:certainty", en("hedged"))),
    C("Fact-certainty", "defrel:certainty", "In", "fact:camp-strike", put("fact:camp-strike", "defrel:certainty", plain("bogus"))),
    C("Fact-certainty", "defrel:certainty", "MaxCount", "fact:camp-strike", add("fact:camp-strike", "defrel:certainty", plain("hedged bis"))),
    C("ImageKnownShape", None, "Or", "art/image", drop("art/image", "schema:creditText"), drop("art/image", "schema:contentUrl")),
    C("ImageObject-contentUrl", "schema:contentUrl", "Datatype", "art/image", put("art/image", "schema:contentUrl", plain("https://example.org/images/allies.jpg"))),
    C("ImageObject-contentUrl", "schema:contentUrl", "MaxCount", "art/image", add("art/image", "schema:contentUrl", typed("https://example.org/images/allies.jpg bis", "xsd:anyURI"))),
    C("ImageObject-contentUrl", "schema:contentUrl", "Pattern", "art/image", put("art/image", "schema:contentUrl", typed("ftp://example.org/images/allies.jpg", "xsd:anyURI"))),
    C("Incident-casualties", "defrel:casualties", "Class", "fact:patrol-attack", put("fact:patrol-attack", "defrel:casualties", "ent:fredville")),
    C("Incident-casualties", "defrel:casualties", "MaxCount", "fact:patrol-attack", add("fact:patrol-attack", "defrel:casualties", "fact:peace-march/size")),
    C("Incident-incidentType", "defrel:incidentType", "Datatype", "fact:patrol-attack", put("fact:patrol-attack", "defrel:incidentType", en("attack"))),
    C("Incident-incidentType", "defrel:incidentType", "In", "fact:patrol-attack", put("fact:patrol-attack", "defrel:incidentType", plain("bogus"))),
    C("Incident-incidentType", "defrel:incidentType", "MinCount", "fact:patrol-attack", drop("fact:patrol-attack", "defrel:incidentType")),
    C("Incident-ploverType", "defrel:ploverType", "Datatype", "fact:patrol-attack", put("fact:patrol-attack", "defrel:ploverType", en("ASSAULT"))),
    C("Incident-ploverType", "defrel:ploverType", "In", "fact:patrol-attack", put("fact:patrol-attack", "defrel:ploverType", plain("bogus"))),
    C("Incident-ploverType", "defrel:ploverType", "MaxCount", "fact:patrol-attack", add("fact:patrol-attack", "defrel:ploverType", plain("ASSAULT bis"))),
    C("Instant-dateText", "defrel:dateText", "Datatype", "fact:falcon-letter-of-intent/time/date", put("fact:falcon-letter-of-intent/time/date", "defrel:dateText", plain("Last year"))),
    C("Instant-dateText", "defrel:dateText", "MaxCount", "fact:falcon-letter-of-intent/time/date", add("fact:falcon-letter-of-intent/time/date", "defrel:dateText", en("Last year bis"))),
    C("Instant-vague", "defrel:vague", "Datatype", "fact:ruritania-joins/time/date", put("fact:ruritania-joins/time/date", "defrel:vague", plain("true"))),
    C("Instant-vague", "defrel:vague", "MaxCount", "fact:ruritania-joins/time/date", add("fact:ruritania-joins/time/date", "defrel:vague", Literal(False))),
    C("InstantKnownShape", None, "Or", "fact:contract-approval/time/date", drop("fact:contract-approval/time/date", "time:inDateTime")),
    C("InternationalOrganization-type", "rdf:type", "HasValue", "ent:northern-treaty-organisation", drop("ent:northern-treaty-organisation", "rdf:type", "schema:Organization")),
    C("Investigation-investigated", "defrel:investigated", "Class", "fact:attack-inquiry", add("fact:attack-inquiry", "defrel:investigated", "fact:doe-visit")),
    C("Investigation-investigatedFact", "defrel:investigatedFact", "Class", "fact:attack-inquiry", add("fact:attack-inquiry", "defrel:investigatedFact", "ent:jane-doe")),
    C("Investigation-investigator", "defrel:investigator", "Class", "fact:attack-inquiry", add("fact:attack-inquiry", "defrel:investigator", "fact:doe-visit")),
    C("Investigation-investigator", "defrel:investigator", "MinCount", "fact:attack-inquiry", drop("fact:attack-inquiry", "defrel:investigator")),
    C("InvestigationOneOfShape", None, "Or", "fact:attack-inquiry", drop("fact:attack-inquiry", "defrel:investigated"), drop("fact:attack-inquiry", "defrel:investigatedFact")),
    C("Invitation-invitedTo", "defrel:invitedTo", "Class", "fact:roe-invitation", put("fact:roe-invitation", "defrel:invitedTo", "ent:jane-doe")),
    C("Invitation-invitedTo", "defrel:invitedTo", "MaxCount", "fact:roe-invitation", add("fact:roe-invitation", "defrel:invitedTo", "fact:doe-roe-talks")),
    C("Invitation-invitee", "defrel:invitee", "Class", "fact:roe-invitation", add("fact:roe-invitation", "defrel:invitee", "fact:doe-visit")),
    C("Invitation-invitee", "defrel:invitee", "MinCount", "fact:roe-invitation", drop("fact:roe-invitation", "defrel:invitee")),
    C("LegalInstrument-instrumentType", "defrel:instrumentType", "Datatype", "ent:export-control-act", put("ent:export-control-act", "defrel:instrumentType", en("law"))),
    C("LegalInstrument-instrumentType", "defrel:instrumentType", "In", "ent:export-control-act", put("ent:export-control-act", "defrel:instrumentType", plain("bogus"))),
    C("LegalInstrument-instrumentType", "defrel:instrumentType", "MaxCount", "ent:export-control-act", add("ent:export-control-act", "defrel:instrumentType", plain("law bis"))),
    C("LegalInstrument-issuedBy", "defrel:issuedBy", "Class", "ent:export-control-act", add("ent:export-control-act", "defrel:issuedBy", "fact:doe-visit")),
    C("LegalInstrument-type", "rdf:type", "HasValue", "ent:export-control-act", drop("ent:export-control-act", "rdf:type", "schema:Legislation")),
    C("LegalInstrumentFieldsShape", None, "Class", "ent:max-power", add("ent:max-power", "defrel:issuedBy", "ent:freedonia")),
    C("Meeting-meetingType", "defrel:meetingType", "Datatype", "fact:doe-roe-talks", put("fact:doe-roe-talks", "defrel:meetingType", en("talks"))),
    C("Meeting-meetingType", "defrel:meetingType", "In", "fact:doe-roe-talks", put("fact:doe-roe-talks", "defrel:meetingType", plain("bogus"))),
    C("Meeting-meetingType", "defrel:meetingType", "MaxCount", "fact:doe-roe-talks", add("fact:doe-roe-talks", "defrel:meetingType", plain("talks bis"))),
    C("Membership-member", "defrel:member", "Class", "fact:ruritania-joins", put("fact:ruritania-joins", "defrel:member", "fact:doe-visit")),
    C("Membership-member", "defrel:member", "MaxCount", "fact:ruritania-joins", add("fact:ruritania-joins", "defrel:member", "ent:grand-fenwick")),
    C("Membership-member", "defrel:member", "MinCount", "fact:ruritania-joins", drop("fact:ruritania-joins", "defrel:member")),
    C("Membership-memberOf", "defrel:memberOf", "MaxCount", "fact:ruritania-joins", add("fact:ruritania-joins", "defrel:memberOf", "ent:sky-shield")),
    C("Membership-memberOf", "defrel:memberOf", "MinCount", "fact:ruritania-joins", drop("fact:ruritania-joins", "defrel:memberOf")),
    C("Membership-memberOf", "defrel:memberOf", "Or", "fact:ruritania-joins", add("fact:ruritania-joins", "defrel:memberOf", "fact:doe-visit")),
    C("Membership-membershipAction", "defrel:membershipAction", "Datatype", "fact:ruritania-joins", put("fact:ruritania-joins", "defrel:membershipAction", en("joined"))),
    C("Membership-membershipAction", "defrel:membershipAction", "In", "fact:ruritania-joins", put("fact:ruritania-joins", "defrel:membershipAction", plain("bogus"))),
    C("Membership-membershipAction", "defrel:membershipAction", "MaxCount", "fact:ruritania-joins", add("fact:ruritania-joins", "defrel:membershipAction", plain("joined bis"))),
    C("Membership-membershipAction", "defrel:membershipAction", "MinCount", "fact:ruritania-joins", drop("fact:ruritania-joins", "defrel:membershipAction")),
    C("Membership-membershipType", "defrel:membershipType", "Datatype", "fact:ruritania-joins", put("fact:ruritania-joins", "defrel:membershipType", en("partner"))),
    C("Membership-membershipType", "defrel:membershipType", "In", "fact:ruritania-joins", put("fact:ruritania-joins", "defrel:membershipType", plain("bogus"))),
    C("Membership-membershipType", "defrel:membershipType", "MaxCount", "fact:ruritania-joins", add("fact:ruritania-joins", "defrel:membershipType", plain("partner bis"))),
    C("MilitaryAid-aidItems", "defrel:aidItems", "Datatype", "fact:engine-aid", put("fact:engine-aid", "defrel:aidItems", en("spare engines"))),
    C("MilitaryAid-aidItems", "defrel:aidItems", "MaxCount", "fact:engine-aid", add("fact:engine-aid", "defrel:aidItems", plain("spare engines bis"))),
    C("MilitaryAid-aidType", "defrel:aidType", "Datatype", "fact:engine-aid", put("fact:engine-aid", "defrel:aidType", en("equipment"))),
    C("MilitaryAid-aidType", "defrel:aidType", "In", "fact:engine-aid", put("fact:engine-aid", "defrel:aidType", plain("bogus"))),
    C("MilitaryAid-aidType", "defrel:aidType", "MinCount", "fact:engine-aid", drop("fact:engine-aid", "defrel:aidType")),
    C("MilitaryAid-programme", "defrel:programme", "Class", "fact:engine-aid", put("fact:engine-aid", "defrel:programme", "fact:doe-visit")),
    C("MilitaryAid-programme", "defrel:programme", "MaxCount", "fact:engine-aid", add("fact:engine-aid", "defrel:programme", "ent:northern-treaty-organisation")),
    C("MilitaryAid-provider", "defrel:provider", "Class", "fact:engine-aid", add("fact:engine-aid", "defrel:provider", "fact:doe-visit")),
    C("MilitaryAid-provider", "defrel:provider", "MinCount", "fact:engine-aid", drop("fact:engine-aid", "defrel:provider")),
    C("OtherEvent-ploverType", "defrel:ploverType", "Datatype", "fact:brigade-retreat", put("fact:brigade-retreat", "defrel:ploverType", en("RETREAT"))),
    C("OtherEvent-ploverType", "defrel:ploverType", "In", "fact:brigade-retreat", put("fact:brigade-retreat", "defrel:ploverType", plain("bogus"))),
    C("OtherEvent-ploverType", "defrel:ploverType", "MaxCount", "fact:brigade-retreat", add("fact:brigade-retreat", "defrel:ploverType", plain("RETREAT bis"))),
    C("OtherEvent-ploverType", "defrel:ploverType", "MinCount", "fact:brigade-retreat", drop("fact:brigade-retreat", "defrel:ploverType")),
    C("OtherEvent-summary", "defrel:summary", "Datatype", "fact:brigade-retreat", put("fact:brigade-retreat", "defrel:summary", en("The Red Brigade pulled back into the hills."))),
    C("OtherEvent-summary", "defrel:summary", "MaxCount", "fact:brigade-retreat", add("fact:brigade-retreat", "defrel:summary", plain("The Red Brigade pulled back into the hills. bis"))),
    C("OtherEvent-summary", "defrel:summary", "MinCount", "fact:brigade-retreat", drop("fact:brigade-retreat", "defrel:summary")),
    C("Programme-managedBy", "defrel:managedBy", "Class", "ent:sky-shield", add("ent:sky-shield", "defrel:managedBy", "fact:doe-visit")),
    C("Programme-type", "rdf:type", "HasValue", "ent:sky-shield", drop("ent:sky-shield", "rdf:type", "schema:Project")),
    C("ProgrammeFieldsShape", None, "Class", "ent:john-roe", add("ent:john-roe", "defrel:managedBy", "ent:freedonia")),
    C("ProgrammeParticipation-decidedBy", "defrel:decidedBy", "Class", "fact:fenwick-expelled", add("fact:fenwick-expelled", "defrel:decidedBy", "fact:doe-visit")),
    C("ProgrammeParticipation-participationAction", "defrel:participationAction", "Datatype", "fact:fenwick-expelled", put("fact:fenwick-expelled", "defrel:participationAction", en("expelled"))),
    C("ProgrammeParticipation-participationAction", "defrel:participationAction", "In", "fact:fenwick-expelled", put("fact:fenwick-expelled", "defrel:participationAction", plain("bogus"))),
    C("ProgrammeParticipation-participationAction", "defrel:participationAction", "MaxCount", "fact:fenwick-expelled", add("fact:fenwick-expelled", "defrel:participationAction", plain("expelled bis"))),
    C("ProgrammeParticipation-participationAction", "defrel:participationAction", "MinCount", "fact:fenwick-expelled", drop("fact:fenwick-expelled", "defrel:participationAction")),
    C("ProgrammeParticipation-programme", "defrel:programme", "Class", "fact:fenwick-expelled", put("fact:fenwick-expelled", "defrel:programme", "fact:doe-visit")),
    C("ProgrammeParticipation-programme", "defrel:programme", "MaxCount", "fact:fenwick-expelled", add("fact:fenwick-expelled", "defrel:programme", "ent:northern-treaty-organisation")),
    C("ProgrammeParticipation-programme", "defrel:programme", "MinCount", "fact:fenwick-expelled", drop("fact:fenwick-expelled", "defrel:programme")),
    C("ProgrammeParticipation-programmeParticipant", "defrel:programmeParticipant", "Class", "fact:fenwick-expelled", put("fact:fenwick-expelled", "defrel:programmeParticipant", "fact:doe-visit")),
    C("ProgrammeParticipation-programmeParticipant", "defrel:programmeParticipant", "MaxCount", "fact:fenwick-expelled", add("fact:fenwick-expelled", "defrel:programmeParticipant", "ent:ruritania")),
    C("ProgrammeParticipation-programmeParticipant", "defrel:programmeParticipant", "MinCount", "fact:fenwick-expelled", drop("fact:fenwick-expelled", "defrel:programmeParticipant")),
    C("ProgrammeParticipation-programmeRole", "defrel:programmeRole", "Datatype", "fact:fenwick-expelled", put("fact:fenwick-expelled", "defrel:programmeRole", en("radar supplier"))),
    C("ProgrammeParticipation-programmeRole", "defrel:programmeRole", "MaxCount", "fact:fenwick-expelled", add("fact:fenwick-expelled", "defrel:programmeRole", plain("radar supplier bis"))),
    C("Protest-against", "defrel:against", "Class", "fact:peace-march", add("fact:peace-march", "defrel:against", "fact:doe-visit")),
    C("Protest-crowdSize", "defrel:crowdSize", "Class", "fact:peace-march", put("fact:peace-march", "defrel:crowdSize", "ent:fredville")),
    C("Protest-crowdSize", "defrel:crowdSize", "MaxCount", "fact:peace-march", add("fact:peace-march", "defrel:crowdSize", "fact:patrol-attack/casualties")),
    C("Protest-protester", "defrel:protester", "Class", "fact:peace-march", add("fact:peace-march", "defrel:protester", "fact:doe-visit")),
    C("Protest-protester", "defrel:protester", "MinCount", "fact:peace-march", drop("fact:peace-march", "defrel:protester")),
    C("Rejection-rejectedFact", "defrel:rejectedFact", "Class", "fact:brigade-rejection", add("fact:brigade-rejection", "defrel:rejectedFact", "ent:jane-doe")),
    C("Rejection-rejectedText", "defrel:rejectedText", "Datatype", "fact:brigade-rejection", put("fact:brigade-rejection", "defrel:rejectedText", en("the demand"))),
    C("Rejection-rejectedText", "defrel:rejectedText", "MaxCount", "fact:brigade-rejection", add("fact:brigade-rejection", "defrel:rejectedText", plain("the demand bis"))),
    C("RejectionOneOfShape", None, "Or", "fact:brigade-rejection", drop("fact:brigade-rejection", "defrel:rejectedFact"), drop("fact:brigade-rejection", "defrel:rejectedText")),
    C("SaidTime-label", "rdfs:label", "Equals", "fact:falcon-letter-of-intent/time/date", put("fact:falcon-letter-of-intent/time/date", "rdfs:label", en("other words"))),
    C("Sanction-goods", "defrel:goods", "Datatype", "fact:freedonian-sanctions", put("fact:freedonian-sanctions", "defrel:goods", en("dual-use electronics"))),
    C("Sanction-imposer", "defrel:imposer", "Class", "fact:freedonian-sanctions", add("fact:freedonian-sanctions", "defrel:imposer", "fact:doe-visit")),
    C("Sanction-imposer", "defrel:imposer", "MinCount", "fact:freedonian-sanctions", drop("fact:freedonian-sanctions", "defrel:imposer")),
    C("Sanction-legalBasis", "defrel:legalBasis", "Class", "fact:freedonian-sanctions", add("fact:freedonian-sanctions", "defrel:legalBasis", "fact:doe-visit")),
    C("Sanction-measure", "defrel:measure", "Datatype", "fact:freedonian-sanctions", put("fact:freedonian-sanctions", "defrel:measure", en("arms-embargo"))),
    C("Sanction-measure", "defrel:measure", "In", "fact:freedonian-sanctions", put("fact:freedonian-sanctions", "defrel:measure", plain("bogus"))),
    C("Sanction-sanctionAction", "defrel:sanctionAction", "Datatype", "fact:freedonian-sanctions", put("fact:freedonian-sanctions", "defrel:sanctionAction", en("imposed"))),
    C("Sanction-sanctionAction", "defrel:sanctionAction", "In", "fact:freedonian-sanctions", put("fact:freedonian-sanctions", "defrel:sanctionAction", plain("bogus"))),
    C("Sanction-sanctionAction", "defrel:sanctionAction", "MaxCount", "fact:freedonian-sanctions", add("fact:freedonian-sanctions", "defrel:sanctionAction", plain("imposed bis"))),
    C("Sanction-sanctionAction", "defrel:sanctionAction", "MinCount", "fact:freedonian-sanctions", drop("fact:freedonian-sanctions", "defrel:sanctionAction")),
    C("Sanction-sanctionTarget", "defrel:sanctionTarget", "Class", "fact:freedonian-sanctions", add("fact:freedonian-sanctions", "defrel:sanctionTarget", "fact:doe-visit")),
    C("Sanction-sanctionTarget", "defrel:sanctionTarget", "MinCount", "fact:freedonian-sanctions", drop("fact:freedonian-sanctions", "defrel:sanctionTarget")),
    Q("StagedAgreementShape", "ConcludedAgreementNotPlanned", "fact:falcon-contract", put("fact:falcon-contract", "defrel:aspect", plain("planned")), path="defrel:agreementStage"),
    Q("StagedAgreementShape", "SignedAgreementPastNegotiation", "fact:defence-treaty", put("fact:treaty-signing", "defrel:aspect", plain("completed")), path="defrel:agreementStage"),
    C("Threat-condition", "defrel:condition", "Datatype", "fact:roe-warning", put("fact:roe-warning", "defrel:condition", en("unless it laid down its arms"))),
    C("Threat-condition", "defrel:condition", "MaxCount", "fact:roe-warning", add("fact:roe-warning", "defrel:condition", plain("unless it laid down its arms bis"))),
    C("Threat-threatForm", "defrel:threatForm", "Datatype", "fact:roe-warning", put("fact:roe-warning", "defrel:threatForm", en("warning"))),
    C("Threat-threatForm", "defrel:threatForm", "In", "fact:roe-warning", put("fact:roe-warning", "defrel:threatForm", plain("bogus"))),
    C("Threat-threatForm", "defrel:threatForm", "MaxCount", "fact:roe-warning", add("fact:roe-warning", "defrel:threatForm", plain("warning bis"))),
    C("Threat-threatened", "defrel:threatened", "Class", "fact:roe-warning", add("fact:roe-warning", "defrel:threatened", "fact:doe-visit")),
    C("Threat-threatenedAction", "defrel:threatenedAction", "Datatype", "fact:roe-warning", put("fact:roe-warning", "defrel:threatenedAction", en("strike its camps"))),
    C("Threat-threatenedAction", "defrel:threatenedAction", "MaxCount", "fact:roe-warning", add("fact:roe-warning", "defrel:threatenedAction", plain("strike its camps bis"))),
    C("Threat-threatenedFact", "defrel:threatenedFact", "Class", "fact:roe-warning", put("fact:roe-warning", "defrel:threatenedFact", "ent:jane-doe")),
    C("Threat-threatenedFact", "defrel:threatenedFact", "MaxCount", "fact:roe-warning", add("fact:roe-warning", "defrel:threatenedFact", "fact:hostage-release")),
    C("ThreatOneOfShape", None, "Or", "fact:roe-warning", drop("fact:roe-warning", "defrel:threatenedAction"), drop("fact:roe-warning", "defrel:threatenedFact"), drop("fact:roe-warning", "defrel:condition")),
    C("Training-numberTrained", "defrel:numberTrained", "Class", "fact:pilot-training", put("fact:pilot-training", "defrel:numberTrained", "ent:fredville")),
    C("Training-numberTrained", "defrel:numberTrained", "MaxCount", "fact:pilot-training", add("fact:pilot-training", "defrel:numberTrained", "fact:engine-aid/number")),
    C("Training-trainee", "defrel:trainee", "Class", "fact:pilot-training", add("fact:pilot-training", "defrel:trainee", "fact:doe-visit")),
    C("Training-trainee", "defrel:trainee", "MinCount", "fact:pilot-training", drop("fact:pilot-training", "defrel:trainee")),
    C("Training-trainer", "defrel:trainer", "Class", "fact:pilot-training", add("fact:pilot-training", "defrel:trainer", "fact:doe-visit")),
    C("Training-trainer", "defrel:trainer", "MinCount", "fact:pilot-training", drop("fact:pilot-training", "defrel:trainer")),
    C("Training-trainingSubject", "defrel:trainingSubject", "Datatype", "fact:pilot-training", put("fact:pilot-training", "defrel:trainingSubject", en("flight tactics"))),
    C("WaterBody-type", "rdf:type", "HasValue", "ent:northern-sea", drop("ent:northern-sea", "rdf:type", "schema:BodyOfWater")),
    C("WeaponSystem-manufacturer", "defrel:manufacturer", "Or", "ent:falcon-jet", add("ent:falcon-jet", "defrel:manufacturer", "fact:doe-visit")),
    C("WeaponSystem-weaponCategory", "defrel:weaponCategory", "Datatype", "ent:falcon-jet", put("ent:falcon-jet", "defrel:weaponCategory", en("aircraft"))),
    C("WeaponSystem-weaponCategory", "defrel:weaponCategory", "In", "ent:falcon-jet", put("ent:falcon-jet", "defrel:weaponCategory", plain("bogus"))),
    C("WeaponSystem-weaponCategory", "defrel:weaponCategory", "MaxCount", "ent:falcon-jet", add("ent:falcon-jet", "defrel:weaponCategory", plain("aircraft bis"))),
    C("actor", "defrel:actor", "Class", "fact:patrol-attack", add("fact:patrol-attack", "defrel:actor", "fact:doe-visit")),
    C("actor", "defrel:actor", "MinCount", "fact:patrol-attack", drop("fact:patrol-attack", "defrel:actor")),
    C("edition", "defrel:edition", "Datatype", "fact:northern-security-forum", put("fact:northern-security-forum", "defrel:edition", plain("3"))),
    C("edition", "defrel:edition", "MaxCount", "fact:northern-security-forum", add("fact:northern-security-forum", "defrel:edition", typed("4", "xsd:positiveInteger"))),
    C("edition", "defrel:edition", "MinInclusive", "fact:northern-security-forum", put("fact:northern-security-forum", "defrel:edition", typed("0", "xsd:integer"))),
    C("endUser", "defrel:endUser", "Class", "fact:falcon-deal", add("fact:falcon-deal", "defrel:endUser", "fact:doe-visit")),
    C("name", "schema:name", "Datatype", "fact:falcon-contract", put("fact:falcon-contract", "schema:name", plain("Falcon contract"))),
    C("name", "schema:name", "MaxCount", "fact:falcon-contract", add("fact:falcon-contract", "schema:name", en("Falcon contract bis"))),
    C("numberOfItems", "defrel:numberOfItems", "Class", "fact:engine-aid", put("fact:engine-aid", "defrel:numberOfItems", "ent:fredville")),
    C("numberOfItems", "defrel:numberOfItems", "MaxCount", "fact:engine-aid", add("fact:engine-aid", "defrel:numberOfItems", "fact:engine-coproduction/number")),
    C("personnel", "defrel:personnel", "Class", "fact:operation-sandstorm", put("fact:operation-sandstorm", "defrel:personnel", "ent:fredville")),
    C("personnel", "defrel:personnel", "MaxCount", "fact:operation-sandstorm", add("fact:operation-sandstorm", "defrel:personnel", "fact:northern-shield/personnel")),
    C("productionSite", "defrel:productionSite", "Or", "fact:falcon-deal", add("fact:falcon-deal", "defrel:productionSite", "fact:doe-visit")),
    C("system", "defrel:system", "Class", "fact:engine-aid", add("fact:engine-aid", "defrel:system", "ent:fredville")),
    C("target", "defrel:target", "Class", "fact:patrol-attack", add("fact:patrol-attack", "defrel:target", "fact:doe-visit")),
    C("underAgreement", "defrel:underAgreement", "Class", "fact:falcon-deal", put("fact:falcon-deal", "defrel:underAgreement", "ent:jane-doe")),
    C("underAgreement", "defrel:underAgreement", "MaxCount", "fact:falcon-deal", add("fact:falcon-deal", "defrel:underAgreement", "fact:defence-treaty")),
    # --- schema.org copies and resolved times (mapper after the schemaorg merge) ----------
    C("Event-attendee", "schema:attendee", "Class", "fact:doe-roe-talks", add("fact:doe-roe-talks", "schema:attendee", "ent:fredville")),
    C("Event-organizer", "schema:organizer", "Class", "fact:doe-visit", add("fact:doe-visit", "schema:organizer", "ent:fredville")),
    C("Event-performer", "schema:performer", "Class", "fact:roe-warning", add("fact:roe-warning", "schema:performer", "ent:fredville")),
    C("Person-jobTitle", "schema:jobTitle", "Datatype", "ent:jane-doe", put("ent:jane-doe", "schema:jobTitle", plain("Defence Minister"))),
    C("Person-affiliation", "schema:affiliation", "Class", "ent:max-power", add("ent:max-power", "schema:affiliation", "ent:fredville")),
    C("Article-schemaDatePublished", "schema:datePublished", "Or", "art", put("art", "schema:datePublished", plain("2016-10-01"))),
    C("Article-schemaDatePublished", "schema:datePublished", "MaxCount", "art", add("art", "schema:datePublished", typed("2016-10-03", "xsd:date"))),
    C("Article-schemaDateModified", "schema:dateModified", "Or", "art", put("art", "schema:dateModified", plain("2016-10-02"))),
    C("Article-schemaDateModified", "schema:dateModified", "MaxCount", "art", add("art", "schema:dateModified", typed("2016-10-04", "xsd:date"))),
    C("Article-mainEntityOfPage", "schema:mainEntityOfPage", "Datatype", "art", put("art", "schema:mainEntityOfPage", plain("https://example.org/news/allies-and-rivals"))),
    C("Article-mainEntityOfPage", "schema:mainEntityOfPage", "MaxCount", "art", add("art", "schema:mainEntityOfPage", typed("https://example.org/elsewhere", "xsd:anyURI"))),
    C("Instant-resolvedFrom", "defrel:resolvedFrom", "Class", "fact:falcon-letter-of-intent/time/date", put("fact:falcon-letter-of-intent/time/date", "defrel:resolvedFrom", "ent:fredville")),
    C("Instant-resolvedFrom", "defrel:resolvedFrom", "MaxCount", "fact:falcon-letter-of-intent/time/date", add("fact:falcon-letter-of-intent/time/date", "defrel:resolvedFrom", "fact:doe-visit/time/date")),
]  # fmt: skip


# --- format 0.3.1: an entity's url, a state's code, posts as roles, places' addresses ------
FRED_ADDRESS = "ent:fredville/address"  # Fredville, Northern Region, XF
DOE_ROLE = "fact:jane-doe-minister"
CASES += [
    C("Entity-url", "schema:url", "Datatype", "ent:ann-writer", put("ent:ann-writer", "schema:url", plain("https://example.org/staff/ann-writer"))),
    C("Entity-url", "schema:url", "MaxCount", "ent:ann-writer", add("ent:ann-writer", "schema:url", typed("https://example.org/elsewhere", "xsd:anyURI"))),
    C("Entity-url", "schema:url", "Pattern", "ent:ann-writer", put("ent:ann-writer", "schema:url", typed("ftp://example.org/staff", "xsd:anyURI"))),
    C("Country-countryCode", "defrel:countryCode", "Datatype", "ent:freedonia", put("ent:freedonia", "defrel:countryCode", en("XF"))),
    C("Country-countryCode", "defrel:countryCode", "MaxCount", "ent:freedonia", add("ent:freedonia", "defrel:countryCode", plain("XG"))),
    C("Country-countryCode", "defrel:countryCode", "Pattern", "ent:freedonia", put("ent:freedonia", "defrel:countryCode", plain("xf"))),
    C("CountryFieldsShape", None, "Class", "ent:fredville", add("ent:fredville", "defrel:countryCode", plain("XF"))),
    C("PostHolding-type", "rdf:type", "HasValue", DOE_ROLE, drop(DOE_ROLE, "rdf:type", "schema:OrganizationRole")),
    C("PostHolding-roleName", "schema:roleName", "Datatype", DOE_ROLE, put(DOE_ROLE, "schema:roleName", plain("Defence Minister"))),
    C("PostHolding-roleName", "schema:roleName", "MinCount", DOE_ROLE, drop(DOE_ROLE, "schema:roleName")),
    C("PostHolding-roleName", "schema:roleName", "MaxCount", DOE_ROLE, add(DOE_ROLE, "schema:roleName", en("Minister"))),
    C("PostHolding-memberOf", "schema:memberOf", "MinCount", DOE_ROLE, drop(DOE_ROLE, "schema:memberOf")),
    C("PostHolding-memberOf", "schema:memberOf", "Equals", DOE_ROLE, put(DOE_ROLE, "schema:memberOf", "ent:freedonia")),
    C("Addressed-address", "schema:address", "Class", "ent:fredville", put("ent:fredville", "schema:address", "ent:freedonia")),
    C("Addressed-address", "schema:address", "MaxCount", "ent:fredville", add("ent:fredville", "schema:address", "ent:freedonia/address")),
    C("SubOrganization-parentOrganization", "schema:parentOrganization", "Class", "ent:freedonian-army", add("ent:freedonian-army", "schema:parentOrganization", "ent:fredville")),
    C("SubOrganization-parentOrganization", "schema:parentOrganization", "MaxCount", "ent:ruritanian-air-force", add("ent:ruritanian-air-force", "schema:parentOrganization", "ent:acme-aerospace"), add("ent:ruritanian-air-force", "schema:parentOrganization", "ent:daily-planet")),
    C("Event-eventStatus", "schema:eventStatus", "In", "fact:doe-visit", add("fact:doe-visit", "schema:eventStatus", "https://schema.org/EventScheduled")),
    C("Event-eventStatus", "schema:eventStatus", "MaxCount", "fact:doe-roe-talks", add("fact:doe-roe-talks", "schema:eventStatus", "https://schema.org/EventCancelled"), add("fact:doe-roe-talks", "schema:eventStatus", "https://schema.org/EventPostponed")),
    C("PostalAddress-addressCountry", "schema:addressCountry", "MaxCount", FRED_ADDRESS, add(FRED_ADDRESS, "schema:addressCountry", plain("XG"))),
    C("PostalAddress-addressLocality", "schema:addressLocality", "Datatype", FRED_ADDRESS, put(FRED_ADDRESS, "schema:addressLocality", plain("Fredville"))),
    C("PostalAddress-addressLocality", "schema:addressLocality", "MaxCount", FRED_ADDRESS, add(FRED_ADDRESS, "schema:addressLocality", en("Fred Town"))),
    C("PostalAddress-addressRegion", "schema:addressRegion", "Datatype", FRED_ADDRESS, put(FRED_ADDRESS, "schema:addressRegion", plain("Northern Region"))),
    C("PostalAddress-addressRegion", "schema:addressRegion", "MaxCount", FRED_ADDRESS, add(FRED_ADDRESS, "schema:addressRegion", en("The North"))),
]  # fmt: skip
