"""Facts files and article texts written by others: defrel reads only what it should, never
hangs, refuses control characters, keeps every digit, and catches contradictions between
articles. Each case goes through the CLI: exit 2, the words of the message, the file and
line, and nothing written to --out."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest
from conftest import MINI_FACTS, MINI_TEXT, write_article

from mapper.cli.main import main


def run(runner, args: list[str], out: Path):
    """Run the CLI (``--out`` added for commands that write); no traceback, whatever happens."""
    writes = args[0] in ("build", "site")
    result = runner.invoke(main, [*args, *(["--out", str(out)] if writes else [])])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    return result


def refused(runner, given: Path, tmp_path: Path, *words: str, line: int | None = None, extra=()):
    out = tmp_path / "out"
    result = run(runner, ["build", str(given), *extra], out)
    assert result.exit_code == 2, result.output
    for word in words:
        assert word in result.output, result.output
    if line is not None:
        assert f"{given.name}:{line}:" in result.output, result.output
    assert not out.exists()
    return result.output


def with_text(name: str) -> str:
    return MINI_FACTS.replace("  headline: Big News", f"  headline: Big News\n  text: {name}")


# 1. any file read and published ------------------------------------------------------------


@pytest.mark.parametrize("name", ["/etc/passwd", "/proc/self/environ"])
def test_an_absolute_article_text_is_refused(runner, tmp_path: Path, name: str) -> None:
    given = write_article(tmp_path / "in", with_text(name))
    refused(runner, given, tmp_path, "absolute path", "--root", line=3)


def test_a_dotdot_escape_is_refused(runner, tmp_path: Path) -> None:
    (tmp_path / "secret.txt").write_text(MINI_TEXT, encoding="utf-8")
    given = write_article(tmp_path / "in", with_text("../secret.txt"))
    refused(runner, given, tmp_path, "leads outside", "secret.txt", line=3)


def test_a_symlinked_text_leaving_the_folder_is_refused(runner, tmp_path: Path) -> None:
    (tmp_path / "secret.txt").write_text(MINI_TEXT, encoding="utf-8")
    given = write_article(tmp_path / "in")
    (tmp_path / "in" / "mini.txt").unlink()
    (tmp_path / "in" / "mini.txt").symlink_to(tmp_path / "secret.txt")
    refused(runner, given, tmp_path, "leads outside", "mini.txt", line=1)


def test_a_symlink_inside_the_folder_and_a_subfolder_are_fine(runner, tmp_path: Path) -> None:
    given = write_article(tmp_path / "in", with_text("texts/linked.txt"))
    (tmp_path / "in" / "texts").mkdir()
    (tmp_path / "in" / "texts" / "linked.txt").symlink_to(tmp_path / "in" / "mini.txt")
    result = run(runner, ["build", str(given)], tmp_path / "out")
    assert result.exit_code == 0, result.output


def test_root_allows_a_shared_text_folder_and_no_further(runner, tmp_path: Path) -> None:
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "mini.txt").write_text(MINI_TEXT, encoding="utf-8")
    given = write_article(tmp_path / "facts", with_text("../texts/mini.txt"))
    refused(runner, given, tmp_path, "leads outside", line=3)
    root = ["--root", str(tmp_path)]
    result = run(runner, ["build", str(given), *root], tmp_path / "built")
    assert result.exit_code == 0, result.output
    given.write_text(with_text("../../outside.txt"), encoding="utf-8")
    refused(runner, given, tmp_path, "leads outside", f"--root {tmp_path}", line=3, extra=root)


@pytest.mark.parametrize("command", ["validate", "site"])
def test_validate_and_site_refuse_it_too(runner, tmp_path: Path, command: str) -> None:
    given = write_article(tmp_path / "in", with_text("/etc/passwd"))
    result = run(runner, [command, str(given)], tmp_path / "out")
    assert result.exit_code == 2, result.output
    assert f"{given.name}:3:" in result.output and "absolute path" in result.output


def test_a_walked_folder_refuses_a_facts_symlink_leading_out(runner, tmp_path: Path) -> None:
    elsewhere = write_article(tmp_path / "elsewhere", slug="other")
    write_article(tmp_path / "in")
    (tmp_path / "in" / "other.facts.yaml").symlink_to(elsewhere)
    out = tmp_path / "out"
    result = run(runner, ["build", str(tmp_path / "in")], out)
    assert result.exit_code == 2, result.output
    assert "other.facts.yaml" in result.output and "leading out of" in result.output
    assert not out.exists()


def test_a_walked_folder_does_not_follow_folder_links(runner, tmp_path: Path) -> None:
    write_article(tmp_path / "elsewhere", slug="other")
    write_article(tmp_path / "in")
    (tmp_path / "in" / "linked").symlink_to(tmp_path / "elsewhere")
    result = run(runner, ["build", str(tmp_path / "in")], tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert "Built 1 article(s)" in result.output


# 2. unbounded reads and hangs ----------------------------------------------------------------


def test_the_open_file_is_checked_to_be_inside_the_folder(tmp_path: Path) -> None:
    # A folder on the way swapped for a symlink after resolving is seen on the descriptor
    # (Linux's /proc/self/fd, as everywhere defrel is tested).
    from mapper.errors import FactsError
    from mapper.facts.files import read_bytes

    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "t.txt").write_text("x", encoding="utf-8")
    (tmp_path / "a" / "via").symlink_to(tmp_path / "b")
    assert read_bytes(tmp_path / "b" / "t.txt", what="text", inside=tmp_path / "b") == b"x"
    with pytest.raises(FactsError, match="moved outside"):
        read_bytes(tmp_path / "a" / "via" / "t.txt", what="text", inside=tmp_path / "a")


def test_dev_zero_is_refused_without_reading_it(runner, tmp_path: Path) -> None:
    given = write_article(tmp_path / "in")
    (tmp_path / "in" / "mini.txt").unlink()
    (tmp_path / "in" / "mini.txt").symlink_to("/dev/zero")
    refused(runner, given, tmp_path, "character device", line=1, extra=["--root", "/"])


def _build_in_thread(runner, args: list[str]):
    """Run the CLI in a thread: a hang fails the test (after 20 s) instead of blocking it."""
    box = {}
    thread = threading.Thread(target=lambda: box.update(result=runner.invoke(main, args)))
    thread.daemon = True
    thread.start()
    thread.join(20)
    assert not thread.is_alive(), "defrel hung reading a FIFO"
    return box["result"]


def test_a_fifo_article_text_is_refused_not_waited_on(runner, tmp_path: Path) -> None:
    given = write_article(tmp_path / "in")
    (tmp_path / "in" / "mini.txt").unlink()
    os.mkfifo(tmp_path / "in" / "mini.txt")
    out = tmp_path / "out"
    result = _build_in_thread(runner, ["build", str(given), "--out", str(out)])
    assert result.exit_code == 2, result.output
    assert "FIFO" in result.output and f"{given.name}:1:" in result.output
    assert not out.exists()


def test_a_fifo_facts_file_is_refused_not_waited_on(runner, tmp_path: Path) -> None:
    write_article(tmp_path / "in")
    os.mkfifo(tmp_path / "in" / "pipe.facts.yaml")
    out = tmp_path / "out"
    result = _build_in_thread(runner, ["build", str(tmp_path / "in"), "--out", str(out)])
    assert result.exit_code == 2, result.output
    assert "pipe.facts.yaml" in result.output and "FIFO" in result.output
    assert not out.exists()


def test_a_fifo_swapped_in_before_a_rebuild_is_refused(runner, tmp_path: Path) -> None:
    given = write_article(tmp_path / "in")
    out = tmp_path / "out"
    assert run(runner, ["build", str(given)], out).exit_code == 0
    (tmp_path / "in" / "mini.txt").unlink()
    os.mkfifo(tmp_path / "in" / "mini.txt")
    result = _build_in_thread(runner, ["build", str(given), "--out", str(out)])
    assert result.exit_code == 2, result.output
    assert "FIFO" in result.output


# 5. the base IRI ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "base, words",
    [
        ("https://ex.org/%zz/", "'%' not followed by two hex digits"),
        ("https://ex.org/a b/", "U+0020"),
        ("https://ex.org/\x1b[31m/", "U+001B"),
        ("https://ex.org:99999/", "does not parse"),
        ("ftp://ex.org/", "not an absolute http(s) IRI"),
        ("https://ex.org/data", "must end with '/' or '#'"),
    ],
)
def test_a_bad_base_iri_is_refused_before_anything_runs(runner, tmp_path: Path, base, words):
    given = write_article(tmp_path / "in")
    for command in ("build", "site", "validate"):
        result = run(runner, [command, str(given), "--base", base], tmp_path / "out")
        assert result.exit_code == 2, result.output
        assert "--base" in result.output and words in result.output, result.output
        assert "\x1b" not in result.output
        assert not (tmp_path / "out").exists()


# 3. control characters -----------------------------------------------------------------------

REFUSED_CHARS = {
    "esc": ("\\e", "U+001B"),
    "bel": ("\\a", "U+0007"),
    "nul": ("\\0", "U+0000"),
    "csi-c1": ("\\x9b", "U+009B"),
    "rlo": ("\\u202e", "U+202E"),
    "lri": ("\\u2066", "U+2066"),
    "pdi": ("\\u2069", "U+2069"),
    "lone-surrogate": ("\\ud800", "U+D800"),
}

# (what the character goes into in MINI_FACTS, the field the message must name); the message
# must also name the line where the character is
FIELDS = {
    "entity-label": ("label: Russia", 'label: "Rus{c}sia"', "entities[3].label"),
    "headline": ("headline: Big News", 'headline: "Big{c} News"', "article.headline"),
    "alias": ("label: Russia", 'label: Russia\n    aliases: ["R{c}F"]', "aliases[0]"),
    "description": ("kind: visit", 'kind: visit\n    description: "a{c}b"', "description"),
    "qualifier": ("unit: percent}", 'unit: percent, qualifier: "a{c}"}', "qualifier"),
    "text-path": ("headline: Big News", 'headline: Big News\n  text: "a{c}.txt"', "text"),
}


@pytest.mark.parametrize("char", list(REFUSED_CHARS.values()), ids=list(REFUSED_CHARS))
@pytest.mark.parametrize("field", list(FIELDS.values()), ids=list(FIELDS))
def test_control_characters_are_refused_in_every_text_field(runner, tmp_path, char, field):
    escape, code = char
    old, new, name = field
    assert old in MINI_FACTS
    facts = MINI_FACTS.replace(old, new.replace("{c}", escape), 1)
    line = facts[: facts.index(escape)].count("\n") + 1
    given = write_article(tmp_path / "in", facts)
    output = refused(runner, given, tmp_path, code, name, "remove the character", line=line)
    assert not any(0x80 <= ord(c) <= 0x9F or ord(c) < 0x20 and c != "\n" for c in output)
    assert not any(0x202A <= ord(c) <= 0x2069 for c in output)


def test_a_quote_may_hold_what_the_article_body_holds(runner, tmp_path: Path) -> None:
    text = MINI_TEXT.replace("Raheel Sharif", "Raheel\x07 Sharif")
    facts = MINI_FACTS.replace(
        'label: Raheel Sharif\n    evidence: ["Raheel Sharif"]',
        'label: Raheel Sharif\n    evidence: ["Raheel\\a Sharif"]',
    )
    given = write_article(tmp_path / "in", facts, text)
    assert run(runner, ["build", str(given)], tmp_path / "out").exit_code == 0
    given.write_text(facts.replace("Raheel\\a Sharif", "Raheel\\e Sharif"), encoding="utf-8")
    refused(runner, given, tmp_path / "again", "U+001B", "evidence[0]", line=7)


def test_a_file_name_with_an_escape_is_printed_escaped(runner, tmp_path: Path) -> None:
    given = write_article(tmp_path / "in", slug="mini")
    given.rename(tmp_path / "in" / "bad\x1b[2J.facts.yaml")
    # color=True: as on a terminal, where click does not strip escape sequences
    args = ["build", str(tmp_path / "in"), "--out", str(tmp_path / "out")]
    result = runner.invoke(main, args, color=True)
    assert result.exit_code == 2, result.output
    assert "bad\x1b[2J" not in result.output and "bad\\x1b[2J" in result.output


# 4. numbers keep every digit or are refused ----------------------------------------------------

WITH_VALUE = MINI_FACTS.replace(
    '    evidence: ["up to 75 percent"]',
    '    value: {value: VALUE, unit: USD}\n    evidence: ["up to 75 percent"]',
)


@pytest.mark.parametrize(
    "value, lexical",
    [
        ("1234567890123456789012345678901234567890", "1234567890123456789012345678901234567890.0"),
        (
            "1234567890123456789012345678901234567890.25",
            "1234567890123456789012345678901234567890.25",
        ),
        ("0.123456789012345678901234567890123", "0.123456789012345678901234567890123"),
        ("9" * 60, "9" * 60 + ".0"),
        ("1_000.000_1", "1000.0001"),
    ],
)
def test_numbers_keep_every_digit(runner, tmp_path: Path, value: str, lexical: str) -> None:
    given = write_article(tmp_path / "in", WITH_VALUE.replace("VALUE", value))
    out = tmp_path / "out"
    result = run(runner, ["build", str(given)], out)
    assert result.exit_code == 0, result.output
    decimal = "<http://www.w3.org/2001/XMLSchema#decimal>"
    assert f'<https://schema.org/value> "{lexical}"^^{decimal}' in (out / "dataset.nq").read_text()


@pytest.mark.parametrize(
    "value",
    ["1" * 61, "1" * 5000, "1.5e+70", "1.0e-70", "0." + "1" * 61, "-" + "2" * 4400]
    + ["0x" + "f" * 4000, "0b" + "1" * 300, ":".join(["59"] * 40)],
)
def test_numbers_past_sixty_digits_are_refused(runner, tmp_path: Path, value: str) -> None:
    given = write_article(tmp_path / "in", WITH_VALUE.replace("VALUE", value))
    refused(runner, given, tmp_path, "more than the 60 digits", "round it", line=33)


# 5. language tags --------------------------------------------------------------------------------


@pytest.mark.parametrize("tag", ["en fr", "en-", "e", "123", "en_GB", "fr-FR-", "-en"])
def test_a_malformed_language_tag_is_refused(runner, tmp_path: Path, tag: str) -> None:
    facts = MINI_FACTS.replace("  headline: Big News", f"  headline: Big News\n  language: '{tag}'")
    given = write_article(tmp_path / "in", facts)
    refused(runner, given, tmp_path, "not a BCP 47 language tag", "pt-BR", line=3)


@pytest.mark.parametrize("tag", ["fr", "pt-BR", "zh-Hant-TW", "es-419", "de-CH-1996"])
def test_well_formed_language_tags_build(runner, tmp_path: Path, tag: str) -> None:
    facts = MINI_FACTS.replace("  headline: Big News", f"  headline: Big News\n  language: {tag}")
    given = write_article(tmp_path / "in", facts)
    out = tmp_path / "out"
    assert run(runner, ["build", str(given)], out).exit_code == 0
    assert f'"big news"@{tag.lower()}' in (out / "dataset.nq").read_text().lower()


# 6. contradictions between (and within) articles -------------------------------------------------

COMMANDS = [
    ["build"],
    ["build", "--infer"],
    ["validate"],
]  # fast build, rdflib pipeline, load_corpus


def two_articles(folder: Path, other: str, first: str = MINI_FACTS) -> tuple[Path, Path]:
    return write_article(folder, first, slug="alpha"), write_article(folder, other, slug="beta")


def contradiction(runner, tmp_path: Path, command: list[str], *words: str) -> str:
    out = tmp_path / "out"
    result = run(runner, [*command, str(tmp_path / "in")], out)
    assert result.exit_code == 2, result.output
    for word in words:
        assert word in result.output, result.output
    assert not out.exists()
    return result.output


def line_in(facts: str, text: str) -> int:
    return facts[: facts.index(text)].count("\n") + 1


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_one_entity_with_two_labels_is_refused(runner, tmp_path: Path, command) -> None:
    other = MINI_FACTS.replace("label: Russia", "label: Russian Federation")
    two_articles(tmp_path / "in", other)
    line = line_in(MINI_FACTS, "  - id: russia")
    contradiction(
        runner, tmp_path, command, "'russia'", "labelled", "aliases", f"alpha.facts.yaml:{line}",
        f"beta.facts.yaml:{line}",
    )  # fmt: skip


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_one_entity_with_two_wikidata_items_is_refused(runner, tmp_path: Path, command) -> None:
    two_articles(tmp_path / "in", MINI_FACTS.replace("same_as: wd:Q61", "same_as: wd:Q62"))
    line = line_in(MINI_FACTS, "  - id: washington")
    contradiction(
        runner, tmp_path, command, "'washington'", "Q61", "Q62", f"alpha.facts.yaml:{line}",
        f"beta.facts.yaml:{line}",
    )  # fmt: skip


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_two_entities_with_one_wikidata_item_are_refused(runner, tmp_path: Path, command) -> None:
    other = MINI_FACTS.replace("  - id: washington", "  - id: washington-dc").replace(
        "destination: washington", "destination: washington-dc"
    )
    two_articles(tmp_path / "in", other)
    line = line_in(MINI_FACTS, "  - id: washington")
    contradiction(
        runner, tmp_path, command, "Q61", "'washington-dc'", "'washington'",
        f"alpha.facts.yaml:{line}", f"beta.facts.yaml:{line}",
    )  # fmt: skip


def test_two_entities_with_one_wikidata_item_in_one_article_are_refused(runner, tmp_path):
    facts = MINI_FACTS.replace("label: Russia", "label: Russia\n    same_as: wd:Q61")
    given = write_article(tmp_path / "in", facts)
    line = line_in(facts, "  - id: russia")
    output = refused(runner, given, tmp_path, "Q61", "'russia'", "'washington'", line=line)
    assert f"mini.facts.yaml:{line_in(facts, '  - id: washington')}" in output


POST = """\
  - id: post
    kind: post
    holder: raheel-sharif
    organization: united-states
    title: TITLE
    evidence: ["Raheel Sharif"]
