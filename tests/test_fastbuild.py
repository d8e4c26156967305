"""The fast build (``mapper/builder/fastbuild.py``, what ``defrel build`` runs) against the rdflib
pipeline it replaced (``classic_build``, pySHACL and rdflib's serialisers), and its
incremental rebuilds against full ones.

* same graphs: every output file of the fast build is isomorphic, graph by graph, to the
  classic build's (seed and generated articles), and the same verdicts on bad data;
* parallel = serial, byte for byte;
* incremental: after editing, adding or removing articles, a rebuild reuses exactly the
  unchanged articles and writes the very bytes a full build into an empty folder writes;
  a changed recipe (base IRI) or a damaged manifest rebuilds everything; a failed rebuild
  leaves the previous output (and its manifest) as it was;
* what only the union of articles shows (one Wikidata id given to a person in one article
  and a country in another) stops the build, as in the classic pipeline.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
from pathlib import Path

import pytest
from conftest import MINI_FACTS, MINI_TEXT, ROOT, SEEDS, write_article
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic
from reference_pipeline import classic_build

import mapper.builder.fastbuild as fastbuild
from mapper.builder.fastbuild import MANIFEST, fast_build
from mapper.errors import FactsError
from mapper.rdf.vocab import DEFAULT_BASE

sys.path.insert(0, str(ROOT / "benchmarks"))
from corpus import generate  # noqa: E402

BIG = ("dataset.ttl", "dataset.nq", "dataset.jsonld", "context.jsonld")


def snapshot(out: Path) -> dict[str, bytes]:
    """Every output file's bytes, by relative path (the manifest excluded)."""
    return {
        str(p.relative_to(out)): p.read_bytes()
        for p in sorted(out.rglob("*"))
        if p.is_file() and not str(p.relative_to(out)).startswith(".defrel")
    }


def graphs(path: Path, fmt: str) -> dict:
    dataset = Dataset()
    dataset.parse(path, format=fmt)
    return {str(g.identifier): g for g in dataset.graphs() if len(g)}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    generate(folder, articles=40, seed=11)
    return folder


