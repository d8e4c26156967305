"""The site's dataset pages (VoID + DCAT documents, the home page) written the fast way are the
bytes the generic way writes: the named graphs' VoID nodes as text straight away, not 60,000
rdflib terms; the home page's rows as HTML lines, not a template loop. Cheap: no build."""

from __future__ import annotations

from collections import Counter

import jinja2
from rdflib import Graph, URIRef
from rdflib.compare import isomorphic

from mapper.publish.render.dcat import DumpFile
from mapper.publish.render.documents import all_documents
from mapper.publish.render.listing import index_groups
from mapper.publish.render.void import Overview, subset_nodes, void_graph, void_head
from mapper.rdf.vocab import DEFAULT_BASE

SLUGS = ["a", "article-000001", "caf\u00e9-\u00e9t\u00e9", "x_y.z~1", "z" * 80]


def _overview(base: str) -> Overview:
    found = Overview(triples=1234, resources=56)
    found.classes = Counter({"https://schema.org/Person": 3, "https://schema.org/Event": 9})
    found.predicates = {"https://schema.org/name"}
    found.articles = [f"{base}article/{slug}" for slug in SLUGS]
    found.firsts = {"https://schema.org/Person": f"{base}entity/ann"}
    return found


def _args(base: str) -> dict:
    graphs = {slug: URIRef(f"{base}graph/{slug}") for slug in SLUGS}
    triples = {slug: 10 * n + 7 for n, slug in enumerate(SLUGS)}
    return {"base": base, "license": "https://example.org/licence", "graphs": graphs,
            "triples": triples, "dumps": {"dataset.nq": DumpFile(99, "ab" * 32)}}  # fmt: skip


def test_the_graphs_nodes_written_as_text_are_the_generic_documents() -> None:
    for base in (DEFAULT_BASE, "https://schema.org/x/"):  # (the second: IRIs as CURIEs)
        args = _args(base)
        overview = _overview(base)
        graph = void_graph(overview, **args)
        generic = all_documents([(s, p, o, None) for s, p, o in graph])
        head_args = {k: v for k, v in args.items() if k != "triples"}
        head = [(s, p, o, None) for s, p, o in void_head(overview, **head_args)]
        fast = all_documents(head, subset_nodes(base, args["graphs"], args["triples"]))
        assert fast == generic
        assert isomorphic(Graph().parse(data=fast[".ttl"], format="turtle"), graph)
        assert isomorphic(Graph().parse(data=fast[".jsonld"], format="json-ld"), graph)


_OLD_ROWS = (
    '{% for item in group["items"] %}<li><a href="{{ item.href }}">{{ item.label }}</a>'
    '{% if item.kind %} <span class="types">({{ item.kind }})</span>{% endif %}</li>\n'
    "{% endfor %}"
)


def test_the_home_pages_rows_are_what_the_template_loop_wrote() -> None:
    rows = [
        (f"{DEFAULT_BASE}entity/e{n}", label, kind, n % 3, f'entity/e{n}.html?x=1&y="{n}"')
        for n, (label, kind) in enumerate(
            [("B <b>", "Visit"), ("a & 'b'", ""), ("A", "Meeting, Event"), ("A", "")] * 3
        )
    ]
    template = jinja2.Environment(autoescape=True).from_string(_OLD_ROWS)
    groups = index_groups(rows)
    assert [g["name"] for g in groups] == ["Articles", "People", "States and places"]
    for number, group in enumerate(groups):
        mine = sorted((r for r in rows if r[3] == number), key=lambda r: (r[1], r[0]))
        items = [{"href": r[4], "label": r[1], "kind": r[2]} for r in mine]
        assert str(group["html"]) == template.render(group={"items": items})
