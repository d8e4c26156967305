"""The CLI as Jena's and Oxigraph's users type it (issue 14): ``-`` for stdin, ``--syntax``,
format names and media types, ``--query FILE``, progress bars on a terminal only, ``--json``
summaries on the long commands."""

from __future__ import annotations

import io
import json
import os
import pty
import re
import select
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import MINI_FACTS, ROOT, SEEDS, write_article
from rdflib import Dataset, Graph

from mapper.cli.main import main
from mapper.cli.progress import Bar
from mapper.errors import QueryError
from mapper.rdf.options import SYNTAXES, rdf_syntax
from mapper.stores.options import RESULT_FORMATS, output_format

VISITS = "CONSTRUCT { ?s a defrel:Visit } WHERE { ?s a defrel:Visit }"
SELECT = "SELECT ?label WHERE { ?v a defrel:Visit ; rdfs:label ?label } ORDER BY ?label"
SHOIGU = "Sergei Shoigu's visit to Pakistan"
BROKEN = "@prefix defrel: <https://w3id.org/defrel/ontology#> .\n<https://example.org/v> a defrel:Visit .\n"


# --- one table of formats, as Oxigraph reads the same names --------------------------------

OX_SYNTAX = {
    "turtle": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "nq": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "jsonld": ox.RdfFormat.JSON_LD,
    "rdfxml": ox.RdfFormat.RDF_XML,
}
OX_RESULTS = {
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
}


@pytest.mark.parametrize("syntax", SYNTAXES, ids=lambda s: s.name)
def test_rdf_names_mean_what_they_mean_to_oxigraph(syntax) -> None:
    for media_type in syntax.media_types:
        assert ox.RdfFormat.from_media_type(media_type) == OX_SYNTAX[syntax.name], media_type
    for suffix in syntax.suffixes:
        if suffix != ".owl":  # Oxigraph knows no .owl; defrel reads it as RDF/XML, as Protégé
            assert ox.RdfFormat.from_extension(suffix[1:]) == OX_SYNTAX[syntax.name], suffix
    for name in syntax.names:
        assert rdf_syntax(name.upper()) == syntax and rdf_syntax(f" {name} ") == syntax


@pytest.mark.parametrize("fmt", [f for f in RESULT_FORMATS if f.name != "table"], ids=str)
def test_result_names_mean_what_they_mean_to_oxigraph(fmt) -> None:
    for media_type in fmt.media_types:
        assert ox.QueryResultsFormat.from_media_type(media_type) == OX_RESULTS[fmt.name]
        assert output_format(media_type, "SELECT") == fmt.name
    for alias in fmt.aliases:
        assert ox.QueryResultsFormat.from_extension(alias) == OX_RESULTS[fmt.name]


@pytest.mark.parametrize(
    ("name", "kind", "expected"),
    [
        ("xml", "SELECT", "xml"),
        ("xml", "CONSTRUCT", "rdfxml"),  # as Oxigraph's --results-format xml
        ("json", "ASK", "json"),
        ("json", "DESCRIBE", "jsonld"),
        ("RDF/XML", "CONSTRUCT", "rdfxml"),  # Jena's riot names, any case
        ("N-Quads", "CONSTRUCT", "nq"),
        ("text/turtle; charset=utf-8", "CONSTRUCT", "turtle"),
        ("text", "SELECT", "table"),  # Jena's --results text
        ("text/plain", "SELECT", "table"),
        ("text/plain", "CONSTRUCT", "nt"),
        (None, "SELECT", "table"),
        (None, "CONSTRUCT", "turtle"),
    ],
)
def test_a_name_is_resolved_for_the_query_form(name, kind, expected) -> None:
    assert output_format(name, kind) == expected


@pytest.mark.parametrize(
    ("name", "kind", "words"),
    [
        ("csv", "CONSTRUCT", "is for SELECT/ASK results"),
        ("ttl", "SELECT", "is for CONSTRUCT/DESCRIBE results"),
        ("yaml", "SELECT", "unknown format 'yaml'"),
    ],
)
def test_a_name_that_does_not_fit_is_a_query_error(name, kind, words) -> None:
    with pytest.raises(QueryError, match=words):
        output_format(name, kind)