@pytest.fixture(scope="module")
def built(corpus: Path, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("built") / "dist"
    outcome = fast_build([corpus], out=out, base=DEFAULT_BASE, jobs=1)
    assert outcome.ok and outcome.articles == 40 and outcome.reused == 0
    return out


def test_fast_output_is_the_classic_output(tmp_path: Path, corpus: Path) -> None:
    inputs = tmp_path / "in"
    shutil.copytree(SEEDS, inputs)
    for path in sorted(corpus.iterdir())[:4]:  # two generated articles with the seed
        shutil.copy(path, inputs)
    fast = fast_build([inputs], out=tmp_path / "fast", base=DEFAULT_BASE, jobs=1)
    classic = classic_build([inputs], out=tmp_path / "classic", jobs=1)
    assert fast.ok and classic.ok
    assert "sh:conforms true" in fast.report.turtle()
    assert (fast.articles, fast.triples) == (classic.articles, classic.triples) == (3, fast.triples)
    for name, fmt in (("dataset.nq", "nquads"), ("dataset.jsonld", "json-ld")):
        ours, theirs = (
            graphs(tmp_path / "fast" / name, fmt),
            graphs(tmp_path / "classic" / name, fmt),
        )
        assert ours.keys() == theirs.keys() and len(ours) == 3
        for iri in ours:
            assert isomorphic(ours[iri], theirs[iri]), (name, iri)
    ours = Graph().parse(tmp_path / "fast" / "dataset.ttl")
    assert isomorphic(ours, Graph().parse(tmp_path / "classic" / "dataset.ttl"))
    files = sorted((tmp_path / "classic" / "articles").iterdir())
    assert [f.name for f in files] == sorted(
        f.name for f in (tmp_path / "fast" / "articles").iterdir()
    )
    for theirs_path in files:
        fmt = "turtle" if theirs_path.suffix == ".ttl" else "json-ld"
        ours_path = tmp_path / "fast" / "articles" / theirs_path.name
        assert isomorphic(
            Graph().parse(ours_path, format=fmt), Graph().parse(theirs_path, format=fmt)
        )


def test_fast_and_classic_reject_the_same_data(tmp_path: Path) -> None:
    # Russia supplying itself: the shapes refuse it (the ontology has no axiom against it,
    # so neither build finds a conflict; conflicts are compared below).
    facts = MINI_FACTS.replace("recipient: united-states", "recipient: russia")
    source = write_article(tmp_path / "in", facts)
    fast = fast_build([source], out=tmp_path / "fast", base=DEFAULT_BASE, jobs=1)
    classic = classic_build([source], out=tmp_path / "classic", jobs=1)
    assert not fast.ok and not classic.ok
    assert [(r.focus, r.path, r.component, r.shape, r.where) for r in fast.report.results] == [
        (r.focus, r.path, r.component, r.shape, r.where) for r in classic.report.results
    ]
    assert fast.conflicts == classic.conflicts == []
    assert not (tmp_path / "fast").exists() and not (tmp_path / "classic").exists()


def _with(facts: str, label: str, lines: str) -> str:
    old = f"    label: {label}\n"
    assert facts.count(old) == 1
    return facts.replace(old, old + lines)


# Two entities joined by same_as through one IRI that is not a Wikidata item (one Wikidata
# item naming two entities is refused by the loader before any consistency rule runs).
SAME_159, SAME_30 = "https://example.org/id/159", "https://example.org/id/30"

CONTRADICTIONS = {
    # within one article: a person who is a country (disjoint classes, through same_as)
    "disjoint": {
        "one": _with(
            _with(MINI_FACTS, "Raheel Sharif", f"    same_as: {SAME_159}\n"),
            "Russia",
            f"    same_as: {SAME_159}\n",
        )
    },
    # within one article: same_as against different_from
    "different": {
        "one": _with(
            _with(MINI_FACTS, "United States", f"    same_as: {SAME_30}\n"),
            "Russia",
            f"    same_as: {SAME_30}\n    different_from: [united-states]\n",
        )
    },
    # across two articles: reciprocal located_in (asymmetric)
    "asymmetric": {
        "one": _with(MINI_FACTS, "Washington", "    located_in: united-states\n"),
        "two": _with(MINI_FACTS, "United States", "    located_in: washington\n"),
    },
}


@pytest.mark.parametrize("case", sorted(CONTRADICTIONS))
def test_fast_and_classic_find_the_same_conflicts(tmp_path: Path, case: str) -> None:
    for slug, facts in CONTRADICTIONS[case].items():
        write_article(tmp_path / "in", facts, slug=slug)
    fast = fast_build([tmp_path / "in"], out=tmp_path / "fast", base=DEFAULT_BASE, jobs=1)
    classic = classic_build([tmp_path / "in"], out=tmp_path / "classic", jobs=1)
    assert fast.report.conforms and classic.report.conforms
    assert len(fast.conflicts) == 1  # not an empty list compared with another
    assert fast.conflicts == classic.conflicts  # message, axiom, every statement and place
    assert not (tmp_path / "fast").exists() and not (tmp_path / "classic").exists()


def test_parallel_output_is_the_serial_output(tmp_path: Path, corpus: Path, built: Path) -> None:
    outcome = fast_build([corpus], out=tmp_path / "dist", base=DEFAULT_BASE, jobs=2)
    assert outcome.ok and outcome.reused == 0
    assert snapshot(tmp_path / "dist") == snapshot(built)


def rebuild_equals_full(out: Path, inputs: Path, tmp_path: Path, *, reused: int) -> None:
    again = fast_build([inputs], out=out, base=DEFAULT_BASE, jobs=1)
    assert again.ok and again.reused == reused
    full = fast_build([inputs], out=tmp_path / "full", base=DEFAULT_BASE, jobs=1)
    assert full.ok and full.reused == 0
    assert snapshot(out) == snapshot(tmp_path / "full")
    assert again.triples == full.triples and again.articles == full.articles


@pytest.fixture
def copy(tmp_path: Path, corpus: Path, built: Path) -> tuple[Path, Path]:
    inputs, out = tmp_path / "in", tmp_path / "dist"
    shutil.copytree(corpus, inputs)
    shutil.copytree(built, out)
    return inputs, out


def test_nothing_changed_reuses_every_article(copy, tmp_path: Path) -> None:
    inputs, out = copy
    before = snapshot(out)
    rebuild_equals_full(out, inputs, tmp_path, reused=40)
    assert snapshot(out) == before


def test_an_edited_article_alone_is_rebuilt(copy, tmp_path: Path, monkeypatch) -> None:
    inputs, out = copy
    facts = inputs / "article-000017.facts.yaml"
    text = facts.read_text(encoding="utf-8")
    assert "- id: fact-1\n" in text  # a fact's label: an entity's must agree across articles
    edited = text.replace("- id: fact-1\n", "- id: fact-1\n  label: Edited fact\n", 1)
    facts.write_text(edited, encoding="utf-8")
    processed = []
    real = fastbuild.process

    def spy(paths, *args):
        processed.extend(Path(p).name for p in paths)
        return real(paths, *args)

    monkeypatch.setattr(fastbuild, "process", spy)
    rebuild_equals_full(out, inputs, tmp_path, reused=39)
    assert processed[0] == "article-000017.facts.yaml"
    assert b"Edited " in (out / "dataset.nq").read_bytes()


def test_an_edited_text_alone_is_rebuilt(copy, tmp_path: Path) -> None:
    inputs, out = copy
    with open(inputs / "article-000003.txt", "a", encoding="utf-8") as text:
        text.write(" A sentence added at the end.")
    rebuild_equals_full(out, inputs, tmp_path, reused=39)
    assert b"A sentence added at the end." in (out / "dataset.ttl").read_bytes()


def test_removed_and_added_articles(copy, tmp_path: Path) -> None:
    inputs, out = copy
    for suffix in (".facts.yaml", ".txt"):
        (inputs / f"article-000005{suffix}").unlink()
    write_article(inputs, slug="zz-new")
    rebuild_equals_full(out, inputs, tmp_path, reused=39)
    assert not (out / "articles" / "article-000005.ttl").exists()
    assert (out / "articles" / "zz-new.ttl").exists()
    assert b"article-000005" not in (out / "dataset.nq").read_bytes()


def test_a_missing_article_file_is_written_again(copy, tmp_path: Path) -> None:
    inputs, out = copy
    (out / "articles" / "article-000030.jsonld").unlink()
    rebuild_equals_full(out, inputs, tmp_path, reused=39)


def test_another_base_or_a_damaged_manifest_rebuilds_everything(copy, tmp_path: Path) -> None:
    inputs, out = copy
    other = fast_build([inputs], out=out, base="https://example.org/x/", jobs=1)
    assert other.ok and other.reused == 0
    assert b"https://example.org/x/" in (out / "dataset.nq").read_bytes()
    (out / MANIFEST).write_bytes(b"not a pickle")
    rebuild = fast_build([inputs], out=out, base=DEFAULT_BASE, jobs=1)
    assert rebuild.ok and rebuild.reused == 0


def test_a_failed_rebuild_leaves_the_output_and_its_manifest(copy, tmp_path: Path) -> None:
    inputs, out = copy
    before = snapshot(out)
    manifest = (out / MANIFEST).read_bytes()
    facts = inputs / "article-000009.facts.yaml"
    facts.write_text(facts.read_text(encoding="utf-8") + "\nbogus: 1\n", encoding="utf-8")
    with pytest.raises(Exception, match="bogus"):
        fast_build([inputs], out=out, base=DEFAULT_BASE, jobs=1)
    assert snapshot(out) == before and (out / MANIFEST).read_bytes() == manifest
    assert not list(out.parent.glob(".dist.*"))


def test_a_contradiction_across_two_articles_stops_the_build(tmp_path: Path) -> None:
    # Each article alone is consistent; together, one IRI is both a Person and a Country.
    # (Not a Wikidata item: two entities with one item are refused before any reasoning.)
    same = "https://example.org/id/159"
    person = MINI_FACTS.replace(
        "    label: Raheel Sharif\n", f"    label: Raheel Sharif\n    same_as: {same}\n"
    )
    country = MINI_FACTS.replace("    label: Russia\n", f"    label: Russia\n    same_as: {same}\n")
    write_article(tmp_path / "in", person, slug="one")
    write_article(tmp_path / "in", country, slug="two")
    for slug in ("one", "two"):
        alone = fast_build(
            [tmp_path / "in" / f"{slug}.facts.yaml"], out=tmp_path / slug, base=DEFAULT_BASE
        )
        assert alone.ok
    both = fast_build([tmp_path / "in"], out=tmp_path / "dist", base=DEFAULT_BASE, jobs=1)
    assert not both.ok and not (tmp_path / "dist").exists()
    assert [c.axiom for c in both.conflicts] == [
        c.axiom for c in classic_build([tmp_path / "in"], out=tmp_path / "c").conflicts
    ]
    text = str(both.conflicts[0])
    assert "defrel:Person" in text and "defrel:Country" in text
    assert "one.facts.yaml" in text and "two.facts.yaml" in text


@pytest.mark.parametrize("fmt", ["json", "text"])
def test_validate_with_either_engine_says_the_same(runner, tmp_path: Path, fmt: str) -> None:
    from mapper.cli.main import main

    facts = MINI_FACTS.replace("recipient: united-states", "recipient: russia")
    source = write_article(tmp_path / "in", facts)
    said = {}
    for engine in ("compiled", "pyshacl"):
        result = runner.invoke(main, ["validate", str(source), "--format", fmt, "--engine", engine])
        assert result.exit_code == 1, result.output
        said[engine] = result.output
    assert said["compiled"] == said["pyshacl"]
    assert "mini.facts.yaml" in said["compiled"]


def test_build_command_says_what_it_reused_and_counts_the_article_files(
    runner, tmp_path: Path, corpus: Path
) -> None:
    from mapper.cli.main import main

    out = tmp_path / "dist"
    first = runner.invoke(main, ["build", str(corpus), "--out", str(out), "--jobs", "1"])
    assert first.exit_code == 0, first.output
    assert "Built 40 article(s), " in first.output
    assert f"  {out / 'dataset.ttl'}\n" in first.output
    assert f"  and 80 files under {out / 'articles'}\n" in first.output  # the dataset files named
    again = runner.invoke(main, ["build", str(corpus), "--out", str(out), "--jobs", "1"])
    assert again.exit_code == 0, again.output
    assert "Built 40 article(s) (40 unchanged, reused), " in again.output


# --- the reuse stamp: size, modification time and inode -----------------------------------


def edit_in_place(path: Path, old: bytes, new: bytes) -> None:
    """Replace ``old`` by ``new`` (as long) inside ``path`` without a new inode or size, and
    give the file a later modification time (a same-size edit in an editor that writes in
    place, faster than the clock a rebuild could see)."""
    assert len(old) == len(new) and old != new
    before = path.stat()
    data = path.read_bytes()
    assert data.count(old) == 1
    with open(path, "r+b") as stream:
        stream.seek(data.index(old))
        stream.write(new)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns + 1_000_000_000))
    after = path.stat()
    assert (after.st_size, after.st_ino) == (before.st_size, before.st_ino)
    assert after.st_mtime_ns != before.st_mtime_ns