"""


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_two_titles_minting_one_post_iri_are_refused(runner, tmp_path: Path, command) -> None:
    with_post = MINI_FACTS + POST
    two_articles(
        tmp_path / "in",
        with_post.replace("TITLE", "chief of army staff"),
        with_post.replace("TITLE", "Chief of Army-Staff"),
    )
    line = line_in(with_post, "  - id: post")
    contradiction(
        runner, tmp_path, command, "post/united-states/chief-of-army-staff",
        f"alpha.facts.yaml:{line}", f"beta.facts.yaml:{line}",
    )  # fmt: skip


def test_one_post_title_written_alike_in_two_articles_builds(runner, tmp_path: Path) -> None:
    with_post = (MINI_FACTS + POST).replace("TITLE", "Chief of Army Staff")
    two_articles(tmp_path / "in", with_post, with_post)
    result = run(runner, ["build", str(tmp_path / "in")], tmp_path / "out")
    assert result.exit_code == 0, result.output


def orgs(*links: tuple[str, str]) -> str:
    """MINI_FACTS with organisations ``a`` part_of ``b`` for each (a, b) of ``links``."""
    names = sorted({n for link in links for n in link})
    parent = dict(links)
    rows = "".join(
        f"  - id: {n}\n    type: Organization\n    label: Org {n}\n"
        + (f"    part_of: {parent[n]}\n" if n in parent else "")
        for n in names
    )
    return MINI_FACTS.replace("facts:\n", rows + "facts:\n", 1)


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_a_part_of_cycle_across_articles_is_refused(runner, tmp_path: Path, command) -> None:
    for slug, link in zip(
        ["one", "two", "three"], [("ab", "cd"), ("cd", "ef"), ("ef", "ab")], strict=True
    ):
        write_article(tmp_path / "in", orgs(link), slug=slug)
    output = contradiction(
        runner, tmp_path, command, "part_of forms a cycle", "ab -> cd -> ef -> ab"
    )
    for slug in ("one", "two", "three"):
        assert f"{slug}.facts.yaml:" in output


def test_a_part_of_cycle_within_an_article_is_refused(runner, tmp_path: Path) -> None:
    facts = orgs(("ab", "cd"), ("cd", "ef"), ("ef", "ab"))
    given = write_article(tmp_path / "in", facts)
    output = refused(runner, given, tmp_path, "part_of forms a cycle", "ab -> cd -> ef -> ab")
    assert output.count("mini.facts.yaml:") >= 3


def test_a_part_of_chain_is_fine(runner, tmp_path: Path) -> None:
    given = write_article(tmp_path / "in", orgs(("ab", "cd"), ("cd", "ef")))
    assert run(runner, ["build", str(given)], tmp_path / "out").exit_code == 0


def test_a_three_fact_part_of_cycle_is_refused(runner, tmp_path: Path) -> None:
    facts = MINI_FACTS + "".join(
        f"  - id: {me}\n    kind: assessment\n    subject: russia\n    summary: A view.\n"
        f'    part_of: {parent}\n    evidence: ["Russia."]\n'
        for me, parent in [("one", "two"), ("two", "three"), ("three", "one")]
    )
    given = write_article(tmp_path / "in", facts)
    line = line_in(facts, "  - id: one")
    output = refused(runner, given, tmp_path, "part_of forms a cycle", line=line)
    assert "one -> two -> three -> one" in output
    for fact in ("one", "two", "three"):
        assert f"{fact} (line {line_in(facts, f'  - id: {fact}')})" in output