# --- query: every RDF syntax for CONSTRUCT, every result format for SELECT ------------------


@pytest.mark.parametrize(
    ("fmt", "parse_as"),
    [
        ("ttl", "turtle"),
        ("text/turtle", "turtle"),
        ("ntriples", "nt"),
        ("N-Triples", "nt"),
        ("nq", "nquads"),
        ("nquads", "nquads"),
        ("application/n-quads", "nquads"),
        ("trig", "trig"),
        ("application/trig", "trig"),
        ("rdfxml", "xml"),
        ("rdf/xml", "xml"),
        ("application/rdf+xml", "xml"),
        ("xml", "xml"),
        ("json-ld", "json-ld"),
        ("application/ld+json", "json-ld"),
    ],
)
def test_construct_in_every_rdf_syntax(runner, seed_dist: Path, fmt: str, parse_as: str) -> None:
    data = str(seed_dist / "dataset.nq")
    result = runner.invoke(main, ["query", VISITS, "--data", data, "--format", fmt])
    assert result.exit_code == 0, result.output
    graph = Dataset()
    graph.parse(data=result.stdout, format=parse_as)
    assert len(graph) == 2
    ox_format = OX_SYNTAX[rdf_syntax(parse_as.replace("nquads", "nq")).name]
    assert len(list(ox.parse(result.stdout.encode(), format=ox_format))) == 2


@pytest.mark.parametrize(
    ("option", "fmt", "expected"),
    [
        ("--format", "srj", '"vars": ['),
        ("--results", "application/sparql-results+json", '"vars": ['),
        ("--results-format", "srx", "<sparql"),
        ("--format", "application/sparql-results+xml", "<sparql"),
        ("--format", "text/csv", "label\r\n"),
        ("--format", "text/tab-separated-values", "?label\n"),
        ("--format", "text", "label\n-"),
    ],
)
def test_select_by_jena_and_oxigraph_names(runner, seed_dist, option, fmt, expected) -> None:
    data = str(seed_dist / "dataset.nq")
    result = runner.invoke(main, ["query", SELECT, "--data", data, option, fmt])
    assert result.exit_code == 0, result.output
    assert expected in result.stdout_bytes.decode("utf-8") and SHOIGU in result.stdout


@pytest.mark.parametrize(
    ("query", "fmt", "words"),
    [
        (SELECT, "yaml", "unknown format 'yaml'"),
        (SELECT, "ttl", "--format ttl is for CONSTRUCT/DESCRIBE results"),
        (VISITS, "tsv", "--format tsv is for SELECT/ASK results"),
    ],
)
def test_a_wrong_format_exits_2(runner, seed_dist: Path, query, fmt, words) -> None:
    data = str(seed_dist / "dataset.nq")
    result = runner.invoke(main, ["query", query, "--data", data, "--format", fmt])
    assert result.exit_code == 2 and words in result.output


def test_rdfxml_that_cannot_be_written_exits_2(runner, seed_dist: Path) -> None:
    query = "CONSTRUCT { ?s <http://example.org/1> ?o } WHERE { ?s a ?o } LIMIT 1"
    data = str(seed_dist / "dataset.nq")
    result = runner.invoke(main, ["query", query, "--data", data, "--format", "rdf/xml"])
    assert result.exit_code == 2 and "cannot be written as RDF/XML" in result.output
    assert "use --format turtle" in result.output and "Traceback" not in result.output


# --- query: stdin, --query FILE, and a file name given as the query -------------------------


def test_query_from_stdin(runner, seed_dist: Path) -> None:
    data = str(seed_dist / "dataset.nq")
    for args in (["-"], ["-f", "-"], ["--query", "-"]):
        result = runner.invoke(main, ["query", *args, "--data", data], input=SELECT)
        assert result.exit_code == 0 and SHOIGU in result.output, (args, result.output)


