"""Hostile RDF inputs and queries: owl:imports that would fetch or read files, nesting deep
enough to overflow a parser's stack, literals that make parsers crawl, queries that crash
or never end.  Each must end in a message (file, line, the limit, the fix) and an exit code,
with nothing on stderr but that message."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import OWL, Graph, URIRef
from test_network import Listener, _no_contact

from mapper.checks.reasoner import reasoner_input
from mapper.cli.main import main

ONTOLOGY_HEAD = """\
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<http://example.org/mine> a owl:Ontology ; owl:imports <{target}> .
"""


@pytest.fixture
def listener():
    server = Listener()
    yield server
    server.close()


# --- owl:imports ---------------------------------------------------------------------------


@pytest.mark.parametrize("as_data", [True, False])
def test_owl_imports_are_not_followed_to_the_network(
    runner, tmp_path: Path, listener: Listener, as_data: bool
) -> None:
    path = tmp_path / "mine.ttl"
    path.write_text(ONTOLOGY_HEAD.format(target=f"{listener.url}/other.owl"), encoding="utf-8")
    args = ["--data", str(path)] if as_data else [str(path)]
    result = runner.invoke(main, ["ontology", "check", *args])
    assert result.exit_code == 2, result.output
    assert f"{path}:3: owl:imports <{listener.url}/other.owl> is not followed" in result.output
    assert "--allow-remote" in result.output
    _no_contact(listener)


def test_owl_imports_of_a_file_outside_the_folder_are_refused_unread(
    runner, tmp_path: Path
) -> None:
    secret = tmp_path / "secret.ttl"
    secret.write_text("<urn:TOP-SECRET> <urn:p> <urn:o> .\n", encoding="utf-8")
    (tmp_path / "in").mkdir()
    path = tmp_path / "in" / "data.ttl"
    path.write_text(ONTOLOGY_HEAD.format(target=secret.as_uri()), encoding="utf-8")
    for extra in ([], ["--allow-remote"]):
        result = runner.invoke(main, ["ontology", "check", "--data", str(path), *extra])
        assert result.exit_code == 2, result.output
        assert f"{path}:3: owl:imports <{secret.as_uri()}>" in result.output
        assert "TOP-SECRET" not in result.output


def test_allowed_local_imports_are_read_by_defrel_not_the_reasoner(runner, tmp_path: Path) -> None:
    """With --allow-remote an import beside the file is followed (its axiom counts: here it
    makes the data inconsistent), and the reasoner still gets no owl:imports to follow."""
    imported = tmp_path / "extra.ttl"
    imported.write_text(
        "@prefix owl: <http://www.w3.org/2002/07/owl#> .\n"
        "<http://example.org/extra> a owl:Ontology .\n"
        "<http://example.org/A> a owl:Class ; owl:disjointWith <http://example.org/B> .\n"
        "<http://example.org/B> a owl:Class .\n",
        encoding="utf-8",
    )
    path = tmp_path / "data.ttl"
    path.write_text(
        ONTOLOGY_HEAD.format(target=imported.as_uri())
        + "<http://example.org/x> a <http://example.org/A>, <http://example.org/B> .\n",
        encoding="utf-8",
    )
    refused = runner.invoke(main, ["ontology", "check", "--data", str(path)])
    assert refused.exit_code == 2, refused.output
    result = runner.invoke(main, ["ontology", "check", "--data", str(path), "--allow-remote"])
    assert result.exit_code == 1, result.output
    assert "Inconsistent" in result.output and "DisjointClasses" in result.output


def test_the_reasoner_is_never_given_an_import() -> None:
    graph = Graph()
    graph.add((URIRef("urn:a"), OWL.imports, URIRef("http://127.0.0.1:9/x")))
    graph.add((URIRef("urn:a"), OWL.versionInfo, URIRef("urn:v")))
    kept, _ = reasoner_input(graph)
    assert list(kept.predicates()) == [OWL.versionInfo]


# --- nesting, size, log output -------------------------------------------------------------

DEEP = 5000


def _deep(kind: str) -> str:
    """A document whose brackets nest DEEP levels (a stack overflow for a recursive parser)."""
    if kind == "jsonld-arrays":
        return '{"@id": "urn:a", "urn:p": ' + "[" * DEEP + "]" * DEEP + "}"
    if kind == "jsonld-objects":
        inner = '{"urn:q": ' * DEEP + '"x"' + "}" * DEEP
        return '{"@id": "urn:g", "@graph": [{"@id": "urn:a", "urn:p": ' + inner + "}]}"
    if kind == "turtle-nodes":
        return "<urn:a> <urn:p> " + "[ <urn:p> " * DEEP + "<urn:x>" + " ]" * DEEP + " .\n"
    if kind == "turtle-lists":
        return "<urn:a> <urn:p> " + "( " * DEEP + "<urn:x>" + " )" * DEEP + " .\n"
    return "<urn:g> { <urn:a> <urn:p> " + "[ <urn:p> " * DEEP + "<urn:x>" + " ]" * DEEP + " }\n"


DEEP_KINDS = {
    "jsonld-arrays": "jsonld",
    "jsonld-objects": "jsonld",
    "turtle-nodes": "ttl",
    "turtle-lists": "ttl",
    "trig-nodes": "trig",
}


@pytest.mark.parametrize("kind", sorted(DEEP_KINDS))
@pytest.mark.parametrize("command", ["validate", "query", "ontology"])
def test_deep_nesting_is_refused_with_the_limit(
    runner, tmp_path: Path, kind: str, command: str
) -> None:
    path = tmp_path / f"deep.{DEEP_KINDS[kind]}"
    path.write_text("\n" + _deep(kind), encoding="utf-8")
    args = {
        "validate": ["validate", str(path)],
        "query": ["query", "ASK { ?s ?p ?o }", "--data", str(path)],
        "ontology": ["ontology", "check", "--data", str(path)],
    }[command]
    result = runner.invoke(main, args)
    assert result.exit_code == 2, result.output
    assert f"{path}:2: brackets nest deeper than 64 levels" in result.stderr
    assert "hint: flatten" in result.stderr
    assert "Traceback" not in result.output


def test_nesting_within_the_limit_is_read(runner, tmp_path: Path) -> None:
    path = tmp_path / "nested.ttl"
    path.write_text(
        "<urn:a> <urn:p> " + "[ <urn:p> " * 63 + "( <urn:x> )" + " ]" * 63 + " .\n",
        encoding="utf-8",
    )
    result = runner.invoke(
        main, ["query", "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }", "--data", str(path)]
    )
    assert result.exit_code == 0, result.output
    assert "66" in result.output  # 64 links, and the list's rdf:first and rdf:rest


@pytest.mark.parametrize("kind", ["jsonld-objects", "trig-nodes"])
def test_load_refuses_deep_nesting_instead_of_crashing(tmp_path: Path, kind: str) -> None:
    """pyoxigraph's JSON-LD parser overflows the process's stack (a segfault): a subprocess."""
    path = tmp_path / f"deep.{DEEP_KINDS[kind]}"
    path.write_text(_deep(kind), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "mapper.cli.main", "load", "--store", str(tmp_path / "st"), str(path)],
        capture_output=True, text=True, timeout=120, check=False, cwd=tmp_path,
    )  # fmt: skip
    assert done.returncode == 2, done.stderr
    assert f"{path}:1: brackets nest deeper than 64 levels" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_huge_literal_is_refused_by_its_size(runner, tmp_path: Path) -> None:
    path = tmp_path / "long.nt"
    path.write_text(
        '<urn:a> <urn:p> <urn:o> .\n<urn:a> <urn:p> "' + "x" * (1024 * 1024 + 1) + '" .\n',
        encoding="utf-8",
    )
    for args in (["validate", str(path)], ["query", "ASK {}", "--data", str(path)]):
        result = runner.invoke(main, args)
        assert result.exit_code == 2, result.output
        assert f"{path}:2: a string longer than 1024 KiB characters is refused" in result.stderr


ILL_TYPED = """\
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<urn:a> <urn:p> "abc"^^xsd:integer, "99999999999-01-01"^^xsd:date,
    "P99999999999999999999Y"^^xsd:duration, "P99999999999999999999D"^^xsd:duration,
    "PT999999999999999999999999S"^^xsd:duration .
