"""The static site (``defrel site``): a page per resource with its documents, the article
text with every evidence span marked and linked, embedded JSON-LD a schema.org consumer
understands, escaping of user input, VoID, sitemap, and every relative link resolving."""

from __future__ import annotations

import json
import re
import sys
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, urljoin

import pytest
from conftest import MINI_FACTS, MINI_TEXT, ROOT, SEED_SLUG, SEEDS, write_article
from rdflib import RDF, Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCAT, VOID
from reference_pipeline import reference_site

from mapper.cli.main import main
from mapper.publish.render.describe import Catalogue
from mapper.publish.site.static import build_site
from mapper.rdf.vocab import DEFAULT_BASE, NS

SCHEMA, OA = NS["schema"], NS["oa"]
ARTICLE = f"article/{SEED_SLUG}"


class Page(HTMLParser):
    """The parts of a page the tests read: ids, links, JSON-LD scripts, the article text."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.scripts: list[tuple[str, str]] = []
        self.h1 = 0
        self.lang: str | None = None
        self.article_text, self.refs = "", []
        self._script: str | None = None
        self._in_text = self._in_ref = 0
        self.feed(text)

    def handle_starttag(self, tag, attrs) -> None:
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        if tag in ("a", "link") and "href" in a:
            self.links.append(a["href"])
        if tag == "html":
            self.lang = a.get("lang")
        self.h1 += tag == "h1"
        if tag == "script":
            self._script = a.get("type", "")
            self.scripts.append((self._script, ""))
        if "article-text" in (a.get("class") or "").split():
            self._in_text = 1
        elif self._in_text and tag == "div":
            self._in_text += 1
        if self._in_text and tag == "sup":
            self._in_ref += 1
            self.refs.append(None)
        if self._in_ref and tag == "a":
            self.refs[-1] = a["href"]

    def handle_endtag(self, tag) -> None:
        if tag == "script":
            self._script = None
        if self._in_text and tag == "div":
            self._in_text -= 1
        if self._in_text and tag == "sup":
            self._in_ref -= 1

    def handle_data(self, data) -> None:
        if self._script is not None:
            kind, text = self.scripts[-1]
            self.scripts[-1] = (kind, text + data)
        elif self._in_text and not self._in_ref:
            self.article_text += data


@cache
def page(site: Path, path: str) -> Page:
    return Page((site / path).read_text(encoding="utf-8"))


def jsonld_of(site: Path, path: str) -> dict:
    scripts = page(site, path).scripts
    assert [kind for kind, _ in scripts] == ["application/ld+json"], "one script: the JSON-LD"
    return json.loads(scripts[0][1])


def nodes(doc: dict) -> dict[str, dict]:
    return {n["@id"]: n for n in doc["@graph"]}


def types(node: dict) -> set[str]:
    found = node.get("@type", [])
    return {found} if isinstance(found, str) else set(found)


@pytest.fixture(scope="module")
def catalogue(seed_site: Path) -> Catalogue:
    return Catalogue.of(Dataset().parse(seed_site / "dataset.nq", format="nquads"))


# --- layout ---------------------------------------------------------------------------------


def test_every_resource_has_a_page_and_four_documents(seed_site: Path, catalogue) -> None:
    kinds = {"Article", "Person", "Country", "Visit", "Agreement", "ArmsTransfer", "Statement"}
    seen = set()
    for iri in catalogue.resources:
        path = str(iri).removeprefix(DEFAULT_BASE)
        for suffix in (".html", ".ttl", ".jsonld", ".nt", ".nq"):
            assert (seed_site / f"{path}{suffix}").is_file(), f"{path}{suffix}"
        seen |= {str(t).rsplit("#", 1)[-1] for t in catalogue.types(iri)}
    assert kinds <= seen
    pages = sorted(p.relative_to(seed_site).as_posix() for p in seed_site.rglob("*.html"))
    assert len(pages) == len(catalogue.resources) + 2  # and the home and ontology pages
    for name in ("dataset.nq", "dataset.ttl", "dataset.jsonld", "context.jsonld", "void.ttl"):
        assert (seed_site / name).is_file(), name
    assert (seed_site / "ontology.ttl").read_text(encoding="utf-8") == (
        SEEDS.parent / "ontology" / "defrel.ttl"
    ).read_text(encoding="utf-8")


def test_the_documents_of_a_resource_say_the_same(seed_site: Path, catalogue) -> None:
    for iri in sorted(catalogue.resources)[::7]:
        path = seed_site / str(iri).removeprefix(DEFAULT_BASE)
        turtle = Graph().parse(f"{path}.ttl", format="turtle")
        triples = Graph().parse(f"{path}.nt", format="nt")
        quads = Dataset().parse(f"{path}.nq", format="nquads")
        jsonld = Graph().parse(f"{path}.jsonld", format="json-ld")
        merged = Graph()
        for s, p, o, _ in quads.quads((None, None, None, None)):
            merged.add((s, p, o))
        assert len(turtle) > 3
        for other in (triples, merged, jsonld):
            assert isomorphic(turtle, other), iri
        assert (iri, RDF.type, None) in turtle


def test_a_description_holds_the_evidence_and_names_what_it_links_to(seed_site: Path) -> None:
    g = Graph().parse(seed_site / "entity" / "russia.ttl")
    russia = URIRef(f"{DEFAULT_BASE}entity/russia")
    exact = set(g.objects(None, OA.exact))
    assert Literal("Russia is a major arms exporter") in exact
    visit = URIRef(f"{DEFAULT_BASE}{ARTICLE}/fact/russia-pakistan-mou")
    assert (visit, None, russia) in g  # a fact it takes part in
    assert (visit, NS["rdfs"].label, None) in g and (visit, RDF.type, None) in g
    assert (russia, NS["owl"].sameAs, NS["wd"].Q159) in g


# --- pages ----------------------------------------------------------------------------------


def test_the_article_page_marks_every_quote_and_links_it_to_its_fact(
    seed_site: Path, catalogue
) -> None:
    article = page(seed_site, f"{ARTICLE}.html")
    body = catalogue.value(URIRef(DEFAULT_BASE + ARTICLE), SCHEMA.articleBody)
    assert article.article_text == str(body)  # the text exactly, marks and links around it
    annotations = [s for s in catalogue.out if OA.Annotation in catalogue.types(s)]
    assert len(article.refs) == len(annotations) == 90
    for href in article.refs:
        target, fragment = urldefrag(urljoin(f"{ARTICLE}.html", href))
        assert fragment in page(seed_site, target).ids, href
    visit = page(seed_site, f"{ARTICLE}/fact/shoigu-visit-pakistan.html")
    back = [h for h in visit.links if h.startswith(f"../../{SEED_SLUG}.html#ev-")]
    assert back and all(urldefrag(h)[1] in article.ids for h in back)


def test_pages_are_accessible_and_every_relative_link_resolves(seed_site: Path) -> None:
    for html in seed_site.rglob("*.html"):
        here = html.relative_to(seed_site).as_posix()
        parsed = page(seed_site, here)
        assert parsed.h1 == 1 and parsed.lang, here
        for href in parsed.links:
            if href.startswith(("http://", "https://")):
                continue
            target, fragment = urldefrag(urljoin(here, href))
            assert (seed_site / target).is_file(), f"{here}: {href}"
            if fragment and target.endswith(".html"):
                assert fragment in page(seed_site, target).ids, f"{here}: {href}"


def test_embedded_jsonld_is_one_object_typed_for_schema_org(seed_site: Path) -> None:
    """The page embeds the compact schema.org object (the full description is the .jsonld)."""
    art = jsonld_of(seed_site, f"{ARTICLE}.html")
    assert art["@id"] == DEFAULT_BASE + ARTICLE and art["@type"] == "NewsArticle"
    assert art["@context"]["@vocab"] == "https://schema.org/"
    assert art["@context"]["@language"] == "en" and "@version" not in art["@context"]
    assert art["headline"] == "Pakistan Courts Both US and Russia on Defense"
    about = {a["@id"]: a for a in art["about"]}
    pakistan = about[f"{DEFAULT_BASE}entity/pakistan"]
    assert pakistan == {"@id": pakistan["@id"], "@type": "Country", "name": "Pakistan",
                        "address": {"@id": pakistan["@id"] + "/address",
                                    "@type": "PostalAddress", "addressCountry": "PK"}}  # fmt: skip
    assert len(art["mentions"]) > 10
    person = jsonld_of(seed_site, "entity/sergei-shoigu.html")
    assert person["@type"] == "Person" and person["name"] == "Sergei Shoigu"
    event = jsonld_of(seed_site, f"{ARTICLE}/fact/shoigu-meets-nawaz-sharif.html")
    assert event["@type"] == "Event"
    assert event["location"]["@type"] == "City" and event["location"]["name"] == "Islamabad"
    assert {a["name"] for a in event["attendee"]} == {"Sergei Shoigu", "Nawaz Sharif"}
    full = json.loads((seed_site / f"{ARTICLE}.jsonld").read_text(encoding="utf-8"))
    assert "@graph" in full and art != full


HOSTILE = "Raheel </script><script>alert('x')</script> & <b>Sharif</b>"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    """A site whose label and article text hold markup, and whose visit has a precise date."""
    folder = tmp_path_factory.mktemp("hostile")
    text = MINI_TEXT.replace("Big News", "Big <i>News</i> & </script>", 1)
    facts = (
        MINI_FACTS.replace("headline: Big News", "headline: Big <i>News</i> & </script>")
        .replace("label: Raheel Sharif", f"label: {json.dumps(HOSTILE)}")
        .replace("date: Thursday", "date: 2014-11-20\n    places: [washington]")
    )
    write_article(folder / "in", facts, text)
    outcome = build_site([folder / "in"], out=folder / "site", base="https://example.org/news/")
    assert outcome.report.conforms, outcome.report.text()
    return folder / "site"


def test_labels_and_text_are_escaped_in_html_and_in_the_script(hostile_site: Path) -> None:
    for path in ("entity/raheel-sharif.html", "article/mini.html", "index.html"):
        html = (hostile_site / path).read_text(encoding="utf-8")
        assert "<script>alert" not in html and "<b>Sharif" not in html, path
        assert "<i>News" not in html, path
        assert html.count("</script>") == 1, path  # only the JSON-LD element's own end tag
    html = (hostile_site / "entity/raheel-sharif.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;b&gt;Sharif" in html
    assert "\\u003cscript\\u003ealert" in html
    person = jsonld_of(hostile_site, "entity/raheel-sharif.html")
    assert person["@id"] == "https://example.org/news/entity/raheel-sharif"
    assert person["name"] == HOSTILE
    article = page(hostile_site, "article/mini.html")
    assert article.article_text == MINI_TEXT.replace("Big News", "Big <i>News</i> & </script>", 1)


def test_an_event_with_a_date_carries_schema_dates(hostile_site: Path) -> None:
    visit = jsonld_of(hostile_site, "article/mini/fact/visit.html")
    assert visit["@id"] == "https://example.org/news/article/mini/fact/visit"
    assert visit["startDate"] == "2014-11-20"
    assert visit["@context"]["startDate"] == {
        "@id": "https://schema.org/startDate",
        "@type": "xsd:date",
    }
    place = visit["location"]
    assert place["name"] == "Washington" and place["@type"] == "City"


# --- dataset description --------------------------------------------------------------------


def test_void_describes_size_classes_examples_dumps_endpoint_licence(seed_site, catalogue) -> None:
    g = Graph().parse(seed_site / "void.ttl")
    ds = URIRef(f"{DEFAULT_BASE}void#dataset")
    assert (ds, RDF.type, VOID.Dataset) in g and (ds, RDF.type, DCAT.Dataset) in g
    assert g.value(ds, VOID.triples).toPython() == catalogue.triples == 2475
    assert g.value(ds, VOID.sparqlEndpoint) == URIRef(f"{DEFAULT_BASE}sparql")
    assert str(g.value(ds, VOID.uriSpace)) == DEFAULT_BASE
    assert g.value(ds, NS["dcterms"].license) == URIRef(
        "https://creativecommons.org/licenses/by/4.0/"
    )
    for dump in g.objects(ds, VOID.dataDump):
        assert (seed_site / str(dump).removeprefix(DEFAULT_BASE)).is_file(), dump
    examples = list(g.objects(ds, VOID.exampleResource))
    assert URIRef(DEFAULT_BASE + ARTICLE) in examples and len(examples) == 4
    partitions = {
        g.value(p, VOID["class"]): g.value(p, VOID.entities).toPython()
        for p in g.objects(ds, VOID.classPartition)
    }
    assert partitions[NS["defrel"].Visit] == 2 and partitions[SCHEMA.NewsArticle] == 1
    assert g.value(ds, VOID.classes).toPython() == len(partitions)


def test_the_sitemap_lists_every_page(seed_site: Path) -> None:
    text = (seed_site / "sitemap.xml").read_text(encoding="utf-8")
    urls = set(re.findall(r"<loc>(.*?)</loc>", text))
    pages = {DEFAULT_BASE + p.relative_to(seed_site).as_posix() for p in seed_site.rglob("*.html")}
    assert urls == (pages - {DEFAULT_BASE + "index.html"}) | {DEFAULT_BASE}


# --- commands -------------------------------------------------------------------------------


def test_site_command_builds_and_is_deterministic(runner, mini: Path, tmp_path: Path) -> None:
    outs = [tmp_path / "a", tmp_path / "b"]
    for out in outs:
        result = runner.invoke(main, ["site", str(mini), "--out", str(out), "--base", BASE])
        assert result.exit_code == 0, result.output
    assert result.output.startswith("Built a site of ")
    files = sorted(published(outs[0]))
    assert files == sorted(published(outs[1]))
    for name in files:
        assert (outs[0] / name).read_bytes() == (outs[1] / name).read_bytes(), name
    assert f"<loc>{BASE}entity/russia.html</loc>" in (outs[0] / "sitemap.xml").read_text()


BASE = "https://example.org/news/"


def published(site: Path) -> dict[str, bytes]:
    """Every file of a site by relative path, but the build's state in ``.defrel/`` (its
    manifests hold the inputs' modification times)."""
    return {
        p.relative_to(site).as_posix(): p.read_bytes()
        for p in site.rglob("*")
        if p.is_file() and not p.relative_to(site).as_posix().startswith(".defrel/")
    }