def test_query_file_by_long_option(runner, seed_dist: Path, tmp_path: Path) -> None:
    q = tmp_path / "visits.rq"
    q.write_text(SELECT, encoding="utf-8")
    result = runner.invoke(
        main, ["query", "--query", str(q), "--data", str(seed_dist / "dataset.nq")]
    )
    assert result.exit_code == 0 and SHOIGU in result.output


@pytest.mark.parametrize("name", ["existing", "visits.rq", "q.sparql"])
def test_a_file_name_as_the_query_gets_a_hint(runner, tmp_path: Path, monkeypatch, name) -> None:
    monkeypatch.chdir(tmp_path)
    Path("existing").write_text(SELECT, encoding="utf-8")
    result = runner.invoke(main, ["query", name])
    assert result.exit_code == 2
    assert f"did you mean --query {name} / -f {name}?" in result.output


def test_sparql_without_spaces_is_not_taken_for_a_file(runner, seed_dist: Path) -> None:
    result = runner.invoke(main, ["query", "ASK{?s?p?o}", "--data", str(seed_dist / "dataset.nq")])
    assert result.exit_code == 0 and result.output == "yes\n"


def test_query_and_data_cannot_both_be_stdin(runner) -> None:
    result = runner.invoke(main, ["query", "-", "--data", "-", "--syntax", "nq"], input="")
    assert result.exit_code == 2 and "only one input can come from stdin" in result.output


# --- data on stdin, and --syntax ------------------------------------------------------------


@pytest.mark.parametrize("syntax", ["nq", "nquads", "N-Quads", "application/n-quads"])
def test_query_data_from_stdin(runner, seed_dist: Path, syntax: str) -> None:
    nquads = (seed_dist / "dataset.nq").read_text(encoding="utf-8")
    args = ["query", SELECT, "--data", "-", "--syntax", syntax]
    result = runner.invoke(main, args, input=nquads)
    assert result.exit_code == 0 and SHOIGU in result.output, result.output


def test_stdin_needs_syntax(runner) -> None:
    result = runner.invoke(main, ["query", SELECT, "--data", "-"], input="")
    assert result.exit_code == 2 and "needs --syntax" in result.output


def test_unknown_syntax_exits_2(runner) -> None:
    result = runner.invoke(main, ["query", SELECT, "--data", "-", "--syntax", "yaml"], input="")
    assert result.exit_code == 2 and "unknown RDF syntax 'yaml'" in result.output


def test_syntax_wins_over_the_suffix(runner, seed_dist: Path, tmp_path: Path) -> None:
    odd = tmp_path / "dump.txt"
    odd.write_bytes((seed_dist / "dataset.ttl").read_bytes())
    result = runner.invoke(main, ["query", SELECT, "--data", str(odd), "--syntax", "ttl"])
    assert result.exit_code == 0 and SHOIGU in result.output
    result = runner.invoke(main, ["query", SELECT, "--data", str(odd)])
    assert result.exit_code == 2 and "unknown RDF file type '.txt'" in result.output


def test_a_parse_error_on_stdin_names_stdin(runner) -> None:
    bad = "@prefix x: <http://x/> .\nx:a x:b x:c .\nx:a x:b\n"
    result = runner.invoke(main, ["query", SELECT, "--data", "-", "--syntax", "ttl"], input=bad)
    assert result.exit_code == 2 and "Error: <stdin>:" in result.output
    assert "defrel-input-" not in result.output  # not the temporary file's name


