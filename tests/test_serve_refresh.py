"""``defrel serve --store`` notices a ``defrel load`` into its store and serves the new data
without a restart: pages, documents, the home page and sitemap (made anew) and the SPARQL
endpoint (its workers are replaced)."""

from __future__ import annotations

import time
from pathlib import Path
from urllib.parse import urlencode

from test_serve_store import Client, serving

from mapper.publish.store.refresh import StoreWatch

BASE = "https://w3id.org/defrel/data/"
PROBE = "entity/refresh-probe"
PROBE_NQ = (
    f"<{BASE}{PROBE}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
    f"<https://schema.org/Country> <{BASE}graph/refresh-probe> .\n"
    f'<{BASE}{PROBE}> <https://schema.org/name> "Probeland"@en <{BASE}graph/refresh-probe> .\n'
    f"<{BASE}{PROBE}> <https://w3id.org/defrel/ontology#allyOf> <{BASE}entity/russia> "
    f"<{BASE}graph/refresh-probe> .\n"
)


def _ask(client: Client, iri: str) -> bytes:
    query = urlencode({"query": f"ASK {{ <{iri}> ?p ?o }}"})
    status, _, body = client.get(f"sparql?{query}", accept="application/sparql-results+json")
    assert status == 200, body
    return body


def test_a_load_into_the_store_is_served_without_a_restart(seed_dist: Path, tmp_path) -> None:
    from mapper.stores.embedded import load_store

    store = tmp_path / "store"
    load_store([seed_dist / "dataset.nq"], store=store)
    with serving(["--store", str(store)], tmp_path / "serve.log") as (url, _):
        client = Client(url)
        assert client.get(f"{PROBE}.html")[0] == 404
        assert b"false" in _ask(client, BASE + PROBE)
        russia = client.get("entity/russia.html")[2]
        assert b"Probeland" not in russia
        assert b"Probeland" not in client.get("")[2]  # the home page (made as it started)
        probe = tmp_path / "probe.nq"
        probe.write_text(PROBE_NQ, encoding="utf-8")
        load_store([probe], store=store)  # append: the seed's graphs stay
        deadline, status = time.monotonic() + 20, 404
        while status != 200 and time.monotonic() < deadline:
            time.sleep(0.3)
            status, _, body = client.get(f"{PROBE}.html")
        assert status == 200 and b"Probeland" in body
        assert b"Probeland" in client.get("entity/russia.html")[2], "the cached page is stale"
        # the home page of the data before the load is shown while the new one is made
        deadline, home = time.monotonic() + 30, b""
        while b">Probeland</a>" not in home and time.monotonic() < deadline:
            status, _, home = client.get("")
            assert status == 200 and b"<h1" in home  # never a wait, nor an error
            time.sleep(0.1)
        assert b">Probeland</a>" in home, "the home page is made anew"
        assert f"<loc>{BASE}{PROBE}.html</loc>".encode() in client.get("sitemap.xml")[2]
        deadline = time.monotonic() + 20
        while b"true" not in _ask(client, BASE + PROBE) and time.monotonic() < deadline:
            time.sleep(0.3)
        assert b"true" in _ask(client, BASE + PROBE)
        client.close()


def test_the_watch_waits_for_the_store_to_be_quiet(tmp_path) -> None:
    folder = tmp_path / "store"
    folder.mkdir()
    (folder / "CURRENT").write_text("a")
    reopened = []
    watch = StoreWatch(folder, lambda: reopened.append(1), interval=0)
    assert not watch.check() and not reopened, "nothing changed"
    (folder / "000001.log").write_text("writing")
    assert not watch.check(), "changed, but not yet quiet"
    (folder / "000001.log").write_text("still writing")
    assert not watch.check()
    (folder / "LOG").write_text("RocksDB's info log changes nothing")
    assert watch.check() and reopened == [1], "quiet for one look: read anew"
    assert not watch.check() and reopened == [1]
