"""Property-based tests: for any input, the loader gives an article or a documented error;
a loaded article maps to a dataset that round-trips through every format; minted IRIs are
valid and never collide for distinct ids."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pyoxigraph as ox
import yaml
from conftest import triples_of
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Dataset
from rdflib.compare import isomorphic

from mapper.builder.serialize import dataset_jsonld_text, jsonld_text, nquads_text, turtle_text
from mapper.errors import DefrelError
from mapper.facts.chars import REFUSED
from mapper.facts.load import load_facts
from mapper.rdf.mapping import map_articles
from mapper.rdf.mint import Minter
from mapper.rdf.vocab import DEFAULT_BASE

SETTINGS = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)

ids = st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,3}", fullmatch=True)
# any printable text without surrogates; YAML and RDF must carry it unchanged
names = st.text(
    st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\u2028\u2029\ufeff"),
    min_size=1,
    max_size=30,
).filter(lambda s: s.strip() == s and s.strip())


def _valid_iri(iri: str) -> bool:
    ox.NamedNode(iri)  # pyoxigraph checks RFC 3987 strictly and raises on an invalid IRI
    return True


@SETTINGS
@given(a=ids, b=ids, slug=ids)
def test_minted_iris_are_valid_and_distinct(a: str, b: str, slug: str) -> None:
    m = Minter(DEFAULT_BASE)
    made = [m.entity(a), m.fact(slug, a), m.article(slug), m.graph(slug)]
    assert all(_valid_iri(str(i)) for i in made)
    if a != b:
        assert m.entity(a) != m.entity(b)
        assert m.fact(slug, a) != m.fact(slug, b)
    assert len({str(i) for i in made}) == len(made)


@SETTINGS
@given(org=ids, title=names)
def test_post_iris_are_valid_for_any_title(org: str, title: str) -> None:
    assert _valid_iri(str(Minter(DEFAULT_BASE).post(org, title)))


def _write(folder: Path, facts: str | bytes, text: str) -> Path:
    (folder / "prop.txt").write_text(text, encoding="utf-8", newline="")
    path = folder / "prop.facts.yaml"
    if isinstance(facts, bytes):
        path.write_bytes(facts)
    else:
        path.write_text(facts, encoding="utf-8")
    return path


@SETTINGS
@given(data=st.binary(max_size=400))
def test_any_bytes_give_an_article_or_a_documented_error(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = _write(Path(tmp), data, "Some text.")
        try:
            load_facts(path)
        except DefrelError as err:
            assert str(err)


yaml_values = st.recursive(
    st.none() | st.booleans() | st.integers() | names | ids,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(ids, inner, max_size=3),
    max_leaves=8,
)


@SETTINGS
@given(
    doc=st.dictionaries(
        st.sampled_from(["article", "entities", "facts", "other"]), yaml_values, max_size=4
    )
)
def test_any_yaml_document_gives_an_article_or_a_documented_error(doc: dict) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = _write(Path(tmp), yaml.safe_dump(doc, allow_unicode=True), "Some text.")
        try:
            load_facts(path)
        except DefrelError as err:
            assert str(err)


@st.composite
def articles(draw) -> tuple[str, str]:
    """A text made of distinct sentences and a facts file quoting some of them."""
    people = draw(st.lists(ids, min_size=2, max_size=4, unique=True))
    labels = draw(st.lists(names, min_size=len(people), max_size=len(people)))
    sentences = [f"Sentence {i}: {label} met the others." for i, label in enumerate(labels)]
    text = "Headline\n\n" + " ".join(sentences) + "\n"
    entities = [
        {"id": pid, "type": "Person", "label": label, "evidence": [sentences[i]]}
        for i, (pid, label) in enumerate(zip(people, labels, strict=True))
    ]
    entities.append({"id": "here", "type": "City", "label": draw(names)})
    facts = [
        {
            "id": f"meeting-{i}",
            "kind": "meeting",
            "participants": [people[i], people[(i + 1) % len(people)]],
            "places": ["here"],
            "date": draw(
                st.sampled_from(
                    ["2014", "2014-08", "2014-11-20", "August", "Thursday", "late 2013"]
                )
            ),
            "description": draw(names),
            "evidence": [f"Sentence {i}:"],
        }
        for i in range(len(people))
    ]
    doc = {"article": {"headline": "Headline"}, "entities": entities, "facts": facts}
    return yaml.safe_dump(doc, allow_unicode=True), text


@SETTINGS
@given(article=articles())
def test_loaded_articles_round_trip_through_every_format(article: tuple[str, str]) -> None:
    facts, text = article
    with tempfile.TemporaryDirectory() as tmp:
        loaded = load_facts(_write(Path(tmp), facts, text))
    dataset = map_articles([loaded])
    reference = triples_of(dataset)
    for fmt, body in (
        ("turtle", turtle_text(reference)),
        ("json-ld", jsonld_text(reference)),
        ("nquads", nquads_text(dataset)),
        ("json-ld", dataset_jsonld_text(dataset)),
    ):
        parsed = Dataset()
        parsed.parse(data=body, format=fmt)
        assert isomorphic(triples_of(parsed), reference), fmt
    json.loads(dataset_jsonld_text(dataset))  # one JSON object, not a bare array
    assert ox.Store().load  # pyoxigraph is importable for the strict IRI check above
    quads = list(ox.parse(nquads_text(dataset).encode("utf-8"), format=ox.RdfFormat.N_QUADS))
    assert len(quads) == len(list(dataset.quads()))


# Control characters, bidi overrides and lone surrogates, mixed into any Unicode
DANGEROUS = "\x00\x07\x08\x0b\x1b\x7f\x85\x9b\u202a\u202e\u2066\u2069\ud800\udfff\t\n\r"
any_text = st.text(st.one_of(st.characters(), st.sampled_from(DANGEROUS)), min_size=1, max_size=12)


def _clean(text: str) -> str:
    """``text`` without lone surrogates (which no UTF-8 article body can hold)."""
    return "".join(c for c in text if not 0xD800 <= ord(c) <= 0xDFFF)


@st.composite
def unicode_facts(draw) -> tuple[str, str]:
    """A facts file with arbitrary Unicode in every text field, and a body holding the
    headline and the quote (as far as UTF-8 can hold them)."""
    t = {name: draw(any_text) for name in FIELDS}
    doc = {
        "article": {
            "headline": t["headline"],
            "alternative_headline": t["alternative"],
            "image_credit": t["credit"],
            "url": t["url"],
        },
        "entities": [
            {
                "id": "someone",
                "type": "Person",
                "label": t["label"],
                "aliases": [t["alias"]],
                "description": t["entity_description"],
                "honorific": t["honorific"],
                "knows_about": [t["knows"]],
                "evidence": [t["quote"]],
            },
            {"id": "somewhere", "type": "Country", "label": t["country"]},
        ],
        "facts": [
            {
                "id": "view",
                "kind": "assessment",
                "subject": "someone",
                "label": t["fact_label"],
                "description": t["fact_description"],
                "summary": t["summary"],
                "topics": [t["topic"]],
                "evidence": [{"quote": t["quote"], "occurrence": 1}],
            },
            {
                "id": "post",
                "kind": "post",
                "holder": "someone",
                "organization": "somewhere",
                "title": t["title"],
                "evidence": [t["quote"]],
            },
        ],
    }
    body = f"{_clean(t['headline'])}\n\n{_clean(t['quote'])}\n"
    return yaml.safe_dump(doc, allow_unicode=True), body


FIELDS = [
    "headline",
    "alternative",
    "credit",
    "url",
    "label",
    "alias",
    "entity_description",
    "honorific",
    "knows",
    "quote",
    "country",
    "fact_label",
    "fact_description",
    "summary",
    "topic",
    "title",
]


def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, tuple | list):
        return [s for v in value for s in _strings(v)]
    return []


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(article=unicode_facts())
def test_any_unicode_in_text_fields_loads_clean_or_is_refused(tmp_path: Path, article) -> None:
    facts, text = article
    (tmp_path / "prop.txt").write_text(text, encoding="utf-8", newline="")
    path = tmp_path / "prop.facts.yaml"
    path.write_bytes(facts.encode("utf-8", "surrogatepass"))
    try:
        loaded = load_facts(path)
    except DefrelError as err:
        assert str(err)
        return
    said = [*_strings(list(loaded.metadata.values()))]
    for item in (*loaded.entities, *loaded.facts):
        said += _strings(list(item.values.values()))
    assert said, "nothing loaded"
    for value in said:
        assert not REFUSED.search(value), value


# --- RDF inputs: whatever a file holds, a Dataset (or a store) or a DefrelError -------------

anything = st.text(st.characters(codec=None), max_size=40)  # surrogates and controls included


def _rdf_documents(value: str, iri: str, lang: str) -> dict[str, str]:
    """One RDF file per syntax, with ``value`` in a literal, ``iri`` as a node and ``lang`` as
    a language tag, written the way a hostile file would (no escaping of our own)."""
    return {
        "data.ttl": f'<http://ex.org/s> <http://ex.org/p> "{value}"@{lang} .\n<{iri}> a <http://ex.org/C> .\n',
        "data.nq": f'<http://ex.org/s> <http://ex.org/p> "{value}" <{iri}> .\n',
        "data.trig": f'<{iri}> {{ <http://ex.org/s> <http://ex.org/p> """{value}""" }}\n',
        "data.jsonld": json.dumps(
            {"@id": iri, "http://ex.org/p": {"@value": value, "@language": lang}},
            ensure_ascii=False,
        ),
    }


@SETTINGS
@given(value=anything, iri=anything, lang=anything)
def test_any_unicode_in_an_rdf_file_reads_or_is_refused(value: str, iri: str, lang: str) -> None:
    """rdflib (read_rdf: validate, ontology check) and Oxigraph (query on files) each give
    data or a DefrelError; never another exception (a traceback for the user)."""
    from mapper.rdf.read import read_rdf
    from mapper.stores.memory import store_of_files

    with tempfile.TemporaryDirectory() as tmp:
        for name, text in _rdf_documents(value, iri, lang).items():
            path = Path(tmp) / name
            path.write_bytes(text.encode("utf-8", "surrogatepass"))
            for read in (read_rdf, store_of_files):
                try:
                    read([path])
                except DefrelError as err:
                    assert err.path is not None and str(err)
