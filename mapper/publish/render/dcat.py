"""The dataset description as a DCAT-AP 3 catalogue, so that a data portal's harvester takes
it: a ``dcat:Catalog`` holding the dataset, its publisher and contact point, one distribution
per dump (access and download URL, media type, file type, licence, size, SHA-256 checksum),
and the SPARQL endpoint as a ``dcat:DataService``.

Each node that a DCAT-AP property expects to be of a class (a media type, a licence, a
standard, a theme) says so itself, since a harvester validates without fetching anything.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCAT, FOAF, SKOS, Namespace

from ...errors import InputError
from ...rdf.mint import slugify
from ...rdf.vocab import NS

__all__ = ["DUMPS", "DumpFile", "Publisher", "add_catalogue", "dump_file", "dumps_in"]

DCTERMS = NS["dcterms"]
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
SPDX = Namespace("http://spdx.org/rdf/terms#")
MEDIA = "https://www.iana.org/assignments/media-types/"
EU = "http://publications.europa.eu/resource/authority/"
# Dataset dumps in the site (the files of ``defrel build``): name -> (media type, EU file
# type, what it is)
DUMPS = {
    "dataset.nq": (
        "application/n-quads",
        "RDF_N_QUADS",
        "every triple, one named graph per article",
    ),
    "dataset.ttl": ("text/turtle", "RDF_TURTLE", "every triple, graphs merged"),
    "dataset.jsonld": ("application/ld+json", "JSON_LD", "every graph, compact JSON-LD"),
}
KEYWORDS = ("defence", "international relations", "arms transfers", "news", "linked data")
THEMES = {"INTR": "International issues", "GOVE": "Government and public sector"}  # EU themes
SPARQL_PROTOCOL = URIRef("https://www.w3.org/TR/sparql11-protocol/")


@dataclass(frozen=True)
class Publisher:
    """Who publishes the data, and whom to ask about it (a ``mailto:`` or web address)."""

    name: str
    url: str | None = None
    contact: str | None = None

    @classmethod
    def of(cls, *, base: str, name: str | None, url: str | None, contact: str | None) -> Publisher:
        """From the CLI's options; by default the base IRI's host names the publisher."""
        for given, option in ((url, "--publisher-url"), (contact, "--contact")):
            if given is not None and not _usable(given):
                raise InputError(
                    f"{option} {given!r} is not a web address or an e-mail address",
                    hint=f"e.g. {option} https://example.org/ or {option} data@example.org",
                )
        if contact and "@" in contact and ":" not in contact:
            contact = f"mailto:{contact}"
        parts = urlsplit(base)
        home = f"{parts.scheme}://{parts.netloc}/"
        return cls(name=name or parts.netloc, url=url or home, contact=contact or url or home)


def _usable(value: str) -> bool:
    parts = urlsplit(value)
    if parts.scheme in ("http", "https"):
        return bool(parts.netloc)
    if parts.scheme == "mailto" or ("@" in value and not parts.scheme):
        return "@" in value and " " not in value
    return False


@dataclass(frozen=True)
class DumpFile:
    """A dump's size in bytes and SHA-256 (hex)."""

    size: int
    sha256: str


def dump_file(data: bytes) -> DumpFile:
    return DumpFile(len(data), hashlib.sha256(data).hexdigest())


def dumps_in(folder: Path | None) -> dict[str, DumpFile]:
    """The dumps a ``defrel build`` folder holds, read in chunks (they may be gigabytes)."""
    found = {}
    for name in DUMPS if folder is not None else ():
        path = Path(folder) / name
        if path.is_file():
            digest = hashlib.sha256()
            with path.open("rb") as f:
                while chunk := f.read(1 << 20):
                    digest.update(chunk)
            found[name] = DumpFile(path.stat().st_size, digest.hexdigest())
    return found


def _typed(g: Graph, node: URIRef, cls: URIRef) -> URIRef:
    g.add((node, RDF.type, cls))
    return node


