"""The facts format kind by kind, for analysts: a page with a section per kind of fact (its
class, PLOVER event type and CAMEO code, its fields, the minimum a fact needs, an example in
YAML), rendered from the table in ``facts/kinds``; and the PLOVER concept scheme's section of
the reference page."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from pathlib import Path
from textwrap import dedent

from rdflib import Graph, URIRef
from rdflib.namespace import SKOS

from ...facts.files import find_facts_files, read_text
from ...facts.kinds import (
    AGENTS,
    ARTICLE_FIELDS,
    COMMON_FIELDS,
    ENTITY_FIELDS,
    ENTITY_TYPES,
    FORMAT_VERSION,
    KINDS,
    Field,
    Kind,
)
from ...facts.yamlread import LineDict, LineList, read_yaml
from ...rdf.vocab import curie

__all__ = ["KINDS_PAGE", "kind_examples", "kinds_page", "plover_section", "template"]

KINDS_PAGE = "kinds.html"
OWN = "https://w3id.org/defrel/ontology#"
PLOVER_TYPE = URIRef(OWN + "ploverEventType")
SCHEME = URIRef(OWN + "PloverEventTypes")
GROUPS = {
    "event": "Events",
    "statement": "Statements and speech acts",
    "relation": "Relations between states",
    "other": "Other facts",
}
SHAPES = {
    "entity": "one entity id",
    "entities": "entity ids (a list, or one id)",
    "fact": "one fact id",
    "facts": "fact ids (a list, or one id)",
    "text": "text",
    "texts": "texts (a list, or one text)",
    "when": "a time: 2014, 2014-08, 2014-08-20, August, Thursday, late 2013, or "
    "{said: last year, resolved: '2024', vague: false}",
    "duration": "an ISO 8601 duration (P1D, P3Y)",
    "quantity": "an amount: {value|min|max, unit, approximate, qualifier}",
    "count": "how many: a whole number, or {value|min|max, approximate, qualifier}",
    "integer": "a whole number from 1",
    "boolean": "true or false",
    "choice": "one of the values listed",
    "choices": "one or more of the values listed",
}
_PLACEHOLDERS = {
    "fact": "id-of-a-fact",
    "facts": "[id-of-a-fact]",
    "text": "in the article's words",
    "texts": "[in the article's words]",
    "when": "2024-05",
    "duration": "P1D",
    "count": "{max: 4, qualifier: up to}",
    "integer": "1",
    "boolean": "true",
}


# --- examples: real facts, or a template from the table ------------------------------------


def kind_examples(paths: list[Path]) -> dict[str, tuple[str, str]]:
    """kind -> (file name, YAML text) of the first fact of that kind in the facts files under
    ``paths``, as its author wrote it (comments and layout kept)."""
    found: dict[str, tuple[str, str]] = {}
    for path in find_facts_files(paths):
        text = read_text(path, what="facts file")
        document = read_yaml(path, text)
        facts = document.get("facts") if isinstance(document, dict) else None
        if not isinstance(facts, LineList) or not facts:
            continue
        lines = text.splitlines()
        ends = [*facts.item_lines[1:], _end_of(lines, facts.item_lines[-1])]
        for fact, start, end in zip(facts, facts.item_lines, ends, strict=True):
            kind = fact.get("kind") if isinstance(fact, LineDict) else None
            if isinstance(kind, str) and kind not in found:
                found[kind] = (path.name, _snippet(lines[start - 1 : end - 1]))
    return found


def _end_of(lines: list[str], start: int) -> int:
    """The line after the last fact: the next top-level key, or the end of the file."""
    for n in range(start, len(lines)):
        if lines[n] and not lines[n][0].isspace() and lines[n][0] not in "#-":
            return n + 1
    return len(lines) + 1


def _snippet(lines: list[str]) -> str:
    while lines and (not lines[-1].strip() or lines[-1].lstrip().startswith("#")):
        lines = lines[:-1]  # comments after a fact introduce the next one
    return dedent("\n".join(lines)) + "\n"


def _placeholder(field: Field) -> str:
    shape = field.shape
    if shape in ("entity", "entities"):
        targets = field.targets or tuple(ENTITY_TYPES)
        target = "Country" if "Country" in targets else targets[0]
        article = "an" if target[0] in "AEIOU" else "a"
        one = f"id-of-{article}-{target.lower()}"
        ids = [one] if field.min_items < 2 else ["id-of-one", "id-of-other"]
        return ids[0] if shape == "entity" else "[" + ", ".join(ids) + "]"
    if shape == "quantity":
        return (
            "{max: 75, unit: percent}" if field.unit == "percent" else "{value: 1500000, unit: USD}"
        )
    if shape == "choice":
        return field.choices[0]
    if shape == "choices":
        return f"[{field.choices[0]}]"
    return _PLACEHOLDERS[shape]


def template(kind: Kind) -> str:
    """A skeleton fact of ``kind`` with its minimum: the required fields and the first field
    of each one-of group."""
    names = {f.name for f in kind.fields if f.required} | {group[0] for group in kind.one_of}
    lines = [f"- id: a-{kind.name.replace('_', '-')}", f"  kind: {kind.name}"]
    lines += [f"  {f.name}: {_placeholder(f)}" for f in kind.fields if f.name in names]
    lines.append('  evidence: ["the words of the article that say it"]')
    return "\n".join(lines) + "\n"


# --- the page ---------------------------------------------------------------------------------


def _link(prop: str) -> str:
    if prop.startswith("defrel:"):
        return f'<a href="index.html#{escape(prop[7:])}"><code>{escape(prop)}</code></a>'
    return f"<code>{escape(prop)}</code>"


def _notes(f: Field) -> str:
    notes = [escape(f.doc)]
    if f.choices:
        notes.append("Values: " + ", ".join(f"<code>{escape(c)}</code>" for c in f.choices) + ".")
    if f.targets and set(f.targets) != set(AGENTS):
        notes.append("Entity types: " + ", ".join(escape(t) for t in f.targets) + ".")
    if f.types:
        notes.append("Only on: " + ", ".join(escape(t) for t in f.types) + ".")
    if f.min_items > 1:
        notes.append(f"At least {f.min_items}.")
    return " ".join(notes)


def _fields_table(fields: tuple[Field, ...], *, needed: bool = True) -> str:
    head = "<tr><th>key</th><th>takes</th>" + ("<th>needed</th>" if needed else "")
    rows = [head + "<th>property</th><th>what it says</th></tr>"]
    for f in fields:
        need = f"<td>{'required' if f.required else ''}</td>" if needed else ""
        rows.append(
            f"<tr><td><code>{escape(f.name)}</code></td><td>{escape(SHAPES[f.shape])}</td>"
            f"{need}<td>{_link(f.prop)}</td><td>{_notes(f)}</td></tr>"
        )
    return f'<table class="fields">{"".join(rows)}</table>'


def _minimum(kind: Kind) -> str:
    needed = [f"<code>{escape(f.name)}</code>" for f in kind.fields if f.required]
    parts = ["the field" + ("s " if len(needed) > 1 else " ") + ", ".join(needed)] if needed else []
    for group in kind.one_of:
        parts.append("at least one of " + " or ".join(f"<code>{escape(n)}</code>" for n in group))
    parts.append("an <code>id</code> and the <code>evidence</code> quotes")
    return "Minimum: " + "; ".join(parts) + "."


def _codes(kind: Kind) -> str:
    if kind.plover:
        plover = f'<a href="index.html#PLOVER_{escape(kind.plover)}"><code>{escape(kind.plover)}</code></a>'
    else:
        plover = "—"
    if any(f.name == "plover_type" for f in kind.fields):
        plover += " (a fact names its own in <code>plover_type</code>)"
    cameo = f"<code>{escape(kind.cameo)}</code>" if kind.cameo else "—"
    return f"PLOVER event type: {plover} · CAMEO code: {cameo}"


def _kind_section(kind: Kind, examples: dict[str, tuple[str, str]]) -> str:
    parent = f", a kind of {_link(kind.parent)}" if kind.parent else ""
    if kind.name in examples:
        source, text = examples[kind.name]
        example = f"<p>Example, from <code>{escape(source)}</code>:</p>"
    else:
        text = template(kind)
        example = (
            "<p>Template (no example facts file has a fact of this kind yet): the minimum, "
            "with ids to replace by those of your entities and facts.</p>"
        )
    return (
        f'<section class="kind" id="{escape(kind.name)}">'
        f"<h3><code>kind: {escape(kind.name)}</code></h3>"
        f'<p class="definition">{escape(kind.doc)}</p>'
        f"<p>Class {_link(kind.cls)}{parent}; since format {escape(kind.since)}. "
        f"{_codes(kind)}.</p>"
        f'<p class="minimum">{_minimum(kind)}</p>{_fields_table(kind.fields)}'
        f'{example}<pre class="yaml">{escape(text)}</pre></section>'
    )


def kinds_page(examples: dict[str, tuple[str, str]]) -> str:
    """The whole page: the kinds by group, the fields every fact has, entities, the article."""
    toc, sections = [], []
    for group, heading in GROUPS.items():
        kinds = [k for k in KINDS.values() if k.group == group]
        items = "".join(f'<li><a href="#{k.name}">{escape(k.name)}</a></li>' for k in kinds)
        toc.append(f'<li><a href="#group-{group}">{heading}</a><ol>{items}</ol></li>')
        sections.append(f'<h2 id="group-{group}">{heading}</h2>')
        sections += [_kind_section(k, examples) for k in kinds]
    entity_types = "".join(
        f"<tr><td><code>{escape(name)}</code></td><td>{_link(cls)}</td>"
        f"<td><code>{escape(schema)}</code></td></tr>"
        for name, (cls, schema) in ENTITY_TYPES.items()
    )
    return _PAGE.format(
        version=escape(FORMAT_VERSION),
        toc="".join(toc),
        kinds="\n".join(sections),
        common=_fields_table(COMMON_FIELDS, needed=False),
        entity_types=entity_types,
        entity_fields=_fields_table(ENTITY_FIELDS),
        article=_fields_table(ARTICLE_FIELDS),
    )


def plover_section(g: Graph, link: Callable) -> str:
    """The PLOVER concept scheme of the ontology, each concept with the classes that refine
    it; ``link`` renders a term as a link to its section."""
    items = []
    for concept in sorted(g.subjects(SKOS.topConceptOf, SCHEME), key=str):
        kinds = sorted(s for s in g.subjects(PLOVER_TYPE, concept) if isinstance(s, URIRef))
        items.append(
            f'<section class="term" id="{escape(str(concept)[len(OWN) :])}">'
            f"<h3>{escape(str(g.value(concept, SKOS.notation)))} "
            f"<small><code>{escape(curie(str(concept)))}</code></small></h3>"
            f'<p class="definition">{escape(str(g.value(concept, SKOS.definition) or ""))}</p>'
            f"<p>Kinds of fact that refine it: {', '.join(link(k) for k in kinds) or '—'}</p>"
            "</section>"
        )
    if not items:
        return ""
    return (
        '<h2 id="plover-event-types">PLOVER event types '
        f"<small><code>{escape(curie(str(SCHEME)))}</code></small></h2>"
        f"<p>{escape(str(g.value(SCHEME, SKOS.definition) or ''))}</p>" + "".join(items)
    )


_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>The facts format {version}, kind by kind</title>
<style>
body {{ font-family: system-ui, sans-serif; max-width: 72rem; margin: 0 auto; padding: 1rem 2rem;
       line-height: 1.45; color: #1b1f24; }}
table {{ border-collapse: collapse; margin: .5rem 0; }}
th, td {{ text-align: left; vertical-align: top; padding: .2rem .6rem; border-bottom: 1px solid #e3e6ea; }}
th {{ white-space: nowrap; color: #445; font-weight: 600; }}
section.kind {{ border-top: 1px solid #ccd; padding-top: .5rem; margin-top: 1.5rem; }}
pre {{ background: #f6f8fa; padding: .6rem; overflow-x: auto; font-size: .85rem; }}
.minimum {{ font-weight: 600; }}
nav ol ol {{ columns: 3; font-size: .9rem; }}
</style>
</head>
<body>
<header>
<h1>The facts format {version}, kind by kind</h1>
<p>How to write down the facts of a news article about defence relations: a section per
kind of fact, with the fields it takes, the minimum it needs, its PLOVER event type and
CAMEO code, and an example. Each field names the property of the
<a href="index.html">ontology</a> it becomes. Write what the text says and no more:
<code>aspect</code> says where a fact stands (planned, ongoing, completed, cancelled, state),
<code>certainty</code> how sure its teller is (asserted, hedged, denied), and
<code>according_to</code> whom the article attributes it to.</p>
</header>
<nav id="contents"><h2>Contents</h2><ol>{toc}
<li><a href="#common-fields">Fields every fact has</a></li>
<li><a href="#entities">Entities</a></li>
<li><a href="#article">The article</a></li></ol></nav>
<main>
{kinds}
<h2 id="common-fields">Fields every fact has</h2>
<p>Any fact may also take these keys.</p>
{common}
<h2 id="entities">Entities</h2>
<p>An entity has an <code>id</code>, a <code>type</code>, a <code>label</code> and the
<code>evidence</code> that names it; <code>same_as</code> gives its Wikidata id where
certain. <code>scope: article</code> makes it its article's own (an unnamed source, a
group the article describes), minted under the article: the same id in another article is
another entity.</p>
<table><tr><th>type</th><th>class</th><th>schema.org</th></tr>{entity_types}</table>
{entity_fields}
<h2 id="article">The article</h2>
{article}
</main>
</body>
</html>
"""
