"""Times as the text gives them: words resolved against the article's publication date,
a given date checked against them, vague periods kept as words, and before/after links
between facts checked for circles and against the facts' dates."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import MINI_FACTS, MINI_TEXT, triples_of, write_article
from rdflib import Literal, URIRef

from mapper.errors import FactsError
from mapper.facts.datewords import contradiction, resolve
from mapper.facts.load import load_facts
from mapper.facts.when import parse_when, why_not_a_date

PUB = parse_when("2024-03-14")  # a Thursday


@pytest.mark.parametrize(
    ("said", "planned", "text"),
    [
        ("last year", False, "2023"),
        ("this year", False, "2024"),
        ("next year", False, "2025"),
        ("late last year", False, "late 2023"),
        ("earlier this year", False, "2024"),
        ("last month", False, "2024-02"),
        ("next month", False, "2024-04"),
        ("yesterday", False, "2024-03-13"),
        ("today", False, "2024-03-14"),
        ("tomorrow", False, "2024-03-15"),
        # a weekday: the latest one up to the publication day, or for a planned fact the next
        ("on Monday", False, "2024-03-11"),
        ("Monday", False, "2024-03-11"),
        ("on Monday", True, "2024-03-18"),
        ("on Thursday", False, "2024-03-14"),  # the publication day itself
        ("last Monday", False, "2024-03-11"),
        ("last Thursday", False, "2024-03-07"),
        ("next Monday", False, "2024-03-18"),
        ("next Thursday", True, "2024-03-21"),
        # a day without its year: the publication year, or the year before if that is later
        ("September 12", False, "2023-09-12"),
        ("12 September", False, "2023-09-12"),
        ("March 1", False, "2024-03-01"),
        ("September 12", True, "2024-09-12"),
        ("March 1", True, "2025-03-01"),
        ("in August", False, "2023-08"),
        # words holding their own date
        ("in 2014", False, "2014"),
        ("late 2013", False, "late 2013"),
        ("from 2014 onwards", False, "2014"),
        # a deadline: before the publication date plus the span
        ("within a year", True, "before 2025-03-14"),
        ("within six months", True, "before 2024-09-14"),
        ("within 10 days", True, "before 2024-03-24"),
    ],
)
def test_words_resolve_against_the_publication_date(said, planned, text) -> None:
    when = resolve(said, published=PUB, planned=planned)
    assert when.text == text
    assert when.said == said
    assert not when.vague


@pytest.mark.parametrize(
    ("said", "relative", "bound"),
    [
        ("last year", True, None),
        ("in 2014", False, None),
        ("from 2014 onwards", False, "start"),
        ("within a year", True, "end"),
    ],
)
def test_how_a_date_was_resolved_is_kept(said, relative, bound) -> None:
    when = resolve(said, published=PUB)
    assert (when.relative, when.bound) == (relative, bound)


@pytest.mark.parametrize("said", ["in the last few years", "in recent years", "recently"])
def test_vague_periods_are_never_resolved(said) -> None:
    when = resolve(said, published=PUB)
    assert when.vague and when.unit == "unknown" and when.text == said


@pytest.mark.parametrize(
    ("said", "published"),
    [
        ("last week", PUB),  # no date of the precision the format has
        ("soon", PUB),
        ("last year", None),  # no publication date
        ("on Monday", parse_when("2024-03")),  # a weekday needs the publication day
        ("last month", parse_when("2024")),
    ],
)
def test_words_that_cannot_be_resolved_are_kept(said, published) -> None:
    when = resolve(said, published=published)
    assert when.unit == "unknown" and when.said == said and not when.vague


@pytest.mark.parametrize(
    ("said", "published", "text"),
    [
        ("February 29", "2024-03-10", "2024-02-29"),
        ("February 29", "2024-01-10", "February 29"),  # 2023 had none: kept as words
        ("February 30", "2024-03-10", "February 30"),
    ],
)
def test_a_day_that_does_not_exist_stays_words(said, published, text) -> None:
    assert resolve(said, published=parse_when(published)).text == text


def test_resolution_is_deterministic_across_a_year_end() -> None:
    new_year = parse_when("2024-01-02")  # a Tuesday
    assert resolve("last month", published=new_year).text == "2023-12"
    assert resolve("yesterday", published=new_year).text == "2024-01-01"
    assert resolve("on Friday", published=new_year).text == "2023-12-29"
    assert resolve("December 30", published=new_year).text == "2023-12-30"


@pytest.mark.parametrize(
    ("given", "computed", "part"),
    [
        ("2023", "2023", None),
        ("2023-05", "2023", None),  # the analyst knows more
        ("2023", "2023-09-12", None),  # or says less
        ("2022", "2023", "year"),
        ("2023-09-13", "2023-09-12", "day"),
        ("late 2023", "early 2023", "qualifier"),
    ],
)
def test_a_contradiction_is_a_part_both_know(given, computed, part) -> None:
    assert contradiction(parse_when(given), parse_when(computed)) == part


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("September 12", "'September 12' needs a year: write 2023-09-12, or September"),
        ("12 Sept", "needs a year: write 2023-09-12, or September"),
        ("August 2014", "write a month of a year as YYYY-MM: 2014-08"),
        ("2014-8-5", "write months and days with two digits: 2014-08-05"),
        ("2014/08/20", "write dates as YYYY-MM-DD: 2014-08-20"),
        ("thursday", "write Thursday with a capital letter: Thursday"),
        ("Late 2013", "write the qualifier in lowercase: late 2013"),
        ("last year", "write {said: last year}"),
        ("14", "write the year with four digits"),
    ],
)
def test_a_string_that_is_not_a_date_is_explained(text, words) -> None:
    explained = why_not_a_date(text, year=2023)
    assert words in explained
    assert "\\d" not in explained and "^" not in explained  # never a regular expression


# --- through the loader -----------------------------------------------------------------------


def _load(tmp_path: Path, facts: str, *, published: str | None = '"2024-03-14"'):
    if published:
        facts = facts.replace(
            "  headline: Big News\n", f"  headline: Big News\n  date_published: {published}\n"
        )
    return load_facts(write_article(tmp_path, facts, MINI_TEXT))


def _visit_date(value: str) -> str:
    return MINI_FACTS.replace("date: Thursday", f"date: {value}")


def test_a_time_in_words_is_resolved_by_the_loader(tmp_path: Path) -> None:
    article = _load(tmp_path, _visit_date("{said: on Thursday}"))
    date = article.facts[0].values["date"]
    assert (date.text, date.said, date.relative) == ("2024-03-14", "on Thursday", True)


def test_a_planned_fact_looks_forward(tmp_path: Path) -> None:
    facts = _visit_date("{said: on Monday}").replace("aspect: completed", "aspect: planned")
    assert _load(tmp_path, facts).facts[0].values["date"].text == "2024-03-18"


def test_a_given_date_that_agrees_is_kept(tmp_path: Path) -> None:
    date = _load(tmp_path, _visit_date('{said: last year, resolved: "2023-05"}')).facts[0]
    assert date.values["date"].text == "2023-05" and date.values["date"].relative


def test_a_given_date_that_contradicts_the_words_names_both(tmp_path: Path) -> None:
    with pytest.raises(FactsError) as caught:
        _load(tmp_path, _visit_date('{said: last year, resolved: "2022"}'))
    err = caught.value
    assert err.message == (
        "date: resolved '2022' contradicts 'last year', which the publication date "
        "2024-03-14 makes '2023' (the year differs)"
    )
    assert err.fact_id == "visit" and err.line == 25
    assert "resolved: '2023'" in err.hint


def test_words_without_a_publication_date_stay_words(tmp_path: Path) -> None:
    article = _load(tmp_path, _visit_date("{said: last year}"), published=None)
    date = article.facts[0].values["date"]
    assert (date.unit, date.said) == ("unknown", "last year")


def test_a_vague_period_is_marked_vague(tmp_path: Path) -> None:
    date = _load(tmp_path, _visit_date("{said: in recent years}")).facts[0].values["date"]
    assert date.vague and date.unit == "unknown"


def test_the_rdf_says_how_a_date_was_resolved(tmp_path: Path) -> None:
    from mapper import map_articles
    from mapper.rdf.vocab import DEFAULT_BASE, NS

    facts = _visit_date("{said: last year}") + "    end: {said: within a year}\n"
    graph = triples_of(map_articles([_load(tmp_path, facts)], base=DEFAULT_BASE))
    defrel, time = NS["defrel"], NS["time"]
    fact = URIRef(f"{DEFAULT_BASE}article/mini/fact/visit")
    published = URIRef(f"{DEFAULT_BASE}article/mini/time/date_published")
    supply = URIRef(f"{DEFAULT_BASE}article/mini/fact/supply")  # the end was added to it
    date, end = graph.value(fact, defrel.date), graph.value(supply, defrel.end)
    assert graph.value(date, defrel.resolvedFrom) == published
    assert graph.value(date, defrel.dateText) == Literal("last year", lang="en")
    year = graph.value(graph.value(date, time.inDateTime), time.year)
    assert str(year) == "2023"
    assert graph.value(end, defrel.bound) == Literal("end")
    assert graph.value(graph.value(end, time.inDateTime), defrel.qualifier) == Literal("before")
    assert (published, None, None) in graph  # the instant it points to exists


# --- before and after -------------------------------------------------------------------------


def _linked(visit: str, supply: str) -> str:
    return (
        MINI_FACTS.replace(
            '    evidence: ["visited Washington on Thursday"]',
            f'{visit}    evidence: ["visited Washington on Thursday"]',
        )
        + supply
    )


def test_before_and_after_in_a_circle_are_refused(tmp_path: Path) -> None:
    facts = _linked("    before: [supply]\n", "    before: [visit]\n")
    with pytest.raises(FactsError) as caught:
        _load(tmp_path, facts)
    err = caught.value
    assert "before/after go round in a circle: 'visit' before 'supply' before 'visit'" in (
        err.message
    )
    assert "visit (line 21), supply (line 29)" in err.message
    assert (err.fact_id, err.line) == ("visit", 27)  # its before:


def test_after_counts_as_before_turned_round(tmp_path: Path) -> None:
    facts = _linked("    after: [supply]\n", "    after: [visit]\n")
    with pytest.raises(FactsError, match="go round in a circle"):
        _load(tmp_path, facts)
    # the same order said twice is no circle
    _load(tmp_path, _linked("    before: [supply]\n", "    after: [visit]\n"))


def test_a_longer_circle_is_named_whole(tmp_path: Path) -> None:
    third = (
        "  - id: third\n    kind: meeting\n    participants: [raheel-sharif, russia]\n"
        '    before: [visit]\n    evidence: ["Big News"]\n'
    )
    facts = _linked("    before: [supply]\n", "    before: [third]\n" + third)
    with pytest.raises(FactsError) as caught:
        _load(tmp_path, facts)
    assert "'visit' before 'supply' before 'third' before 'visit'" in caught.value.message
    assert caught.value.more == []  # one circle, said once


def test_before_contradicted_by_the_dates_names_both_facts(tmp_path: Path) -> None:
    facts = _linked("    before: [supply]\n", "").replace("date: Thursday", 'date: "2015"')
    facts = facts.replace("start: late 2013", 'start: "2013"')
    with pytest.raises(FactsError) as caught:
        _load(tmp_path, facts)
    err = caught.value
    assert err.message == (
        "before: 'visit' cannot come before 'supply': 'visit' (date 2015, line 21) is dated "
        "after 'supply' (start 2013, line 29)"
    )
    assert (err.fact_id, err.line) == ("visit", 27)  # its before:


def test_dates_that_allow_the_order_pass(tmp_path: Path) -> None:
    # the same year, a resolved date within it, and an undated fact are no contradiction
    facts = _linked("    before: [supply]\n", "").replace("date: Thursday", 'date: "2013"')
    _load(tmp_path, facts)
    facts = _linked("    after: [supply]\n", "").replace(
        "date: Thursday", "date: {said: last year}"
    )
    _load(tmp_path, facts)


@pytest.mark.parametrize("text", ["0000", "0000-01", "0000-01-01"])
def test_there_is_no_year_zero(text) -> None:
    with pytest.raises(ValueError, match="years run from 0001"):
        parse_when(text)
    assert resolve(f"in {text}", published=PUB).unit == "unknown"


@pytest.mark.parametrize("published", ["9999-12-31", "9999", "0001-01-01"])
def test_words_at_the_calendars_ends_stay_words(published) -> None:
    pub = parse_when(published)
    for said in ("next year", "tomorrow", "within a year", "next month", "last year"):
        when = resolve(said, published=pub)
        assert when.span() is None or when.span()[0] <= when.span()[1]


def test_the_end_of_an_ongoing_fact_may_lie_ahead(tmp_path: Path) -> None:
    facts = _visit_date("{said: on Monday}").replace("aspect: completed", "aspect: ongoing")
    facts = facts.replace("    date: {said: on Monday}\n", "    end: {said: March 20}\n")
    end = _load(tmp_path, facts).facts[0].values["end"]
    assert end.text == "2024-03-20"  # an exercise that "will end on March 20": not 2023


def test_words_that_count_from_another_fact_keep_its_date(tmp_path: Path) -> None:
    # "today" in a quote counts from the day it was said, "within 90 days" from a decision
    facts = _visit_date('{said: today, resolved: "2024-03-07", counted_from: supply}')
    date = _load(tmp_path, facts).facts[0].values["date"]
    assert (date.text, date.counted_from, date.relative) == ("2024-03-07", "supply", False)
    from mapper import map_articles
    from mapper.rdf.vocab import DEFAULT_BASE, NS

    graph = triples_of(map_articles([_load(tmp_path, facts)], base=DEFAULT_BASE))
    anchors = set(graph.objects(None, NS["defrel"].countedFrom))
    assert [str(a) for a in anchors] == [f"{DEFAULT_BASE}article/mini/fact/supply"]


@pytest.mark.parametrize(
    "value, message",
    [
        ("{said: today, counted_from: supply}", "counted_from needs the date the words stand for"),
        ('{said: today, resolved: "2024-03-07", counted_from: suply}', "unknown fact 'suply'"),
        # a resolved date the schema's pattern lets through but no calendar has: said at the
        # field's resolved key, by both readings of the words
        (
            '{said: today, resolved: "2024-02-30", counted_from: supply}',
            "date.resolved: '2024-02-30' does not exist: February 2024 has 29 days",
        ),
        (
            '{said: last year, resolved: "2023-02-29"}',
            "date.resolved: '2023-02-29' does not exist: February 2023 has 28 days",
        ),
    ],
)
def test_counted_from_needs_a_known_fact_and_resolved_a_real_date(
    tmp_path: Path, value, message
) -> None:
    with pytest.raises(FactsError, match=message):
        _load(tmp_path, _visit_date(value))
