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


GUIDE_TEXT = (
    "Kenya’s defence ministry said on Tuesday it had signed a letter of intent with Aerovale "
    "for up to four transport aircraft.\n"
)


def test_the_guide_s_example_builds_and_conforms(runner, tmp_path: Path) -> None:
    from mapper.cli.main import main

    guide = README[README.index("### A guide for the analyst") :]
    example = re.search(r"```yaml\n(.*?)```", guide, flags=re.S).group(1)
    assert GUIDE_TEXT.strip() in " ".join(guide.split()), "the README quotes the example's text"
    (tmp_path / "kenya.txt").write_text(GUIDE_TEXT, encoding="utf-8")
    (tmp_path / "kenya.facts.yaml").write_text(example, encoding="utf-8")
    result = runner.invoke(main, ["build", str(tmp_path), "--out", str(tmp_path / "dist")])
    assert result.exit_code == 0, result.output


def test_the_table_of_kinds_is_the_kinds_table() -> None:
    import subprocess
    import sys

    check = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "readme_guide.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert check.returncode == 0, check.stdout
    from mapper.facts.kinds import KINDS

    for name in KINDS:
        assert f"| `{name}` |" in README, f"the README's guide does not list kind {name}"
