"""Checks of the OWL ontology: its header, its documentation, its agreement with the
facts format in ``mapper/facts/kinds.py``, OWL 2 DL hygiene, and consistency under HermiT.
"""

from __future__ import annotations

import json
import re
import subprocess
from importlib.resources import files
from pathlib import Path

import owlready2
import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS, XSD

from mapper.facts.kinds import (
    ARTICLE_FIELDS,
    COMMON_FIELDS,
    ENTITY_FIELDS,
    ENTITY_TYPES,
    KINDS,
    PLOVER,
    REMOVED_FIELDS,
)

ONTOLOGY = files("mapper.data") / "ontology" / "defrel.ttl"
CONTEXT = json.loads((files("mapper.data") / "context.jsonld").read_text(encoding="utf-8"))[
    "@context"
]
DEFREL = CONTEXT["defrel"]
ONTOLOGY_IRI = URIRef("https://w3id.org/defrel/ontology")

# Properties the mapper emits that are not fields of the facts format.
EXTRA_PROPERTIES = {
    "evidence": OWL.ObjectProperty,
    "article": OWL.ObjectProperty,
    "mentionedIn": OWL.ObjectProperty,
    "post": OWL.ObjectProperty,
    "sha256": OWL.DatatypeProperty,
    "qualifier": OWL.DatatypeProperty,
    "approximate": OWL.DatatypeProperty,
    "dateText": OWL.DatatypeProperty,
    "vague": OWL.DatatypeProperty,
    "resolvedFrom": OWL.ObjectProperty,
    "countedFrom": OWL.ObjectProperty,
    "bound": OWL.DatatypeProperty,
}
OBJECT_SHAPES = {"entity", "entities", "fact", "facts", "when", "quantity", "count"}
DATATYPE_RANGES = {
    "text": XSD.string,
    "texts": XSD.string,
    "choice": XSD.string,
    "choices": XSD.string,
    "integer": XSD.positiveInteger,
    "boolean": XSD.boolean,
    "duration": XSD.duration,
}
# Datatypes of the OWL 2 datatype map (https://www.w3.org/TR/owl2-syntax/#Datatype_Maps).
_XSD_IN_OWL2 = (
    "decimal integer nonNegativeInteger nonPositiveInteger positiveInteger negativeInteger "
    "long int short byte unsignedLong unsignedInt unsignedShort unsignedByte double float "
    "string normalizedString token language Name NCName NMTOKEN boolean hexBinary "
    "base64Binary anyURI dateTime dateTimeStamp"
)
OWL2_DATATYPES = {RDFS.Literal, OWL.real, OWL.rational, RDF.PlainLiteral, RDF.XMLLiteral} | {
    XSD[name] for name in _XSD_IN_OWL2.split(" ")
}
# xsd:duration is outside the map but is what the mapper writes for durations; it is
# the one exception, and HermiT runs with ignore_unsupported_datatypes because of it.
EXTRA_DATATYPES = {XSD.duration}
DECLARATION_TYPES = {
    OWL.Ontology, OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty,
    OWL.AnnotationProperty, RDFS.Datatype, OWL.NamedIndividual,
}  # fmt: skip
PROPERTY_TYPES = (OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)
BUILTIN_NAMESPACES = (str(RDF), str(RDFS), str(OWL))
LOGICAL_PREDICATES = {
    RDFS.subClassOf, OWL.equivalentClass, OWL.disjointWith, RDFS.subPropertyOf,
    OWL.equivalentProperty, OWL.inverseOf, RDFS.domain, RDFS.range, OWL.onProperty,
    OWL.someValuesFrom, OWL.allValuesFrom, OWL.unionOf, OWL.intersectionOf, OWL.members,
    OWL.propertyDisjointWith,
}  # fmt: skip


def expand(curie: str) -> URIRef:
    prefix, local = curie.split(":", 1)
    return URIRef(CONTEXT[prefix] + local)


@pytest.fixture(scope="module")
def graph() -> Graph:
    return Graph().parse(data=ONTOLOGY.read_text(encoding="utf-8"), format="turtle")


def declared(g: Graph, kind: URIRef) -> set[URIRef]:
    return {s for s in g.subjects(RDF.type, kind) if isinstance(s, URIRef)}


def defrel_terms(g: Graph, *kinds: URIRef) -> set[URIRef]:
    return {t for k in kinds for t in declared(g, k) if t.startswith(DEFREL)}


def superclasses(g: Graph, cls: URIRef) -> set[URIRef]:
    return set(g.transitive_objects(cls, RDFS.subClassOf))


def covers(g: Graph, cls: URIRef, expr) -> bool:
    """Is ``cls`` a subclass (by asserted subClassOf) of ``expr``, a class or a union?"""
    if expr == OWL.Thing:
        return True
    union = g.value(expr, OWL.unionOf) if isinstance(expr, BNode) else None
    members = list(Collection(g, union)) if union is not None else [expr]
    return any(m in superclasses(g, cls) for m in members)


