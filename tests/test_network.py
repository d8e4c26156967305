"""Nothing reaches the network uninvited: every way a query or an input file could make
defrel fetch something points at a local listener, which must receive no connection."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import write_article

from mapper.cli.main import main


class Listener:
    """A TCP listener on 127.0.0.1 that counts the connections it is offered."""

    def __init__(self) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.1)
        self.port = self.sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.connections = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.connections += 1
            conn.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=2)
        self.sock.close()


@pytest.fixture
def listener() -> Iterator[Listener]:
    server = Listener()
    yield server
    server.close()


def _no_contact(listener: Listener) -> None:
    # a connection attempt would have been accepted within the listener's 0.1 s poll
    listener._stop.wait(0.3)
    assert listener.connections == 0


def test_the_listener_does_count(listener: Listener) -> None:
    with socket.create_connection(("127.0.0.1", listener.port), timeout=2):
        pass
    listener._stop.wait(0.3)
    assert listener.connections == 1


@pytest.mark.parametrize(
    ("query", "words"),
    [
        ("SELECT * WHERE { SERVICE <{url}/sparql> { ?s ?p ?o } }", "SERVICE reaches the network"),
        ("SELECT * FROM <{url}/data.ttl> WHERE { ?s ?p ?o }", "FROM / FROM NAMED"),
        (
            "SELECT * FROM NAMED <{url}/data.ttl> WHERE { GRAPH ?g { ?s ?p ?o } }",
            "FROM / FROM NAMED",
        ),
        ("LOAD <{url}/data.ttl>", "updates"),
        ("LOAD <{url}/data.ttl> INTO GRAPH <urn:x>", "updates"),
        ("INSERT DATA { <urn:a> <urn:b> <urn:c> }", "read-only"),
    ],
)
def test_queries_that_would_fetch_are_refused(
    runner, seed_dist: Path, listener: Listener, query: str, words: str
) -> None:
    result = runner.invoke(
        main,
        ["query", query.replace("{url}", listener.url), "--data", str(seed_dist / "dataset.nq")],
    )
    assert result.exit_code == 2, result.output
    assert words in result.output
    _no_contact(listener)


@pytest.mark.parametrize(
    "document",
    [
        '{"@context": "{url}/context.jsonld", "@id": "urn:a", "urn:p": "x"}',
        '{"@context": ["{url}/a.jsonld", {"x": "urn:x"}], "@id": "urn:a"}',
        '{"@context": {"@import": "{url}/base.jsonld"}, "@id": "urn:a"}',
        '{"@graph": [{"@context": "{url}/nested.jsonld", "@id": "urn:a"}]}',
    ],
)
def test_remote_jsonld_contexts_are_refused(
    runner, tmp_path: Path, listener: Listener, document: str
) -> None:
    path = tmp_path / "remote.jsonld"
    path.write_text(document.replace("{url}", listener.url), encoding="utf-8")
    for command in (["query", "ASK { ?s ?p ?o }", "--data", str(path)], ["validate", str(path)]):
        result = runner.invoke(main, command)
        assert result.exit_code == 2, result.output
        assert "remote @context" in result.output and str(path) in result.output
    _no_contact(listener)


def test_rdfxml_entities_cannot_read_files_or_urls(
    runner, tmp_path: Path, listener: Listener
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET", encoding="utf-8")
    doc = tmp_path / "xxe.rdf"
    doc.write_text(
        f'<?xml version="1.0"?>\n<!DOCTYPE r [\n'
        f'  <!ENTITY file SYSTEM "{secret.as_uri()}">\n'
        f'  <!ENTITY web SYSTEM "{listener.url}/x">\n]>\n'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="urn:ex:">\n'
        '  <rdf:Description rdf:about="urn:a"><ex:p>&file;&web;</ex:p></rdf:Description>\n'
        "</rdf:RDF>\n",
        encoding="utf-8",
    )
    result = runner.invoke(main, ["query", "SELECT ?o { ?s ?p ?o }", "--data", str(doc)])
    assert result.exit_code == 2 and "DOCTYPE declaration is refused" in result.output
    assert f"{doc}:2" in result.output and "TOP-SECRET" not in result.output
    _no_contact(listener)


def test_plain_rdfxml_is_read(runner, tmp_path: Path) -> None:
    doc = tmp_path / "plain.rdf"
    doc.write_text(
        '<?xml version="1.0"?>\n'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="urn:ex:">\n'
        '  <rdf:Description rdf:about="urn:a"><ex:p>hello</ex:p></rdf:Description>\n'
        "</rdf:RDF>\n",
        encoding="utf-8",
    )
    result = runner.invoke(
        main, ["query", "SELECT ?o { ?s ?p ?o }", "--data", str(doc), "--format", "csv"]
    )
    assert result.exit_code == 0 and "hello" in result.output


def test_a_build_opens_no_connection(runner, tmp_path: Path, listener: Listener) -> None:
    facts = write_article(tmp_path / "in")
    result = runner.invoke(
        main,
        ["build", str(facts), "--out", str(tmp_path / "out"), "--base", f"{listener.url}/data/"],
    )
    assert result.exit_code == 0, result.output
    assert f"{listener.url}/data/graph/mini" in (tmp_path / "out" / "dataset.nq").read_text(
        encoding="utf-8"
    )
    _no_contact(listener)


def test_allow_remote_is_needed_to_reach_out(runner, seed_dist: Path, listener: Listener) -> None:
    query = f"SELECT * WHERE {{ SERVICE <{listener.url}/sparql> {{ ?s ?p ?o }} }}"
    refused = runner.invoke(main, ["query", query, "--data", str(seed_dist / "dataset.nq")])
    assert refused.exit_code == 2 and "--allow-remote" in refused.output
    _no_contact(listener)
    runner.invoke(main, ["query", query, "--data", str(seed_dist / "dataset.nq"), "--allow-remote"])
    listener._stop.wait(0.3)
    assert listener.connections >= 1  # asked for, so it went out (to our own listener)


@pytest.mark.parametrize(
    "params",
    [
        {"query": "SELECT * FROM <{url}/data.ttl> WHERE { ?s ?p ?o }"},
        {"query": "SELECT * FROM NAMED <{url}/d.ttl> WHERE { GRAPH ?g { ?s ?p ?o } }"},
        {"query": "SELECT * WHERE { ?s ?p ?o }", "default-graph-uri": "{url}/data.ttl"},
        {"query": "SELECT * WHERE { ?s ?p ?o }", "named-graph-uri": "{url}/data.ttl"},
    ],
)
def test_the_endpoint_fetches_no_graph_a_query_names(seed_server, listener, params) -> None:
    """FROM and the protocol's graph parameters name graphs of the data only: a URL is
    refused in plain text, and nothing is fetched."""
    import urllib.error
    import urllib.request
    from urllib.parse import urlencode

    query = urlencode({k: v.replace("{url}", listener.url) for k, v in params.items()})
    request = urllib.request.Request(f"{seed_server}sparql?{query}", headers={"Accept": "*/*"})
    with pytest.raises(urllib.error.HTTPError) as caught:
        urllib.request.urlopen(request, timeout=30)
    assert caught.value.code == 400
    assert caught.value.headers["Content-Type"].startswith("text/plain")
    assert b"no graph" in caught.value.read()
    _no_contact(listener)


def test_a_word_inside_an_escaped_prefixed_name_is_no_keyword(runner, seed_dist: Path) -> None:
    """``data:article\\/talks-from-may`` is one prefixed name (SPARQL's PN_LOCAL_ESC), not
    ``FROM``: the query runs; a bare FROM after such a name is still seen."""
    prefix = "PREFIX data: <https://w3id.org/defrel/data/> "
    name = "data:article\\/talks-from-may"
    result = runner.invoke(
        main, ["query", prefix + f"ASK {{ {name} ?p ?o }}", "--data", str(seed_dist / "dataset.nq")]
    )
    assert result.exit_code == 0, result.output
    assert "no" in result.output.lower() or "false" in result.output.lower()
    hidden = prefix + f"SELECT * FROM <http://127.0.0.1:9/x> WHERE {{ {name} ?p ?o }}"
    result = runner.invoke(main, ["query", hidden, "--data", str(seed_dist / "dataset.nq")])
    assert result.exit_code != 0 and "FROM" in result.output
