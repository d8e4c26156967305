"""The per-article half of ``defrel site``, run in worker processes: read an article's part of
the build's ``dataset.nq`` (or take its terms from the build, in the build's worker:
``render_built``), render the pages of the resources that belong to it (the article
and its facts, ``{base}article/{slug}…``) and write them into the site being built, and put
aside, in a small file beside them (``.defrel/site/{slug}.json``), what the rest of the site
needs from this article:

* for each shared resource it mentions (an entity, a post): the quads of the article that
  the resource's page reads (``store.read.neighbourhood`` on this article's graph alone);
  a shared page is rendered from the union of these over the articles that mention it;
* the types and labels it gives every node it does not own, so that the parent can check
  that every article says the same of them (what makes a page from one article's graph
  the page the whole dataset gives);
* the home page's rows, the classes and properties it uses, its statements about nodes it
  does not own (the parent counts the union's triples from them), and its page paths.

A page whose bytes are those of the previous site is hard-linked from it, not written.
The shared pages are rendered here too (``render_shared``), from the run's spool
(``site/shares.py``).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from functools import lru_cache
from pathlib import Path

from rdflib import RDF, URIRef

from ...builder.outdir import replace_file
from ..render.describe import CARRIED, LABELS, NAMING, PAGE_SIZE, Catalogue, Quad
from ..render.documents import _text
from ..render.pages import index_row, resource_page
from ..render.schemajson import schema_jsonld
from ..render.views import Layout
from ..render.void import EXAMPLE_CLASSES
from ..store.read import neighbourhood_quads
from .shares import SHARES, nquad_lines, read_bucket, share_block, spool
from .static import documents
from .terms import _MADE_LIMIT, NEWS_ARTICLE, POINTING, _parsed, parse_quads, terms_of_build

__all__ = [
    "SIDECARS", "CatalogueSource", "page_stems", "parse_quads", "render_articles", "render_built",
    "render_shared", "write_page",
]  # fmt: skip

SIDECARS = ".defrel/site"  # inside the site folder: one JSON file per article, and beside
# it what the article contributes to the shared pages (``site/shares.py``)
_TYPE_TEXT = str(RDF.type)
_same = str.__eq__  # predicates compared as strings, in C (rdflib's __eq__ is Python)
# (a set, found by hash and identity: ``in`` a tuple called rdflib's __eq__ on each item)
_LABELS = frozenset(LABELS)


class CatalogueSource:
    """A ``store.read.QuadSource`` over a Catalogue (one article's graph)."""

    def __init__(self, cat: Catalogue) -> None:
        self.cat = cat

    def out(self, nodes: set) -> list[Quad]:
        return [q for n in nodes for q in self.cat.out.get(n, ())]

    def into(self, nodes: set) -> list[Quad]:
        return [q for n in nodes for q in self.cat.into.get(n, ())]

    def subjects_into(self, iri: URIRef) -> list[URIRef]:
        return list({q[0] for q in self.cat.into.get(iri, ()) if isinstance(q[0], URIRef)})

    def into_below(self, iri: URIRef) -> list[Quad]:
        below = f"{iri}/"
        return [q for q in self.cat.into.get(iri, ()) if str(q[0]).startswith(below)]

    def pointing(self, iri: URIRef, subjects: set) -> list[Quad]:
        # q[2] == iri as rdflib's __eq__ has it (same type, same text), compared in C
        return [
            q
            for s in subjects
            for q in self.cat.out.get(s, ())
            if (type(q[2]) is URIRef and _same(iri, q[2])) or q[1] in POINTING
        ]

    def names(self, nodes: set) -> list[Quad]:
        out = self.cat.out
        return list(
            {(q[0], q[1], q[2], None) for n in nodes for q in out.get(n, ()) if q[1] in NAMING}
        )

    def names_in(self, pairs: set) -> list[Quad]:
        return [q for q in self.out_in(pairs) if q[1] in CARRIED]

    def out_in(self, pairs: set) -> list[Quad]:
        out = self.cat.out  # (a graph is most often the very object: ``is`` first, then ==)
        return [q for n, g in pairs for q in out.get(n, ()) if q[3] is g or q[3] == g]


def page_stems(layout: Layout, iri: URIRef) -> list[str]:
    """The document paths (no suffix) of every page of ``iri``'s description (see
    ``describe.PAGE_SIZE``)."""
    return [layout.page_path(iri, n) for n in range(1, layout.cat.window(iri).pages + 1)]


def write_page(stage: Path, old: Path | None, layout: Layout, iri: URIRef, license: str) -> int:
    """Write every page of ``iri`` and their documents into ``stage``; a file whose bytes
    are those of the previous site ``old`` is linked from there. Returns files written."""
    written = 0
    for n, stem in enumerate(page_stems(layout, iri), start=1):
        quads = layout.cat.describe(iri, n)
        docs = documents(stem, quads, checked=True)  # its terms: checked (site.terms)
        jsonld = schema_jsonld(layout, iri, quads)  # what a page embeds: the schema.org reading
        docs[f"{stem}.html"] = resource_page(layout, iri, jsonld=jsonld, license=license, page=n)
        written += write_files(stage, old, docs)
    return written


_FOLDERS: set[str] = set()  # made by this process


def _folder_of(target: str) -> None:
    folder = os.path.dirname(target)
    if folder not in _FOLDERS:
        os.makedirs(folder, exist_ok=True)
        _FOLDERS.add(folder)


def write_files(stage: Path, old: Path | None, files: dict[str, str]) -> int:
    """Write ``files`` (by site path) into ``stage``, those with the bytes of the previous
    site ``old`` linked from it; when ``stage`` is ``old`` (updated in place), a file is
    left as it is if its bytes are the same, else replaced whole. Returns files written."""
    if old is not None and stage == old:
        return sum(_replace(stage / name, text.encode("utf-8")) for name, text in files.items())
    written, root = 0, os.fspath(stage)
    for name, text in files.items():
        data = text.encode("utf-8")
        target = f"{root}/{name}"  # (paths as str: pathlib's objects cost more than a write)
        _folder_of(target)
        if old is not None:
            # a link to the previous site's: never written into
            Path(target).unlink(missing_ok=True)
            try:
                if os.path.getsize(old / name) == len(data) and (old / name).read_bytes() == data:
                    os.link(old / name, target)
                    continue
            except OSError:
                pass
        _write_new(target, data)
        written += 1
    return written


def _write_new(path: str, data: bytes) -> None:
    """Write ``data`` into the file ``path`` (created, or emptied): with os.open and
    os.write, as a site writes a dozen files a page and Python's buffered file object (what
    Path.write_bytes opens) cost five times the user CPU of the write itself."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666)
    try:
        view = memoryview(data)
        while view:  # os.write may write less than asked
            view = view[os.write(fd, view) :]
    finally:
        os.close(fd)


def _replace(target: Path, data: bytes) -> bool:
    """In place: replace ``target`` with ``data`` (whole, by a rename) unless it holds it."""
    try:
        if os.path.getsize(target) == len(data) and target.read_bytes() == data:
            return False
    except OSError:
        pass
    replace_file(target, data)
    return True


def _digest(cat: Catalogue, node) -> str:
    """What the article says a node it does not own is: its types and its labels."""
    said = sorted(
        f"{_text(q[1])} {_text(q[2])}"
        for q in cat.out.get(node, ())
        if _same(_TYPE_TEXT, q[1]) or q[1] in _LABELS
    )
    return _hashed("\n".join(dict.fromkeys(said)))


@lru_cache(maxsize=1 << 12)  # a state is said to be the same in every article that names it
def _hashed(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _info(cat: Catalogue, layout: Layout, own: str, base: str) -> tuple[dict, list[URIRef]]:
    """What the parent needs of the article (see the module docstring), and the resources
    with a page that the article owns (``own`` and below it), in the order of their IRIs."""
    local, shared, below = [], [], own + "/"
    nodes = {n for n in cat.out.keys() | cat.into.keys() if isinstance(n, URIRef)}
    # (as str methods, in C, on the IRI itself: no copy of it made by str())
    owned = {n for n in nodes if _same(own, n) or str.startswith(n, below)}
    foreign = nodes - owned
    for r in sorted(cat.resources, key=str):  # (IRIs: rdflib's order, compared in C)
        if layout.path(r) is not None:
            (local if r in owned else shared).append(r)
    # each class once a node (a type stated in two graphs counts once), counted at once
    classes = Counter(c for n in owned for c in {str(t) for t in cat.types(n)})
    firsts = {}
    for cls in EXAMPLE_CLASSES:
        typed = [r for r in local + shared if cls in cat.types(r)]
        if typed:
            firsts[str(cls)] = str(min(typed))
    foreign_lines = [q for n in foreign for q in cat.out.get(n, ())]
    info = {
        "pages": [stem for r in local for stem in page_stems(layout, r)],
        "shared": [str(r) for r in shared],
        "rows": [index_row(layout, r) for r in local + shared],
        "others": sorted(str(r) for r in cat.resources if layout.path(r) is None),
        "articles": [str(r) for r in local + shared if NEWS_ARTICLE in cat.types(r)],
        "firsts": firsts,
        "classes": dict(sorted(classes.items())),  # (sorted: the same file on every run)
        "foreign_classes": nquad_lines(
            (q[0], q[1], q[2], None) for q in foreign_lines if _same(_TYPE_TEXT, q[1])
        ),
        "predicates": sorted({str(p) for p in {q[1] for qs in cat.out.values() for q in qs}}),
        "foreign_lines": nquad_lines((q[0], q[1], q[2], None) for q in foreign_lines),
        "said": {str(n): _digest(cat, n) for n in sorted(foreign, key=str)},
        "crossrefs": sorted(str(n) for n in foreign if str(n).startswith(f"{base}article/")),
    }
    return info, local


def render_articles(
    tasks: list[tuple[str, int, int, bool, list[str] | None]],
    *,
    nquads: str,
    base: str,
    license: str,
    stage: str,
    old: str | None,
    page_size: int = PAGE_SIZE,
    spool_to: str | None = None,
) -> list[tuple[str, int, list[str]]]:
    """Render the articles of ``tasks``: (slug, start, length of its part in ``nquads``,
    whether to write its pages and side files, the shared resources to give the quads of
    (None: none)). Their contributions to the shared pages are spooled into ``spool_to``
    (``site.shares.spool``; None: not spooled). Returns (slug, files written, the shared
    resources it spooled contributions to) each."""
    done, made, spooled = [], {}, []
    stage_path, old_path = Path(stage), Path(old) if old else None
    with open(nquads, "rb") as stream:
        for slug, start, length, pages, wanted in tasks:
            stream.seek(start)
            if len(made) > _MADE_LIMIT:
                made.clear()
            # checked: the build parsed these very statements strictly before it wrote
            # them (its Turtle is Oxigraph's, from them: ``chunks._turtle_body``), or they
            # are the previous, trusted, build's
            quads = parse_quads(stream.read(length), made, checked=True)
            shares, written = _render_one(
                quads, slug, made, base, license, stage_path, old_path, page_size, pages, wanted
            )
            spooled += shares
            done.append((slug, written, [r for r, _ in shares]))
    if spool_to is not None:  # (the task's at once: a bucket file opened once)
        spool(spool_to, spooled)
    return done


# the terms render_built made in this process, kept from one call (the build's chunk of
# articles) to the next, as render_articles keeps them from one article to the next
_BUILT: dict = {}


def render_built(
    built: list[tuple[str, list, dict, str]],
    *,
    base: str,
    license: str,
    stage: str,
    old: str | None,
    page_size: int = PAGE_SIZE,
    spool_to: str,
) -> dict[str, tuple[int, list[str]]]:
    """What ``render_articles`` does for articles with their pages and side files, in the
    build's worker, from the build's own terms: ``built``: (slug, its statements as
    (N-Triples line, triple) pairs, each term's text, its graph IRI) each (see
    ``site.terms.terms_of_build``). Returns slug -> (files written, the shared resources it
    spooled contributions to)."""
    done, made, spooled = {}, _BUILT, []
    stage_path, old_path = Path(stage), Path(old) if old else None
    for slug, pairs, texts, graph in built:
        if len(made) > _MADE_LIMIT:
            made.clear()
        quads = terms_of_build(pairs, texts, graph, made)
        shares, written = _render_one(
            quads, slug, made, base, license, stage_path, old_path, page_size, True, None
        )
        spooled += shares
        done[slug] = (written, [r for r, _ in shares])
    spool(spool_to, spooled)
    return done


def _render_one(
    quads, slug, made, base, license, stage: Path, old: Path | None, page_size, pages, wanted
) -> tuple[list[tuple[str, str]], int]:
    """One article of ``render_articles``, from its quads: its contributions to the shared
    pages, as (resource, ``share_block``) each, and the files written."""
    cat = Catalogue.of_quads(quads)
    cat.page_size = page_size
    layout, own = Layout(base, cat), f"{base}article/{slug}"
    written = 0
    info, local = _info(cat, layout, own, base)
    if pages:
        for r in local:
            written += write_page(stage, old, layout, r, license)
    source = CatalogueSource(cat)
    shares = []
    for r in info["shared"] if pages else (wanted or []):
        if r in info["shared"]:
            found = neighbourhood_quads(source, _parsed(made, r))  # every page's
            shares.append((r, share_block(r, nquad_lines(found))))
    if pages:
        side = stage / SIDECARS / f"{slug}.json"
        # never written into: in place, or a link to the previous site's
        replace_file(side, json.dumps(info, ensure_ascii=False).encode("utf-8"))
        text = "".join(block for _, block in shares)
        replace_file(side.with_suffix(SHARES), text.encode("utf-8"))
    return shares, written


def render_shared(
    bucket: list[str], *, base: str, license: str, stage: str, old: str | None, page_size: int
) -> tuple[int, list[str]]:
    """Render the shared pages whose contributions the spool files ``bucket`` hold
    (``resource<TAB>quad`` lines, in any order); returns the files written and the pages'
    paths."""
    grouped = read_bucket(bucket)
    written, stems, made = 0, [], {}  # terms made once for the bucket
    for r in sorted(grouped):
        data = (" .\n".join(sorted(grouped[r])) + " .\n").encode("utf-8")
        cat = Catalogue.of_quads(parse_quads(data, made, checked=True))  # (the spool)
        cat.page_size = page_size
        layout, iri = Layout(base, cat), _parsed(made, r)
        written += write_page(Path(stage), Path(old) if old else None, layout, iri, license)
        stems += page_stems(layout, iri)
    return written, stems