def test_site_command_refuses_bad_data_and_bad_base(runner, tmp_path: Path) -> None:
    facts = write_article(
        tmp_path / "in", MINI_FACTS.replace("recipient: united-states", "recipient: russia")
    )
    out = tmp_path / "out"
    result = runner.invoke(main, ["site", str(facts), "--out", str(out)])
    assert result.exit_code == 1 and "Does not conform" in result.output
    assert not out.exists()
    good = write_article(tmp_path / "good")
    result = runner.invoke(main, ["site", str(good), "--out", str(out), "--base", "ftp://x/"])
    assert result.exit_code == 2 and "base IRI 'ftp://x/'" in result.output


def test_embed_prints_what_the_page_embeds(runner, seed_site: Path) -> None:
    iri = f"{DEFAULT_BASE}entity/russia"
    data = str(seed_site / "dataset.nq")
    result = runner.invoke(main, ["embed", iri, "--data", data])
    assert result.exit_code == 0, result.output
    assert result.output.startswith('<script type="application/ld+json">\n')
    html = (seed_site / "entity" / "russia.html").read_text(encoding="utf-8")
    assert result.output in html
    for slug in ("russia", "entity/russia"):  # a slug names the resource too
        by_slug = runner.invoke(main, ["embed", slug, "--data", data])
        assert by_slug.exit_code == 0 and by_slug.output == result.output, by_slug.output
    full = runner.invoke(main, ["embed", "russia", "--profile", "full", "--data", data])
    assert full.exit_code == 0, full.output
    body = full.output.removeprefix('<script type="application/ld+json">\n')
    assert json.loads(body.removesuffix("</script>\n")) == json.loads(
        (seed_site / "entity" / "russia.jsonld").read_text(encoding="utf-8")
    )
    assert full.output not in html
    result = runner.invoke(main, ["embed", f"{DEFAULT_BASE}entity/atlantis", "--data", data])
    assert result.exit_code == 2
    assert "no resource 'https://w3id.org/defrel/data/entity/atlantis'" in result.output
    assert "hint: give the IRI (or slug, as entity/russia) of an article" in result.output


