"""Every command and every exit code of the ``defrel`` CLI, through click's CliRunner."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import MINI_FACTS, SEEDS, write_article
from rdflib import Dataset

from mapper.builder.outdir import MARKER
from mapper.cli.main import main
from mapper.facts.schema import published_schema

BASE = "https://example.org/news/"


def test_every_command_has_help_with_an_example(runner) -> None:
    site = {"site", "embed", "serve"}
    analyst = {"entities", "draft", "review"}
    assert (
        set(main.commands)
        == {"build", "validate", "query", "schema", "ontology", "load"} | site | analyst
    )
    for name in main.commands:
        result = runner.invoke(main, [name, "--help"])
        assert result.exit_code == 0, name
        assert "Example:" in result.output and f"defrel {name}" in result.output, name


def test_version(runner) -> None:
    result = runner.invoke(main, ["--version"])
    assert result.exit_code == 0 and result.output.startswith("defrel, version ")


# --- build ----------------------------------------------------------------------------------


def test_build_writes_every_file(runner, mini: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = runner.invoke(main, ["build", str(mini), "--out", str(out), "--base", BASE])
    assert result.exit_code == 0, result.output
    assert "Built 1 article(s)" in result.output and "conforms" in result.output
    for name in (
        "dataset.ttl",
        "dataset.jsonld",
        "dataset.nq",
        "context.jsonld",
        "articles/mini.ttl",
        "articles/mini.jsonld",
    ):
        assert (out / name).is_file(), name
    assert f"<{BASE}graph/mini>" in (out / "dataset.nq").read_text(encoding="utf-8")


def test_build_defaults_to_seeds_and_dist(runner, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(SEEDS.parent)
    out = tmp_path / "dist"
    result = runner.invoke(main, ["build", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "pakistan-courts-us-and-russia-on-defense.ttl" in result.output


def test_build_nonconforming_exits_1_and_leaves_output_alone(runner, tmp_path: Path) -> None:
    # The loader cannot see this one; the shapes can: a supplier supplying itself.
    facts = write_article(
        tmp_path / "in", MINI_FACTS.replace("recipient: united-states", "recipient: russia")
    )
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.txt").write_text("previous build", encoding="utf-8")
    (out / MARKER).write_text('{"defrel": "0.0.1"}', encoding="utf-8")  # a previous output
    result = runner.invoke(main, ["build", str(facts), "--out", str(out)])
    assert result.exit_code == 1, result.output
    assert "Does not conform" in result.output
    assert f"{facts}:27: fact 'supply' (kind: arms_supply), property defrel:supplier" in (
        result.output
    )
    assert sorted(p.name for p in out.iterdir()) == [MARKER, "keep.txt"]


def test_build_bad_input_exits_2_with_file_and_line(runner, tmp_path: Path) -> None:
    facts = write_article(tmp_path / "in", MINI_FACTS.replace("date: Thursday", "date: 2014-02-30"))
    out = tmp_path / "out"
    result = runner.invoke(main, ["build", str(facts), "--out", str(out)])
    assert result.exit_code == 2
    assert f"{facts}:24: 'visit': date: '2014-02-30' does not exist" in result.output
    assert "Traceback" not in result.output
    assert not out.exists()


@pytest.mark.parametrize(
    ("code", "words"),
    [(errno.ENOSPC, "the disk is full"), (errno.EROFS, "read-only"), (errno.EACCES, "permissions")],
)
def test_a_full_or_read_only_disk_is_named_as_such(
    runner, mini, tmp_path, monkeypatch, code, words
):
    """The hint fits the cause: a full disk is not a permissions problem. The previous output
    is as it was, and no staging folder is left behind."""
    from mapper.builder import outdir

    out = tmp_path / "out"
    assert runner.invoke(main, ["build", str(mini), "--out", str(out)]).exit_code == 0
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}

    def failing(*args, **kwargs):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(outdir, "_swap", failing)  # as the last step fails
    result = runner.invoke(main, ["build", str(mini), "--out", str(out)])
    assert result.exit_code == 2, result.output
    assert os.strerror(code) in result.output and words in result.output
    assert {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "out"]


def test_build_unwritable_output_exits_2(runner, mini: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    result = runner.invoke(main, ["build", str(mini), "--out", str(blocker / "dist")])
    assert result.exit_code == 2
    assert "cannot write into" in result.output and "--out" in result.output
    result = runner.invoke(main, ["build", str(mini), "--out", str(blocker)])
    assert result.exit_code == 2 and "is not a folder" in result.output
    assert blocker.read_text(encoding="utf-8") == "not a folder"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file", "in"]


def test_build_replaces_a_previous_output_whole(runner, mini: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert runner.invoke(main, ["build", str(mini), "--out", str(out)]).exit_code == 0
    (out / "stale.ttl").write_text("old", encoding="utf-8")
    assert runner.invoke(main, ["build", str(mini), "--out", str(out)]).exit_code == 0
    assert not (out / "stale.ttl").exists() and (out / "dataset.ttl").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "out"]  # no staging left


def test_build_bad_base_exits_2(runner, mini: Path, tmp_path: Path) -> None:
    result = runner.invoke(
        main, ["build", str(mini), "--out", str(tmp_path / "o"), "--base", "example.org/x"]
    )
    assert result.exit_code == 2 and "not an absolute http(s) IRI" in result.output


def test_build_missing_path_is_a_usage_error(runner, tmp_path: Path) -> None:
    result = runner.invoke(main, ["build", str(tmp_path / "nope")])
    assert result.exit_code == 2 and "does not exist" in result.output


def test_build_empty_facts_file(runner, tmp_path: Path) -> None:
    facts = write_article(tmp_path, "\n")
    result = runner.invoke(main, ["build", str(facts), "--out", str(tmp_path / "o")])
    assert result.exit_code == 2 and "the facts file is empty" in result.output


# --- validate -------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["text", "json", "turtle"])
def test_validate_facts_conforms(runner, mini: Path, fmt: str) -> None:
    result = runner.invoke(main, ["validate", str(mini), "--format", fmt])
    assert result.exit_code == 0, result.output
    if fmt == "json":
        assert json.loads(result.output) == {"conforms": True, "results": []}
    elif fmt == "turtle":
        assert "sh:conforms true" in result.output
    else:
        assert result.output.startswith("Conforms")


def test_validate_nonconforming_json_report(runner, tmp_path: Path) -> None:
    facts = write_article(
        tmp_path, MINI_FACTS.replace("recipient: united-states", "recipient: russia")
    )
    result = runner.invoke(main, ["validate", str(facts), "--format", "json"])
    assert result.exit_code == 1
    report = json.loads(result.output)
    assert report["conforms"] is False
    expected = f"{facts}:27: fact 'supply' (kind: arms_supply)"
    assert any(r["where"] == expected for r in report["results"]), report


def test_validate_rdf_files(runner, seed_dist: Path, tmp_path: Path) -> None:
    result = runner.invoke(main, ["validate", str(seed_dist / "dataset.nq")])
    assert result.exit_code == 0, result.output
    broken = tmp_path / "broken.ttl"
    broken.write_text(
        "@prefix defrel: <https://w3id.org/defrel/ontology#> .\n"
        "<https://example.org/v> a defrel:Visit .\n",
        encoding="utf-8",
    )
    result = runner.invoke(main, ["validate", str(broken)])
    assert result.exit_code == 1 and "Does not conform" in result.output


def test_validate_unparsable_rdf_exits_2(runner, tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix x: <http://x/> .\nx:a x:b .\nx:c x:d\n", encoding="utf-8")
    result = runner.invoke(main, ["validate", str(bad)])
    assert (
        result.exit_code == 2 and "cannot parse RDF" in result.output and str(bad) in result.output
    )


def test_validate_unknown_file_type_exits_2(runner, tmp_path: Path) -> None:
    odd = tmp_path / "notes.txt"
    odd.write_text("hello", encoding="utf-8")
    result = runner.invoke(main, ["validate", str(odd)])
    assert result.exit_code == 2 and "not a facts file or an RDF file" in result.output


# --- query ----------------------------------------------------------------------------------

SELECT = "SELECT ?label WHERE { ?v a defrel:Visit ; rdfs:label ?label } ORDER BY ?label"


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [
        ("table", "label\n"),
        ("csv", "label\r\n"),
        ("tsv", "?label\n"),
        ("json", '"vars": ['),
        ("xml", "<sparql"),
    ],
)
def test_query_select_formats(runner, seed_dist: Path, fmt: str, expected: str) -> None:
    result = runner.invoke(
        main, ["query", SELECT, "--data", str(seed_dist / "dataset.nq"), "--format", fmt]
    )
    assert result.exit_code == 0, result.output
    raw = result.stdout_bytes.decode("utf-8")  # .output would turn CRLF into LF
    assert expected in raw
    assert "Sergei Shoigu's visit to Pakistan" in raw


def test_query_defaults_to_the_built_dataset(runner, seed_dist: Path, monkeypatch) -> None:
    monkeypatch.chdir(seed_dist.parent)
    result = runner.invoke(main, ["query", "--example", "posts-held"])
    assert result.exit_code == 0, result.output
    assert "Chief of Army Staff" in result.output and "(4 rows)" in result.output


def test_query_from_file_and_ask(runner, seed_dist: Path, tmp_path: Path) -> None:
    q = tmp_path / "q.rq"
    q.write_text("ASK { ?s a defrel:ArmsTransfer }", encoding="utf-8")
    result = runner.invoke(main, ["query", "-f", str(q), "--data", str(seed_dist / "dataset.ttl")])
    assert result.exit_code == 0 and result.output == "yes\n"


@pytest.mark.parametrize(
    ("fmt", "parse_as"), [("turtle", "turtle"), ("nt", "nt"), ("jsonld", "json-ld")]
)
def test_query_construct_formats(runner, seed_dist: Path, fmt: str, parse_as: str) -> None:
    query = "CONSTRUCT { ?s a defrel:Visit } WHERE { ?s a defrel:Visit }"
    result = runner.invoke(
        main, ["query", query, "--data", str(seed_dist / "dataset.nq"), "--format", fmt]
    )
    assert result.exit_code == 0, result.output
    graph = Dataset()
    graph.parse(data=result.output, format=parse_as)
    assert len(graph) == 2


def test_query_graph_keeps_named_graphs(runner, seed_dist: Path) -> None:
    query = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s a defrel:Visit } }"
    result = runner.invoke(
        main, ["query", query, "--data", str(seed_dist / "dataset.nq"), "--format", "csv"]
    )
    assert result.exit_code == 0
    assert (
        "https://w3id.org/defrel/data/graph/pakistan-courts-us-and-russia-on-defense"
        in result.output
    )


def test_query_syntax_error_exits_2_with_line_and_column(runner, seed_dist: Path) -> None:
    result = runner.invoke(
        main, ["query", "SELECT ?s WHERE {\n ?s ?p\n}", "--data", str(seed_dist / "dataset.nq")]
    )
    assert result.exit_code == 2
    assert "3:2: SPARQL syntax error" in result.output  # Oxigraph's: where its parser stopped


def test_query_without_build_exits_2(runner, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(main, ["query", SELECT])
    assert result.exit_code == 2 and "run `defrel build` first" in result.output


@pytest.mark.parametrize("args", [[], [SELECT, "--example", "posts-held"]])
def test_query_needs_exactly_one_query(runner, args: list[str]) -> None:
    result = runner.invoke(main, ["query", *args])
    assert result.exit_code == 2 and "exactly one of QUERY" in result.output


def test_query_format_mismatch_exits_2(runner, seed_dist: Path) -> None:
    result = runner.invoke(
        main,
        [
            "query",
            "CONSTRUCT WHERE { ?s a defrel:Visit }",
            "--data",
            str(seed_dist / "dataset.nq"),
            "--format",
            "csv",
        ],
    )
    assert result.exit_code == 2 and "is for SELECT/ASK results" in result.output


def test_query_refuses_service(runner, seed_dist: Path) -> None:
    result = runner.invoke(
        main,
        [
            "query",
            "SELECT * { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }",
            "--data",
            str(seed_dist / "dataset.nq"),
        ],
    )
    assert result.exit_code == 2 and "SERVICE reaches the network" in result.output


def test_query_refuses_remote_jsonld_context(runner, tmp_path: Path) -> None:
    doc = tmp_path / "remote.jsonld"
    doc.write_text('{"@context": "http://127.0.0.1:9/ctx", "@id": "http://x/a"}', encoding="utf-8")
    result = runner.invoke(main, ["query", SELECT, "--data", str(doc)])
    assert result.exit_code == 2 and "remote @context" in result.output


# --- schema ---------------------------------------------------------------------------------


def test_schema_prints_the_published_schema(runner) -> None:
    result = runner.invoke(main, ["schema"])
    assert result.exit_code == 0
    assert json.loads(result.output) == published_schema()


def _command_paths(group, prefix: tuple[str, ...] = ()):
    for name, command in sorted(group.commands.items()):
        yield (*prefix, name)
        if hasattr(command, "commands"):
            yield from _command_paths(command, (*prefix, name))


HEAVY = ("rdflib", "pyoxigraph", "pyshacl", "owlready2", "httpx", "yaml", "jsonschema",
         "starlette", "uvicorn", "jinja2")  # fmt: skip


@pytest.mark.parametrize("args", [(), *_command_paths(main)], ids=lambda a: " ".join(a) or "defrel")
def test_help_loads_no_engine(args: tuple[str, ...]) -> None:
    """`defrel --help` and every command's help start in about 0.1 s: the CLI imports what
    a command needs when it runs (benchmarks/startup.py measures the time itself)."""
    code = (
        "import sys\nfrom mapper.cli.main import main\n"
        f"try:\n    main({[*args, '--help']!r})\nexcept SystemExit:\n    pass\n"
        f"print(sorted(m for m in {HEAVY!r} if m in sys.modules), file=sys.stderr)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and "Usage:" in done.stdout, done.stderr
    assert done.stderr.strip().splitlines()[-1] == "[]"
