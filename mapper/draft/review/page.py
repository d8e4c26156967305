"""``defrel review``: one HTML page to confirm a facts file by: the article text with every
quote highlighted in the colour of its fact's kind, each entry's fields beside it, the
unconfirmed ones marked, and the line of the facts file to edit. Self-contained (no script,
no remote resource); every value from the file is escaped."""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from pathlib import Path

from ...errors import DefrelError
from ...facts.files import read_text
from ...facts.load import load_facts
from ...facts.yamlread import line_of, read_yaml

__all__ = ["review_page"]

# one hue per family of kinds (kinds/ modules), so that a page reads at a glance
FAMILY_COLOURS = {
    "contacts": "#cfe3ff",
    "agreements": "#d8f5c8",
    "transfers": "#ffe0b3",
    "security": "#ffc9c9",
    "statements": "#eadcff",
    "relations": "#fff3a8",
    "entity": "#e6e6e6",
}


def _family(kind: str) -> str:
    from ...facts.kinds.agreements import AGREEMENT_KINDS
    from ...facts.kinds.contacts import CONTACT_KINDS
    from ...facts.kinds.security import SECURITY_KINDS
    from ...facts.kinds.statements import STATEMENT_KINDS
    from ...facts.kinds.transfers import TRANSFER_KINDS

    for name, kinds in (("contacts", CONTACT_KINDS), ("agreements", AGREEMENT_KINDS),
                        ("transfers", TRANSFER_KINDS), ("security", SECURITY_KINDS),
                        ("statements", STATEMENT_KINDS)):  # fmt: skip
        if any(k.name == kind for k in kinds):
            return name
    return "relations"


@dataclass
class _Entry:
    anchor: str
    id: str
    kind: str  # a fact kind, or the entity type
    family: str
    line: int | None
    draft: dict | None
    fields: list[tuple[str, str]]
    spans: list[tuple[int, int]] = field(default_factory=list)


def _value(v) -> str:
    if isinstance(v, (list, tuple)):
        return ", ".join(_value(x) for x in v)
    if hasattr(v, "said") and getattr(v, "text", None) is not None:
        return v.said or v.text
    if hasattr(v, "unit") and hasattr(v, "qualifier"):
        parts = [
            f"{k} {getattr(v, k)}" for k in ("value", "min", "max") if getattr(v, k) is not None
        ]
        return " ".join(parts + [v.unit] + ([f"({v.qualifier})"] if v.qualifier else []))
    return str(v)


def _entries(path: Path) -> tuple[str, list[_Entry], list[str]]:
    article = load_facts(path, allow_unconfirmed=True)
    doc = read_yaml(path, read_text(path, what="facts file"))
    raw = {
        (section, item["id"]): (i, item)
        for section in ("entities", "facts")
        for i, item in enumerate(doc.get(section) or [])
    }
    entries = []
    for e in article.entities:
        i, item = raw.get(("entities", e.id), (None, {}))
        line = line_of(doc, ("entities", i)) if i is not None else None
        fields = [(k, _value(v)) for k, v in e.values.items()]
        entries.append(_Entry(f"entity-{e.id}", e.id, e.type, "entity", line, item.get("draft"),
                              fields, [(s.start, s.end) for s in e.evidence]))  # fmt: skip
    for f in article.facts:
        i, item = raw[("facts", f.id)]
        fields = [(k, _value(v)) for k, v in f.values.items()]
        entries.append(_Entry(f"fact-{f.id}", f.id, f.kind, _family(f.kind), line_of(doc, ("facts", i)),
                              item.get("draft"), fields, [(s.start, s.end) for s in f.evidence]))  # fmt: skip
    return article.text, entries, []


def _marked(text: str, entries: list[_Entry]) -> str:
    """The text as HTML, each quoted stretch in a <mark> linked to the entries quoting it."""
    cuts = {0, len(text)}
    for e in entries:
        for s, t in e.spans:
            cuts.update((s, t))
    points = sorted(cuts)
    out = []
    for a, b in zip(points, points[1:], strict=False):
        piece = html.escape(text[a:b])
        covering = [e for e in entries if any(s <= a and b <= t for s, t in e.spans)]
        facts = [e for e in covering if e.family != "entity"] or covering
        if not facts:
            out.append(piece)
            continue
        first = facts[0]
        names = " ".join(e.anchor for e in covering)
        title = html.escape(", ".join(f"{e.kind} {e.id}" for e in covering), quote=True)
        out.append(
            f'<a class="q {first.family}" href="#{first.anchor}" data-entries="{names}" '
            f'title="{title}"><mark>{piece}</mark></a>'
        )
    return "".join(out).replace("\n\n", "</p><p>").replace("\n", "<br>")