def test_the_shapes_are_published_and_stock_pyshacl_checks_the_data(seed_site: Path) -> None:
    """shapes.ttl is the package's shapes; stock pySHACL, given the ontology as its shapes
    file's header says (-e), finds the site's data conforming; without it, it would not."""
    import pyshacl

    from mapper.publish.site.static import shapes_text

    shapes = (seed_site / "shapes.ttl").read_text(encoding="utf-8")
    assert shapes == shapes_text() and "pyshacl -s shapes.ttl -e ontology.ttl" in shapes
    data = Graph().parse(seed_site / "dataset.ttl", format="turtle")
    shapes_graph = Graph().parse(data=shapes, format="turtle")
    ontology = Graph().parse(seed_site / "ontology.ttl", format="turtle")
    conforms, _, text = pyshacl.validate(data, shacl_graph=shapes_graph, ont_graph=ontology)
    assert conforms, text
    conforms, _, _ = pyshacl.validate(data, shacl_graph=shapes_graph)
    assert not conforms  # the reason the header says to pass the ontology
    home = (seed_site / "index.html").read_text(encoding="utf-8")
    assert 'href="shapes.ttl"' in home


# --- article by article, and incremental --------------------------------------------------

sys.path.insert(0, str(ROOT / "benchmarks"))
from corpus import generate  # noqa: E402

