"""The bundled example queries give the right answers on the seed article."""

from __future__ import annotations

import json

import pytest
from conftest import SEED_SLUG, SEEDS

from mapper.cli.main import example_queries
from mapper.errors import QueryError
from mapper.rdf.read import read_rdf
from mapper.stores.query import run_query


@pytest.fixture(scope="module")
def seed_data(seed_dist):
    return read_rdf([seed_dist / "dataset.nq"])


def rows(dataset, name: str) -> list[tuple]:
    """The query's rows as tuples of strings ('' for unbound), in the query's order."""
    data = json.loads(run_query(example_queries()[name], dataset, fmt="json").text)
    names = data["head"]["vars"]
    return [
        tuple(r.get(n, {}).get("value", "") for n in names) for r in data["results"]["bindings"]
    ]


def test_who_visited_whom(seed_data) -> None:
    found = {(v, d, w) for v, d, w, _quote in rows(seed_data, "who-visited-whom")}
    assert found == {
        ("Sergei Shoigu", "Pakistan", "Thursday"),
        ("Raheel Sharif", "United States", ""),
    }


def test_arms_suppliers_of_india(seed_data) -> None:
    # Oxigraph keeps numbers by value: 75.0 and 1.9e9 come back in canonical form, as from
    # the embedded store and the server
    assert rows(seed_data, "arms-suppliers-of-india") == [
        ("Russia", "major", "75", "in certain years", "", "", "", "", "", "", ""),
        ("United States", "", "", "", "1900000000", "USD", "2014", "", "1", "completed", ""),
        ("United States", "", "", "", "", "", "August", "1", "", "", "hedged"),
    ]


def test_statements_by_raheel_sharif(seed_data) -> None:
    found = rows(seed_data, "statements-by-raheel-sharif")
    assert {r[1] for r in found} == {"clarification", "assurance", "claim", "pledge"}
    article = (SEEDS / f"{SEED_SLUG}.txt").read_text(encoding="utf-8")
    assert all(article[int(s) : int(e)] == quote for *_, quote, s, e in found)
    direct = [r for r in found if r[1] == "claim"]
    assert direct[0][3].startswith("Zarb-e-Azb is not just a military offensive")


def test_posts_held(seed_data) -> None:
    assert rows(seed_data, "posts-held") == [
        ("Nawaz Sharif", "Prime Minister", "Pakistan", ""),
        ("Raheel Sharif", "Chief of Army Staff", "Pakistan", "late 2013"),
        ("Sartaj Aziz", "Adviser to the Prime Minister on Foreign Affairs", "Pakistan", ""),
        ("Sergei Shoigu", "Defense Minister", "Russia", ""),
    ]


def test_claims_by_source(seed_data) -> None:
    assert rows(seed_data, "claims-by-source") == [
        ("Russia courts Pakistan as a defense customer (according to Dawn)", "Dawn", ""),
        ("The U.S. overtakes Russia as India's top arms supplier (reported)", "", "August"),
    ]


def test_planned_agreements(seed_data) -> None:
    found = rows(seed_data, "planned-agreements")
    assert {r[2] for r in found} == {"Pakistan", "Russia"}
    assert {(r[1], r[3]) for r in found} == {("memorandum-of-understanding", "planned")}


def test_arms_transfers(seed_data) -> None:
    assert rows(seed_data, "arms-transfers") == [
        ("Russia", "Pakistan", "Mi-35 Hind", "helicopter", "ordered", "completed"),
    ]


def test_alliances_and_rivalries(seed_data) -> None:
    assert rows(seed_data, "alliances-and-rivalries") == [
        ("Alliance", "Pakistan", "United States", "dysfunctional"),
        ("Cooperation", "Pakistan", "Russia", ""),
        ("Cooperation", "Pakistan", "United States", ""),
        ("Partnership", "India", "United States", "growing"),
        ("Partnership", "Pakistan", "Russia", "growing"),
        ("Rivalry", "India", "Pakistan", ""),
    ]


def test_every_example_query_is_tested() -> None:
    tested = {
        name.removeprefix("test_").replace("_", "-")
        for name in globals()
        if name.startswith("test_") and name != "test_every_example_query_is_tested"
    }
    assert set(example_queries()) <= tested


@pytest.mark.parametrize(
    ("query", "words"),
    [
        ("SELECT * WHERE { ?s ?p }", "SPARQL syntax error"),
        ("SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }", "SERVICE"),
        ("SELECT * FROM <http://127.0.0.1:9/x> WHERE { ?s ?p ?o }", "FROM"),
    ],
)
def test_bad_queries(seed_data, query: str, words: str) -> None:
    with pytest.raises(QueryError, match=words):
        run_query(query, seed_data)


def test_syntax_error_has_line_and_column(seed_data) -> None:
    with pytest.raises(QueryError) as caught:
        run_query("SELECT ?s\nWHERE {\n  ?s ?p \n}", seed_data)
    # where Oxigraph's parser stopped: after the "}" that came instead of the object
    assert (caught.value.line, caught.value.column) == (4, 2)