@pytest.fixture
def two_built(tmp_path: Path) -> tuple[Path, Path]:
    """Two small articles, built, then built again so that the manifest holds the stamps
    of these very files (a rebuild that reads nothing)."""
    inputs, out = tmp_path / "in", tmp_path / "dist"
    write_article(inputs, slug="one")
    write_article(inputs, slug="two")
    for reused in (0, 2):
        outcome = fast_build([inputs], out=out, base=DEFAULT_BASE, jobs=1)
        assert outcome.ok and outcome.reused == reused
    return inputs, out


def test_a_same_size_edit_of_a_facts_file_in_place_is_rebuilt(two_built, tmp_path: Path) -> None:
    inputs, out = two_built
    # a fact's value, not an entity's label: an entity keeps one label across articles
    edit_in_place(inputs / "two.facts.yaml", b"max: 75", b"max: 74")
    rebuild_equals_full(out, inputs, tmp_path, reused=1)
    assert "74" in (out / "articles" / "two.ttl").read_text(encoding="utf-8")


def test_a_same_size_edit_of_a_text_in_place_is_rebuilt(two_built, tmp_path: Path) -> None:
    inputs, out = two_built
    digest = hashlib.sha256(MINI_TEXT.encode()).hexdigest()
    edit_in_place(inputs / "one.txt", b"Russia.\n", b"Russia!\n")  # in no quote
    rebuild_equals_full(out, inputs, tmp_path, reused=1)
    edited = hashlib.sha256((inputs / "one.txt").read_bytes()).hexdigest()
    assert edited in (out / "articles" / "one.ttl").read_text(encoding="utf-8")
    assert digest in (out / "articles" / "two.ttl").read_text(encoding="utf-8")


