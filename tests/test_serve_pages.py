"""A resource that many others point at is described in pages (``describe.PAGE_SIZE`` of what
points at it each, ``{path}.page{n}.*``): the static site and ``serve --store`` make the same
pages, byte for byte, linked by rel="prev"/"next", and together they list everything."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import SEED_SLUG, SEEDS
from rdflib import Dataset, URIRef

from mapper.publish.render.describe import Catalogue
from mapper.rdf.vocab import NS

BASE = "https://w3id.org/defrel/data/"
DEFAULT_BASE = BASE
SIZE = 3  # small, so that the seed's entities have several pages
SUFFIXES = (".html", ".ttl", ".jsonld", ".nt", ".nq")


def _files(site: Path) -> dict[str, str]:
    return {
        p.relative_to(site).as_posix(): p.read_text(encoding="utf-8")
        for p in site.rglob("*")
        if p.is_file() and p.suffix in (*SUFFIXES, ".rdf") and ".defrel" not in p.parts
    }


@pytest.fixture(scope="module")
def paged_folder(tmp_path_factory) -> Path:
    """The seed's site with pages of SIZE (``site``), and its data loaded (``store``)."""
    from mapper.publish.site.static import build_site
    from mapper.stores.embedded import load_store

    folder = tmp_path_factory.mktemp("paged")
    built = build_site([SEEDS], out=folder / "site", base=BASE, page_size=SIZE, jobs=1)
    assert built.ok, built.report.text()
    load_store([folder / "site" / "dataset.nq"], store=folder / "store")
    return folder


def _store_site(store: Path):
    import pyoxigraph as ox

    from mapper.publish.serve.app import StoreSite
    from mapper.publish.site.static import DEFAULT_LICENSE
    from mapper.publish.store.read import EmbeddedSource

    return StoreSite(
        base=BASE,
        source=EmbeddedSource(ox.Store.read_only(str(store))),
        license=DEFAULT_LICENSE,
        query_timeout=5,
        page_size=SIZE,
    )


@pytest.fixture(scope="module")
def paged(paged_folder):
    """The seed's site's files, a StoreSite over its store, paged alike, and the catalogue."""
    folder = paged_folder
    site = _store_site(folder / "store")
    dataset = Dataset()
    dataset.parse(folder / "site" / "dataset.nq", format="nquads")
    return _files(folder / "site"), site, Catalogue.of(dataset)


def _paged_stems(files: dict[str, str]) -> dict[str, int]:
    """Resource path -> number of pages, for the resources with more than one."""
    found: dict[str, int] = {}
    for name in files:
        m = re.fullmatch(r"(.+)\.page([0-9]+)\.html", name)
        if m:
            found[m[1]] = max(found.get(m[1], 1), int(m[2]))
    return found


def test_the_site_and_the_server_make_the_same_pages(paged) -> None:
    files, site, _ = paged
    stems = _paged_stems(files)
    assert "entity/russia" in stems and stems["entity/russia"] >= 3
    for stem, pages in sorted(stems.items())[:6]:
        for page in range(1, pages + 1):
            here = stem if page == 1 else f"{stem}.page{page}"
            for suffix in SUFFIXES:
                assert site.document(stem, suffix, page) == files[here + suffix], here + suffix
        assert site.document(stem, ".html", pages + 1) is None
        assert f"{stem}.page{pages + 1}.html" not in files


