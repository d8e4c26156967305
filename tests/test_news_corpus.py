"""The news corpus (``tests/corpus/``): every sentence of every article, headline and
standfirst included, is mapped to facts at the top of its facts file; the whole folder builds
and conforms; and the corpus competency questions (``queries/corpus/``) get their answers."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

from mapper.builder.pipeline import build
from mapper.facts.kinds import ARTICLE_FIELDS

CORPUS = ROOT / "tests" / "corpus"
SENTENCE_ID = r"H|S|P\d+\.\d+"
ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
METADATA = {f"article.{f.name}" for f in ARTICLE_FIELDS}


def _statements() -> dict[str, list[tuple[str, str]]]:
    """STATEMENTS.md: slug -> [(sentence id, the sentence as quoted)], in article order."""
    text = (CORPUS / "STATEMENTS.md").read_text(encoding="utf-8")
    sections = re.split(r"^## \d+\. `([a-z0-9-]+)`\n", text, flags=re.M)[1:]
    return {
        slug: re.findall(rf"^\*\*({SENTENCE_ID})\*\*[^\n]*\n\n> ([^\n]*)\n", body, flags=re.M)
        for slug, body in zip(sections[::2], sections[1::2], strict=True)
    }


STATEMENTS = _statements()
METADATA_FILE = yaml.safe_load((CORPUS / "articles.yaml").read_text(encoding="utf-8"))


def sentence_map(path: Path) -> dict[str, str]:
    """The comment block at the top of a facts file: sentence id -> what follows its arrow
    ("fact-a, fact-b [entities] (notes)" or "no fact: reason"), continuation lines joined (a
    line ending in a hyphen continues a hyphenated id)."""
    header = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        header.append(line[1:])
    entries: dict[str, list[str]] = {}
    current = None
    for line in header:
        start = re.match(rf"^\s{{1,4}}({SENTENCE_ID})\s+\"", line)
        if start:
            current = start.group(1)
            assert current not in entries, f"{path.name}: sentence {current} is mapped twice"
            entries[current] = []
        elif not line.strip():
            current = None
        if current:
            entries[current].append(line.strip())
    mapped = {}
    for sid, lines in entries.items():
        joined = ""
        for piece in lines:
            joined += piece if joined.endswith("-") and not joined.endswith(" -") else " " + piece
        assert "->" in joined, f"{path.name}: sentence {sid} has no '->' naming its facts"
        mapped[sid] = joined.split("->", 1)[1].strip()
    return mapped


def mapped_ids(target: str) -> list[str]:
    """The fact ids (and article.* metadata keys) an arrow names, without [entities] and
    (notes)."""
    bare = re.sub(r"\[[^\]]*\]|\([^)]*\)", "", target)
    return [t.strip() for t in re.split(r"[,;]", bare) if t.strip()]


def test_statements_cover_every_article_of_the_folder() -> None:
    texts = sorted(p.name.removesuffix(".txt") for p in CORPUS.glob("*.txt"))
    assert sorted(STATEMENTS) == texts == sorted(METADATA_FILE)
    assert len(texts) >= 12


@pytest.mark.parametrize("slug", sorted(STATEMENTS))
def test_the_statements_quote_the_whole_article(slug: str) -> None:
    """Headline and standfirst as articles.yaml gives them; the body sentences, joined, give
    back the text: no sentence was left out of STATEMENTS.md."""
    sentences = STATEMENTS[slug]
    ids = [sid for sid, _ in sentences]
    assert ids[:2] == ["H", "S"], slug
    assert sentences[0][1] == METADATA_FILE[slug]["headline"]
    assert sentences[1][1] == METADATA_FILE[slug]["standfirst"]
    paragraphs: dict[int, list[str]] = {}
    for sid, quote in sentences[2:]:
        paragraph, number = map(int, sid[1:].split("."))
        assert number == len(paragraphs.get(paragraph, [])) + 1, f"{slug}: {sid} out of order"
        paragraphs.setdefault(paragraph, []).append(quote)
    body = "\n\n".join(" ".join(paragraphs[p]) for p in sorted(paragraphs))
    text = (CORPUS / f"{slug}.txt").read_text(encoding="utf-8")
    assert body == text.strip("\n"), slug


@pytest.mark.parametrize("slug", sorted(STATEMENTS))
def test_every_sentence_is_mapped_to_facts(slug: str) -> None:
    path = CORPUS / f"{slug}.facts.yaml"
    assert path.is_file(), f"{slug} has no facts file"
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    fact_ids = {f["id"] for f in doc["facts"]}
    mapping = sentence_map(path)
    wanted = [sid for sid, _ in STATEMENTS[slug]]
    assert sorted(mapping) == sorted(wanted), (
        f"{path.name}: sentences missing from the map {sorted(set(wanted) - set(mapping))}, "
        f"unknown {sorted(set(mapping) - set(wanted))}"
    )
    for sid, target in mapping.items():
        if target.startswith("no fact:"):
            assert target.removeprefix("no fact:").strip(), f"{path.name} {sid}: give a reason"
            continue
        ids = mapped_ids(target)
        assert ids, f"{path.name} {sid}: no fact named"
        for name in ids:
            if name.startswith("article."):
                assert name in METADATA and name.split(".", 1)[1] in doc["article"], (path, sid)
            else:
                assert ID.match(name) and name in fact_ids, f"{path.name} {sid}: {name!r}"


@pytest.mark.parametrize("slug", sorted(STATEMENTS))
def test_the_facts_file_carries_the_article_s_metadata(slug: str) -> None:
    meta = METADATA_FILE[slug]
    article = yaml.safe_load((CORPUS / f"{slug}.facts.yaml").read_text(encoding="utf-8"))["article"]
    assert article["headline"] == meta["headline"]
    assert article["alternative_headline"] == meta["standfirst"]
    assert article["date_published"] == str(meta["date_published"])
    assert article.get("language") == meta["language"]


def test_a_map_that_names_an_unknown_fact_or_misses_a_sentence_fails(tmp_path: Path) -> None:
    path = tmp_path / "x.facts.yaml"
    path.write_text(
        '#  H    "A headline"\n#         -> article.headline; some-fact\n'
        '#  P1.1 "One sentence that runs\n#       on."\n#         -> no fact: colour\n'
        "article: {headline: A headline}\nfacts: []\n",
        encoding="utf-8",
    )
    assert sentence_map(path) == {"H": "article.headline; some-fact", "P1.1": "no fact: colour"}
    assert mapped_ids("a-b [c-d], e (note); article.url") == ["a-b", "e", "article.url"]


@pytest.fixture(scope="module")
def corpus_build(tmp_path_factory):
    return build([CORPUS], out=tmp_path_factory.mktemp("corpus") / "dist")


def test_the_corpus_builds_and_conforms(corpus_build) -> None:
    assert corpus_build.articles == len(STATEMENTS)
    assert corpus_build.report.conforms, corpus_build.report.text()
    assert corpus_build.ok, [c.message for c in corpus_build.conflicts]


# The corpus's competency questions are checked in test_corpus_competency.py.