def all_fields():
    """(where, field) for every field of the facts format, where = 'entity'|'article'|kind."""
    yield from (("entity", f) for f in ENTITY_FIELDS)
    yield from (("article", f) for f in ARTICLE_FIELDS)
    for kind in KINDS.values():
        yield from ((kind, f) for f in COMMON_FIELDS + kind.fields)


# --- 1. parse and header --------------------------------------------------------------


def test_header(graph: Graph) -> None:
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in graph
    assert list(graph.subjects(RDF.type, OWL.Ontology)) == [ONTOLOGY_IRI]
    header = {p: graph.value(ONTOLOGY_IRI, p) for p in (OWL.versionIRI, OWL.versionInfo)}
    assert header[OWL.versionIRI] == URIRef("https://w3id.org/defrel/ontology/0.3.1")
    assert header[OWL.versionInfo] == Literal("0.3.1")
    assert graph.value(ONTOLOGY_IRI, OWL.priorVersion) == URIRef(
        "https://w3id.org/defrel/ontology/0.3.0"
    )
    assert graph.value(ONTOLOGY_IRI, DCTERMS.license) == URIRef(
        "https://creativecommons.org/licenses/by/4.0/"
    )
    assert graph.value(ONTOLOGY_IRI, DCTERMS.creator) == Literal("defrel developers")
    for prop in (DCTERMS.title, DCTERMS.description):
        assert graph.value(ONTOLOGY_IRI, prop) is not None, prop
    vann = "http://purl.org/vocab/vann/"
    assert str(graph.value(ONTOLOGY_IRI, URIRef(vann + "preferredNamespacePrefix"))) == "defrel"
    assert str(graph.value(ONTOLOGY_IRI, URIRef(vann + "preferredNamespaceUri"))) == DEFREL
    # Nothing may be fetched from the network.
    assert not list(graph.objects(None, OWL.imports))


def test_prefixes_match_the_json_ld_context() -> None:
    text = ONTOLOGY.read_text(encoding="utf-8")
    prefixes = dict(re.findall(r"^@prefix\s+(\w*):\s*<([^>]*)>\s*\.", text, re.MULTILINE))
    shared = {p: prefixes[p] for p in prefixes if p in CONTEXT}
    assert shared == {p: CONTEXT[p] for p in shared}
    assert {"defrel", "schema", "prov", "org", "time", "oa"} <= shared.keys()


# --- 2. documentation -----------------------------------------------------------------


