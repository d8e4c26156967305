"""A folder of articles with problems in several files: every file's problems are named in
one run (not only the first file's), and the exit code is the gravest of them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import MINI_FACTS, write_article

from mapper.cli.main import main
from mapper.errors import DefrelError, FactsError, UnconfirmedError
from mapper.facts.load import load_corpus

BROKEN = MINI_FACTS.replace("kind: visit", "kind: vissit")
UNCONFIRMED = MINI_FACTS.replace(
    '    evidence: ["up to 75 percent"]\n',
    '    evidence: ["up to 75 percent"]\n    draft: {confidence: 0.5}\n',
)


def _folder(tmp_path: Path, *facts: str) -> Path:
    folder = tmp_path / "news"
    for n, text in enumerate(facts):
        write_article(folder, text, slug=f"article-{n}")
    return folder


@pytest.mark.parametrize("command", ["build", "validate"])
def test_every_broken_file_is_named_in_one_run(tmp_path: Path, command: str) -> None:
    folder = _folder(tmp_path, BROKEN, MINI_FACTS, BROKEN)
    out = ["--out", str(tmp_path / "dist")] if command == "build" else []
    result = CliRunner().invoke(main, [command, str(folder), *out])
    assert result.exit_code == 2, result.output
    assert "article-0.facts.yaml:" in result.output
    assert "article-2.facts.yaml:" in result.output
    assert "article-1.facts.yaml" not in result.output
    assert result.output.count("'vissit' is not a kind of fact defrel knows") == 2
    assert "hint: did you mean 'visit'?" in result.output
    assert "2 problems in 2 files, in file order." in result.output
    assert not (tmp_path / "dist").exists()  # nothing written when an input is wrong


def test_an_unconfirmed_draft_beside_a_broken_file_exits_2(tmp_path: Path) -> None:
    folder = _folder(tmp_path, UNCONFIRMED, BROKEN)
    result = CliRunner().invoke(main, ["build", str(folder), "--out", str(tmp_path / "dist")])
    assert result.exit_code == 2, result.output
    assert "is a draft no one has confirmed" in result.output
    assert "'vissit' is not a kind of fact" in result.output


def test_only_unconfirmed_drafts_exit_1(tmp_path: Path) -> None:
    folder = _folder(tmp_path, UNCONFIRMED, UNCONFIRMED)
    result = CliRunner().invoke(main, ["build", str(folder), "--out", str(tmp_path / "dist")])
    assert result.exit_code == 1, result.output
    assert result.output.count("is a draft no one has confirmed") == 2


def test_load_corpus_raises_one_error_carrying_the_others(tmp_path: Path) -> None:
    folder = _folder(tmp_path, BROKEN, BROKEN, MINI_FACTS)
    with pytest.raises(FactsError) as caught:
        load_corpus([folder])
    paths = [p.path for p in (caught.value, *caught.value.more)]
    assert [Path(p).name for p in paths] == ["article-0.facts.yaml", "article-1.facts.yaml"]


def test_together_keeps_order_and_takes_the_gravest_exit_code() -> None:
    first = UnconfirmedError("a draft", path="a.facts.yaml", line=3)
    first.more = [UnconfirmedError("another draft", path="a.facts.yaml", line=9)]
    second = FactsError("broken", path="b.facts.yaml", line=1)
    joined = DefrelError.together([first, second])
    assert joined is first
    assert [p.message for p in joined.more] == ["another draft", "broken"]
    assert joined.exit_code == 2
    assert str(joined).endswith("3 problems in 2 files, in file order.")


def test_json_lists_every_problem(tmp_path: Path) -> None:
    folder = _folder(tmp_path, BROKEN, BROKEN)
    result = CliRunner().invoke(main, ["validate", str(folder), "--json"])
    assert result.exit_code == 2
    summary = json.loads(result.output[: result.output.index("\n}\n") + 2])
    assert summary["status"] == "error" and summary["exit_code"] == 2
    assert [Path(p["where"]).name.split(":")[0] for p in summary["problems"]] == [
        "article-0.facts.yaml",
        "article-1.facts.yaml",
    ]
    assert {p["fact_id"] for p in summary["problems"]} == {"visit"}
    assert summary["problems"][0]["hint"] == "did you mean 'visit'?"
