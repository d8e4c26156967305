"""A resource that many others point at is described in pages (``describe.PAGE_SIZE`` of what
points at it each, ``{path}.page{n}.*``): the static site and ``serve --store`` make the same
pages, byte for byte, linked by rel="prev"/"next", and together they list everything."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import SEEDS
from rdflib import URIRef

from mapper.publish.describe import Catalogue

BASE = "https://w3id.org/defrel/data/"
SIZE = 3  # small, so that the seed's entities have several pages
SUFFIXES = (".html", ".ttl", ".jsonld", ".nt", ".nq")


@pytest.fixture(scope="module")
def paged(seed_dist: Path, tmp_path_factory):
    """The seed's site files with pages of SIZE, and a StoreSite over its store, paged alike."""
    import pyoxigraph as ox

    from mapper.builder.pipeline import build_dataset
    from mapper.publish.app import StoreSite
    from mapper.publish.fromstore import EmbeddedSource
    from mapper.publish.site import DEFAULT_LICENSE, site_files
    from mapper.stores.embedded import load_store

    dataset, graphs = build_dataset([SEEDS], base=BASE)
    files = site_files(dataset, graphs, base=BASE, page_size=SIZE)
    store = tmp_path_factory.mktemp("paged") / "store"
    load_store([seed_dist / "dataset.nq"], store=store)
    site = StoreSite(
        base=BASE,
        source=EmbeddedSource(ox.Store.read_only(str(store))),
        license=DEFAULT_LICENSE,
        query_timeout=5,
        page_size=SIZE,
    )
    return files, site, Catalogue.of(dataset)


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