def test_every_term_has_an_english_label_and_definition(graph: Graph) -> None:
    terms = defrel_terms(graph, OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
    assert len(terms) > 90
    problems = []
    for term in sorted(terms):
        for prop in (RDFS.label, SKOS.definition):
            english = [o for o in graph.objects(term, prop) if getattr(o, "language", None) == "en"]
            if len(english) != 1 or not str(english[0]).strip():
                problems.append(f"{term} needs one English {prop}")
    assert not problems, "\n".join(problems)


def test_every_property_has_a_domain_and_one_range(graph: Graph) -> None:
    problems = []
    for prop in sorted(defrel_terms(graph, OWL.ObjectProperty, OWL.DatatypeProperty)):
        if not list(graph.objects(prop, RDFS.domain)):
            problems.append(f"{prop} has no rdfs:domain")
        if len(list(graph.objects(prop, RDFS.range))) != 1:
            problems.append(f"{prop} needs exactly one rdfs:range")
    assert not problems, "\n".join(problems)


# --- 3. agreement with the facts format -----------------------------------------------


def test_every_field_property_is_declared_with_its_kind_and_range(graph: Graph) -> None:
    problems = []
    for where, field in all_fields():
        if not field.prop.startswith("defrel:"):
            continue
        prop, name = expand(field.prop), f"{field.prop} ({field.name})"
        kind = OWL.ObjectProperty if field.shape in OBJECT_SHAPES else OWL.DatatypeProperty
        if (prop, RDF.type, kind) not in graph:
            problems.append(f"{name} is not an {kind}")
            continue
        rng = graph.value(prop, RDFS.range)
        if field.shape in DATATYPE_RANGES:
            ok = rng == DATATYPE_RANGES[field.shape]
        elif field.shape == "when":
            ok = rng == expand("time:Instant")
        elif field.shape == "quantity":
            ok = rng == expand("schema:StructuredValue")
        elif field.shape == "count":  # how many: a QuantitativeValue in units (C62)
            ok = rng == expand("schema:QuantitativeValue")
        elif field.shape in ("fact", "facts"):
            ok = expand("defrel:Fact") in superclasses(graph, rng)
        else:  # entity, entities: the range admits every allowed entity type
            targets = field.targets or tuple(ENTITY_TYPES)
            ok = all(covers(graph, expand(ENTITY_TYPES[t][0]), rng) for t in targets)
        if not ok:
            problems.append(f"{name}: range {rng} does not fit shape {field.shape}")
        # The class the field is used on lies in the domain (entity fields may apply to
        # only some entity types, e.g. locatedIn to places; SHACL checks those).
        if where != "entity":
            cls = expand("defrel:Article") if where == "article" else expand(where.cls)
            if not any(covers(graph, cls, d) for d in graph.objects(prop, RDFS.domain)):
                problems.append(f"{name}: domain does not include {cls}")
    assert not problems, "\n".join(problems)


def test_choice_properties_list_their_values(graph: Graph) -> None:
    """A property's comment lists every value any field mapped to it may take (incident's
    plover_type takes two of the PLOVER types, event's all of them: the comment lists all)."""
    values: dict[str, set[str]] = {}
    for _, field in all_fields():
        if field.shape in ("choice", "choices"):
            values.setdefault(field.prop, set()).update(field.choices)
    assert len(values) > 25
    for prop, expected in values.items():
        comment = str(graph.value(expand(prop), RDFS.comment))
        assert set(re.findall(r'"([^"]+)"', comment)) == expected, prop


def deprecated(g: Graph) -> set[URIRef]:
    return {s for s in g.subjects(OWL.deprecated, Literal(True)) if isinstance(s, URIRef)}


def test_removed_fields_are_deprecated_with_a_migration_note(graph: Graph) -> None:
    """A key the facts format dropped keeps its property, deprecated, with how to migrate."""
    assert deprecated(graph) == {expand(f"defrel:{name}") for name in REMOVED_FIELDS}
    for term in deprecated(graph):
        comment = str(graph.value(term, RDFS.comment))
        assert "Deprecated since 0.3.0" in comment and "defrel:aspect" in comment, term


def test_no_defrel_property_is_left_over(graph: Graph) -> None:
    used = {expand(f.prop) for _, f in all_fields() if f.prop.startswith("defrel:")}
    used |= {URIRef(DEFREL + name) for name in EXTRA_PROPERTIES}
    declared_now = defrel_terms(graph, OWL.ObjectProperty, OWL.DatatypeProperty)
    assert declared_now - deprecated(graph) == used
    for name, kind in EXTRA_PROPERTIES.items():
        assert (URIRef(DEFREL + name), RDF.type, kind) in graph, name


def test_classes_align_with_the_schema_org_types_of_the_facts_format(graph: Graph) -> None:
    fact, event, relation = (expand(f"defrel:{c}") for c in ("Fact", "Event", "StateRelation"))
    for name, (cls, schema_cls) in ENTITY_TYPES.items():
        assert (expand(cls), RDF.type, OWL.Class) in graph, name
        assert expand(schema_cls) in superclasses(graph, expand(cls)), name
        assert fact not in superclasses(graph, expand(cls)), name
    for kind in KINDS.values():
        cls = expand(kind.cls)
        assert (cls, RDF.type, OWL.Class) in graph, kind.name
        assert fact in superclasses(graph, cls), kind.name
        if kind.schema_cls:
            assert expand(kind.schema_cls) in superclasses(graph, cls), kind.name
        group = {"event": event, "relation": relation}.get(kind.group)
        if group:
            assert group in superclasses(graph, cls), kind.name
        if kind.parent:  # the speech acts are statements
            assert expand(kind.parent) in superclasses(graph, cls), kind.name


PLOVER_TYPE, CAMEO = expand("defrel:ploverEventType"), expand("defrel:defaultCameoCode")


def test_each_kind_carries_its_plover_type_and_cameo_code(graph: Graph) -> None:
    scheme = expand("defrel:PloverEventTypes")
    concepts = {
        c: str(graph.value(c, SKOS.notation)) for c in graph.subjects(SKOS.inScheme, scheme)
    }
    assert sorted(concepts.values()) == sorted(PLOVER)
    for concept in concepts:
        assert (concept, SKOS.topConceptOf, scheme) in graph
        assert graph.value(concept, SKOS.definition) is not None, concept
    by_notation = {v: k for k, v in concepts.items()}
    for kind in KINDS.values():
        cls = expand(kind.cls)
        plover = graph.value(cls, PLOVER_TYPE)
        assert plover == (by_notation[kind.plover] if kind.plover else None), kind.name
        cameo = graph.value(cls, CAMEO)
        assert cameo == (Literal(kind.cameo) if kind.cameo else None), kind.name


# --- 4. OWL 2 DL hygiene --------------------------------------------------------------


def test_no_undeclared_or_punned_terms(graph: Graph) -> None:
    decl = {t for k in DECLARATION_TYPES for t in declared(graph, k)}
    known = decl | OWL2_DATATYPES | EXTRA_DATATYPES | {OWL.Thing, OWL.Nothing}
    problems = []
    for s, p, o in graph:
        if isinstance(s, URIRef) and s not in decl:
            problems.append(f"subject {s} is not declared")
        # str(): rdflib's Identifier.startswith turns a tuple argument into one string.
        if not str(p).startswith(BUILTIN_NAMESPACES) and not any(
            (p, RDF.type, t) in graph for t in PROPERTY_TYPES
        ):
            problems.append(f"predicate {p} is not declared")
        if isinstance(o, URIRef) and p in LOGICAL_PREDICATES | {RDF.first} and o not in known:
            problems.append(f"{o} (object of {p}) is not declared")
        if p == RDF.type and not (o.startswith(str(OWL)) or o == RDFS.Datatype or o in decl):
            problems.append(f"{s} has undeclared type {o}")
    for s in {s for t in PROPERTY_TYPES for s in declared(graph, t)}:
        kinds = [t for t in PROPERTY_TYPES if (s, RDF.type, t) in graph]
        if len(kinds) > 1:
            problems.append(f"{s} is punned as {kinds}")
    for sub, sup in graph.subject_objects(RDFS.subPropertyOf):
        if not any((sub, RDF.type, t) in graph and (sup, RDF.type, t) in graph
                   for t in PROPERTY_TYPES):  # fmt: skip
            problems.append(f"{sub} rdfs:subPropertyOf {sup} mixes property kinds")
    annotation = declared(graph, OWL.AnnotationProperty)
    for s, p, o in graph:
        if p in LOGICAL_PREDICATES and (s in annotation or o in annotation):
            problems.append(f"annotation property in a logical axiom: {s} {p} {o}")
    for prop, rng in graph.subject_objects(RDFS.range):
        if (prop, RDF.type, OWL.DatatypeProperty) in graph:
            ok = rng in OWL2_DATATYPES | EXTRA_DATATYPES
        else:
            ok = rng == OWL.Thing or (rng, RDF.type, OWL.Class) in graph
        if not ok:
            problems.append(f"{prop} has a range of the wrong kind: {rng}")
    assert not problems, "\n".join(sorted(set(problems)))


# The OWL API bundled in owlready2's HermiT.jar has an OWL 2 DL profile checker; a
# second opinion that does not share this file's assumptions. Java runs the source
# file directly (JEP 330), which needs a JDK, not only a JRE.
PROFILE_CHECK = """
import org.semanticweb.owlapi.apibinding.OWLManager;
import org.semanticweb.owlapi.profiles.*;
public class ProfileCheck {
  public static void main(String[] args) throws Exception {
    var ontology = OWLManager.createOWLOntologyManager()
        .loadOntologyFromOntologyDocument(new java.io.File(args[0]));
    OWLProfileReport report = new OWL2DLProfile().checkOntology(ontology);
    for (OWLProfileViolation v : report.getViolations()) System.out.println(v);
    System.out.println(report.isInProfile() ? "IN PROFILE" : "NOT IN PROFILE");
  }
}
"""


def test_owl_api_finds_it_in_the_owl2_dl_profile(tmp_path: Path) -> None:
    source = tmp_path / "ProfileCheck.java"
    source.write_text(PROFILE_CHECK, encoding="utf-8")
    jar = Path(owlready2.__file__).parent / "hermit" / "HermiT.jar"
    done = subprocess.run(
        [owlready2.JAVA_EXE, "-cp", str(jar), str(source), str(ONTOLOGY)],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines() == ["IN PROFILE"], done.stdout


# --- 5. reasoning ---------------------------------------------------------------------

PREFIXES = "".join(f"@prefix {p}: <{CONTEXT[p]}> .\n" for p in CONTEXT if not p.startswith("@"))

# A few facts of the seed article, written as the mapper writes them.
TYPICAL_DATA = """
@prefix : <https://example.org/id/> .
:russia a defrel:Country , schema:Country ; rdfs:label "Russia" ; defrel:mentionedIn :art .
:pakistan a defrel:Country ; rdfs:label "Pakistan" .
:india a defrel:Country ; rdfs:label "India" .
:usa a defrel:Country ; rdfs:label "United States" .
:islamabad a defrel:City ; defrel:locatedIn :pakistan .
:shoigu a defrel:Person , schema:Person ; schema:honorificPrefix "Defense Minister" ;
    skos:altLabel "Shoigu" ; owl:differentFrom :sharif .
:sharif a defrel:Person .
:army a defrel:MilitaryOrganization ; defrel:partOf :pakistan .
:dawn a defrel:NewsOrganization , schema:NewsMediaOrganization .
:officials a defrel:Group , schema:Organization .
:mi35 a defrel:WeaponSystem , schema:Product ; defrel:evidence :ev2 .
:art a defrel:Article ; defrel:sha256 "00ff" ; schema:headline "Pakistan Courts Both" ;
    schema:publisher :dawn ; schema:about :pakistan ; schema:mentions :russia ;
    schema:url "https://example.org/a"^^xsd:anyURI ; defrel:datePublished :t2014 .
:t2014 a time:Instant ; time:inDateTime [ a time:DateTimeDescription ;
    time:unitType time:unitYear ; time:year "2014"^^xsd:gYear ; defrel:qualifier "late" ] .
:thu a time:Instant ; time:inDateTime [ a time:DateTimeDescription ;
    time:unitType time:unitDay ; time:dayOfWeek time:Thursday ] .
:visit a defrel:Visit , schema:Event , prov:Activity ; defrel:visitor :shoigu ;
    defrel:destination :pakistan ; defrel:host :pakistan ; defrel:place :islamabad ;
    defrel:date :thu ; defrel:duration "P1D"^^xsd:duration ; defrel:aspect "completed" ;
    defrel:cameoCode "042" ; defrel:article :art ; defrel:evidence :ev1 .
:ev1 a defrel:Evidence , oa:Annotation ; oa:motivatedBy oa:describing ;
    oa:hasTarget [ a oa:SpecificResource ; oa:hasSource :art ;
      oa:hasSelector [ a oa:TextQuoteSelector ; oa:exact "visited Pakistan" ] ,
                     [ a oa:TextPositionSelector ; oa:start 10 ; oa:end 26 ] ] .
:ev2 a defrel:Evidence .
:meeting a defrel:Meeting ; defrel:participant :shoigu , :sharif ; defrel:partOfFact :visit ;
    defrel:isSeries false ; defrel:topic "security and defense cooperation" .
:minister a defrel:PostHolding , org:Membership ; defrel:holder :shoigu ;
    defrel:postOrganization :russia ; defrel:postTitle "Defense Minister" ; defrel:post :p .
:p a org:Post ; org:postIn :russia ; org:heldBy :shoigu .
:mou a defrel:Agreement ; defrel:party :russia , :pakistan ;
    defrel:agreementType "memorandum-of-understanding" ; defrel:underpins :partnership .
:signing a defrel:Signing ; defrel:signedAgreement :mou ; defrel:aspect "planned" ;
    defrel:certainty "hedged" ; defrel:before :deal .
:partnership a defrel:Partnership ; defrel:party :russia , :pakistan ; defrel:trend "growing" .
:rivalry a defrel:Rivalry ; defrel:party :india , :pakistan .
:deal a defrel:ArmsTransfer ; defrel:supplier :russia ; defrel:recipient :pakistan ;
    defrel:designation :mi35 ; defrel:weaponDescription "helicopter" ;
    defrel:numberOrdered [ a schema:QuantitativeValue ; schema:maxValue 4 ; schema:unitCode "C62" ;
                           defrel:qualifier "up to" ] ; defrel:orderDate :t2014 ;
    defrel:transferStatus "ordered" ; defrel:concurrentWith :courtship ;
    defrel:value [ a schema:MonetaryAmount ; schema:value 153.0 ; schema:currency "USD" ] .
:supply a defrel:ArmsSupplyRelation ; defrel:supplier :russia ; defrel:recipient :india ;
    defrel:magnitude "major" ; defrel:supplierRank "1"^^xsd:positiveInteger ;
    defrel:share [ a schema:QuantitativeValue ; schema:maxValue 75 ; schema:unitCode "P1" ;
                   defrel:qualifier "in certain years" ; defrel:approximate false ] .
:courtship a defrel:Courtship ; defrel:courter :russia ; defrel:courted :pakistan ;
    defrel:aim "a defense customer" ; defrel:accordingTo :dawn ; defrel:motivatedBy :ties .
:ties a defrel:Cooperation ; defrel:party :usa , :india .
:demand a defrel:ArmsDemand ; defrel:buyer :pakistan ; defrel:demandSource :russia .
:said a defrel:Statement ; defrel:speaker :officials ; defrel:about :mi35 ;
    defrel:stance "assurance" ; defrel:onBehalfOf :usa ; defrel:respondsTo :said0 .
:said0 a defrel:Statement ; defrel:speaker :shoigu ; defrel:addressee :sharif .
:report a defrel:Report ; defrel:reporter :dawn ; defrel:reports :courtship .
:op a defrel:MilitaryOperation ; schema:name "Zarb-e-Azb" ; defrel:conductedBy :army ;
    defrel:operationType "offensive" ; defrel:start :t2014 ; defrel:period "P2Y"^^xsd:duration .
:judged a defrel:Assessment ; defrel:subject :pakistan ; defrel:summary "Pakistan hedges." .
"""

# The kinds of 0.3.0, written as the mapper writes them.
NEW_KINDS_DATA = """
@prefix : <https://example.org/id/> .
:japan a defrel:Country . :mongolia a defrel:Country . :eu a defrel:InternationalOrganization .
:nato a defrel:InternationalOrganization . :cyprus a defrel:Country .
:maker a defrel:Company ; defrel:ownedBy :japan .
:yard a defrel:StateOwnedEnterprise ; defrel:ownedBy :japan ; defrel:partOf :japan .
:base a defrel:Facility ; defrel:facilityType "naval-base" ; defrel:operatedBy :navy ;
    defrel:locatedIn :japan .
:navy a defrel:MilitaryOrganization ; defrel:partOf :japan .
:shoal a defrel:WaterBody ; defrel:mentionedIn :art .
:halberd a defrel:Programme ; defrel:managedBy :maker ; defrel:evidence :ev .
:act a defrel:LegalInstrument ; defrel:instrumentType "regulation" ; defrel:issuedBy :eu .
:frigate a defrel:WeaponSystem ; defrel:weaponCategory "ships" ; defrel:manufacturer :yard .
:art a defrel:Article ; defrel:dateModified :t ; schema:sourceOrganization :maker ;
    schema:locationCreated :base ; schema:isAccessibleForFree true .
:t a time:Instant ; rdfs:label "last year"@en ; defrel:dateText "last year"@en ;
    defrel:vague false .
:ev a defrel:Evidence .
:contract a defrel:Agreement ; defrel:party :japan , :mongolia ; defrel:agreementType "contract" ;
    defrel:agreementStage "signed" ; defrel:covers :sale , :aid ; defrel:supersedes :loi .
:loi a defrel:Agreement ; defrel:party :japan , :mongolia ; defrel:agreementType "letter-of-intent" .
:ratified a defrel:AgreementStep ; defrel:stepOf :contract ; defrel:agreementStep "ratification" ;
    defrel:stepBy :mongolia ; defrel:after :signed .
:signed a defrel:Signing ; defrel:signedAgreement :contract ; defrel:signatory :japan .
:sale a defrel:ArmsTransfer ; defrel:supplier :japan ; defrel:recipient :mongolia ;
    defrel:designation :frigate ; defrel:underAgreement :contract ; defrel:endUser :navy ;
    defrel:numberDelivered [ a schema:QuantitativeValue ; schema:value 2 ; schema:unitCode "C62" ] ;
    defrel:firstDelivery :t ; defrel:financing "loan" , "grant" ; defrel:licensedProduction true ;
    defrel:productionSite :base ; defrel:cameoCode "163" .
:aid a defrel:MilitaryAid ; defrel:provider :japan ; defrel:recipient :mongolia ;
    defrel:aidType "equipment" ; defrel:system :frigate ; defrel:programme :halberd .
:course a defrel:Training ; defrel:trainer :japan ; defrel:trainee :navy ;
    defrel:numberTrained [ a schema:QuantitativeValue ; schema:minValue 40 ; defrel:approximate true ] .
:jv a defrel:Coproduction ; defrel:coproductionPartner :maker , :yard ; defrel:jointVenture :yard ;
    defrel:technologyTransfer true .
:drill a defrel:Exercise ; defrel:participant :japan , :mongolia ; defrel:host :mongolia ;
    defrel:observer :eu ; defrel:exerciseDomain "maritime" ; defrel:edition 3 ; defrel:place :shoal .
:access a defrel:BasingAccess ; defrel:basingUser :japan ; defrel:basingHost :mongolia ;
    defrel:facility :base ; defrel:accessType "port-calls" .
:listing a defrel:Sanction ; defrel:imposer :eu ; defrel:sanctionTarget :maker ;
    defrel:sanctionAction "imposed" ; defrel:measure "asset-freeze" ; defrel:legalBasis :act .
:ramming a defrel:Incident ; defrel:actor :navy ; defrel:incidentType "ramming" ;
    defrel:ploverType "COERCE" ; defrel:place :shoal .
:rally a defrel:Protest ; defrel:protester :cyprus ; defrel:against :japan .
:probe a defrel:Investigation ; defrel:investigator :eu ; defrel:investigatedFact :ramming .
:pullback a defrel:OtherEvent ; defrel:ploverType "RETREAT" ; defrel:actor :japan ;
    defrel:summary "Japan pulls back." .
:summit a defrel:Conference ; defrel:conferenceType "summit" ; defrel:host :japan ;
    defrel:invitee :cyprus .
:joins a defrel:Membership ; defrel:member :cyprus ; defrel:memberOf :nato ;
    defrel:membershipAction "joined" .
:expelled a defrel:ProgrammeParticipation ; defrel:programmeParticipant :maker ;
    defrel:programme :halberd ; defrel:participationAction "expelled" ; defrel:decidedBy :japan .
:warns a defrel:Threat ; defrel:speaker :japan ; defrel:threatened :maker ;
    defrel:threatenedFact :listing ; defrel:certainty "hedged" .
:asks a defrel:Demand ; defrel:speaker :eu ; defrel:demandedOf :japan ; defrel:demandText "stop" .
:invites a defrel:Invitation ; defrel:speaker :japan ; defrel:invitee :cyprus ;
    defrel:invitedTo :summit .
:says a defrel:Announcement ; defrel:speaker :japan ; defrel:announces :contract .
:condemns a defrel:Condemnation ; defrel:speaker :cyprus ; defrel:condemnedFact :ramming .
:welcomes a defrel:Endorsement ; defrel:speaker :eu ; defrel:endorsedFact :contract .
:refuses a defrel:Rejection ; defrel:speaker :japan ; defrel:rejectedFact :asks .
"""


def reason(tmp_path: Path, data: str = "") -> owlready2.World:
    """Load the ontology (plus Turtle data) into a fresh owlready2 World and run HermiT.

    owlready2 reads RDF/XML, OWL/XML and N-Triples, not Turtle, so rdflib converts.
    """
    g = Graph().parse(data=ONTOLOGY.read_text(encoding="utf-8"), format="turtle")
    if data:
        g.parse(data=PREFIXES + data, format="turtle")
    path = tmp_path / "defrel.nt"
    g.serialize(path, format="nt", encoding="utf-8")
    world = owlready2.World()
    world.get_ontology(path.as_uri()).load()
    assert isinstance(world[DEFREL + "Country"], owlready2.ThingClass)
    # xsd:duration (durations) and xsd:gYear (OWL-Time years) are outside the OWL 2
    # datatype map, which is all HermiT supports; it would refuse the file otherwise.
    owlready2.sync_reasoner(world, infer_property_values=False, debug=0,
                            ignore_unsupported_datatypes=True)  # fmt: skip
    return world


def test_hermit_finds_the_ontology_consistent_and_every_class_satisfiable(
    tmp_path: Path, graph: Graph
) -> None:
    world = reason(tmp_path)
    loaded = {c.iri for c in world.classes() if c.iri.startswith(DEFREL)}
    assert loaded == {str(c) for c in defrel_terms(graph, OWL.Class)}
    assert list(world.inconsistent_classes()) == []


def test_hermit_finds_typical_mapper_output_consistent(tmp_path: Path) -> None:
    world = reason(tmp_path, TYPICAL_DATA + NEW_KINDS_DATA)
    assert list(world.inconsistent_classes()) == []
    # what the reasoner adds: the inverse of covers, the speech act as a statement
    sale, contract = (world["https://example.org/id/" + n] for n in ("sale", "contract"))
    assert contract in sale.underAgreement
    assert world[DEFREL + "Statement"] in world["https://example.org/id/warns"].is_a or (
        world[DEFREL + "Statement"] in world["https://example.org/id/warns"].INDIRECT_is_a
    )


MISTAKES = {
    "person-and-country": "<urn:x> a defrel:Person , defrel:Country .",
    "event-and-relation": "<urn:x> a defrel:Visit , defrel:Alliance .",
    "fact-as-agent": "<urn:r> a defrel:Report . <urn:x> a defrel:Visit ; defrel:visitor <urn:r> .",
    "person-as-weapon": (
        "<urn:p> a defrel:Person . <urn:x> a defrel:ArmsTransfer ; defrel:designation <urn:p> ."
    ),
    "person-as-weapon-category-holder": (
        '<urn:p> a defrel:Person . <urn:p> defrel:weaponCategory "ships" .'
    ),
    # Added in 0.2.0.
    "post-held-by-a-country": "<urn:c> a defrel:Country . <urn:p> a org:Post ; org:heldBy <urn:c> .",
    "two-digests-of-one-article": '<urn:a> defrel:sha256 "00aa" , "00bb" .',
    "fact-part-of-itself": "<urn:x> defrel:partOfFact <urn:x> .",
    "same-as-joins-person-and-country": (
        "<urn:p> a defrel:Person ; owl:sameAs <urn:q> . <urn:q> a defrel:Country ."
    ),
    "visit-and-meeting": "<urn:x> a defrel:Visit , defrel:Meeting .",
    # Added in 0.3.0.
    "two-aspects": '<urn:x> defrel:aspect "planned" , "completed" .',
    "before-and-after-each-other": (
        "<urn:a> a defrel:Visit ; defrel:before <urn:b> . <urn:b> defrel:before <urn:a> ."
    ),
    "before-written-both-ways": (
        "<urn:a> a defrel:Visit ; defrel:before <urn:b> . <urn:a> defrel:after <urn:b> ."
    ),
    "agreement-covers-itself": "<urn:a> a defrel:Agreement ; defrel:covers <urn:a> .",
    "threat-and-demand": "<urn:x> a defrel:Threat , defrel:Demand .",
    "signing-and-step": "<urn:x> a defrel:Signing , defrel:AgreementStep .",
    "programme-as-visitor": (
        "<urn:p> a defrel:Programme . <urn:x> a defrel:Visit ; defrel:visitor <urn:p> ."
    ),
    "facility-as-organisation": "<urn:x> a defrel:Facility , defrel:Company .",
    "transfer-under-a-signing": (
        "<urn:s> a defrel:Signing . <urn:x> a defrel:ArmsTransfer ; defrel:underAgreement <urn:s> ."
    ),
    "exercise-as-relation": "<urn:x> a defrel:Exercise , defrel:BasingAccess .",
}


@pytest.mark.parametrize("data", MISTAKES.values(), ids=MISTAKES.keys())
def test_hermit_catches_mistakes(tmp_path: Path, data: str) -> None:
    with pytest.raises(owlready2.OwlReadyInconsistentOntologyError):
        reason(tmp_path, data)


# --- 6. versions and the terms others use ------------------------------------------------

ROOT = Path(__file__).resolve().parents[1]
CHANGELOG = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")


def changelog_section(version: str) -> str:
    match = re.search(rf"^## {re.escape(version)}\n(.*?)(?=^## |\Z)", CHANGELOG, re.M | re.S)
    assert match, f"CHANGELOG.md has no section ## {version}"
    return match[1]


def prior(graph: Graph) -> tuple[str, Graph]:
    iri = graph.value(ONTOLOGY_IRI, OWL.priorVersion)
    version = str(iri).rsplit("/", 1)[1]
    path = ROOT / "ontology" / "versions" / f"defrel-{version}.ttl"
    assert path.exists(), f"the prior version {version} is not kept in {path}"
    return version, Graph().parse(path, format="turtle")


def test_versions_follow_one_another(graph: Graph) -> None:
    version = str(graph.value(ONTOLOGY_IRI, OWL.versionInfo))
    assert graph.value(ONTOLOGY_IRI, OWL.versionIRI) == URIRef(f"{ONTOLOGY_IRI}/{version}")
    before, old = prior(graph)
    assert old.value(ONTOLOGY_IRI, OWL.versionInfo) == Literal(before)
    assert old.value(ONTOLOGY_IRI, OWL.versionIRI) == graph.value(ONTOLOGY_IRI, OWL.priorVersion)
    headings = re.findall(r"^## (\S+)$", CHANGELOG, re.M)
    assert headings[:2] == [version, before], "CHANGELOG.md: newest version first"


def test_the_changelog_names_every_changed_term(graph: Graph) -> None:
    from rdflib.compare import to_isomorphic

    version = str(graph.value(ONTOLOGY_IRI, OWL.versionInfo))
    _, old = prior(graph)
    section = changelog_section(version)
    subjects = {s for g in (old, graph) for s in g.subjects() if isinstance(s, URIRef)}
    changed = {
        s
        for s in subjects - {ONTOLOGY_IRI}
        if to_isomorphic(old.cbd(s)) != to_isomorphic(graph.cbd(s))
    }
    assert changed, "a new version with no change"
    names = {f"`{k}:{s[len(v):]}`" for s in changed for k, v in CONTEXT.items()
             if isinstance(v, str) and s.startswith(v) and len(s) > len(v)}  # fmt: skip
    missing = sorted(n for n in names if n not in section)
    assert len(names) >= len(changed) and not missing, f"not in CHANGELOG.md {version}: {missing}"


def terms_used_by_the_shapes() -> set[URIRef]:
    shapes = Graph().parse(data=(files("mapper.data") / "shapes" / "defrel-shapes.ttl").read_text(encoding="utf-8"), format="turtle")  # fmt: skip
    return {
        t for triple in shapes for t in triple if isinstance(t, URIRef) and t.startswith(DEFREL)
    }


def terms_used_by_the_mapper(seed: Path) -> set[URIRef]:
    from rdflib import Dataset

    dataset = Dataset()
    dataset.parse(seed / "dataset.nq", format="nquads")
    used = set()
    for _s, p, o, _g in dataset.quads():
        used.add(p)
        if p == RDF.type:
            used.add(o)
    for _, field in all_fields():
        used.add(expand(field.prop))
    for kind in KINDS.values():
        used |= {expand(c) for c in (kind.cls, kind.schema_cls) if c}
    used |= {expand(c) for pair in ENTITY_TYPES.values() for c in pair}
    return {t for t in used if not str(t).startswith(BUILTIN_NAMESPACES)}


def test_every_term_the_mapper_and_the_shapes_use_is_declared(graph: Graph, seed_dist) -> None:
    decl = {t for k in DECLARATION_TYPES for t in declared(graph, k)}
    used = terms_used_by_the_mapper(seed_dist) | terms_used_by_the_shapes()
    assert len(used) > 100
    assert sorted(used - decl) == []


def test_a_missing_term_is_found(graph: Graph, seed_dist) -> None:
    """The test above can fail: remove a term the mapper uses and it is named."""
    decl = {t for k in DECLARATION_TYPES for t in declared(graph, k)} - {expand("defrel:holder")}
    used = terms_used_by_the_mapper(seed_dist)
    assert sorted(used - decl) == [expand("defrel:holder")]
