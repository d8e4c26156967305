"""``defrel ontology docs``: the reference page, loaded in headless Chromium from a local HTTP
server, shows every class and property of the ontology, and every internal link resolves."""

from __future__ import annotations

import functools
import http.server
import shutil
import subprocess
import threading
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit
from urllib.request import urlopen

import pytest
from conftest import SEEDS
from rdflib import OWL, RDF, BNode, Graph, URIRef

from mapper.checks.competency import competency_questions
from mapper.checks.validate import ontology_graph
from mapper.cli.main import main
from mapper.rdf.vocab import curie

OWN = "https://w3id.org/defrel/ontology#"
TERMS = 247  # the ontology's own classes and properties (0.3.1)
KINDS = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip


def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    assert found, (
        "headless Chromium is needed: run scripts/setup.sh --test (apt-get install chromium)"
    )
    return found


@pytest.fixture(scope="module")
def docs(tmp_path_factory) -> Path:
    from click.testing import CliRunner

    out = tmp_path_factory.mktemp("docs") / "ontology"
    result = CliRunner().invoke(
        main, ["ontology", "docs", "--out", str(out), "--examples", str(SEEDS)]
    )
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"Documented {TERMS} terms.\n")
    return out


@pytest.fixture(scope="module")
def server(docs: Path) -> Iterator[str]:
    """The docs folder over HTTP on 127.0.0.1 (a real browser, a real server, no network)."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

    handler = functools.partial(Quiet, directory=str(docs))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


class Page(HTMLParser):
    """The ids, links and text of a rendered DOM."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.hrefs: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        for key in ("href", "xlink:href"):
            if attrs.get(key):
                self.hrefs.append(attrs[key])

    def handle_data(self, data) -> None:
        self.text.append(data)


