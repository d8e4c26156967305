"""Map articles to an rdflib Dataset: one named graph per article, IRIs only, provenance on
every fact (the article, the quotes as Web Annotations, PROV-O derivation)."""

from __future__ import annotations

from rdflib import Dataset, Graph, Literal, URIRef

from ..facts.kinds import ARTICLE_FIELDS, COMMON_FIELDS, ENTITY_FIELDS, ENTITY_TYPES, KINDS, Field
from ..facts.model import Article, Entity, Fact, Quantity, Value
from ..facts.when import When
from .mint import Minter
from .nodes import add_evidence, add_quantity, add_time, precise_date
from .schemaorg import (
    add_address,
    add_article,
    add_event,
    add_membership,
    add_parent,
    add_post,
    fact_name,
)
from .vocab import DEFAULT_BASE, NS, OWL, RDF, RDFS, XSD, expand

__all__ = ["map_article", "map_articles"]

DEFREL, SCHEMA, PROV, ORG, SKOS = NS["defrel"], NS["schema"], NS["prov"], NS["org"], NS["skos"]
# Language-tagged: names and prose meant for people (labels, schema.org text). Plain strings:
# defrel's own text properties (their range is xsd:string, so a reasoner accepts them) and codes.
PLAIN_TEXT = {"cameo", "language"}


