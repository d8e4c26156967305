"""A corpus of bad inputs, each run through the CLI: the documented exit code, a message that
names the file (and line or fact id) and the fix, no traceback, and no output left behind."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import MINI_FACTS, MINI_TEXT, triples_of, write_article
from rdflib import Dataset, Literal
from rdflib.compare import isomorphic

from mapper.cli.main import main

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"


@dataclass(frozen=True)
class Bad:
    """A bad input: how to make it from the mini article, and what the CLI must say."""

    name: str
    make: Callable[[Path], Path]  # writes the input into a folder, returns the path to pass
    words: str  # must appear in the message
    line: int | None = None  # when given, the message names file:line
    exit_code: int = 2


def facts(change: Callable[[str], str], text: str = MINI_TEXT) -> Callable[[Path], Path]:
    return lambda folder: write_article(folder, change(MINI_FACTS), text)


def sub(old: str, new: str) -> Callable[[Path], Path]:
    def change(f: str) -> str:
        assert old in f, old
        return f.replace(old, new)

    return facts(change)


def raw_facts(data: bytes) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = write_article(folder)
        path.write_bytes(data)
        return path

    return make


def raw_text(data: bytes) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = write_article(folder)
        (folder / "mini.txt").write_bytes(data)
        return path

    return make


def renamed(name: str) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = write_article(folder)
        target = folder / name
        path.rename(target)
        (folder / "mini.txt").rename(folder / name.replace(".facts.yaml", ".txt"))
        return target

    return make


def huge(folder: Path) -> Path:
    path = write_article(folder)
    with path.open("a", encoding="utf-8") as f:
        f.write("#" + " " * (17 * 1024 * 1024) + "\n")
    return path


def no_text(folder: Path) -> Path:
    path = write_article(folder)
    (folder / "mini.txt").unlink()
    return path


def text_is_folder(folder: Path) -> Path:
    path = write_article(folder, "article:\n  text: sub\n" + MINI_FACTS.split("\n", 1)[1])
    (folder / "sub").mkdir()
    return path


NEW_FACT = '  - id: extra\n    kind: alliance\n    parties: [russia, united-states]\n    evidence: ["Russia supplies"]\n'

BAD = [
    # --- YAML -------------------------------------------------------------------------------
    Bad("yaml-tab-indent", sub("    kind: visit", "\tkind: visit"), "YAML syntax error", 21),
    Bad(
        "yaml-unclosed-quote",
        sub('["visited Washington on Thursday"]', '["visited Washington'),
        "YAML syntax error",
    ),
    Bad("yaml-unclosed-bracket", sub("  - id: supply", "  - id: [supply"), "YAML syntax error", 28),
    Bad(
        "yaml-alias",
        sub("    date: Thursday", "    date: &d Thursday\n    start: *d"),
        "aliases",
        25,
    ),
    Bad(
        "yaml-python-tag",
        sub("label: Russia", "label: !!python/object/apply:os.system [ls]"),
        "YAML tag refused",
        18,
    ),
    Bad(
        "yaml-deep-nesting",
        facts(lambda f: "a: " + "[" * 3000 + "]" * 3000 + "\n"),
        "nested too deeply",
    ),
    Bad(
        "yaml-duplicate-key",
        sub("    kind: visit\n", "    kind: visit\n    kind: meeting\n"),
        "appears twice",
        22,
    ),
    Bad("top-level-list", facts(lambda f: "- a\n- b\n"), "must be a mapping", 1),
    Bad("top-level-scalar", facts(lambda f: "just words\n"), "must be a mapping", 1),
    # --- types and keys -----------------------------------------------------------------------
    Bad(
        "label-is-a-number",
        sub("label: Russia", "label: 42"),
        "label must be text, not a number (42)",
        18,
    ),
    Bad(
        "evidence-not-a-list",
        sub(
            'evidence: ["visited Washington on Thursday"]',
            'evidence: "visited Washington on Thursday"',
        ),
        "evidence must be a list, not text",
        26,
    ),
    Bad(
        "unknown-top-level-key", facts(lambda f: f + "notes: hello\n"), "unknown key(s) 'notes'", 34
    ),
    Bad(
        "unknown-field",
        sub("aspect: completed", "aspekt: completed"),
        "did you mean 'aspect'",
        25,
    ),
    Bad(
        "unknown-kind",
        sub("kind: visit", "kind: vist"),
        "'vist' is not a kind of fact defrel knows",
        21,
    ),
    Bad(
        "boolean-for-text",
        sub("label: Russia", "label: true"),
        "label must be text, not true or false (true)",
        18,
    ),
    # --- ids and references ---------------------------------------------------------------------
    Bad(
        "unknown-entity",
        sub("visitor: raheel-sharif", "visitor: raheel-sharef"),
        "did you mean 'raheel-sharif'",
        22,
    ),
    Bad("unknown-fact", facts(lambda f: f + "    part_of: visitt\n"), "unknown fact 'visitt'", 34),
    Bad("duplicate-entity-id", sub("id: united-states", "id: russia"), "duplicate id 'russia'", 16),
    Bad("duplicate-fact-id", sub("id: supply", "id: visit"), "duplicate id 'visit'", 27),
    Bad("id-with-space", sub("id: visit\n", "id: state visit\n"), "ids are lowercase", 20),
    Bad("id-with-angle-brackets", sub("id: visit\n", "id: <visit>\n"), "ids are lowercase", 20),
    Bad("id-with-hash", sub("id: visit\n", "id: 'visit#1'\n"), "ids are lowercase", 20),
    Bad("id-with-slash", sub("id: visit\n", "id: visit/1\n"), "ids are lowercase", 20),
    Bad("id-dot-dot", sub("id: visit\n", "id: ../../etc\n"), "ids are lowercase", 20),
    Bad("id-control-character", sub("id: visit\n", 'id: "vis\\x01it"\n'), "ids are lowercase", 20),
    Bad("id-uppercase", sub("id: visit\n", "id: Visit\n"), "ids are lowercase", 20),
    Bad("id-very-long", sub("id: visit\n", f"id: {'v' * 200}\n"), "is too long", 20),
    Bad(
        "entity-of-wrong-type",
        sub("destination: washington", "destination: raheel-sharif"),
        "is a Person, but destination takes",
        23,
    ),
    Bad(
        "self-reference",
        sub("    destination: washington\n", "    destination: washington\n    part_of: visit\n"),
        "cannot refer to itself",
        24,
    ),
    Bad("unsafe-file-name", renamed("Bad Name.facts.yaml"), "cannot name an IRI"),
    # --- dates --------------------------------------------------------------------------------
    Bad(
        "date-february-30",
        sub("date: Thursday", "date: 2014-02-30"),
        "February 2014 has 28 days",
        24,
    ),
    Bad(
        "date-february-29-common-year",
        sub("date: Thursday", "date: 2015-02-29"),
        "February 2015 has 28 days",
        24,
    ),
    Bad("date-month-13", sub("date: Thursday", "date: 2014-13"), "month 13", 24),
    Bad("date-words", sub("date: Thursday", "date: next week"), "write {said: next week}", 24),
    # --- quantities ---------------------------------------------------------------------------
    Bad("quantity-negative", sub("max: 75", "max: -75"), "less than the minimum of 0", 31),
    Bad("quantity-over-100-percent", sub("max: 75", "max: 750"), "cannot exceed 100", 31),
    Bad(
        "quantity-min-above-max",
        sub("{max: 75,", "{min: 90, max: 75,"),
        "min 90 is above max 75",
        31,
    ),
    Bad("quantity-infinite", sub("max: 75", "max: .inf"), "finite number", 31),
    Bad("quantity-not-a-number", sub("max: 75", "max: .nan"), "finite number", 31),
    Bad(
        "quantity-unknown-unit",
        sub("unit: percent", "unit: furlongs"),
        "'percent' was expected",
        31,
    ),
    Bad(
        "quantity-without-number",
        sub("{max: 75, unit: percent}", "{unit: percent}"),
        "a number is missing: give value, min or max",
        31,
    ),
    Bad(
        "parties-only-one",
        facts(lambda f: f + NEW_FACT.replace("[russia, united-states]", "[russia]")),
        "is too short",
        36,
    ),
    # --- quotes -------------------------------------------------------------------------------
    Bad(
        "quote-missing", sub('["up to 75 percent"]', '["up to 80 percent"]'), "nearest passage", 33
    ),
    Bad("quote-ambiguous", sub('["up to 75 percent"]', '["Russia"]'), "occurs 2 times", 33),
    Bad(
        "quote-typed-space-for-nbsp",
        sub('["Raheel Sharif"]', '["Gen. Raheel Sharif"]'),
        "U+00A0 NO-BREAK SPACE",
        7,
    ),
    Bad(
        "quote-straight-quotes",
        sub('["up to 75 percent"]', "['\"up to 75 percent\"']"),
        "U+201C",
        33,
    ),
    Bad("quote-empty", sub('["up to 75 percent"]', '[""]'), "should be non-empty", 33),
    # --- files and encodings ------------------------------------------------------------------
    Bad("empty-file", raw_facts(b""), "the facts file is empty"),
    Bad("whitespace-only-file", raw_facts(b"  \n\n\t\n"), "the facts file is empty"),
    Bad("huge-file", huge, "more than the 16,777,216 defrel reads"),
    Bad("binary-file", raw_facts(PNG), "not valid UTF-8"),
    Bad(
        "latin-1-facts",
        raw_facts(MINI_FACTS.replace("Big News", "Caf\u00e9 News").encode("latin-1")),
        "not valid UTF-8",
    ),
    Bad("utf-16-facts", raw_facts(MINI_FACTS.encode("utf-16")), "is UTF-16"),
    Bad("bom-facts", raw_facts(b"\xef\xbb\xbf" + MINI_FACTS.encode("utf-8")), "byte-order mark"),
    Bad("latin-1-article", raw_text("Big News, caf\u00e9".encode("latin-1")), "not valid UTF-8"),
    Bad("bom-article", raw_text(b"\xef\xbb\xbf" + MINI_TEXT.encode("utf-8")), "byte-order mark"),
    Bad("missing-article", no_text, "article text for mini.facts.yaml not found"),
    Bad("article-is-a-folder", text_is_folder, "is a folder, not a file"),
]


def test_the_corpus_is_large_and_names_are_unique() -> None:
    assert len(BAD) >= 40
    assert len({b.name for b in BAD}) == len(BAD)


@pytest.mark.parametrize("bad", BAD, ids=[b.name for b in BAD])
def test_bad_input_is_refused_cleanly(runner, tmp_path: Path, bad: Bad) -> None:
    given = bad.make(tmp_path / "in")
    out = tmp_path / "out"
    result = runner.invoke(main, ["build", str(given), "--out", str(out)])
    assert result.exit_code == bad.exit_code, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    assert bad.words in result.output, result.output
    assert given.name in result.output or "mini.txt" in result.output
    if bad.line is not None:
        assert f"{given.name}:{bad.line}" in result.output, result.output
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in"]  # no lock or staging left


UNICODE_NAMES = {
    "rtl": "\u0646\u0648\u0627\u0632 \u0634\u0631\u06cc\u0641",  # Nawaz Sharif in Urdu script
    "hebrew": "\u05e8\u05d4\u05d9\u05dc",
    "combining": "Sergei\u0301 Sho\u0308igu",  # combining acute and diaeresis
    "emoji": "Operation \U0001f985 Falcon",
    "cjk": "\u4e2d\u534e\u4eba\u6c11\u5171\u548c\u56fd",
}


@pytest.mark.parametrize("name", list(UNICODE_NAMES.values()), ids=list(UNICODE_NAMES))
def test_unicode_names_round_trip_through_every_format(runner, tmp_path: Path, name: str) -> None:
    text = MINI_TEXT.replace("Big News", f"Big News: {name}")
    facts_text = MINI_FACTS.replace("label: Raheel Sharif", f'label: "{name}"').replace(
        "headline: Big News", f'headline: "Big News: {name}"'
    )
    path = write_article(tmp_path / "in", facts_text, text)
    out = tmp_path / "out"
    result = runner.invoke(main, ["build", str(path), "--out", str(out)])
    assert result.exit_code == 0, result.output
    reference = Dataset()
    reference.parse(out / "dataset.nq", format="nquads")
    labels = {
        str(o) for _, _, o, _ in reference.quads((None, None, Literal(name, lang="en"), None))
    }
    assert labels == {name}
    merged = triples_of(reference)
    for file, fmt in (
        ("dataset.ttl", "turtle"),
        ("dataset.jsonld", "json-ld"),
        ("articles/mini.ttl", "turtle"),
        ("articles/mini.jsonld", "json-ld"),
    ):
        parsed = Dataset()
        parsed.parse(out / file, format=fmt)
        assert isomorphic(triples_of(parsed), merged), file
        assert name in (out / file).read_text(encoding="utf-8")
