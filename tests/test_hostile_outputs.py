"""Hostile ``--out`` folders: build, site and ontology docs replace their output folder whole,
so each refuses one that holds anything but a previous defrel output (exit 2, the folder
named, why, and the fix) and leaves every file there byte for byte."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

import pytest
from conftest import MINI_FACTS, write_article

from mapper.builder.outdir import MARKER, staged_output
from mapper.cli.main import main
from mapper.errors import OutputError

COMMANDS = {
    "build": lambda src, out: ["build", str(src), "--out", str(out)],
    "build-infer": lambda src, out: ["build", "--infer", str(src), "--out", str(out)],
    "site": lambda src, out: ["site", str(src), "--out", str(out)],
    "docs": lambda src, out: ["ontology", "docs", "--examples", str(src), "--out", str(out)],
}


def snapshot(root: Path) -> dict[str, bytes | str]:
    """Every entry under ``root``: a file's bytes, a link's target, a folder's mark."""
    found: dict[str, bytes | str] = {}
    for path in sorted(root.rglob("*")):
        name = str(path.relative_to(root))
        if path.is_symlink():
            found[name] = f"-> {os.readlink(path)}"
        elif path.is_dir():
            found[name] = "folder"
        else:
            found[name] = path.read_bytes()
    return found


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A user's folder: the inputs in ``in/``, and their own work in ``docs/``."""
    proj = tmp_path / "proj"
    write_article(proj / "in")
    (proj / "docs").mkdir()
    (proj / "docs" / "thesis.tex").write_text("\\section{Mine}\n", encoding="utf-8")
    return proj


@dataclass(frozen=True)
class Out:
    """A refused ``--out``: where to run from, what to pass, and what the message must say."""

    name: str
    out: Callable[[Path], str]  # the --out argument, from the project folder
    words: str
    cwd: str = "."  # relative to the project folder
    src: str = "in"  # the input given (relative to the project folder)


def _link(proj: Path) -> str:
    (proj / "link").symlink_to("docs")
    return "link"


def _link_to_output(proj: Path) -> str:
    (proj / "dist").mkdir()
    (proj / "dist" / MARKER).write_text(json.dumps({"defrel": "0"}), encoding="utf-8")
    (proj / "out").symlink_to("dist")
    return "out"


def _dangling(proj: Path) -> str:
    (proj / "gone").symlink_to("nowhere")
    return "gone"


def _loop(proj: Path) -> str:
    (proj / "loop").symlink_to("loop")
    return "loop"


REFUSED = [
    Out("input-folder", lambda p: "in", "is an input of this command (in)"),
    Out("input-file", lambda p: "in/mini.facts.yaml", "is an input", src="in/mini.facts.yaml"),
    Out("parent-of-input", lambda p: str(p), "holds an input of this command", cwd=".."),
    Out("input-via-dotdot", lambda p: "docs/../in", "is an input of this command"),
    Out(
        "unrelated-folder",
        lambda p: "docs",
        f"is not empty and is not a previous defrel output (it has no {MARKER}",
    ),
    Out("symlink", _link, "is a symbolic link to docs"),
    Out("symlink-to-output", _link_to_output, "is a symbolic link to dist"),
    Out("dangling-symlink", _dangling, "is a symbolic link to nowhere"),
    Out("symlink-loop", _loop, "is a symbolic link to loop"),
    Out("dot", lambda p: ".", "is the current folder", cwd="docs"),
    Out("dot-holding-inputs", lambda p: ".", "is the current folder", cwd="in"),
    Out("dotdot", lambda p: "..", "holds the current folder", cwd="docs"),
    Out("root", lambda p: "/", "is the root folder"),
]


@pytest.mark.parametrize("command", sorted(COMMANDS))
@pytest.mark.parametrize("case", REFUSED, ids=[c.name for c in REFUSED])
def test_an_output_folder_that_is_not_ours_is_refused_and_left_whole(
    runner, project: Path, monkeypatch, command: str, case: Out
) -> None:
    root = project.parent
    out = case.out(project)
    before, slash = snapshot(root), sorted(os.listdir("/"))
    monkeypatch.chdir(project / case.cwd)
    src = os.path.relpath(project / case.src)
    result = runner.invoke(main, COMMANDS[command](src, out))
    assert result.exit_code == 2, result.output
    assert f"{out}: --out {case.words}" in result.output, result.output
    assert "nothing was written or removed" in result.output
    assert "hint: choose" in result.output or "hint: name the real folder" in result.output
    assert "Traceback" not in result.output
    assert snapshot(root) == before  # no file changed, none added (no lock, no staging)
    assert sorted(os.listdir("/")) == slash


def test_the_home_folder_is_refused(runner, project: Path, monkeypatch) -> None:
    monkeypatch.setenv("HOME", str(project / "docs"))
    before = snapshot(project)
    result = runner.invoke(main, COMMANDS["build"](project / "in", project / "docs"))
    assert result.exit_code == 2 and "--out is your home folder" in result.output
    assert snapshot(project) == before


