"""What articles must agree on, checked on small summaries so that ``load_corpus`` (articles
in memory) and the fast build (summaries kept in its manifest) run the very same checks.

An entity keeps one type, one label and one Wikidata item across articles (an article's own
entity, ``scope: article``, is in no other article, and not summarised); one Wikidata item
names one entity; the titles of posts that mint one IRI are written the same; ``part_of``
between entities has no cycle. Each error names both places (file:line).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from ..errors import FactsError
from .model import Article

__all__ = [
    "EntityNote",
    "PostNote",
    "Summary",
    "check_agreement",
    "slugify",
    "summary_of",
    "wikidata_ids",
]

_WIKIDATA = re.compile(r"^(?:wd:|https?://(?:www\.)?wikidata\.org/(?:entity|wiki)/)(Q[1-9][0-9]*)$")


@dataclass(frozen=True)
class EntityNote:
    """What one article says of an entity that others may contradict."""

    id: str
    type: str
    line: int
    label: str
    wikidata: tuple[str, ...] = ()
    part_of: str = ""
    path: str = ""  # where it is declared, if not the article's facts file (the registry)


@dataclass(frozen=True)
class PostNote:
    """A post: its organisation, its title as written and the IRI's last segment."""

    organization: str
    title: str
    slug: str
    line: int


@dataclass(frozen=True)
class Summary:
    path: str
    entities: tuple[EntityNote, ...]
    posts: tuple[PostNote, ...] = ()


def wikidata_ids(same_as: Iterable[str]) -> tuple[str, ...]:
    """The Wikidata items (``Q61``) among an entity's ``same_as``."""
    found = (_WIKIDATA.match(iri) for iri in same_as)
    return tuple(sorted({m.group(1) for m in found if m}))


def slugify(text: str) -> str:
    """The last segment of a post's IRI: lowercase words joined by hyphens, accents kept as
    letters (``Chief of Army Staff`` -> ``chief-of-army-staff``). Defined here, not in
    ``rdf.mint`` which uses it, so that the facts stage can check that titles do not collide."""
    text = unicodedata.normalize("NFC", text).casefold()
    return re.sub(r"[^\w]+", "-", text).strip("-_") or "untitled"


def summary_of(article: Article) -> Summary:
    entities = tuple(
        EntityNote(
            id=e.id,
            type=e.type,
            line=e.line or 0,
            label=str(e.values.get("label", "")),
            wikidata=wikidata_ids(e.same_as),
            part_of=str(e.values.get("part_of", "")),
            path=e.origin or "",
        )
        for e in article.entities
        if not e.local  # an article's own entity is no other article's to contradict
    )
    local = article.local_ids
    posts = tuple(
        PostNote(str(f.values["organization"]), str(f.values["title"]), "", f.line or 0)
        for f in article.facts
        if f.kind == "post"
        and "organization" in f.values
        and "title" in f.values
        and f.values["organization"] not in local  # its post is the article's own too
    )
    posts = tuple(PostNote(p.organization, p.title, slugify(p.title), p.line) for p in posts)
    return Summary(str(article.facts_path), entities, posts)


def _at(path: str, line: int) -> str:
    return f"{path}:{line}" if line else path


def check_agreement(summaries: Iterable[Summary]) -> None:
    """Raise a FactsError at the first contradiction between (or within) the summaries."""
    first: dict[str, tuple[EntityNote, str]] = {}
    items: dict[str, tuple[EntityNote, str]] = {}
    posts: dict[tuple[str, str], tuple[PostNote, str]] = {}
    edges: dict[str, list[tuple[str, str, int]]] = {}
    for summary in summaries:
        for note in summary.entities:
            path = note.path or summary.path
            _same_entity(first.setdefault(note.id, (note, path)), note, path)
            for item in note.wikidata:
                _one_entity_per_item(items.setdefault(item, (note, path)), item, note, path)
            if note.part_of:
                edges.setdefault(note.id, []).append((note.part_of, path, note.line))
        for post in summary.posts:
            _same_title(
                posts.setdefault((post.organization, post.slug), (post, summary.path)),
                post,
                summary.path,
            )
    _no_cycle(edges)


def _same_entity(seen: tuple[EntityNote, str], note: EntityNote, path: str) -> None:
    old, old_path = seen
    where = _at(old_path, old.line)
    if old.type != note.type:
        raise FactsError(
            f"entity {note.id!r} is a {note.type} here but a {old.type} in {where}",
            path=path,
            line=note.line,
            fact_id=note.id,
            hint="an entity keeps one id and one type across articles",
        )
    if unicodedata.normalize("NFC", old.label) != unicodedata.normalize("NFC", note.label):
        raise FactsError(
            f"entity {note.id!r} is labelled {note.label!r} here but {old.label!r} in {where}",
            path=path,
            line=note.line,
            fact_id=note.id,
            hint="an entity keeps one label across articles: put the other names in aliases:",
        )
    if old.wikidata and note.wikidata and old.wikidata != note.wikidata:
        raise FactsError(
            f"entity {note.id!r} is Wikidata {', '.join(note.wikidata)} here but "
            f"{', '.join(old.wikidata)} in {where}",
            path=path,
            line=note.line,
            fact_id=note.id,
            hint="one entity, one Wikidata item: fix the same_as, or give them different ids",
        )


def _one_entity_per_item(seen: tuple[EntityNote, str], item: str, note: EntityNote, path: str):
    old, old_path = seen
    if old.id != note.id:
        raise FactsError(
            f"Wikidata item {item} names entity {note.id!r} here but {old.id!r} in "
            f"{_at(old_path, old.line)}",
            path=path,
            line=note.line,
            fact_id=note.id,
            hint="one Wikidata item, one entity: use one id in both places",
        )


def _same_title(seen: tuple[PostNote, str], post: PostNote, path: str) -> None:
    old, old_path = seen
    if unicodedata.normalize("NFC", old.title) != unicodedata.normalize("NFC", post.title):
        raise FactsError(
            f"post title {post.title!r} of {post.organization!r} mints the same post IRI "
            f"(post/{post.organization}/{post.slug}) as {old.title!r} in "
            f"{_at(old_path, old.line)}",
            path=path,
            line=post.line,
            hint="write the title of one post the same way everywhere, or make the two "
            "titles differ in their words, not only in case or punctuation",
        )


def _no_cycle(edges: dict[str, list[tuple[str, str, int]]]) -> None:
    """Refuse a cycle of ``part_of`` between entities, naming each link and its place."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    for start in sorted(edges):
        if state.get(start):
            continue
        path: list[tuple[str, str, int]] = []  # (entity, its facts file, line) on the path
        stack = [(start, iter(edges.get(start, ())))]
        state[start] = 1
        while stack:
            node, links = stack[-1]
            link = next(links, None)
            if link is None:
                state[node] = 2
                stack.pop()
                if path:
                    path.pop()
                continue
            target, where, line = link
            if state.get(target) == 1:
                ids = [n for n, _ in stack]
                ring = [*ids[ids.index(target) :], target]
                places = [*path[ids.index(target) :], (node, where, line)]
                raise FactsError(
                    f"part_of forms a cycle: {' -> '.join(ring)} ("
                    + "; ".join(f"{n} at {_at(p, ln)}" for n, p, ln in places)
                    + ")",
                    path=where,
                    line=line,
                    fact_id=node,
                    hint="an entity cannot be part of itself, even through others: "
                    "remove one of these part_of",
                )
            if not state.get(target):
                state[target] = 1
                path.append((node, where, line))
                stack.append((target, iter(edges.get(target, ()))))