LICENSE = "https://creativecommons.org/licenses/by/4.0/"
BUILT = ("dataset.", "articles/", ".defrel", "context.jsonld")  # what `defrel build` writes
FIXED = ("ontology.", "style.css", "sitemap.xml", "shapes.ttl")  # not rendered from the data


def pages_of(site: Path, *, fixed: bool = False) -> dict[str, bytes]:
    """The files a site renders: pages, documents, VoID, home page (``fixed``: and the
    ontology's documents, the style sheet and the sitemap)."""
    skip = BUILT if fixed else BUILT + FIXED
    return {name: data for name, data in published(site).items() if not name.startswith(skip)}


def assert_is_the_reference(site: Path, base: str = DEFAULT_BASE) -> None:
    reference = reference_site(site / "dataset.nq", base=base, license=LICENSE)
    ours = pages_of(site)
    assert sorted(ours) == sorted(reference)
    for name, text in reference.items():
        assert ours[name] == text.encode("utf-8"), name


@pytest.fixture(scope="module")
def corpus_site(tmp_path_factory) -> tuple[Path, Path]:
    """Generated articles sharing states, people and weapons, with the mini article; a site."""
    folder = tmp_path_factory.mktemp("corpus")
    generate(folder / "in", articles=24, seed=11)
    write_article(folder / "in")
    outcome = build_site([folder / "in"], out=folder / "site", jobs=2)
    assert outcome.ok and outcome.articles == 25, outcome.report.text()
    return folder / "in", folder / "site"