def test_the_hint_of_a_foreign_folder_says_how_to_fix_it(runner, project: Path) -> None:
    result = runner.invoke(main, COMMANDS["site"](project / "in", project / "docs"))
    assert result.exit_code == 2
    assert "hint: choose an empty or new folder, or remove it yourself" in result.output
    link = project / "link"
    link.symlink_to(project / "docs")
    result = runner.invoke(main, COMMANDS["site"](project / "in", link))
    assert f"name the real folder instead (--out {(project / 'docs').resolve()})" in result.output


def test_out_is_checked_before_any_work(runner, project: Path) -> None:
    # A broken facts file would be an error of its own: the refused --out is reported first.
    write_article(project / "in", MINI_FACTS + "\nbogus: 1\n")
    for command in sorted(COMMANDS):
        result = runner.invoke(main, COMMANDS[command](project / "in", project / "docs"))
        assert result.exit_code == 2, result.output
        assert "is not a previous defrel output" in result.output
        assert "bogus" not in result.output


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_new_empty_and_previous_outputs_are_replaced(runner, project: Path, command: str) -> None:
    out = project / "out"
    make = COMMANDS[command]
    assert runner.invoke(main, make(project / "in", out)).exit_code == 0  # new
    marker = (out / MARKER).read_bytes()
    command_name = {"docs": "ontology docs", "build-infer": "build"}.get(command, command)
    assert json.loads(marker) == {"command": command_name, "defrel": version("defrel")}
    (out / "stale.txt").write_text("from before", encoding="utf-8")
    assert runner.invoke(main, make(project / "in", out)).exit_code == 0  # our own
    # replaced whole; but a site of its own is updated in place, and keeps what it did not
    # write (site/update.py)
    assert (out / "stale.txt").exists() == (command == "site")
    assert (out / MARKER).read_bytes() == marker
    empty = project / "empty"
    empty.mkdir()
    assert runner.invoke(main, make(project / "in", empty)).exit_code == 0
    assert sorted(os.listdir(project)) == ["docs", "empty", "in", "out"]  # nothing left beside


@pytest.mark.parametrize(
    "old", [(".defrel/manifest.json",), ("dataset.nq", "articles/a.ttl")], ids=["manifest", "nq"]
)
def test_a_build_made_before_the_marker_counts_as_ours(runner, project: Path, old) -> None:
    out = project / "dist"
    for name in old:
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_text("old build", encoding="utf-8")
    result = runner.invoke(main, COMMANDS["build"](project / "in", out))
    assert result.exit_code == 0, result.output
    assert (out / MARKER).is_file() and (out / "dataset.nq").read_text() != "old build"


def test_folders_beside_the_output_that_are_not_ours_survive(runner, project: Path) -> None:
    # Leftovers of killed runs are removed; a user's folder of a similar name is not.
    out = project / "dist"
    mine = project / ".dist.backup"
    mine.mkdir()
    (mine / "notes.txt").write_text("keep me", encoding="utf-8")
    assert runner.invoke(main, COMMANDS["build"](project / "in", out)).exit_code == 0
    assert (mine / "notes.txt").read_text(encoding="utf-8") == "keep me"


def test_the_library_keeps_the_rule(project: Path) -> None:
    from mapper.builder.pipeline import build_dataset
    from mapper.builder.serialize import write_dist

    dataset, graphs = build_dataset([project / "in"])
    before = snapshot(project)
    with pytest.raises(OutputError, match="is not a previous defrel output"):
        write_dist(dataset, graphs, project / "docs")
    with pytest.raises(OutputError, match="holds an input of this command"):
        write_dist(dataset, graphs, project, inputs=[project / "in" / "mini.facts.yaml"])
    assert snapshot(project) == before


def test_a_folder_filled_by_someone_else_meanwhile_is_not_replaced(tmp_path: Path) -> None:
    out = tmp_path / "out"
    refused = pytest.raises(OutputError, match="is not empty and is not a previous defrel")
    with refused, staged_output(out, command="build") as stage:
        (stage.folder / "data.ttl").write_text("ours", encoding="utf-8")
        out.mkdir()  # another program writes there while defrel works
        (out / "theirs.txt").write_text("theirs", encoding="utf-8")
    assert sorted(os.listdir(tmp_path)) == ["out"]  # no lock, no staging left
    assert os.listdir(out) == ["theirs.txt"]


def test_an_abandoned_stage_leaves_the_output_as_it_was(tmp_path: Path) -> None:
    out = tmp_path / "out"
    with staged_output(out, command="build") as stage:
        (stage.folder / "data.ttl").write_text("ours", encoding="utf-8")
    assert sorted(os.listdir(out)) == [MARKER, "data.ttl"]
    with staged_output(out, command="build") as stage:
        (stage.folder / "other.ttl").write_text("new", encoding="utf-8")
        stage.abandon()
    assert sorted(os.listdir(out)) == [MARKER, "data.ttl"]
    assert sorted(os.listdir(tmp_path)) == ["out"]