class _ArticleMapper:
    """Writes one article's triples into its own graph."""

    def __init__(self, article: Article, minter: Minter, graph: Graph) -> None:
        self.a, self.m, self.g = article, minter, graph
        self.iri = minter.article(article.slug)
        lang = article.metadata.get("language", "en")
        self.lang = lang if isinstance(lang, str) else "en"
        self.labels = {e.id: str(e.values["label"]) for e in article.entities}
        self.entities = {e.id: e for e in article.entities}
        local = article.local_ids
        self.entity_iri = minter.entities_of(article.slug, local)  # every entity IRI: here
        self.post_iri = minter.posts_of(article.slug, local)

    def add(self, s: URIRef, p: URIRef, o) -> None:
        self.g.add((s, p, o))

    def field(
        self, subject: URIRef, field: Field, value: Value, *, event: bool, has_start: bool = False
    ) -> None:
        prop = expand(field.prop)
        items = value if isinstance(value, tuple) else (value,)
        for item in items:
            self.add(subject, prop, self.term(subject, field, item))
        if event and field.name == "places":
            for item in items:
                self.add(subject, SCHEMA.location, self.entity_iri(item))
        if event and isinstance(value, When) and field.name in ("date", "start", "end"):
            if field.name == "date" and has_start:
                return
            literal = precise_date(value)
            if literal is not None:
                date_prop = SCHEMA.endDate if field.name == "end" else SCHEMA.startDate
                self.add(subject, date_prop, literal)

    def term(self, subject: URIRef, field: Field, item) -> URIRef | Literal:
        shape = field.shape
        if shape in ("entity", "entities"):
            return self.entity_iri(item)
        if shape in ("fact", "facts"):
            return self.m.fact(self.a.slug, item)
        if shape == "when":
            anchor = item.counted_from and self.m.fact(self.a.slug, item.counted_from)
            return add_time(
                self.g,
                subject,
                field.name,
                item,
                self.lang,
                article=self.iri,
                anchor=anchor or None,
            )
        if shape in ("quantity", "count"):
            assert isinstance(item, Quantity)
            return add_quantity(self.g, subject, field.name, item)
        if shape == "duration":
            return Literal(item, datatype=XSD.duration)
        if shape == "integer":
            return Literal(item, datatype=XSD.positiveInteger)
        if shape in ("text", "texts"):
            if field.name in ("url", "image_url"):
                return Literal(item, datatype=XSD.anyURI)
            if field.name in PLAIN_TEXT or field.prop.startswith("defrel:"):
                return Literal(item)
            return Literal(item, lang=self.lang)
        return Literal(item)  # boolean, choice

    def article(self) -> None:
        s, meta = self.iri, self.a.metadata
        self.add(s, RDF.type, DEFREL.Article)
        self.add(s, RDF.type, SCHEMA.NewsArticle)
        self.add(s, SCHEMA.inLanguage, Literal(self.lang))
        self.add(s, SCHEMA.articleBody, Literal(self.a.text, lang=self.lang))
        self.add(s, DEFREL.sha256, Literal(self.a.sha256))
        for field in ARTICLE_FIELDS:
            if field.name in meta and field.name not in ("language", "image_credit", "image_url"):
                self.field(s, field, meta[field.name], event=False)
        credit, url = meta.get("image_credit"), meta.get("image_url")
        image = None
        if isinstance(credit, str) or isinstance(url, str):
            image = Minter.below(s, "image")
            self.add(s, SCHEMA.image, image)
            self.add(image, RDF.type, SCHEMA.ImageObject)
            if isinstance(credit, str):
                self.add(image, SCHEMA.creditText, Literal(credit, lang=self.lang))
            if isinstance(url, str):
                self.add(image, SCHEMA.contentUrl, Literal(url, datatype=XSD.anyURI))
        add_article(self.g, s, meta, page=f"{s}.html", image=image)

    def entity(self, e: Entity) -> None:
        s = self.entity_iri(e.id)
        cls, schema_cls = ENTITY_TYPES[e.type]
        self.add(s, RDF.type, expand(cls))
        self.add(s, RDF.type, expand(schema_cls))
        for field in ENTITY_FIELDS:
            if field.name in e.values:
                self.field(s, field, e.values[field.name], event=False)
        self.add(s, SCHEMA.name, Literal(e.values["label"], lang=self.lang))
        for alias in e.values.get("aliases", ()):
            self.add(s, SCHEMA.alternateName, Literal(alias, lang=self.lang))
        for same in e.same_as:
            target = expand(same) if same.startswith("wd:") else URIRef(same)
            self.add(s, OWL.sameAs, target)
            self.add(s, SCHEMA.sameAs, target)
        add_address(self.g, s, e, self.entities, self.lang)
        add_parent(self.g, s, e, self.entities, self.entity_iri)
        self.add(s, DEFREL.mentionedIn, self.iri)
        self.add(self.iri, SCHEMA.mentions, s)
        add_evidence(self.g, s, Minter.below(self.iri, "entity", e.id), e.evidence, self.iri)

    def fact(self, f: Fact) -> None:
        kind = KINDS[f.kind]
        s = self.m.fact(self.a.slug, f.id)
        self.add(s, RDF.type, expand(kind.cls))
        if kind.schema_cls:
            self.add(s, RDF.type, expand(kind.schema_cls))
        event = kind.schema_cls == "schema:Event"
        label = f.values.get("label") or f.id.replace("-", " ")
        self.add(s, RDFS.label, Literal(label, lang=self.lang))
        if "name" not in f.values:  # a name: field maps to schema:name itself
            self.add(s, SCHEMA.name, Literal(fact_name(kind, f, self.labels), lang=self.lang))
        if event:
            add_event(self.g, s, kind, f, self.entity_iri)
            add_membership(self.g, f, self.entity_iri)
        for field in COMMON_FIELDS + kind.fields:
            if field.name in f.values and field.name not in ("label", "cameo"):
                self.field(
                    s, field, f.values[field.name], event=event, has_start="start" in f.values
                )
        cameo = f.values.get("cameo") or kind.cameo
        if cameo:
            self.add(s, DEFREL.cameoCode, Literal(cameo))
        self.add(s, DEFREL.article, self.iri)
        # prov:wasInfluencedBy, not wasDerivedFrom: events are also prov:Activity, and PROV-O
        # keeps derivation for entities. The evidence annotations are derived from the article.
        self.add(s, PROV.wasInfluencedBy, self.iri)
        if f.kind == "post":
            self.post(s, f)
        add_evidence(self.g, s, s, f.evidence, self.iri)

    def post(self, s: URIRef, f: Fact) -> None:
        """The org:Post itself, shared by every article naming the same post (the article's
        own if its organisation is)."""
        holder, org, title = (f.values[k] for k in ("holder", "organization", "title"))
        assert isinstance(holder, str) and isinstance(org, str) and isinstance(title, str)
        entity = self.entity_iri
        post = self.post_iri(org, title)
        self.add(s, DEFREL.post, post)
        self.add(post, RDF.type, ORG.Post)
        self.add(post, RDFS.label, Literal(title, lang=self.lang))
        self.add(post, ORG.postIn, entity(org))
        self.add(post, ORG.heldBy, entity(holder))
        self.add(entity(holder), ORG.holds, post)
        add_post(self.g, s, post, entity(holder), entity(org), f.values, self.lang)


def map_article(article: Article, *, minter: Minter, graph: Graph) -> None:
    """Add the triples of one article to ``graph`` (its named graph)."""
    minter.check_slug(article.slug)
    mapper = _ArticleMapper(article, minter, graph)
    mapper.article()
    for entity in article.entities:
        mapper.entity(entity)
    for fact in article.facts:
        mapper.fact(fact)


def map_articles(articles: list[Article], *, base: str = DEFAULT_BASE) -> Dataset:
    """Map articles to a Dataset with one named graph per article, and our prefixes bound."""
    minter = Minter(base)
    dataset = Dataset()
    bind_prefixes(dataset)
    dataset.bind("data", base)
    for article in articles:
        map_article(article, minter=minter, graph=dataset.graph(minter.graph(article.slug)))
    return dataset


def bind_prefixes(graph: Graph) -> None:
    """Bind the context's prefixes (replacing rdflib's defaults for the same namespaces)."""
    for prefix, ns in NS.items():
        graph.bind(prefix, ns, replace=True, override=True)