def test_pages_link_in_order_and_list_every_referrer_once(paged) -> None:
    files, _, cat = paged
    stem = "entity/russia"
    pages = _paged_stems(files)[stem]
    iri = BASE + stem
    listed = []
    for page in range(1, pages + 1):
        here = stem if page == 1 else f"{stem}.page{page}"
        html = files[here + ".html"]
        nxt = re.search(r'<link rel="next" href="([^"]+)">', html)
        prev = re.search(r'<link rel="prev" href="([^"]+)">', html)
        want_next = f"russia.page{page + 1}.html" if page < pages else None
        assert (nxt[1] if nxt else None) == want_next
        want_prev = {1: None, 2: "russia.html"}.get(page, f"russia.page{page - 1}.html")
        assert (prev[1] if prev else None) == want_prev
        assert f"Page {page} of {pages}" in html
        nt = files[here + ".nt"]
        pattern = r"^<([^>]+)> <[^>]+> <" + re.escape(iri) + ">"
        found = set(re.findall(pattern, nt, re.M))
        keys = sorted(k for k in found if URIRef(k) in cat.resources)  # not its own evidence
        assert 1 <= len(keys) <= SIZE
        listed += keys
    assert listed == sorted(listed), "pages follow the order of the referrers' IRIs"
    node = URIRef(iri)
    pointing = sorted({str(q[0]) for q in cat.into[node] if q[0] in cat.resources and q[0] != node})
    assert listed == pointing, "every resource pointing at it is on exactly one page"


def test_a_resource_s_own_triples_are_on_its_first_page_only(paged) -> None:
    """A later page holds its referrers' links and names the resource (types, labels, url and
    address in those links' graphs, as any linked resource), not its own description again."""
    from mapper.publish.render.describe import CARRIED, SCHEMA

    files, _, cat = paged
    iri = URIRef(BASE + "entity/russia")
    own = {(str(p), str(o)) for _, p, o, _ in cat.out[iri]}
    first, later = Dataset(), Dataset()
    first.parse(data=files["entity/russia.nq"], format="nquads")
    later.parse(data=files["entity/russia.page2.nq"], format="nquads")
    assert {(str(p), str(o)) for _, p, o, _ in first.quads((iri, None, None, None))} == own
    said = {(p, o) for _, p, o, _ in later.quads((iri, None, None, None))}
    assert said and all(p in CARRIED or p == SCHEMA.address for p, _ in said)
    assert len(said) < len(own)
    pointing = {q[0] for q in later.quads((None, None, iri, None))}
    graphs = {g for _, _, _, g in later.quads((None, None, iri, None))}
    assert pointing and {g for _, _, _, g in later.quads((iri, None, None, None))} <= graphs


def _shared_states_site(folder: Path) -> None:
    """12 generated articles that share states (``folder/in``) and their site, paged by SIZE
    (``folder/site``)."""
    import sys

    from conftest import ROOT

    from mapper.publish.site.static import build_site

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from corpus import generate

    generate(folder / "in", articles=12, seed=5)
    built = build_site([folder / "in"], out=folder / "site", page_size=SIZE, jobs=1)
    assert built.ok, built.report.text()


def test_the_per_article_site_pages_shared_resources_as_the_whole_dataset_does(
    tmp_path: Path,
) -> None:
    """Generated articles sharing states: the site, rendered article by article, pages them
    as one Catalogue of the whole dataset does; after an edit, the rebuilt site is the full
    build's, byte for byte, and the sitemap lists every page."""
    import shutil

    from reference_pipeline import reference_site

    from mapper.publish.site.static import DEFAULT_LICENSE, build_site

    _shared_states_site(tmp_path)
    files = _files(tmp_path / "site")
    stems = _paged_stems(files)
    assert any(n >= 3 for n in stems.values()), stems
    reference = reference_site(
        tmp_path / "site" / "dataset.nq",
        base=DEFAULT_BASE,
        license=DEFAULT_LICENSE,
        page_size=SIZE,
    )
    wanted = {n: t for n, t in reference.items() if n.endswith((*SUFFIXES, ".rdf")) and "/" in n}
    assert {n: files[n] for n in wanted} == wanted
    assert not {n for n in files if "/" in n and ".page" in n} - set(wanted)
    sitemap = (tmp_path / "site" / "sitemap.xml").read_text(encoding="utf-8")
    for stem, pages in stems.items():
        assert f"{stem}.page{pages}.html<" in sitemap
    facts = sorted((tmp_path / "in").glob("*.facts.yaml"))[3]
    text = facts.read_text(encoding="utf-8")
    facts.write_text(text.replace("- id: fact-1\n", "- id: fact-1\n  label: Edited\n", 1))
    shutil.copytree(tmp_path / "in", tmp_path / "in2")
    again = build_site([tmp_path / "in"], out=tmp_path / "site", page_size=SIZE, jobs=1)
    full = build_site([tmp_path / "in2"], out=tmp_path / "full", page_size=SIZE, jobs=1)
    assert again.ok and full.ok and again.reused == 11
    assert _files(tmp_path / "site") == _files(tmp_path / "full")