def test_validate_stdin_and_any_suffix(runner, seed_dist: Path, tmp_path: Path) -> None:
    turtle = (seed_dist / "dataset.ttl").read_text(encoding="utf-8")
    result = runner.invoke(main, ["validate", "-", "--syntax", "turtle"], input=turtle)
    assert result.exit_code == 0 and result.output.startswith("Conforms"), result.output
    result = runner.invoke(main, ["validate", "-", "--syntax", "text/turtle"], input=BROKEN)
    assert result.exit_code == 1 and "Does not conform" in result.output
    odd = tmp_path / "data.txt"
    odd.write_bytes((seed_dist / "dataset.nq").read_bytes())
    result = runner.invoke(main, ["validate", str(odd), "--syntax", "nquads"])
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(
    ("fmt", "parse_as"),
    [("ttl", "turtle"), ("rdf/xml", "xml"), ("jsonld", "json-ld"), ("application/n-triples", "nt")],
)
def test_validate_report_in_any_rdf_syntax(
    runner, seed_dist: Path, fmt: str, parse_as: str
) -> None:
    result = runner.invoke(main, ["validate", str(seed_dist / "dataset.nq"), "--format", fmt])
    assert result.exit_code == 0, result.output
    report = Graph().parse(data=result.stdout, format=parse_as)
    assert len(report) >= 2  # a ValidationReport that conforms


def test_validate_json_flag(runner, tmp_path: Path) -> None:
    broken = tmp_path / "broken.ttl"
    broken.write_text(BROKEN, encoding="utf-8")
    result = runner.invoke(main, ["validate", str(broken), "--json"])
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["conforms"] is False
    assert {r["focus"] for r in report["results"]} == {"https://example.org/v"}
    result = runner.invoke(
        main, ["validate", str(tmp_path / "broken.ttl"), "--json", "--syntax", "nt"]
    )
    assert result.exit_code == 2 and json.loads(result.stdout)["status"] == "error"


