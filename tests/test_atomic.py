"""Nothing lost, nothing half-written: a build killed with SIGKILL leaves the previous output
whole, and a second build writing the same folder at the same time is turned away."""

from __future__ import annotations

import fcntl
import filecmp
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import SEEDS, write_article

from mapper.builder.serialize import write_dist
from mapper.errors import OutputError


def _build(out: Path, *sources: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "mapper.cli.main", "build", *map(str, sources), "--out", str(out)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def _finish(proc: subprocess.Popen) -> tuple[int, str]:
    """Wait for the build; its exit code and what it said on stderr (pipes closed)."""
    _, err = proc.communicate(timeout=120)
    return proc.returncode, err


def _same_tree(a: Path, b: Path) -> bool:
    """Same files, same bytes; the build manifest aside (it records the files' times)."""
    cmp = filecmp.dircmp(a, b, ignore=[".defrel"])
    if cmp.left_only or cmp.right_only or cmp.diff_files or cmp.funny_files:
        return False
    return all(_same_tree(a / d, b / d) for d in cmp.common_dirs)


@pytest.fixture(scope="module")
def previous(tmp_path_factory) -> Path:
    """A finished build of the seeds, to compare against after each kill."""
    out = tmp_path_factory.mktemp("previous") / "dist"
    code, err = _finish(_build(out, SEEDS))
    assert code == 0, err
    return out


@pytest.fixture(scope="module")
def finished_other(tmp_path_factory) -> Path:
    """The small article built to the end once, to compare against after each kill (the
    output does not depend on where the article's folder is)."""
    out = tmp_path_factory.mktemp("finished") / "dist"
    code, err = _finish(_build(out, write_article(out.parent / "in")))
    assert code == 0, err
    return out


@pytest.mark.parametrize("delay", [0.3, 0.8, 1.4, 2.0, 2.6])
def test_sigkill_mid_build_leaves_the_previous_output_whole(
    tmp_path: Path, previous: Path, finished_other: Path, delay: float
) -> None:
    out = tmp_path / "dist"
    subprocess.run(["cp", "-a", str(previous), str(out)], check=True)
    # a different article, so that a finished build would change dist/
    other = write_article(tmp_path / "in")
    proc = _build(out, other)
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    _finish(proc)
    # killed before the swap: the previous output; after it (or finished): the new one, whole
    assert _same_tree(out, previous) or _same_tree(out, finished_other)
    # whatever happened, a next build cleans up and succeeds
    code, err = _finish(_build(out, other))
    assert code == 0, err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dist", "in"]


def test_a_second_writer_is_turned_away(tmp_path: Path, previous: Path) -> None:
    out = tmp_path / "dist"
    lock = tmp_path / ".dist.lock"
    with lock.open("w") as held:  # another build holds the lock
        fcntl.flock(held, fcntl.LOCK_EX)
        from mapper.builder.pipeline import build_dataset

        dataset, graphs = build_dataset([write_article(tmp_path / "in")])
        with pytest.raises(OutputError, match="another defrel build is writing"):
            write_dist(dataset, graphs, out)
        assert not out.exists()


def test_two_builds_at_once_do_not_corrupt_each_other(tmp_path: Path, previous: Path) -> None:
    out = tmp_path / "dist"
    procs = [_build(out, SEEDS) for _ in range(2)]
    results = [_finish(p) for p in procs]
    codes = sorted(code for code, _ in results)
    assert codes in ([0, 0], [0, 2]), results  # both finished in turn, or one was turned away
    for code, err in results:
        if code == 2:
            assert "another defrel build is writing" in err
    assert _same_tree(out, previous)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_lock_file_is_gone_after_a_build(tmp_path: Path) -> None:
    from mapper.builder.pipeline import build

    build([write_article(tmp_path / "in")], out=tmp_path / "dist")
    assert sorted(os.listdir(tmp_path)) == ["dist", "in"]


# Where a run hangs in each command: a stand-in for an input that blocks (a FIFO nobody
# writes to), after the lock is taken and the staging folder made.
HANGS_IN = {
    "build": ("mapper.builder.fastbuild", "process"),
    "site": ("mapper.publish.site.build", "build_into"),
}


def _run(command: str, out: Path, source: Path, *, hang: bool = False) -> subprocess.Popen:
    module, name = HANGS_IN[command]
    code = "import sys, time, importlib\n"
    if hang:
        code += f"setattr(importlib.import_module({module!r}), {name!r}, lambda *a, **k: time.sleep(600))\n"
    code += "from mapper.cli.main import main\nmain()\n"
    return subprocess.Popen(
        [sys.executable, "-c", code, command, str(source), "--out", str(out)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.parametrize("command", sorted(HANGS_IN))
def test_a_hung_run_killed_leaves_leftovers_the_next_run_removes(
    tmp_path: Path, previous: Path, command: str
) -> None:
    out = tmp_path / "dist"
    subprocess.run(["cp", "-a", str(previous), str(out)], check=True)
    source = write_article(tmp_path / "in")
    proc = _run(command, out, source, hang=True)
    deadline = time.monotonic() + 60
    while not list(tmp_path.glob(".dist.defrel-tmp-*")) and time.monotonic() < deadline:
        assert proc.poll() is None, _finish(proc)
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    _finish(proc)
    # what the killed run left: its lock file and its staging folder; the output untouched
    assert (tmp_path / ".dist.lock").is_file()
    assert len(list(tmp_path.glob(".dist.defrel-tmp-*"))) == 1
    assert _same_tree(out, previous)
    code, err = _finish(_run(command, out, source))
    assert code == 0, err
    assert sorted(os.listdir(tmp_path)) == ["dist", "in"]
    assert (out / "articles" / "mini.ttl").is_file()


# --- the embedded store: a re-load killed with SIGKILL ----------------------------------------

RELOAD_ARTICLES = 20
SIZES = "SELECT ?g (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
UNION_IS_CONSISTENT = """ASK {
  { SELECT (COUNT(*) AS ?union) { ?s ?p ?o } }
  { SELECT (COUNT(*) AS ?distinct) { SELECT DISTINCT ?s ?p ?o { GRAPH ?g { ?s ?p ?o } } } }
  FILTER (?union = ?distinct)
}"""


def _load(data: Path, store: Path, tmp: Path) -> subprocess.Popen:
    """``defrel load`` in its own process, staging in ``tmp`` (not the machine's /tmp)."""
    return subprocess.Popen(
        [sys.executable, "-m", "mapper.cli.main", "load", str(data), "--store", str(store)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "TMPDIR": str(tmp)},
    )


def _sizes(store: Path) -> tuple[dict[str, int], bool]:
    """Triples per named graph, and whether the default graph is exactly their union."""
    import pyoxigraph as ox

    db = ox.Store(str(store))
    sizes = {r["g"].value: int(r["n"].value) for r in db.query(SIZES)}
    consistent = bool(db.query(UNION_IS_CONSISTENT))
    del db
    return sizes, consistent


@pytest.fixture(scope="module")
def reload_case(seed_dist, tmp_path_factory) -> tuple[Path, Path, Path]:
    """A complete store of 20 articles (old.nq), and new.nq: the same graphs, each half as big."""
    from stores import copies

    folder = tmp_path_factory.mktemp("reload")
    old = copies(seed_dist / "dataset.nq", folder / "old.nq", count=RELOAD_ARTICLES)
    lines = old.read_text(encoding="utf-8").splitlines(keepends=True)
    (folder / "new.nq").write_text("".join(lines[::2]), encoding="utf-8")
    (folder / "tmp").mkdir()
    code, err = _finish(_load(old, folder / "store", folder / "tmp"))
    assert code == 0, err
    return folder / "store", old, folder / "new.nq"


def test_sigkill_mid_reload_leaves_every_graph_old_or_new(
    tmp_path: Path, reload_case: tuple[Path, Path, Path]
) -> None:
    complete, old, new = reload_case
    old_sizes, consistent = _sizes(complete)
    assert len(old_sizes) == RELOAD_ARTICLES and consistent
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    store = tmp_path / "store"
    shutil.copytree(complete, store)
    started = time.perf_counter()
    code, err = _finish(_load(new, store, tmp))
    assert code == 0, err
    whole_load = time.perf_counter() - started
    new_sizes, _ = _sizes(store)
    assert all(new_sizes[g] < old_sizes[g] for g in old_sizes)
    mixed = left = 0
    for fraction in (0.3, 0.5, 0.65, 0.8, 0.95):
        shutil.rmtree(store)
        shutil.copytree(complete, store)
        proc = _load(new, store, tmp)
        time.sleep(whole_load * fraction)
        proc.send_signal(signal.SIGKILL)
        _finish(proc)
        left += any(p.name.startswith("defrel-staging-") for p in tmp.iterdir())
        sizes, consistent = _sizes(store)
        assert set(sizes) == set(old_sizes), f"graphs missing after a kill at {fraction}"
        assert all(sizes[g] in (old_sizes[g], new_sizes[g]) for g in sizes), sizes
        assert consistent, "the union default graph is not the union of the graphs"
        mixed += len(set(sizes.items()) - set(old_sizes.items())) not in (0, len(sizes))
    assert mixed, "no kill landed while graphs were being replaced: the test proved nothing"
    assert left, "no killed load left its staging folder behind: the test proved nothing"
    # the next load finishes the job and removes what the killed ones left in the temporary folder
    code, err = _finish(_load(new, store, tmp))
    assert code == 0, err
    assert _sizes(store) == (new_sizes, True)
    assert list(tmp.iterdir()) == []


def test_sigkill_mid_first_load_is_started_again_by_the_next(
    tmp_path: Path, reload_case: tuple[Path, Path, Path]
) -> None:
    """A new store is filled by the bulk loader, which is not one transaction: a kill leaves
    its mark in the store, and the next load empties it and loads everything again."""
    complete, old, _ = reload_case
    expected = _sizes(complete)
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    started = time.perf_counter()
    code, err = _finish(_load(old, tmp_path / "timed", tmp))
    assert code == 0, err
    whole_load = time.perf_counter() - started
    halfway = 0
    for fraction in (0.5, 0.7, 0.85, 0.95):
        store = tmp_path / f"store-{fraction}"
        proc = _load(old, store, tmp)
        time.sleep(whole_load * fraction)
        proc.send_signal(signal.SIGKILL)
        _finish(proc)
        halfway += (store / "CURRENT").exists() and _graphs(store)[1]
        code, err = _finish(_load(old, store, tmp))
        assert code == 0, err
        assert _sizes(store) == expected, f"after a kill at {fraction}"
        assert _graphs(store) == (set(expected[0]), False)
    assert halfway, "no kill landed during the bulk load: the test proved nothing"


def _graphs(store: Path) -> tuple[set[str], bool]:
    """The store's named graphs, and whether the mark of an unfinished bulk load is there."""
    import pyoxigraph as ox

    from mapper.stores.bulk import MARK

    db = ox.Store(str(store))
    graphs = {g.value for g in db.named_graphs()}
    del db
    return graphs - {MARK.value}, MARK.value in graphs
