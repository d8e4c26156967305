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


@pytest.mark.parametrize("delay", [0.3, 0.8, 1.4, 2.0, 2.6])
def test_sigkill_mid_build_leaves_the_previous_output_whole(
    tmp_path: Path, previous: Path, delay: float
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
    expected_new = tmp_path / "expected"
    code, err = _finish(_build(expected_new, other))
    assert code == 0, err
    assert _same_tree(out, previous) or _same_tree(out, expected_new)
    shutil.rmtree(expected_new)
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
    "site": ("mapper.publish.site", "build_dataset"),
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