def test_article_by_article_pages_are_the_whole_datasets(corpus_site) -> None:
    inputs, site = corpus_site
    assert_is_the_reference(site)
    about = json.loads((site / ".defrel" / "site.json").read_text(encoding="utf-8"))
    assert about["global"] is False  # rendered article by article, not from the whole


@pytest.fixture
def site_copy(corpus_site, tmp_path: Path) -> tuple[Path, Path]:
    import shutil

    inputs, site = corpus_site
    shutil.copytree(inputs, tmp_path / "in")
    shutil.copytree(site, tmp_path / "site")
    return tmp_path / "in", tmp_path / "site"


def rebuilt_is_full(inputs: Path, site: Path, tmp_path: Path, *, reused: int):
    before = pages_of(site, fixed=True)
    again = build_site([inputs], out=site, jobs=1)
    assert again.ok and again.reused == reused
    full = build_site([inputs], out=tmp_path / "full", jobs=1)
    assert full.ok and full.reused == 0
    assert published(site) == published(tmp_path / "full")
    after = pages_of(site, fixed=True)
    changed = {name for name, data in after.items() if before.get(name) != data}
    assert again.rendered == len(changed)  # every other page linked from the last build
    assert full.rendered == len(after)
    return changed


def test_editing_one_article_rewrites_only_the_pages_that_changed(site_copy, tmp_path) -> None:
    inputs, site = site_copy
    facts = inputs / "article-000007.facts.yaml"
    text = facts.read_text(encoding="utf-8")
    assert "- id: fact-1\n" in text
    facts.write_text(text.replace("- id: fact-1\n", "- id: fact-1\n  label: Edited\n", 1))
    changed = rebuilt_is_full(inputs, site, tmp_path, reused=24)
    assert "article/article-000007/fact/fact-1.html" in changed
    assert "index.html" in changed and "article/article-000003.html" not in changed
    assert 5 < len(changed) < len(pages_of(site)) / 4