@pytest.fixture(scope="module")
def page(server: str, tmp_path_factory) -> Page:
    profile = tmp_path_factory.mktemp("chromium-profile")
    done = subprocess.run(
        [chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--dump-dom", server + "index.html"],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    parsed = Page()
    parsed.feed(done.stdout)
    assert "defrel: the defence relations ontology" in "".join(parsed.text), done.stdout[:500]
    return parsed


def ontology_terms() -> dict[URIRef, URIRef]:
    g = ontology_graph()
    return {t: k for k in KINDS for t in g.subjects(RDF.type, k) if isinstance(t, URIRef)}


def test_every_class_and_property_appears(page: Page) -> None:
    text = " ".join(page.text)
    terms = ontology_terms()
    own = [t for t in terms if t.startswith(OWN)]
    assert len(own) == TERMS
    missing = [t for t in own if t[len(OWN) :] not in page.ids or curie(t) not in text]
    assert not missing, missing
    external = [t for t in terms if not t.startswith(OWN) and str(t) not in text]
    assert not external, external


def test_every_internal_link_resolves(page: Page, server: str) -> None:
    internal = [h for h in page.hrefs if h.startswith("#")]
    assert len(internal) > 500
    broken = sorted({h for h in internal if h[1:] not in page.ids})
    assert not broken, broken
    files = {
        urlsplit(h).path for h in page.hrefs if not urlsplit(h).scheme and not h.startswith("#")
    }
    assert files == {"defrel.ttl", "defrel.jsonld", "defrel.rdf", "diagram.svg", "kinds.html"}
    for name in files:
        with urlopen(urljoin(server, name), timeout=10) as response:
            assert response.status == 200, name


def test_each_term_has_its_parts(docs: Path) -> None:
    html = (docs / "index.html").read_text(encoding="utf-8")
    for name in ("Visit", "holder", "GovernmentOfficial", "sha256"):
        section = html.split(f'<section class="term" id="{name}">')[1].split("</section>")[0]
        assert f"<code>{OWN}{name}</code>" in section  # the IRI
        assert 'class="definition">' in section
        assert "SHACL constraints" in section and "<pre" in section  # constraints, example
    visit = html.split('<section class="term" id="Visit">')[1].split("</section>")[0]
    assert 'href="#Event"' in visit and "dsh:VisitShape" in visit and "defrel:visitor" in visit
    official = html.split('<section class="term" id="GovernmentOfficial">')[1].split("</section>")[
        0
    ]
    assert "is inferred (defrel build --infer), not stated" in official
    assert "<em>some</em>" in official  # the definition, in Manchester syntax
    holder = html.split('<section class="term" id="holder">')[1].split("</section>")[0]
    assert "dsh:PostHoldingShape" in holder and "org:member" in holder


def test_version_licence_and_the_diagram(docs: Path, page: Page) -> None:
    text = " ".join(page.text)
    assert "0.3.1" in text and "https://w3id.org/defrel/ontology/0.3.0" in text
    assert "https://creativecommons.org/licenses/by/4.0/" in text
    svg = (docs / "diagram.svg").read_text(encoding="utf-8")
    classes = [t for t, k in ontology_terms().items() if k == OWL.Class and t.startswith(OWN)]
    for cls in classes:
        assert f'href="index.html#{cls[len(OWN) :]}"' in svg, cls
    assert "diagram" in page.ids and "contents" in page.ids


def test_the_ontology_downloads_in_three_syntaxes(docs: Path) -> None:
    for name, fmt in (
        ("defrel.ttl", "turtle"),
        ("defrel.jsonld", "json-ld"),
        ("defrel.rdf", "xml"),
    ):
        copy = Graph().parse(docs / name, format=fmt)
        assert len(copy) == len(ontology_graph()), name
        named = {t for t in ontology_graph() if not any(isinstance(n, BNode) for n in t)}
        assert named <= set(copy), name


def test_the_competency_questions_are_listed(page: Page) -> None:
    text = " ".join(page.text)
    for q in competency_questions():
        assert q.question in text, q.name
        assert f"cq-{q.name}" in page.ids


def test_without_examples_the_docs_refuse_with_a_hint(runner, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)  # no seeds/ here
    result = runner.invoke(main, ["ontology", "docs", "--out", str(tmp_path / "d")])
    assert result.exit_code == 2
    assert "seeds" in result.output and "--examples" in result.output


# --- the facts format, kind by kind -------------------------------------------------------


def section_of(html: str, ident: str, cls: str) -> str:
    return html.split(f'<section class="{cls}" id="{ident}">')[1].split("</section>")[0]


def test_each_kind_has_its_guide(docs: Path) -> None:
    """kinds.html: a section per kind with its class, PLOVER type, CAMEO code, fields, the
    minimum a fact needs and an example (the seed's own fact where there is one)."""
    from mapper.facts.kinds import KINDS

    html = (docs / "kinds.html").read_text(encoding="utf-8")
    for kind in KINDS.values():
        section = section_of(html, kind.name, "kind")
        assert f'href="index.html#{kind.cls[7:]}"' in section, kind.name
        assert "Minimum:" in section and '<pre class="yaml">' in section, kind.name
        for field in kind.fields:
            assert f"<code>{field.name}</code>" in section, (kind.name, field.name)
        if kind.plover:
            assert f'href="index.html#PLOVER_{kind.plover}"' in section, kind.name
        if kind.cameo:
            assert f"CAMEO code: <code>{kind.cameo}</code>" in section, kind.name
    visit = section_of(html, "visit", "kind")
    assert "pakistan-courts-us-and-russia-on-defense.facts.yaml" in visit
    assert "id: shoigu-visit-pakistan" in visit and "kind: visit" in visit
    sanction = section_of(html, "sanction", "kind")
    assert "Template (no example facts file" in sanction
    assert (
        "Minimum: the fields <code>imposer</code>, <code>targets</code>, <code>action</code>"
        in (sanction)
    )
    threat = section_of(html, "threat", "kind")  # a one-of requirement
    assert (
        "at least one of <code>threatened_action</code> or <code>threatened_fact</code>" in threat
    )
    assert 'href="index.html#Statement"' in threat  # a speech act is a kind of statement


def test_the_templates_are_facts_the_loader_takes(tmp_path: Path) -> None:
    """A template, its ids filled in, loads: the minimum it shows is the loader's minimum."""
    from mapper import load_corpus
    from mapper.facts.kinds import KINDS
    from mapper.publish.docs.kinds import template

    text = "the words of the article that say it."
    entities = "".join(
        f"  - id: id-of-{name}\n    type: {t}\n    label: {t}\n"
        f'    evidence: ["article"]\n'
        for name, t in (
            ("a-country", "Country"), ("one", "Country"), ("other", "Country"),
            ("a-weaponsystem", "WeaponSystem"), ("a-programme", "Programme"),
            ("a-facility", "Facility"), ("a-legalinstrument", "LegalInstrument"),
            ("a-company", "Company"), ("a-person", "Person"),
            ("an-organization", "Organization"),
        )
    )  # fmt: skip
    facts = "".join(
        template(k).replace("- id: ", "  - id: ").replace("\n  ", "\n    ")
        .replace("id-of-a-fact", "a-visit")
        for k in KINDS.values()
    )  # fmt: skip
    (tmp_path / "t.txt").write_text(text, encoding="utf-8")
    (tmp_path / "t.facts.yaml").write_text(
        "article:\n  headline: The words\nentities:\n" + entities + "facts:\n" + facts,
        encoding="utf-8",
    )
    articles = load_corpus([tmp_path])
    assert {f.kind for f in articles[0].facts} == set(KINDS)


def test_the_kinds_page_links_resolve(docs: Path) -> None:
    kinds = Page()
    kinds.feed((docs / "kinds.html").read_text(encoding="utf-8"))
    index = Page()
    index.feed((docs / "index.html").read_text(encoding="utf-8"))
    for href in kinds.hrefs:
        target = urlsplit(href)
        ids = kinds.ids if not target.path else index.ids
        assert not target.fragment or target.fragment in ids, href
    for href in index.hrefs:
        target = urlsplit(href)
        if target.path == "kinds.html" and target.fragment:
            assert target.fragment in kinds.ids, href


def test_new_terms_show_plover_cameo_and_deprecation(docs: Path) -> None:
    html = (docs / "index.html").read_text(encoding="utf-8")
    sanction = section_of(html, "Sanction", "term")
    assert 'href="#PLOVER_SANCTION"' in sanction and "<code>163</code>" in sanction
    assert 'href="kinds.html#sanction"' in sanction
    threat = section_of(html, "Threat", "term")
    assert 'href="#Statement"' in threat  # its superclass
    plover = section_of(html, "PLOVER_SANCTION", "term")
    assert 'href="#Sanction"' in plover  # the kinds that refine it
    modality = section_of(html, "modality", "term")
    assert "(deprecated)" in modality and "defrel:aspect" in modality
    covers = section_of(html, "covers", "term")
    assert 'href="#underAgreement"' in covers  # its inverse


def test_examples_are_whole_facts_as_written() -> None:
    """Each example cut from a facts file is one whole fact: it parses alone to a list of one
    fact of its kind, with the author's evidence (the corpus has one of almost every kind)."""
    import yaml

    from mapper.facts.kinds import KINDS
    from mapper.publish.docs.kinds import kind_examples

    found = kind_examples([SEEDS, SEEDS.parent / "tests" / "corpus"])
    assert len(found) >= len(KINDS) - 3, sorted(set(KINDS) - set(found))
    for kind, (source, text) in found.items():
        assert source.endswith(".facts.yaml"), kind
        (fact,) = yaml.safe_load(text)
        assert fact["kind"] == kind and fact["evidence"], kind
        assert not text.rstrip().endswith(":"), kind  # not cut in the middle of a value
