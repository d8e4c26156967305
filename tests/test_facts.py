"""The facts loader: what it accepts, and a clear, located error for each kind of bad input."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from conftest import MINI_FACTS, MINI_TEXT, triples_of, write_article

from mapper.errors import EvidenceError, FactsError
from mapper.facts.evidence import locate
from mapper.facts.load import find_facts_files, load_corpus, load_facts
from mapper.facts.when import When


def test_loads_a_valid_file(mini: Path) -> None:
    article = load_facts(mini)
    assert article.slug == "mini"
    assert article.text == MINI_TEXT
    assert [e.id for e in article.entities] == [
        "raheel-sharif",
        "washington",
        "united-states",
        "russia",
    ]
    visit, supply = article.facts
    assert visit.values["visitor"] == ("raheel-sharif",)
    assert visit.values["destination"] == "washington"
    assert visit.values["date"] == When("Thursday", weekday="Thursday")
    assert supply.values["share"].max == Decimal(75)
    assert supply.values["start"].qualifier == "late"
    assert article.entities[1].same_as == ("wd:Q61",)


def test_evidence_offsets_are_characters_of_the_text(mini: Path) -> None:
    article = load_facts(mini)
    span = article.facts[0].evidence[0]
    assert article.text[span.start : span.end] == "visited Washington on Thursday"
    # the NO-BREAK SPACE before it counts as one character, not two bytes
    assert span.start == MINI_TEXT.index("visited")
    assert article.text[span.start - len(span.prefix) : span.start] == span.prefix


def _load_with(tmp_path: Path, facts: str = MINI_FACTS, text: str = MINI_TEXT):
    return load_facts(write_article(tmp_path, facts, text))


# (case id, change to the facts file, error class, words in the message, line)
BAD_FACTS = [
    (
        "yaml-syntax",
        lambda f: f.replace("  - id: supply", "  - id: [supply"),
        FactsError,
        "YAML syntax error",
        28,
    ),
    (
        "duplicate-key",
        lambda f: f.replace("    kind: visit\n", "    kind: visit\n    kind: visit\n"),
        FactsError,
        "appears twice",
        22,
    ),
    (
        "unknown-entity",
        lambda f: f.replace("visitor: raheel-sharif", "visitor: raheel-sharef"),
        FactsError,
        "unknown entity 'raheel-sharef'",
        22,
    ),
    (
        "unknown-key",
        lambda f: f.replace("aspect: completed", "aspekt: completed"),
        FactsError,
        "unknown key(s) 'aspekt'",
        25,
    ),
    (
        "wrong-entity-type",
        lambda f: f.replace("destination: washington", "destination: raheel-sharif"),
        FactsError,
        "'raheel-sharif' is a Person, but destination takes",
        23,
    ),
    (
        "wrong-value-type",
        lambda f: f.replace("max: 75", "max: lots"),
        FactsError,
        "max must be a number, not text ('lots')",
        31,
    ),
    (
        "impossible-date",
        lambda f: f.replace("date: Thursday", "date: 2014-02-30"),
        FactsError,
        "'2014-02-30' does not exist: February 2014 has 28 days",
        24,
    ),
    (
        "month-13",
        lambda f: f.replace("date: Thursday", "date: 2014-13"),
        FactsError,
        "month 13",
        24,
    ),
    (
        "missing-required",
        lambda f: f.replace("    visitor: raheel-sharif\n", ""),
        FactsError,
        "'visitor' is a required property",
        20,
    ),
    (
        "bad-id",
        lambda f: f.replace("id: visit\n", "id: Visit Two\n"),
        FactsError,
        "'Visit Two' is not an id",
        20,
    ),
    (
        "duplicate-id",
        lambda f: f.replace("id: supply", "id: visit"),
        FactsError,
        "duplicate id 'visit'",
        27,
    ),
    (
        "unknown-kind",
        lambda f: f.replace("kind: visit", "kind: vist"),
        FactsError,
        "'vist' is not a kind of fact defrel knows",
        21,
    ),
    (
        "percent-over-100",
        lambda f: f.replace("max: 75", "max: 175"),
        FactsError,
        "a percentage cannot exceed 100",
        31,
    ),
    (
        "negative-quantity",
        lambda f: f.replace("max: 75", "max: -5"),
        FactsError,
        "less than the minimum of 0",
        31,
    ),
    (
        "min-above-max",
        lambda f: f.replace("{max: 75,", "{min: 80, max: 75,"),
        FactsError,
        "min 80 is above max 75",
        31,
    ),
    (
        "unknown-fact-ref",
        lambda f: f + "    part_of: visitt\n",
        FactsError,
        "unknown fact 'visitt'",
        34,
    ),
    (
        "quote-not-in-text",
        lambda f: f.replace('["up to 75 percent"]', '["up to 57 percent"]'),
        EvidenceError,
        "quote not found in the article text: 'up to 57 percent'",
        33,
    ),
    (
        "ambiguous-quote",
        lambda f: f.replace('["up to 75 percent"]', '["Russia"]'),
        EvidenceError,
        "'Russia' is ambiguous: it occurs 2 times",
        33,
    ),
    (
        "one-party",
        lambda f: (
            f + "  - id: pact\n    kind: alliance\n    parties: [russia]\n"
            '    evidence: ["Russia supplies"]\n'
        ),
        FactsError,
        "['russia'] is too short",
        36,
    ),
    (
        "share-in-dollars",
        lambda f: f.replace("unit: percent}", "unit: USD}"),
        FactsError,
        "share.unit: 'percent' was expected",
        31,
    ),
    (
        "located-in-itself",
        lambda f: f.replace(
            "    same_as: wd:Q61\n", "    same_as: wd:Q61\n    located_in: washington\n"
        ),
        FactsError,
        "an entity cannot be located in itself",
        12,
    ),
    ("not-a-mapping", lambda f: "- just\n- a list\n", FactsError, "must be a mapping", 1),
    (
        "no-facts",
        lambda f: "article:\n  headline: Big News\n",
        FactsError,
        "'facts' is a required property",
        1,
    ),
]


@pytest.mark.parametrize(
    ("change", "cls", "words", "line"), [c[1:] for c in BAD_FACTS], ids=[c[0] for c in BAD_FACTS]
)
def test_bad_facts_are_refused_with_file_line_and_fix(tmp_path, change, cls, words, line):
    with pytest.raises(cls) as caught:
        _load_with(tmp_path, change(MINI_FACTS))
    err = caught.value
    assert words in str(err)
    assert err.path == str(tmp_path / "mini.facts.yaml")
    assert err.line == line, str(err)


def test_missing_quote_names_the_nearest_passage(tmp_path: Path) -> None:
    facts = MINI_FACTS.replace('["up to 75 percent"]', '["supplies up to 57 percent"]')
    with pytest.raises(EvidenceError) as caught:
        _load_with(tmp_path, facts)
    assert "nearest passage" in caught.value.hint
    assert "supplies “up to 75 perc" in caught.value.hint
    assert caught.value.fact_id == "supply"


def test_straight_quotes_and_plain_spaces_are_named(tmp_path: Path) -> None:
    facts = MINI_FACTS.replace('["Raheel Sharif"]', '["Gen. Raheel Sharif"]')
    with pytest.raises(EvidenceError) as caught:
        _load_with(tmp_path, facts)
    assert "U+00A0 NO-BREAK SPACE" in caught.value.hint
    facts = MINI_FACTS.replace('["up to 75 percent"]', "['\"up to 75 percent\"']")
    with pytest.raises(EvidenceError) as caught:
        _load_with(tmp_path, facts)
    assert "U+201C LEFT DOUBLE QUOTATION MARK" in caught.value.hint


def test_occurrence_picks_one_of_several(tmp_path: Path) -> None:
    facts = MINI_FACTS.replace('["up to 75 percent"]', "[{quote: Russia, occurrence: 2}]")
    article = _load_with(tmp_path, facts)
    span = article.facts[1].evidence[0]
    assert span.start == MINI_TEXT.rindex("Russia")
    too_many = MINI_FACTS.replace('["up to 75 percent"]', "[{quote: Russia, occurrence: 3}]")
    with pytest.raises(EvidenceError, match="occurs 2 time"):
        _load_with(tmp_path, too_many)


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    facts = MINI_FACTS.replace("date: Thursday", "date: 2014-02-30").replace(
        '["up to 75 percent"]', '["not there"]'
    )
    with pytest.raises(FactsError) as caught:
        _load_with(tmp_path, facts)
    text = str(caught.value)
    assert "does not exist" in text and "quote not found" in text


def test_a_headline_is_metadata_and_need_not_be_in_the_text(tmp_path: Path) -> None:
    # 0.3.0: the captured text may be the body only; headline and standfirst are metadata
    facts = MINI_FACTS.replace(
        "headline: Big News", "headline: Small News\n  alternative_headline: A standfirst"
    )
    article = _load_with(tmp_path, facts)
    assert article.metadata["headline"] == "Small News"
    assert article.metadata["alternative_headline"] == "A standfirst"


def test_empty_file(tmp_path: Path) -> None:
    with pytest.raises(FactsError, match="the facts file is empty"):
        _load_with(tmp_path, "   \n")


def test_missing_article_text(tmp_path: Path) -> None:
    path = write_article(tmp_path)
    (tmp_path / "mini.txt").unlink()
    with pytest.raises(FactsError) as caught:
        load_facts(path)
    assert "article text for mini.facts.yaml not found" in str(caught.value)
    assert caught.value.path == str(tmp_path / "mini.txt")


@pytest.mark.parametrize(
    ("data", "words"),
    [
        ("caf\u00e9".encode("latin-1"), "not valid UTF-8"),
        ("\ufeffBig News".encode("utf-8"), "byte-order mark"),
        ("Big News".encode("utf-16"), "UTF-16"),
    ],
)
def test_article_text_encoding(tmp_path: Path, data: bytes, words: str) -> None:
    path = write_article(tmp_path)
    (tmp_path / "mini.txt").write_bytes(data)
    with pytest.raises(FactsError, match=words):
        load_facts(path)


def test_corpus_entities_must_agree_on_type(tmp_path: Path) -> None:
    write_article(tmp_path, slug="one")
    write_article(tmp_path, MINI_FACTS.replace("    type: City", "    type: Region"), slug="two")
    with pytest.raises(FactsError, match="'washington' is a Region here but a City") as caught:
        load_corpus([tmp_path])
    err = caught.value
    assert str(tmp_path / "one.facts.yaml") in err.message  # where it was a City
    line = MINI_FACTS.splitlines().index("  - id: washington") + 1
    assert (err.path, err.line, err.fact_id) == (
        str(tmp_path / "two.facts.yaml"),
        line,
        "washington",
    )


def test_two_facts_files_with_one_slug_are_refused(tmp_path: Path) -> None:
    first = write_article(tmp_path / "a", slug="one")
    second = write_article(tmp_path / "b", slug="one")
    with pytest.raises(FactsError, match="two facts files share the slug 'one'") as caught:
        load_corpus([tmp_path])
    assert f"(also {first})" in caught.value.message
    assert caught.value.path == str(second)


def test_find_facts_files(tmp_path: Path) -> None:
    write_article(tmp_path / "a", slug="one")
    write_article(tmp_path / "b", slug="two")
    assert [p.name for p in find_facts_files([tmp_path])] == ["one.facts.yaml", "two.facts.yaml"]
    (tmp_path / "empty").mkdir()
    with pytest.raises(FactsError, match="no facts files"):
        find_facts_files([tmp_path / "empty"])
    with pytest.raises(FactsError, match="no such file or folder"):
        find_facts_files([tmp_path / "missing"])


def test_a_post_title_composed_or_decomposed_is_one_post(tmp_path: Path) -> None:
    # "Défense" typed with U+00E9, and with e + U+0301 COMBINING ACUTE ACCENT (as some
    # keyboards and copy-pastes give it): one title, so one org:Post, held by both.
    from rdflib import RDF, URIRef

    from mapper import map_articles
    from mapper.rdf.vocab import DEFAULT_BASE, NS

    composed, decomposed = "D\u00e9fense Minister", "De\u0301fense Minister"
    assert composed != decomposed
    posts = ""
    for number, (holder, title) in enumerate([("raheel-sharif", composed), ("deputy", decomposed)]):
        posts += (
            f"  - id: post-{number}\n    kind: post\n    holder: {holder}\n"
            f"    title: {title}\n    organization: united-states\n"
            '    evidence: ["Raheel Sharif"]\n'
        )
    deputy = "  - id: deputy\n    type: Person\n    label: A deputy\nfacts:\n"
    write_article(tmp_path / "in", MINI_FACTS.replace("facts:\n", deputy) + posts)
    dataset = triples_of(map_articles(load_corpus([tmp_path / "in"]), base=DEFAULT_BASE))
    found = set(dataset.subjects(RDF.type, NS["org"].Post))
    assert found == {URIRef(f"{DEFAULT_BASE}post/united-states/d\u00e9fense-minister")}
    (post,) = found
    assert set(dataset.objects(post, NS["org"].heldBy)) == {
        URIRef(f"{DEFAULT_BASE}entity/raheel-sharif"),
        URIRef(f"{DEFAULT_BASE}entity/deputy"),
    }


# --- evidence hints, exactly (mutation testing found these unheld) ---------------------------


@pytest.mark.parametrize(
    ("text", "quote", "hint"),
    [
        # the longest common run anchors the passage where the quote would start
        (
            "Then Gen. Raheel Sharif visited.",
            "Maj. Raheel Sharif visited",
            (5, "Gen. Raheel Sharif visited"),
        ),
        # two runs as long: the first in the text wins, even at offset 0
        ("Big Neat sale, a big Net deal.", "Big Netz", (0, "Big Neat")),
    ],
)
def test_the_nearest_passage_is_aligned_with_the_quote(text: str, quote: str, hint) -> None:
    with pytest.raises(EvidenceError) as caught:
        locate(text, quote)
    assert caught.value.hint == f"the nearest passage (offset {hint[0]}) is {hint[1]!r}"


def test_a_lookalike_hint_names_the_first_place_and_three_differences() -> None:
    text = "He said \u2018a\u2019 \u2018b\u2019, then \u2018a\u2019 \u2018b\u2019 again."
    with pytest.raises(EvidenceError) as caught:
        locate(text, "'a' 'b'")
    left, right = "U+2018 LEFT SINGLE QUOTATION MARK", "U+2019 RIGHT SINGLE QUOTATION MARK"
    assert caught.value.hint == (
        f'copy the characters exactly; offset 8: the text has {left} where the quote has "\'"; '
        f'offset 10: the text has {right} where the quote has "\'"; '
        f'offset 12: the text has {left} where the quote has "\'"'
    )


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Chief of Army Staff", "chief-of-army-staff"),
        ("  (Acting) Chief -- of Staff! ", "acting-chief-of-staff"),  # no hyphen at the ends
        ("_Deputy_ Minister_", "deputy_-minister"),  # nor underscore
        ("Ministre de la Défense", "ministre-de-la-défense"),  # accents kept as letters
        ("!!!", "untitled"),  # nothing left: still a valid IRI segment
    ],
)
def test_post_titles_slugify_to_lowercase_hyphenated_words(title: str, slug: str) -> None:
    from mapper.rdf.mint import slugify

    assert slugify(title) == slug


@pytest.mark.parametrize(
    ("part_of", "message", "hint"),
    [
        ("visitt", "part_of: unknown fact 'visitt'", "did you mean 'visit'?"),
        ("treaty", "part_of: unknown fact 'treaty'", "facts refer to facts by id"),
        ("supply", "part_of: a fact cannot refer to itself", None),
    ],
)
def test_a_fact_refers_to_another_fact_by_id(tmp_path: Path, part_of, message, hint) -> None:
    facts = MINI_FACTS + f"    part_of: {part_of}\n"  # on the last fact, 'supply'
    with pytest.raises(FactsError) as caught:
        _load_with(tmp_path, facts)
    err = caught.value
    assert (err.message, err.hint, err.fact_id) == (message, hint, "supply")
    assert (err.line, err.more) == (len(facts.splitlines()), [])  # the part_of line


# --- every problem at once, in file order and in words ----------------------------------------


def test_schema_and_later_problems_come_together_in_file_order(tmp_path: Path) -> None:
    facts = (
        MINI_FACTS.replace("    same_as: wd:Q61\n", "    same_as: Q61\n")  # schema, line 11
        .replace("visitor: raheel-sharif", "visitor: raheel-sharef")  # reference, line 22
        .replace("date: Thursday", "date: 2019")  # schema, line 24
        .replace("aspect: completed", "modality: completed")  # schema, line 25
        .replace('["up to 75 percent"]', '["not there"]')  # evidence, line 33
    )
    with pytest.raises(FactsError) as caught:
        _load_with(tmp_path, facts)
    problems = [caught.value, *caught.value.more]
    assert [(p.line, p.fact_id) for p in problems] == [
        (11, "washington"),
        (22, "visit"),
        (24, "visit"),
        (25, "visit"),
        (33, "supply"),
    ]
    assert "write wd:Q61" in problems[0].hint
    assert "unknown entity 'raheel-sharef'" in problems[1].message
    assert "write the year in quotes: '2019'" in problems[2].hint
    assert "aspect: planned, ongoing or completed" in problems[3].hint
    assert "quote not found" in problems[4].message


def test_a_bad_field_does_not_hide_the_rest_of_its_fact(tmp_path: Path) -> None:
    # the date is refused by the schema; the destination is still checked
    facts = MINI_FACTS.replace("date: Thursday", "date: someday").replace(
        "destination: washington", "destination: raheel-sharif"
    )
    with pytest.raises(FactsError) as caught:
        _load_with(tmp_path, facts)
    messages = [p.message for p in (caught.value, *caught.value.more)]
    assert len(messages) == 2
    assert "'raheel-sharif' is a Person, but destination takes" in messages[0]
    assert "'someday' is not a date" in messages[1]


def test_a_value_that_fits_no_form_is_said_once(tmp_path: Path) -> None:
    # an entity list with a bad id: one error (not one per form of the field), at the id
    facts = MINI_FACTS.replace("visitor: raheel-sharif", "visitor: [Raheel Sharif]")
    with pytest.raises(FactsError) as caught:
        _load_with(tmp_path, facts)
    err = caught.value
    assert err.more == []
    assert err.message == "facts.0.visitor.0: 'Raheel Sharif' is not an id"
    assert err.hint.endswith("write 'raheel-sharif'")


@pytest.mark.parametrize(
    ("change", "message", "hint"),
    [
        (
            ("date: Thursday", "date: 2019"),
            "2019 is a number, not a date",
            "write the year in quotes: '2019'",
        ),
        (
            ("date: Thursday", "date: September 12"),
            "'September 12' needs a year: write YYYY-09-12, or September",
            "{said: ..., resolved: ...}",
        ),
        (
            ("date: Thursday", "date: {said: last year, resolved: 2023/05/01}"),
            "write dates as YYYY-MM-DD: 2023-05-01",
            None,
        ),
        (("id: visit\n", "id: Visit_2\n"), "'Visit_2' is not an id", "write 'visit-2'"),
        (("destination: washington", "destination: Washington"), "is not an id", None),
        (
            ("date: Thursday", "date: Thursday\n    duration: 3 years"),
            "'3 years' is not an ISO 8601 duration",
            "write P3Y for 3 years",
        ),
        (
            ("date: Thursday", "date: Thursday\n    duration: p1d"),
            "'p1d' is not an ISO 8601 duration",
            "write it in capitals: P1D",
        ),
        (("same_as: wd:Q61", "same_as: q61"), "'q61' is not a Wikidata id", "write wd:Q61"),
        (
            ("same_as: wd:Q61", "same_as: www.example.org"),
            "is not a Wikidata id or an IRI",
            "or a full IRI starting http:// or https://",
        ),
        (
            ("label: Russia", "label: '   '"),
            "is blank",
            "write some text, or leave the key out",
        ),
    ],
)
def test_pattern_errors_are_said_in_words(tmp_path: Path, change, message, hint) -> None:
    with pytest.raises(FactsError) as caught:
        _load_with(tmp_path, MINI_FACTS.replace(*change))
    err = caught.value
    text = str(err)
    assert message in err.message
    if hint:
        assert hint in err.hint
    assert "does not match" not in text and "^" not in text and "\\d" not in text


def test_a_currency_is_its_iso_code(tmp_path: Path) -> None:
    deal = (
        "  - id: deal\n    kind: arms_transfer\n    supplier: russia\n    recipient: united-states\n"
        "    weapon_category: aircraft\n    value: {value: 5, unit: dollars}\n"
        '    evidence: ["Big News"]\n'
    )
    with pytest.raises(FactsError) as caught:
        _load_with(tmp_path, MINI_FACTS + deal)
    err = caught.value
    assert err.more == []  # the quantity's unit and the money field's: said once
    assert err.message == "facts.2.value.unit: 'dollars' is not a unit"
    assert err.hint == "write the currency as its ISO 4217 code in capitals (USD, EUR, INR): USD"


@pytest.mark.parametrize(
    ("fact", "message"),
    [
        (
            "kind: arms_transfer\n    supplier: russia\n    recipient: united-states\n",
            "an arms_transfer names its weapon: give designation, weapon_category or "
            "weapon_description",
        ),
        (
            "kind: conference\n    event_type: summit\n",
            "a conference names who hosts, takes part or is invited: give host, participants "
            "or invitees",
        ),
        (
            "kind: threat\n    speaker: russia\n",
            "a threat says what is threatened: give threatened_action, threatened_fact or condition",
        ),
    ],
)
def test_one_of_a_kinds_fields_is_required_in_words(tmp_path: Path, fact, message) -> None:
    facts = MINI_FACTS + f'  - id: extra\n    {fact}    evidence: ["Big News"]\n'
    with pytest.raises(FactsError) as caught:
        _load_with(tmp_path, facts)
    err = caught.value
    assert err.message == f"facts.2: {message}"
    assert (err.fact_id, err.line) == ("extra", 34)


@pytest.mark.parametrize(
    ("entity", "message"),
    [
        (
            "type: Person\n    label: A\n    facility_type: plant",
            "facility_type: only a Facility has a facility_type, and 'extra' is a Person",
        ),
        (
            "type: Country\n    label: A\n    owned_by: russia",
            "owned_by: only a Company or StateOwnedEnterprise has an owned_by, and 'extra' is "
            "a Country",
        ),
        (
            "type: Facility\n    label: A\n    weapon_category: ships",
            "weapon_category: only a WeaponSystem has a weapon_category, and 'extra' is a Facility",
        ),
    ],
)
def test_an_entity_field_of_another_type_is_refused(tmp_path: Path, entity, message) -> None:
    facts = MINI_FACTS.replace("facts:\n", f"  - id: extra\n    {entity}\nfacts:\n")
    with pytest.raises(FactsError) as caught:
        _load_with(tmp_path, facts)
    err = caught.value
    assert err.message == message and err.fact_id == "extra"
    assert err.line == 22 and err.hint.startswith("remove ")


def test_cli_lists_every_problem_and_exits_2(tmp_path: Path, runner) -> None:
    from mapper.cli.main import main

    facts = MINI_FACTS.replace("date: Thursday", "date: 2019").replace(
        '["up to 75 percent"]', '["not there"]'
    )
    path = write_article(tmp_path, facts)
    for command in (["validate", str(path)], ["build", str(path), "--out", str(tmp_path / "o")]):
        result = runner.invoke(main, command)
        assert result.exit_code == 2, result.output
        out = result.output
        assert f"{path}:24: 'visit': facts.0.date: 2019 is a number" in out
        assert "hint: write the year in quotes: '2019'" in out
        assert f"{path}:33: 'supply': quote not found" in out
        assert out.index(":24:") < out.index(":33:")
        assert out.rstrip().endswith("2 problems, in file order.")
    assert runner.invoke(main, ["validate", str(write_article(tmp_path / "ok"))]).exit_code == 0


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (("kind: visit", "kind: {a: b}"), "is not a kind of fact"),  # a mapping where a name goes
        (("id: supply", "id: {a: b}"), "id must be text, not a mapping"),
        (("id: visit\n", "id: [visit]\n"), "id must be text, not a list"),
        (("    type: City\n", "    type: [City]\n"), "is not an entity type"),
    ],
)
def test_odd_values_where_names_go_are_errors_not_crashes(tmp_path: Path, change, words):
    # found by fuzzing: the checks after the schema must not trip over what it refused
    facts = MINI_FACTS.replace(*change) + "    before: [visit]\n"
    with pytest.raises(FactsError) as caught:
        _load_with(tmp_path, facts)
    assert words in str(caught.value)


@pytest.mark.parametrize(
    ("written", "hint"),
    [
        ("three years", "write P3Y for three years"),
        ("3 years and 2 months", "write P3Y2M for 3 years and 2 months"),
        ("two weeks", "write P2W for two weeks"),
        ("1Y", "write P1Y for 1Y"),
        ("forever", "write P3Y for three years, P6M six months"),
    ],
)
def test_a_duration_in_words_gets_its_iso_form(tmp_path: Path, written, hint) -> None:
    facts = MINI_FACTS.replace("date: Thursday", f"date: Thursday\n    duration: {written}")
    with pytest.raises(FactsError) as caught:
        _load_with(tmp_path, facts)
    assert caught.value.message == f"facts.0.duration: {written!r} is not an ISO 8601 duration"
    assert caught.value.hint.startswith(hint)