def test_removing_and_adding_articles(site_copy, tmp_path) -> None:
    inputs, site = site_copy
    for suffix in (".facts.yaml", ".txt"):
        (inputs / f"article-000005{suffix}").unlink()
    write_article(inputs, MINI_FACTS.replace("max: 75", "max: 60"), slug="zz-new")
    changed = rebuilt_is_full(inputs, site, tmp_path, reused=24)
    assert "article/zz-new.html" in changed and not (site / "article/article-000005.html").exists()
    assert_is_the_reference(site)


def test_articles_naming_each_others_nodes_are_rendered_from_the_whole(tmp_path: Path) -> None:
    other = f"{BASE}article/one/elsewhere"  # an IRI below another article's
    write_article(tmp_path / "in", slug="one")
    facts = MINI_FACTS.replace("    label: Russia\n", f"    label: Russia\n    same_as: {other}\n")
    write_article(tmp_path / "in", facts, slug="two")
    outcome = build_site([tmp_path / "in"], out=tmp_path / "site", base=BASE)
    assert outcome.ok, outcome.report.text()
    about = json.loads((tmp_path / "site" / ".defrel" / "site.json").read_text(encoding="utf-8"))
    assert about["global"] is True
    assert_is_the_reference(tmp_path / "site", base=BASE)


