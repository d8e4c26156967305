"""Hostile RDF inputs and queries: owl:imports that would fetch or read files, nesting deep
enough to overflow a parser's stack, literals that make parsers crawl, queries that crash
or never end.  Each must end in a message (file, line, the limit, the fix) and an exit code,
with nothing on stderr but that message."""

from __future__ import annotations

import functools
import http.server
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import OWL, RDF, Graph, URIRef
from test_network import Listener, _no_contact

from mapper.checks.reasoner import reasoner_input
from mapper.cli.main import main
from mapper.errors import InputError, QueryError
from mapper.rdf.imports import resolve_imports
from mapper.rdf.read import read_rdf
from mapper.rdf.vocab import NS
from mapper.stores.query import run_query

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


@pytest.mark.parametrize("engine", ["compiled", "pyshacl"])
def test_validate_and_query_never_follow_owl_imports(
    runner, tmp_path: Path, listener: Listener, engine: str
) -> None:
    path = tmp_path / "mine.ttl"
    path.write_text(ONTOLOGY_HEAD.format(target=f"{listener.url}/other.owl"), encoding="utf-8")
    validated = runner.invoke(main, ["validate", str(path), "--engine", engine])
    assert validated.exit_code == 0, validated.output
    queried = _query(runner, "ASK { ?o owl:imports ?x }", "--data", str(path))
    assert queried.output == "yes\n"
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
        '<urn:a> <urn:p> <urn:o> .\n<urn:a> <urn:p> "' + "x" * (256 * 1024 + 1) + '" .\n',
        encoding="utf-8",
    )
    for args in (["validate", str(path)], ["query", "ASK {}", "--data", str(path)]):
        result = runner.invoke(main, args)
        assert result.exit_code == 2, result.output
        assert f"{path}:2: a string longer than 256 KiB characters is refused" in result.stderr


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


# --- queries ---------------------------------------------------------------------------------


def _query(runner, *args: str):
    return runner.invoke(main, ["query", *args])


def test_an_invalid_regex_is_no_crash(runner, seed_dist: Path) -> None:
    data = str(seed_dist / "dataset.nq")
    result = _query(runner, 'SELECT * { ?s ?p ?o FILTER regex(?o, "(") }', "--data", data)
    assert result.exit_code == 0, result.output
    assert result.output.endswith("(0 rows)\n")


def test_describe_gives_the_resources_triples(runner, seed_dist: Path) -> None:
    data = str(seed_dist / "dataset.nq")
    result = _query(runner, "DESCRIBE * WHERE { ?v a defrel:Visit }", "--data", data)
    assert result.exit_code == 0, result.output
    described = Graph().parse(data=result.output, format="turtle")
    visits = set(described.subjects(RDF.type, NS["defrel"].Visit))
    assert len(visits) == 2 and len(described) > 10


def test_a_long_literal_is_read_quickly(runner, tmp_path: Path) -> None:
    """rdflib's N-Quads parser took 63 s over a 3 MB literal (its time grows with the square of
    the length); at the 256 KiB limit validate reads one in well under a second of CPU, and
    query (Oxigraph) in linear time."""
    path = tmp_path / "long.nq"
    path.write_text(f'<urn:a> <urn:p> "{"y" * (256 * 1024 - 8)}" <urn:g> .\n', encoding="utf-8")
    started = time.monotonic()
    result = _query(runner, "SELECT (STRLEN(?o) AS ?n) { ?s ?p ?o }", "--data", str(path))
    assert result.exit_code == 0, result.output
    assert str(256 * 1024 - 8) in result.output
    assert runner.invoke(main, ["validate", str(path)]).exit_code == 0
    assert time.monotonic() - started < 8


def test_type_patterns_are_quick(runner, seed_dist: Path) -> None:
    """rdflib's engine took 30-76 s over a few `?x a Class` patterns on the seed's triples."""
    query = "SELECT (COUNT(*) AS ?n) { ?a a ?t . ?b a ?u . ?a ?p ?b }"  # rdflib: 20 s
    started = time.monotonic()
    result = _query(runner, query, "--data", str(seed_dist / "dataset.nq"))
    assert result.exit_code == 0, result.output
    assert time.monotonic() - started < 5


def test_a_query_past_the_time_limit_is_stopped(runner, seed_dist: Path) -> None:
    query = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"  # 2,345^3 rows
    started = time.monotonic()
    result = _query(runner, query, "--data", str(seed_dist / "dataset.nq"), "--timeout", "1")
    assert result.exit_code == 2, result.output
    assert "the query was stopped after 1 s, the time limit" in result.stderr
    assert "--timeout" in result.stderr
    assert time.monotonic() - started < 10


def test_the_library_call_can_have_a_time_limit(seed_dist: Path) -> None:
    dataset = read_rdf([seed_dist / "dataset.nq"])
    with pytest.raises(QueryError, match="stopped after 0.5 s"):
        run_query("SELECT * { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }", dataset, timeout=0.5)
    answer = run_query("ASK { ?v a defrel:Visit }", dataset, timeout=30)
    assert answer.text == "yes\n"


SAME_ON_FILES_AND_STORE = [
    "SELECT * { ?s a defrel:Visit ; ?p ?o } ORDER BY ?s ?p ?o LIMIT 12",
    "SELECT * { GRAPH ?g { ?s a defrel:Person } } ORDER BY ?g ?s",
    "ASK { ?s ?p ?o FILTER (isLiteral(?o) && datatype(?o) = xsd:decimal && ?o = 75) }",
    "ASK { ?s ?p 75.0 }",
    'ASK { ?s ?p "75"^^xsd:decimal }',
    'ASK { ?s ?p ?o FILTER (?o > "2014"^^xsd:gYear) }',
    "SELECT (COUNT(*) AS ?n) { ?s a ?type }",
    "SELECT ?type (COUNT(?s) AS ?n) { ?s a ?type } GROUP BY ?type ORDER BY ?type",
]