def add_catalogue(
    g: Graph,
    ds: URIRef,
    *,
    base: str,
    title: Literal,
    description: Literal,
    license: str,
    publisher: Publisher,
    dumps: dict[str, DumpFile] | None,
) -> None:
    """The DCAT-AP 3 description of dataset ``ds``: its catalogue, distributions and
    service, publisher and contact point.  ``dumps``: sizes and checksums, where known."""
    g.bind("vcard", VCARD)
    g.bind("spdx", SPDX)
    add = lambda s, p, o: g.add((s, p, o))  # noqa: E731
    node = lambda name: URIRef(f"{base}void#{name}")  # noqa: E731
    licence = _typed(g, URIRef(license), DCTERMS.LicenseDocument)
    home = _typed(g, URIRef(base), FOAF.Document)
    agent = _agent(g, node("publisher"), publisher)
    contact = _contact(g, node("contact"), publisher)
    catalog = _typed(g, node("catalog"), DCAT.Catalog)
    add(catalog, DCTERMS.title, title)
    add(catalog, DCTERMS.description, description)
    add(catalog, DCTERMS.publisher, agent)
    add(catalog, FOAF.homepage, home)
    add(catalog, DCTERMS.license, licence)
    add(catalog, DCAT.dataset, ds)
    for prop, value in ((DCTERMS.publisher, agent), (DCAT.contactPoint, contact)):
        add(ds, prop, value)
    add(ds, DCAT.landingPage, home)
    for word in KEYWORDS:
        add(ds, DCAT.keyword, Literal(word, lang="en"))
    scheme = _typed(g, URIRef(f"{EU}data-theme"), SKOS.ConceptScheme)
    add(scheme, DCTERMS.title, Literal("Data theme", lang="en"))
    add(catalog, DCAT.themeTaxonomy, scheme)
    for code, label in THEMES.items():
        theme = _typed(g, URIRef(f"{EU}data-theme/{code}"), SKOS.Concept)
        add(theme, SKOS.prefLabel, Literal(label, lang="en"))
        add(theme, SKOS.inScheme, scheme)
        add(ds, DCAT.theme, theme)
    add(ds, DCTERMS.language, _typed(g, URIRef(f"{EU}language/ENG"), DCTERMS.LinguisticSystem))
    service = _service(g, node("sparql"), base=base, title=title, ds=ds, licence=licence)
    add(catalog, DCAT.service, service)
    for name, (media, file_type, what) in DUMPS.items():
        url = _typed(g, URIRef(base + name), RDFS.Resource)
        dist = _typed(g, node(slugify(name)), DCAT.Distribution)
        add(ds, DCAT.distribution, dist)
        add(dist, DCAT.accessURL, url)
        add(dist, DCAT.downloadURL, url)
        add(dist, DCAT.mediaType, _typed(g, URIRef(MEDIA + media), DCTERMS.MediaType))
        kind = _typed(g, URIRef(f"{EU}file-type/{file_type}"), DCTERMS.MediaTypeOrExtent)
        add(dist, DCTERMS["format"], kind)
        add(dist, DCTERMS.title, Literal(f"{name}: {what}", lang="en"))
        add(dist, DCTERMS.license, licence)
        add(dist, DCAT.accessService, service)
        if dumps and name in dumps:
            found = dumps[name]
            add(dist, DCAT.byteSize, Literal(found.size, datatype=XSD.nonNegativeInteger))
            checksum = _typed(g, node(f"{slugify(name)}-sha256"), SPDX.Checksum)
            add(dist, SPDX.checksum, checksum)
            sha256 = _typed(g, SPDX.checksumAlgorithm_sha256, SPDX.ChecksumAlgorithm)
            add(checksum, SPDX.algorithm, sha256)
            add(checksum, SPDX.checksumValue, Literal(found.sha256, datatype=XSD.hexBinary))


def _agent(g: Graph, agent: URIRef, publisher: Publisher) -> URIRef:
    _typed(g, agent, FOAF.Agent)
    g.add((agent, FOAF.name, Literal(publisher.name)))
    if publisher.url:
        g.add((agent, FOAF.homepage, _typed(g, URIRef(publisher.url), FOAF.Document)))
    return agent


def _contact(g: Graph, contact: URIRef, publisher: Publisher) -> URIRef:
    _typed(g, contact, VCARD.Organization)
    _typed(g, contact, VCARD.Kind)
    g.add((contact, VCARD.fn, Literal(publisher.name)))
    address = publisher.contact or ""
    g.add(
        (
            contact,
            VCARD.hasEmail if address.startswith("mailto:") else VCARD.hasURL,
            URIRef(address),
        )
    )
    return contact


def _service(g: Graph, service: URIRef, *, base: str, title: Literal, ds, licence) -> URIRef:
    endpoint = _typed(g, URIRef(f"{base}sparql"), RDFS.Resource)
    _typed(g, service, DCAT.DataService)
    g.add((service, DCTERMS.title, Literal(f"{title}: SPARQL endpoint", lang="en")))
    g.add((service, DCAT.endpointURL, endpoint))
    # the endpoint answers a GET without a query with its SPARQL Service Description
    g.add((service, DCAT.endpointDescription, endpoint))
    g.add((service, DCAT.servesDataset, ds))
    g.add((service, DCTERMS.conformsTo, _typed(g, SPARQL_PROTOCOL, DCTERMS.Standard)))
    g.add((service, DCTERMS.license, licence))
    return service