def test_load_from_stdin(runner, seed_dist: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    nquads = (seed_dist / "dataset.nq").read_text(encoding="utf-8")
    args = ["load", "-", "--syntax", "application/n-quads", "--store", str(store), "--json"]
    result = runner.invoke(main, args, input=nquads)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["triples"] == len(set(nquads.splitlines()))
    turtle = (seed_dist / "dataset.ttl").read_text(encoding="utf-8")
    args = ["load", "-", "--syntax", "ttl", "--store", str(store), "--json"]
    result = runner.invoke(main, args, input=turtle)
    assert result.exit_code == 2 and "Error: <stdin>: has no named graphs" in result.stderr
    error = json.loads(result.stdout)
    assert error["status"] == "error" and error["where"] == "<stdin>" and error["exit_code"] == 2


def test_embed_from_stdin(runner, seed_dist: Path) -> None:
    nquads = (seed_dist / "dataset.nq").read_text(encoding="utf-8")
    iri = "https://w3id.org/defrel/data/entity/russia"
    result = runner.invoke(main, ["embed", iri, "--data", "-", "--syntax", "nq"], input=nquads)
    assert result.exit_code == 0 and result.output.startswith('<script type="application/ld+json">')


# --- --json summaries ---------------------------------------------------------------------

BUILD_KEYS = {"status", "conforms", "consistent", "articles", "reused", "triples",
              "inferred_graphs", "inferred_triples", "out", "files", "seconds", "results",
              "conflicts"}  # fmt: skip


def test_build_json(runner, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = runner.invoke(main, ["build", str(SEEDS), "--out", str(out), "--json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert set(summary) == BUILD_KEYS
    assert summary["status"] == "built" and summary["articles"] == 1 and summary["files"] >= 6
    again = json.loads(
        runner.invoke(main, ["build", str(SEEDS), "--out", str(out), "--json"]).stdout
    )
    assert again["reused"] == 1 and again["triples"] == summary["triples"]


def test_build_json_when_it_fails(runner, tmp_path: Path) -> None:
    facts = write_article(
        tmp_path / "in", MINI_FACTS.replace("recipient: united-states", "recipient: russia")
    )
    result = runner.invoke(main, ["build", str(facts), "--out", str(tmp_path / "o"), "--json"])
    assert result.exit_code == 1
    summary = json.loads(result.stdout)
    assert summary["status"] == "not_conforming" and summary["results"] and summary["files"] == 0


def test_build_json_on_bad_input(runner, tmp_path: Path) -> None:
    bad = write_article(tmp_path / "bad", "\n")
    result = runner.invoke(main, ["build", str(bad), "--out", str(tmp_path / "o"), "--json"])
    assert result.exit_code == 2 and "Error:" in result.stderr
    error = json.loads(result.stdout)
    assert error["status"] == "error" and "the facts file is empty" in error["error"]
    assert error["where"].startswith(str(bad)) and error["exit_code"] == 2


def test_site_json(runner, tmp_path: Path) -> None:
    result = runner.invoke(main, ["site", str(SEEDS), "--out", str(tmp_path / "site"), "--json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["status"] == "built" and summary["pages"] > 1 and summary["articles"] == 1
    assert set(summary) == {"status", "conforms", "articles", "triples", "pages", "out", "files",
                            "seconds", "results"}  # fmt: skip


def test_ontology_check_json(runner, seed_dist: Path) -> None:
    nquads = (seed_dist / "dataset.nq").read_text(encoding="utf-8")
    args = ["ontology", "check", "--data", "-", "--syntax", "nq", "--json"]
    result = runner.invoke(main, args, input=nquads)
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["status"] == "ok" and summary["consistent"] is True
    assert summary["unsatisfiable"] == {} and summary["individuals"] > 0
    assert summary["ontology"] == "https://w3id.org/defrel/ontology"


# --- progress bars: on a terminal, never in a pipe ------------------------------------------


def test_the_bar_draws_only_when_live() -> None:
    class Progress:
        articles, articles_total = 2, 2

    for live, drawn in ((True, True), (False, False)):
        stream = io.StringIO()
        with Bar(stream, lambda p: f"{p.articles}/{p.articles_total}", live=live) as bar:
            bar(Progress())
        assert stream.getvalue() == ("\r2/2\n" if drawn else "")


def _build_in(tmp_path: Path, *, terminal: bool) -> tuple[str, str]:
    """Run ``defrel build`` as a process, stderr a pseudo-terminal or a pipe: (stdout, stderr)."""
    args = [sys.executable, "-m", "mapper.cli", "build", str(SEEDS), "--out", str(tmp_path / "o")]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    if not terminal:
        done = subprocess.run(args, capture_output=True, text=True, timeout=120, env=env)
        assert done.returncode == 0, done.stderr
        return done.stdout, done.stderr
    leader, follower = pty.openpty()
    with subprocess.Popen(args, stdout=subprocess.PIPE, stderr=follower, env=env) as process:
        os.close(follower)
        chunks = []
        while True:
            ready = select.select([leader], [], [], 120)[0]
            try:
                chunk = os.read(leader, 4096) if ready else b""
            except OSError:  # the terminal closes when the process ends
                chunk = b""
            if not chunk:
                break
            chunks.append(chunk)
        out = process.stdout.read().decode()
        assert process.wait(timeout=120) == 0
    os.close(leader)
    return out, b"".join(chunks).decode()


def test_build_draws_a_bar_on_a_terminal(tmp_path: Path) -> None:
    out, err = _build_in(tmp_path, terminal=True)
    assert "\r[" in err and "1/1 articles" in err and "triples" in err
    assert "Built 1 article(s)" in out and "[" not in out


def test_build_prints_no_bar_in_a_pipe(tmp_path: Path) -> None:
    out, err = _build_in(tmp_path, terminal=False)
    assert err == "" and "Built 1 article(s)" in out


# --- the README's command reference -------------------------------------------------------


def _commands(group, prefix: tuple[str, ...] = ()):
    for name, command in sorted(group.commands.items()):
        if hasattr(command, "commands"):
            yield from _commands(command, (*prefix, name))
        else:
            yield (*prefix, name), command


def test_every_long_option_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [
        f"defrel {' '.join(path)} {opt}"
        for path, command in _commands(main)
        for param in command.params
        for opt in getattr(param, "opts", [])
        if opt.startswith("--") and opt != "--help"
        and not re.search(re.escape(opt) + r"(?![\w-])", readme)
    ]  # fmt: skip
    assert missing == []
