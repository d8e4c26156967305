"""``defrel site`` into a previous site of its own updates it in place (``site/update.py``):
unchanged files stay where they are, files someone else put there survive, and a run
killed with SIGKILL midway leaves every finished file whole (the old one or the new one)
and a journal that makes the next run rebuild the folder, ending with a full build's."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, write_article

from mapper.publish.site.static import build_site
from mapper.publish.site.update import JOURNAL

sys.path.insert(0, str(ROOT / "benchmarks"))
from corpus import generate  # noqa: E402

EDITED = "article-000004.facts.yaml"
# Run defrel with os.replace made to SIGKILL the process when it is about to put a file
# whose path holds argv[1] into place: a kill at a chosen step of an update, every time.
KILLER = """
import os, signal, sys
real = os.replace
def replace(src, dst, *args, **kwargs):
    if sys.argv[1] in str(dst):
        os.kill(os.getpid(), signal.SIGKILL)
    return real(src, dst, *args, **kwargs)
os.replace = replace
from mapper.cli.main import main
main(sys.argv[2:])
"""


def _edit(inputs: Path) -> None:
    facts = inputs / EDITED
    text = facts.read_text(encoding="utf-8")
    assert "- id: fact-1\n" in text
    facts.write_text(text.replace("- id: fact-1\n", "- id: fact-1\n  label: Edited\n", 1))


def _files(site: Path) -> dict[str, bytes]:
    """The published files (the build state in .defrel/ aside: it records file times)."""
    return {
        p.relative_to(site).as_posix(): p.read_bytes()
        for p in site.rglob("*")
        if p.is_file() and not p.relative_to(site).as_posix().startswith(".defrel/")
    }


@pytest.fixture(scope="module")
def sites(tmp_path_factory) -> tuple[Path, Path, Path]:
    """The inputs (one article not yet edited), their site, and a full site of them edited."""
    folder = tmp_path_factory.mktemp("update")
    generate(folder / "in", articles=11, seed=5)
    write_article(folder / "in")
    assert build_site([folder / "in"], out=folder / "site", jobs=1).ok
    shutil.copytree(folder / "in", folder / "edited")
    _edit(folder / "edited")
    assert build_site([folder / "edited"], out=folder / "full", jobs=1).ok
    return folder / "in", folder / "site", folder / "full"


@pytest.fixture
def copy(sites, tmp_path: Path) -> tuple[Path, Path]:
    inputs, site, _ = sites
    shutil.copytree(inputs, tmp_path / "in")
    shutil.copytree(site, tmp_path / "site")
    _edit(tmp_path / "in")
    return tmp_path / "in", tmp_path / "site"


def test_an_update_is_made_in_place_and_leaves_other_files_alone(sites, copy) -> None:
    inputs, site = copy
    kept = site / "article" / "article-000002.html"
    inode = kept.stat().st_ino
    (site / "CNAME").write_text("data.example.org\n")  # the user's, not defrel's
    outcome = build_site([inputs], out=site, jobs=1)
    assert outcome.ok and outcome.reused == 11
    assert kept.stat().st_ino == inode  # not replaced: updated in place
    assert (site / "CNAME").read_text() == "data.example.org\n"
    assert not (site / JOURNAL).exists()
    (site / "CNAME").unlink()
    assert _files(site) == _files(sites[2])
    about = json.loads((site / ".defrel" / "site.json").read_text(encoding="utf-8"))
    assert "article/article-000004/fact/fact-1" in about["pages"]


def test_an_edit_of_a_large_site_renders_in_workers_started_before_the_build(
    sites, copy, monkeypatch
) -> None:
    """An edit of a site of WARM_ARTICLES articles or more starts the worker processes first
    (site/pool.py) and renders its shared pages there: the same files as a full build."""
    from mapper.publish.site import build as sitebuild
    from mapper.publish.site.pool import SitePool

    inputs, site = copy
    monkeypatch.setattr(sitebuild, "WARM_ARTICLES", 11)
    warmed, rendered = [], []
    real_warm, real_map = SitePool.warm, SitePool.map
    monkeypatch.setattr(SitePool, "warm", lambda self: warmed.append(self.jobs) or real_warm(self))
    monkeypatch.setattr(
        SitePool,
        "map",
        lambda self, fn, tasks: rendered.append(len(tasks)) or real_map(self, fn, tasks),
    )
    outcome = build_site([inputs], out=site, jobs=2)
    assert outcome.ok and outcome.reused == 11
    assert warmed[0] == 2 and rendered[-1] == 32  # the shared pages: 32 buckets, in the pool
    assert _files(site) == _files(sites[2])


def test_removed_articles_take_their_pages_and_files_with_them(sites, copy, tmp_path) -> None:
    inputs, site = copy
    for suffix in (".facts.yaml", ".txt"):
        (inputs / f"article-000006{suffix}").unlink()
    assert build_site([inputs], out=site, jobs=1).ok
    assert not (site / "article" / "article-000006.html").exists()
    assert not (site / "article" / "article-000006").exists()  # its facts' folder too
    assert not (site / "articles" / "article-000006.ttl").exists()
    assert build_site([inputs], out=tmp_path / "full", jobs=1).ok
    assert _files(site) == _files(tmp_path / "full")


@pytest.mark.parametrize("step", ["dataset.nq", "/fact/", "index.html", "site.json"])
def test_an_update_killed_midway_is_repaired_by_the_next_run(sites, copy, step: str) -> None:
    inputs, site = copy
    _, old_site, full = sites
    command = ["site", str(inputs), "--out", str(site), "--jobs", "1", "--json"]
    killed = subprocess.run(
        [sys.executable, "-c", KILLER, step, *command], capture_output=True, cwd=ROOT
    )
    assert killed.returncode == -signal.SIGKILL, killed.stderr.decode()
    assert (site / JOURNAL).exists()  # killed while the folder was being changed
    old, new = _files(old_site), _files(full)
    for name, data in _files(site).items():  # every finished file whole: old or new
        if ".defrel-tmp-" not in name:
            assert data in (old.get(name), new.get(name)), name
    again = subprocess.run(
        [sys.executable, "-m", "mapper.cli.main", *command], capture_output=True, cwd=ROOT
    )
    assert again.returncode == 0, again.stderr.decode()
    assert json.loads(again.stdout)["reused"] == 0  # nothing of it trusted
    assert not (site / JOURNAL).exists()
    assert _files(site) == _files(full)
    assert sorted(os.listdir(site.parent)) == ["in", "site"]


def test_a_build_state_naming_paths_outside_the_site_means_a_full_build(copy, tmp_path) -> None:
    inputs, site = copy
    victim = tmp_path / "victim.html"
    victim.write_text("not defrel's\n")
    state = site / ".defrel" / "site.json"
    about = json.loads(state.read_text(encoding="utf-8"))
    about["pages"].append("../victim")  # as a hostile hand might write it
    state.write_text(json.dumps(about), encoding="utf-8")
    (site / "CNAME").write_text("data.example.org\n")
    assert build_site([inputs], out=site, jobs=1).ok
    assert victim.read_text() == "not defrel's\n"
    assert not (site / "CNAME").exists()  # rebuilt whole, not updated in place
    assert build_site([inputs], out=tmp_path / "full", jobs=1).ok
    assert _files(site) == _files(tmp_path / "full")


def test_a_folder_linked_out_of_the_site_means_a_full_build(copy, tmp_path) -> None:
    inputs, site = copy
    elsewhere = tmp_path / "elsewhere"
    shutil.move(site / "article", elsewhere)
    (site / "article").symlink_to(elsewhere, target_is_directory=True)
    before = {p.name: p.read_bytes() for p in elsewhere.rglob("*") if p.is_file()}
    assert build_site([inputs], out=site, jobs=1).ok
    assert {p.name: p.read_bytes() for p in elsewhere.rglob("*") if p.is_file()} == before
    assert not (site / "article").is_symlink()
    assert build_site([inputs], out=tmp_path / "full", jobs=1).ok
    assert _files(site) == _files(tmp_path / "full")
