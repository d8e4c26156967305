"""Hostile RDF inputs and queries: owl:imports that would fetch or read files, nesting deep
enough to overflow a parser's stack, literals that make parsers crawl, queries that crash
or never end.  Each must end in a message (file, line, the limit, the fix) and an exit code,
with nothing on stderr but that message."""

from __future__ import annotations

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