def test_files_and_the_store_answer_alike(runner, seed_dist: Path, tmp_path: Path) -> None:
    """Same engine: the same rows, in the same column order, run after run."""
    data = str(seed_dist / "dataset.nq")
    store = str(tmp_path / "store")
    assert runner.invoke(main, ["load", "--store", store, data]).exit_code == 0
    for query in SAME_ON_FILES_AND_STORE:
        on_files = [_query(runner, query, "--data", data) for _ in range(2)]
        on_store = _query(runner, query, "--store", store)
        assert on_files[0].exit_code == on_store.exit_code == 0, on_store.output
        assert on_files[0].output == on_files[1].output == on_store.output, query


def test_the_cli_starts_without_the_heavy_stages() -> None:
    """`defrel query` starts in about 0.3 s of CPU: the CLI imports pySHACL, jsonschema,
    owlready2 and rdflib's SPARQL engine only in the commands that use them."""
    code = (
        "import sys, mapper.cli.main\n"
        "heavy = ('pyshacl', 'jsonschema', 'owlready2', 'rdflib.plugins.sparql')\n"
        "print(sorted(m for m in heavy if m in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout == "[]\n", done.stdout


def test_files_are_one_dataset_as_a_set(runner, seed_dist: Path, tmp_path: Path) -> None:
    """The union default graph counts a triple once, however many files and graphs state it;
    two files' blank nodes with the same label stay two nodes."""
    count = "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"
    nq, jsonld = str(seed_dist / "dataset.nq"), str(seed_dist / "dataset.jsonld")
    one = _query(runner, count, "--data", nq, "--format", "csv")
    both = _query(runner, count, "--data", nq, "--data", jsonld, "--format", "csv")
    assert one.exit_code == both.exit_code == 0, both.output
    assert one.output == both.output and int(one.output.split()[1]) > 2000
    for name in ("a.ttl", "b.ttl"):
        (tmp_path / name).write_text('_:b0 <urn:p> "x" .\n', encoding="utf-8")
    blanks = _query(
        runner,
        "SELECT (COUNT(DISTINCT ?s) AS ?n) { ?s <urn:p> ?o }",
        *("--data", str(tmp_path / "a.ttl"), "--data", str(tmp_path / "b.ttl")),
        *("--format", "csv"),
    )
    assert blanks.output.split() == ["n", "2"]


@pytest.mark.parametrize("where", ["--data", "--store"])
@pytest.mark.parametrize(
    "query",
    [
        "SELECT * WHERE " + "{" * DEEP + "}" * DEEP,
        "SELECT * { ?s ?p ?o FILTER (" + "(" * DEEP + "1" + ")" * DEEP + ") }",
        "SELEC * WHERE " + "{" * DEEP + "}" * DEEP,
    ],
    ids=["groups", "parentheses", "misspelt"],
)
def test_deeply_nested_queries_are_refused(
    seed_dist: Path, tmp_path: Path, where: str, query: str
) -> None:
    """Oxigraph's SPARQL parser overflows its stack (a segfault): run as a subprocess."""
    target = str(seed_dist / "dataset.nq")
    if where == "--store":
        target = str(tmp_path / "store")
        CliRunner().invoke(main, ["load", "--store", target, str(seed_dist / "dataset.nq")])
    done = subprocess.run(
        [sys.executable, "-m", "mapper.cli.main", "query", query, where, target],
        capture_output=True, text=True, timeout=120, check=False, cwd=tmp_path,
    )  # fmt: skip
    assert done.returncode == 2, done.stderr
    assert "brackets nest deeper than 64 levels" in done.stderr
    assert "Traceback" not in done.stderr


# --- with --allow-remote, remote things are followed (from a server on 127.0.0.1) ----------


@pytest.fixture
def web(tmp_path: Path):
    """An HTTP server on 127.0.0.1 serving the folder tmp_path/web; yields (folder, url)."""
    folder = tmp_path / "web"
    folder.mkdir()
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield folder, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # the test's output is not the server's log
        pass


def test_allowed_remote_jsonld_contexts_are_fetched(runner, tmp_path: Path, web) -> None:
    folder, url = web
    (folder / "ctx.jsonld").write_text(
        '{"@context": {"name": "http://schema.org/name"}}', encoding="utf-8"
    )
    path = tmp_path / "remote.jsonld"
    path.write_text(
        f'{{"@context": "{url}/ctx.jsonld", "@id": "urn:a", "name": "x"}}', encoding="utf-8"
    )
    query = "SELECT ?name { ?s <http://schema.org/name> ?name }"
    result = _query(runner, query, "--data", str(path), "--allow-remote", "--format", "csv")
    assert result.exit_code == 0, result.output
    assert result.output.split() == ["name", "x"]


def test_allowed_remote_imports_are_read_by_defrel(tmp_path: Path, web) -> None:
    folder, url = web
    (folder / "other.ttl").write_text(
        "@prefix owl: <http://www.w3.org/2002/07/owl#> .\n"
        f"<{url}/other.ttl> a owl:Ontology .\n<urn:A> a owl:Class .\n",
        encoding="utf-8",
    )
    path = tmp_path / "mine.ttl"
    path.write_text(ONTOLOGY_HEAD.format(target=f"{url}/other.ttl"), encoding="utf-8")
    graph = Graph().parse(path)
    with pytest.raises(InputError, match="is not followed"):
        resolve_imports([(path, graph)], allow_remote=False)
    added = resolve_imports([(path, graph)], allow_remote=True)
    assert (URIRef("urn:A"), RDF.type, OWL.Class) in added