def test_progress_goes_to_a_terminal_only(runner, mini: Path, tmp_path: Path) -> None:
    result = runner.invoke(main, ["site", str(mini), "--out", str(tmp_path / "s"), "--json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["articles"] == 1 and summary["pages"] > 5
    assert summary["files_written"] == len(pages_of(tmp_path / "s", fixed=True))
    assert result.stderr == ""


def test_progress_on_a_terminal(tmp_path: Path) -> None:
    import os
    import subprocess

    inputs = tmp_path / "in"
    for n in range(9):  # enough for worker processes
        write_article(inputs, slug=f"a{n}")
    leader, follower = os.openpty()
    command = [sys.executable, "-m", "mapper.cli.main", "site", str(inputs), "--out"]
    done = subprocess.run(
        [*command, str(tmp_path / "s")], stderr=follower, stdout=subprocess.PIPE, timeout=300
    )
    os.close(follower)
    shown = os.read(leader, 65536).decode()
    os.close(leader)
    assert done.returncode == 0 and done.stdout.startswith(b"Built a site of ")
    assert "articles: 9/9" in shown and "shared pages: " in shown, shown


def test_pages_missing_from_the_previous_site_are_rendered_again(site_copy, tmp_path) -> None:
    inputs, site = site_copy
    (site / "entity" / "state-000.html").unlink(missing_ok=True)
    shared = sorted((site / "entity").glob("*.nq"))[0]
    shared.unlink()
    (site / "article" / "article-000002.ttl").unlink()
    rebuilt_is_full(inputs, site, tmp_path, reused=25)  # no article changed
    assert shared.is_file() and (site / "article" / "article-000002.ttl").is_file()


def _side_files(site: Path) -> dict[str, dict]:
    folder = site / ".defrel" / "site"
    return {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in folder.glob("*.json")}


def test_removing_an_entitys_last_mention_takes_it_out_of_void(site_copy, tmp_path) -> None:
    from mapper.publish.site.totals import TOTALS, Totals

    inputs, site = site_copy
    sides = _side_files(site)
    mentions: dict[str, list[str]] = {}
    for slug, info in sides.items():
        for r in info["shared"]:
            mentions.setdefault(r, []).append(slug)
    alone = sorted((v[0], r) for r, v in mentions.items() if len(v) == 1)
    slug, entity = alone[0]  # an article that alone mentions some entity
    for suffix in (".facts.yaml", ".txt"):
        (inputs / f"{slug}{suffix}").unlink()
    before = (site / "void.ttl").read_text(encoding="utf-8")
    rebuilt_is_full(inputs, site, tmp_path, reused=24)  # VoID's figures are the full site's
    path = entity[len(DEFAULT_BASE) :]
    assert not (site / f"{path}.html").exists() and (site / "void.ttl").read_text() != before
    entities = (
        Graph().parse(site / "void.ttl").value(URIRef(f"{DEFAULT_BASE}void#dataset"), VOID.entities)
    )
    assert (
        int(entities)
        == Graph()
        .parse(tmp_path / "full" / "void.ttl")
        .value(URIRef(f"{DEFAULT_BASE}void#dataset"), VOID.entities)
        .toPython()
    )
    about = json.loads((site / ".defrel" / "site.json").read_text(encoding="utf-8"))
    kept = Totals.read(site, about["totals"])  # the totals kept: the sums of the side files
    summed = json.loads(Totals.of(_side_files(site)).dump())
    assert kept is not None and json.loads((site / TOTALS).read_bytes()) == summed


def test_an_edit_reads_the_side_files_of_the_articles_it_changes_only(
    site_copy, tmp_path, monkeypatch
) -> None:
    from mapper.publish.site import run as siterun

    inputs, site = site_copy
    read: list[str] = []

    def counting(path: Path):
        read.append(path.name)
        return real(path)

    real = siterun.read_json
    monkeypatch.setattr(siterun, "read_json", counting)
    facts = inputs / "article-000007.facts.yaml"
    text = facts.read_text(encoding="utf-8")
    facts.write_text(text.replace("- id: fact-1\n", "- id: fact-1\n  label: Edited\n", 1))
    assert build_site([inputs], out=site, jobs=1).reused == 24
    sides = [name for name in read if name.startswith("article-")]
    assert sides.count("article-000007.json") == 2 and len(sides) == 2  # before, after
    monkeypatch.undo()
    assert build_site([inputs], out=tmp_path / "full", jobs=1).ok
    assert published(site) == published(tmp_path / "full")


def test_totals_changed_by_hand_are_summed_anew(site_copy, tmp_path) -> None:
    from mapper.publish.site.totals import TOTALS

    inputs, site = site_copy
    totals = json.loads((site / TOTALS).read_text(encoding="utf-8"))
    totals["counts"]["foreign_lines"] = {}  # would miscount the union's triples
    (site / TOTALS).write_text(json.dumps(totals), encoding="utf-8")
    facts = inputs / "article-000007.facts.yaml"
    text = facts.read_text(encoding="utf-8")
    facts.write_text(text.replace("- id: fact-1\n", "- id: fact-1\n  label: Edited\n", 1))
    rebuilt_is_full(inputs, site, tmp_path, reused=24)


def test_into_a_new_folder_the_builds_workers_render_the_articles_pages(
    corpus_site, monkeypatch, tmp_path
) -> None:
    import mapper.publish.site.build as sitebuild

    inputs, _ = corpus_site
    rendered: list[str] = []
    real = sitebuild.render_built

    def counting(built, **kw):
        rendered.extend(slug for slug, *_ in built)
        return real(built, **kw)

    monkeypatch.setattr(sitebuild, "render_built", counting)  # (jobs=1: run here)
    fused = build_site([inputs], out=tmp_path / "fused", jobs=1)
    assert fused.ok and len(rendered) == 25 == fused.articles
    assert not (tmp_path / "fused" / "spool").exists()

    def without_pages(*args, pages=None, **kw):
        return real_build(*args, **kw)

    real_build = sitebuild.build_into
    monkeypatch.setattr(sitebuild, "build_into", without_pages)
    apart = build_site([inputs], out=tmp_path / "apart", jobs=1)
    assert apart.ok and len(rendered) == 25  # the site's own workers rendered them
    assert published(tmp_path / "fused") == published(tmp_path / "apart")
    assert fused.rendered == apart.rendered