def test_a_touched_but_unchanged_file_is_reused_and_its_new_stamp_kept(
    two_built, tmp_path: Path, monkeypatch
) -> None:
    inputs, out = two_built
    facts = inputs / "one.facts.yaml"
    stat = facts.stat()
    os.utime(facts, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    rebuild_equals_full(out, inputs, tmp_path, reused=2)  # its bytes were read and compared
    read = []
    monkeypatch.setattr(fastbuild, "content_key", lambda *args: read.append(args))
    again = fast_build([inputs], out=out, base=DEFAULT_BASE, jobs=1)
    assert again.ok and again.reused == 2 and read == []  # the new stamp: nothing read


def test_a_same_size_edit_of_a_dataset_file_in_place_rebuilds_everything(
    two_built, tmp_path: Path
) -> None:
    # The manifest's byte ranges point into dataset.nq: edited behind its back, it is not
    # copied from, whatever its size.
    inputs, out = two_built
    line = next(
        line
        for line in (out / "dataset.nq").read_bytes().splitlines(keepends=True)
        if b"/article/one> " in line and b"sha256" in line
    )
    digest = line.split(b'"')[1]
    wrong = digest[:-1] + (b"0" if digest[-1:] != b"0" else b"1")
    edit_in_place(out / "dataset.nq", line, line.replace(digest, wrong))
    rebuild_equals_full(out, inputs, tmp_path, reused=0)


# --- the recipe: what every article's output depends on besides its own files ------------


@pytest.fixture
def package_copy(tmp_path: Path, monkeypatch) -> Path:
    """A copy of the package's sources and bundled data (links followed), which
    ``recipe()`` then reads instead of the installed package."""
    package = Path(fastbuild.__file__).resolve().parents[1]
    copy = tmp_path / "package" / "mapper"

    def skip(folder: str, names: list[str]) -> set[str]:  # data/ folders the recipe leaves out
        data = Path(folder).name == "data"
        return {n for n in names if n == "__pycache__" or data and n in ("java", "site", "queries")}

    shutil.copytree(package, copy, ignore=skip)
    real = fastbuild.recipe(DEFAULT_BASE)
    monkeypatch.setattr(fastbuild, "__file__", str(copy / "builder" / "fastbuild.py"))
    assert fastbuild.recipe(DEFAULT_BASE) == real  # the copy is faithful
    assert fastbuild.recipe("https://example.org/x/") != real
    return copy


RECIPE_PARTS = [
    "data/shapes/defrel-shapes.ttl",
    "data/ontology/defrel.ttl",
    "data/context.jsonld",
    "rdf/mapping.py",
]


@pytest.mark.parametrize("part", RECIPE_PARTS)
def test_a_changed_shapes_ontology_context_or_code_rebuilds_everything(
    package_copy: Path, tmp_path: Path, part: str
) -> None:
    inputs, out = tmp_path / "in", tmp_path / "dist"
    write_article(inputs)
    assert fast_build([inputs], out=out, base=DEFAULT_BASE, jobs=1).ok
    before, key = snapshot(out), fastbuild.recipe(DEFAULT_BASE)
    path = package_copy / part
    path.write_bytes(path.read_bytes() + b"\n")  # any change, even one that changes no output
    assert fastbuild.recipe(DEFAULT_BASE) != key
    again = fast_build([inputs], out=out, base=DEFAULT_BASE, jobs=1)
    assert again.ok and again.reused == 0
    assert snapshot(out) == before
    assert fast_build([inputs], out=out, base=DEFAULT_BASE, jobs=1).reused == 1


# --- the manifest's statement table -----------------------------------------------------------


def test_the_statement_table_is_compacted_once_mostly_unused() -> None:
    from mapper.builder.manifest import Manifest

    manifest = Manifest("recipe", "consistent")
    manifest.add("gone", {"key": "g"}, [f"<s> <p> <o{i}>" for i in range(1004)])
    manifest.add("kept", {"key": "k"}, ["<s> <p> <o5>", "<s> <p> <new>", "<s> <p> <o5>"])
    manifest.add("also", {"key": "a"}, ["<s> <p> <o6>"])
    assert list(manifest.articles["kept"]["shared"]) == [5, 1004, 5]  # interned: one number each
    assert manifest.compacted() is manifest  # 1,005 statements, all used
    del manifest.articles["gone"]
    assert manifest.used() == {5, 6, 1004}
    assert manifest.compacted() is manifest  # 1,002 unused of 1,005: not yet worth a rebuild
    del manifest.articles["also"]
    fresh = manifest.compacted()  # 1,003 unused: rebuilt
    assert fresh is not manifest
    assert (fresh.recipe, fresh.consistent) == ("recipe", "consistent")
    assert fresh.statements == ["<s> <p> <o5>", "<s> <p> <new>"]
    assert list(fresh.articles) == ["kept"] and fresh.articles["kept"]["key"] == "k"
    assert fresh.shared("kept") == ["<s> <p> <o5>", "<s> <p> <new>", "<s> <p> <o5>"]


@pytest.mark.parametrize(
    "change",
    [
        {"format": 1},  # an older layout of the manifest
        {"byteorder": "big" if sys.byteorder == "little" else "little"},  # another machine's
        {"recipe": "0" * 64},  # another defrel
        {"statements": None},  # damaged: no table
        {"statements": [1, 2]},  # damaged: not statements
        {"statements": []},  # damaged: the articles' numbers point past the table
        "one-short",  # damaged: the last statement of the table missing
    ],
    ids=["format", "byteorder", "recipe", "no-table", "not-statements", "short-table", "one-short"],
)
def test_a_manifest_from_elsewhere_rebuilds_everything(two_built, tmp_path, change) -> None:
    inputs, out = two_built
    data = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    if change == "one-short":
        change = {"statements": data["statements"][:-1]}
    (out / MANIFEST).write_text(json.dumps(data | change), encoding="utf-8")
    rebuild_equals_full(out, inputs, tmp_path, reused=0)
    again = fast_build([inputs], out=out, base=DEFAULT_BASE, jobs=1)  # its own manifest again
    assert again.ok and again.reused == 2


def test_two_facts_files_with_one_slug_stop_the_build(tmp_path: Path) -> None:
    first = write_article(tmp_path / "a", slug="one")
    second = write_article(tmp_path / "b", slug="one")
    write_article(tmp_path / "b", slug="two")
    with pytest.raises(FactsError, match="two facts files share the slug 'one'") as caught:
        fast_build([tmp_path / "a", tmp_path / "b"], out=tmp_path / "dist", jobs=1)
    assert f"(also {first})" in caught.value.message and caught.value.path == str(second)
    assert caught.value.hint == "article slugs must be unique: rename one file"
    assert not (tmp_path / "dist").exists()


def test_an_unchanged_corpus_is_not_checked_across_articles_again(two_built, monkeypatch) -> None:
    # The manifest keeps the fingerprint of the summaries last found consistent: a rebuild
    # with the same summaries skips the cross-article check.
    import mapper.builder.crosscheck as crosscheck

    inputs, out = two_built
    calls = []
    monkeypatch.setattr(crosscheck, "conflicts_of", lambda *args: calls.append(args) or [])
    again = fast_build([inputs], out=out, base=DEFAULT_BASE, jobs=1)
    assert again.ok and again.reused == 2 and calls == []
    write_article(inputs, MINI_FACTS.replace("max: 75", "max: 60"), slug="three")
    assert fast_build([inputs], out=out, base=DEFAULT_BASE, jobs=1).ok and len(calls) == 1


def test_the_build_reads_an_articles_statements_strictly_before_it_writes_them():
    # the site then reads dataset.nq without checking IRIs again (site.rendering._article)
    from mapper.builder.chunks import _turtle_body

    bad = "<https://example.org/a\\u003Eb> <https://example.org/p> <https://example.org/o>"
    with pytest.raises(SyntaxError, match="Invalid IRI"):
        _turtle_body([bad], "https://example.org/")


def test_the_build_starts_its_workers_with_the_tuned_collector(monkeypatch, tmp_path):
    import gc
    from concurrent.futures import ProcessPoolExecutor

    from mapper.builder.shard import GC_THRESHOLD, tune_collector

    made = []

    class Recording(ProcessPoolExecutor):
        def __init__(self, **kw):
            made.append(kw)
            super().__init__(**kw)

        def submit(self, fn, *args):  # what each worker's collector is set to, not a build
            return super().submit(gc.get_threshold)

    monkeypatch.setattr(fastbuild, "ProcessPoolExecutor", Recording)
    chunks = [tmp_path / f"a{i}.facts.yaml" for i in range(2 * fastbuild.CHUNK)]
    # (_run yields each task's results in turn: here the three numbers of a threshold)
    thresholds = list(fastbuild._run(chunks, DEFAULT_BASE, "key", 2, tmp_path))
    assert made[0]["initializer"] is tune_collector
    assert thresholds == [*GC_THRESHOLD, *GC_THRESHOLD] != [*gc.get_threshold()] * 2