def test_a_document_is_rendered_once_however_large(paged, monkeypatch) -> None:
    """Kept compressed: the largest document of the seed (its article's N-Quads) is rendered
    once, then answered from the cache, the same text; another one is rendered anew."""
    from mapper.publish.serve import app

    _, site, _ = paged
    renders = []
    render = site._render
    monkeypatch.setattr(site, "_render", lambda *a: renders.append(a) or render(*a))
    monkeypatch.setattr(app, "CACHED_BYTES", 256 * 1024)
    monkeypatch.setattr(app, "CACHED_ENTRY", 64 * 1024)
    site.replace_source(site.source, site.describe_dataset)  # forget what other tests read
    stem = f"article/{SEED_SLUG}"
    first = site.document(stem, ".nq")
    assert len(first) > 64 * 1024, "larger, uncompressed, than a cache entry may be"
    assert site.cached(stem, ".nq") == first and site.document(stem, ".nq") == first
    assert len(renders) == 1
    assert site.document(stem, ".ttl") and len(renders) == 2


@pytest.mark.parametrize(
    "stem",
    ["entity/x> } ASK {", 'entity/a"b', "entity/a b", "entity/{x}", "entity/%ZZ", "entity/a\x9cb"],
)
def test_a_path_that_is_no_iri_names_no_resource(paged, stem: str) -> None:
    """A request's path goes into the store's queries only if it can be an IRI there."""
    _, site, _ = paged
    assert site.resource(stem) is None


def test_a_store_opened_again_to_bound_memory_gives_the_same_pages(paged, paged_folder) -> None:
    """``store.memory``: a server whose memory grew opens its store again, and goes on
    rendering the same bytes (here it is made to reopen before every rendering)."""
    import itertools

    import pyoxigraph as ox

    from mapper.publish.store.memory import StoreMemory

    files, _, _ = paged
    site = _store_site(paged_folder / "store")
    handles = []

    def reopen() -> bool:
        handles.append(site.source.store)
        site.source.store = ox.Store.read_only(str(paged_folder / "store"))
        return True

    growing = itertools.count(0, 1 << 30)  # every look: a GiB more than the last
    site.memory = StoreMemory(reopen, budget=1, measure=lambda: next(growing))
    stems = sorted(_paged_stems(files))[:3]
    for stem in stems:
        for suffix in SUFFIXES:
            assert site.document(stem, suffix) == files[stem + suffix], stem + suffix
    assert site.memory.reopened == len(stems) * len(SUFFIXES)
    assert len({id(h) for h in handles}) == len(handles)  # a new handle each time


@pytest.fixture(scope="module")
def shared_states(tmp_path_factory) -> Path:
    """Generated articles that share states (each with its address, in every article that
    names it): their site, and their data loaded into a store."""
    from mapper.stores.embedded import load_store

    folder = tmp_path_factory.mktemp("shared")
    _shared_states_site(folder)
    load_store([folder / "site" / "dataset.nq"], store=folder / "store")
    return folder


