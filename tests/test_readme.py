"""The README stays honest: its two set-up commands are what CI runs, and every ``$ defrel``
line of its transcripts prints what the README shows."""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest
from conftest import ROOT

from mapper.cli.main import main

README = (ROOT / "README.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"```console\n(.*?)```", README, flags=re.S)


def test_the_two_commands() -> None:
    setup = [b.strip() for b in BLOCKS if not b.startswith("$")]
    assert setup == [
        "scripts/setup.sh && .venv/bin/defrel build",
        "scripts/setup.sh --test && .venv/bin/pytest",
    ]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()
    assert ci[-2:] == setup, "CI runs both README commands, verbatim, the tests last"


def _sessions() -> list[tuple[str, str]]:
    """(command, expected output) for every ``$ defrel`` line of the README."""
    found = []
    for block in (b for b in BLOCKS if b.startswith("$")):
        for chunk in re.split(r"^\$ ", block, flags=re.M)[1:]:
            command, _, output = chunk.partition("\n")
            found.append((command, output))
    return found


SESSIONS = _sessions()


def test_the_readme_has_transcripts() -> None:
    assert len(SESSIONS) >= 5


@pytest.fixture(scope="module")
def workdir(tmp_path_factory) -> Path:
    """A copy of the seeds and README data, where the transcript's relative paths hold."""
    work = tmp_path_factory.mktemp("readme")
    shutil.copytree(ROOT / "seeds", work / "seeds")
    shutil.copytree(ROOT / "tests" / "data" / "readme", work / "tests" / "data" / "readme")
    return work


@pytest.mark.parametrize(("command", "expected"), SESSIONS, ids=[c for c, _ in SESSIONS])
def test_transcript(runner, workdir: Path, monkeypatch, command: str, expected: str) -> None:
    monkeypatch.chdir(workdir)
    args = shlex.split(command)
    assert args[0] == "defrel"
    result = runner.invoke(main, args[1:])
    assert result.output == expected