def review_page(path: Path) -> str:
    """The review page of the facts file ``path`` (errors shown on the page, not raised,
    so that a file with problems can be reviewed too)."""
    path = Path(path)
    try:
        text, entries, errors = _entries(path)
    except DefrelError as err:
        text, entries, errors = "", [], [str(err)]
    unconfirmed = sum(1 for e in entries if e.draft is not None)
    css = "\n".join(
        f".{k} mark, .card.{k} {{ background: {v}; }}" for k, v in FAMILY_COLOURS.items()
    )
    cards = []
    for e in entries:
        badge = ""
        if e.draft is not None:
            conf = e.draft.get("confidence")
            badge = (
                '<span class="badge">unconfirmed'
                + (f" · {conf:.0%}" if isinstance(conf, (int, float)) else "")
                + "</span>"
            )
        rows = "".join(f"<dt>{html.escape(k)}</dt><dd>{html.escape(v)}</dd>" for k, v in e.fields)
        where = f"{html.escape(path.name)}:{e.line}" if e.line else html.escape(path.name)
        quotes = len(e.spans)
        cards.append(
            f'<section class="card {e.family}{" draft" if e.draft is not None else ""}" id="{e.anchor}">'
            f"<h3><code>{html.escape(e.kind)}</code> {html.escape(e.id)} {badge}</h3>"
            f'<dl>{rows}</dl><p class="where">edit at <code>{where}</code> · {quotes} quote(s)</p></section>'
        )
    problems = "".join(f"<li><pre>{html.escape(m)}</pre></li>" for m in errors)
    legend = "".join(f'<span class="card {k} key">{k}</span>' for k in FAMILY_COLOURS)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Review: {html.escape(path.name)}</title>
<style>
body {{ font: 16px/1.5 system-ui, sans-serif; margin: 0; color: #1a1a1a; }}
header {{ padding: .8rem 1rem; background: #253858; color: #fff; }}
header h1 {{ font-size: 1.1rem; margin: 0; }}
main {{ display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 1rem; padding: 1rem; }}
article {{ max-width: 46rem; }} a.q {{ color: inherit; text-decoration: none; }}
mark {{ border-radius: 3px; padding: 0 1px; }} a.q:hover mark {{ outline: 2px solid #253858; }}
#entries {{ max-height: calc(100vh - 5rem); overflow: auto; }}
.card {{ border-radius: 6px; padding: .5rem .8rem; margin: 0 0 .6rem; border: 1px solid #0002; }}
.card.draft {{ border: 2px dashed #b3261e; }} .card:target {{ outline: 3px solid #253858; }}
.card h3 {{ font-size: 1rem; margin: 0 0 .3rem; }} .badge {{ font-size: .75rem; color: #fff;
  background: #b3261e; border-radius: 1rem; padding: .1rem .5rem; }}
dl {{ display: grid; grid-template-columns: max-content 1fr; gap: .1rem .6rem; margin: 0; font-size: .9rem; }}
dt {{ font-weight: 600; }} dd {{ margin: 0; overflow-wrap: anywhere; }} .where {{ font-size: .8rem; margin: .3rem 0 0; }}
.key {{ display: inline-block; margin: .3rem .3rem 0 0; padding: 0 .4rem; color: #1a1a1a; font-size: .8rem; }}
.errors {{ background: #fde7e9; margin: 1rem; padding: .5rem 1rem; }}
@media (max-width: 700px) {{ main {{ grid-template-columns: 1fr; }} #entries {{ max-height: none; }} }}
{css}
</style></head><body>
<header><h1>Review {html.escape(path.name)}: {len(entries)} entries, {unconfirmed} unconfirmed</h1>
<div>{legend}</div></header>
{f'<ul class="errors">{problems}</ul>' if errors else ""}
<main><article><p>{_marked(text, entries)}</p></article>
<div id="entries">{"".join(cards)}</div></main>
</body></html>
"""