def test_a_store_of_many_articles_serves_the_sites_bytes(shared_states: Path) -> None:
    """Every page and document of a site of articles sharing states, rendered from the store
    (where each state and its address are in every article's graph), is the site's file."""
    files = _files(shared_states / "site")
    site = _store_site(shared_states / "store")
    checked = 0
    for name, text in sorted(files.items()):
        stem, _, suffix = name.rpartition(".")
        m = re.fullmatch(r"(.+)\.page([0-9]+)", stem)
        path, page = (m[1], int(m[2])) if m else (stem, 1)
        if "/" not in path or path.startswith("articles/"):
            continue  # the home page, VoID, the ontology, the build's dumps: no resource's
        assert site.document(path, "." + suffix, page) == text, name
        checked += 1
    assert checked > 500


@pytest.fixture(params=["embedded", "remote"])
def shared_source(request, shared_states: Path, tmp_path: Path):
    """The shared states' data as a ``QuadSource``: the embedded store, or an Oxigraph server
    read over the SPARQL Protocol (``serve --endpoint``'s)."""
    import pyoxigraph as ox

    from mapper.publish.store.read import EmbeddedSource

    if request.param == "embedded":
        yield EmbeddedSource(ox.Store.read_only(str(shared_states / "store")))
        return
    from stores import oxigraph_source

    (tmp_path / "oxigraph").mkdir()
    with oxigraph_source([shared_states / "site" / "dataset.nq"], tmp_path / "oxigraph") as remote:
        yield remote


def test_a_link_carries_the_address_of_its_own_graph_only(shared_states, shared_source) -> None:
    """A fact that names a state reads the state's address in its own article's graph, not in
    each of the articles that name the state (at 100,000 articles: 5,000 quads a page)."""
    from mapper.publish.store.read import ADDRESS, neighbourhood_quads

    source = shared_source
    dataset = Dataset()
    dataset.parse(shared_states / "site" / "dataset.nq", format="nquads")
    graphs_of: dict = {}  # an address -> the graphs it is in
    for _, _, address, g in dataset.quads((None, ADDRESS, None, None)):
        graphs_of.setdefault(address, set()).add(g)
    shared = {a for a, graphs in graphs_of.items() if len(graphs) > 1}
    assert shared, "the corpus names a state in several articles"
    facts = sorted(
        {
            (s, g)
            for s, _, o, g in dataset.quads((None, None, None, None))
            if re.fullmatch(r".+/fact/fact-[0-9]+", str(s))
            and isinstance(o, URIRef)
            and URIRef(f"{o}/address") in shared
        }
    )
    assert facts
    for fact, graph in facts[:10]:
        quads = neighbourhood_quads(source, fact)
        addressed = {q[3] for q in quads if str(q[0]).endswith("/address") and q[3] is not None}
        assert addressed == {graph}, fact


def test_a_later_page_shows_and_reads_none_of_the_resource_s_own_statements(
    shared_states, shared_source
) -> None:
    """A state's later pages list what points at it: its own statements (restated in each
    article's graph, with a ``mentionedIn`` link to each article) are on its first page,
    in the HTML as in the documents, and the server does not read them for a later page."""
    from mapper.publish.store.read import neighbourhood

    files = _files(shared_states / "site")
    stems = _paged_stems(files)
    state = next(s for s in sorted(stems) if s.startswith("entity/") and stems[s] >= 2)
    iri = URIRef(BASE + state)
    mentioned = URIRef(str(NS["defrel"].mentionedIn))
    first = neighbourhood(shared_source, iri, 1, SIZE)
    later = neighbourhood(shared_source, iri, 2, SIZE)
    assert any(q[1] == mentioned for q in first.out[iri])
    assert not any(q[1] == mentioned for q in later.out.get(iri, ()))
    assert later.label(iri) == first.label(iri) and later.types(iri) == first.types(iri)
    assert 'id="properties"' in files[f"{state}.html"] and "mentionedIn" in files[f"{state}.html"]
    page2 = files[f"{state}.page2.html"]
    assert 'id="properties"' not in page2 and "mentionedIn" not in page2
    name = state.rsplit("/", 1)[1]
    assert f'Its properties and evidence are on <a href="{name}.html">its first page</a>' in page2