"""


def test_ill_typed_literals_leave_stderr_clean(tmp_path: Path) -> None:
    """rdflib logs each literal it cannot convert; pytest would capture the log, so the
    commands run as the user runs them, in a subprocess."""
    path = tmp_path / "odd.ttl"
    path.write_text(ILL_TYPED, encoding="utf-8")
    for args in (
        ["validate", str(path)],
        ["query", "SELECT ?o { ?s ?p ?o } ORDER BY ?o", "--data", str(path)],
        ["query", "SELECT ?o { ?s ?p ?o FILTER (?o > 1) }", "--data", str(path)],
    ):
        done = subprocess.run(
            [sys.executable, "-m", "mapper.cli.main", *args],
            capture_output=True, text=True, timeout=120, check=False, cwd=tmp_path,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        assert done.stderr == ""


# --- validate with nothing to validate -----------------------------------------------------


@pytest.mark.parametrize(
    ("name", "text"),
    [("empty.ttl", ""), ("prefixes.ttl", "@prefix x: <urn:x:> .\n"), ("empty.jsonld", "{}")],
)
def test_validate_refuses_a_file_without_triples(
    runner, tmp_path: Path, name: str, text: str
) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(main, ["validate", str(path)])
    assert result.exit_code == 2, result.output
    assert f"{path}: holds no triples" in result.stderr
    assert "conforms" not in result.output.lower()
