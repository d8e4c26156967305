"""Load and check facts files: YAML syntax, JSON Schema, references, dates, quantities, quotes.

``load_facts(path)`` gives one ``Article``; ``load_corpus(paths)`` finds facts files in
files and folders and checks that articles agree on the entities they share.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import NoReturn

from ..errors import DefrelError, FactsError, UnconfirmedError
from .chars import check_chars, check_value
from .check import Builder, check_schema
from .corpus import check_agreement, summary_of
from .files import (
    FACTS_SUFFIX,
    MAX_BYTES,
    confined,
    decode,
    find_facts_files,
    read_bytes,
    read_text,
)
from .model import Article
from .registry import Registry, find_registry, load_registry, with_registry
from .schema import ID_PATTERN
from .timeline import check_timeline
from .yamlread import line_of, read_yaml

__all__ = [
    "FACTS_SUFFIX", "MAX_BYTES", "find_facts_files", "load_corpus", "load_facts", "read_text",
]  # fmt: skip


def _slug(path: Path) -> str:
    name = path.name
    return name[: -len(FACTS_SUFFIX)] if name.endswith(FACTS_SUFFIX) else path.stem


def load_facts(
    path: Path,
    *,
    root: Path | None = None,
    registry: Registry | None = None,
    allow_unconfirmed: bool = False,
) -> Article:
    """Load one facts file and its article text; raise FactsError/EvidenceError on bad input.

    The article text must lie inside the facts file's folder, or inside ``root`` if given
    (see ``files.confined``). Entities it refers to but does not declare come from the
    archive's registry (``registry``, or found beside it: see ``registry.py``). A file with
    drafted entries no one has confirmed is refused unless ``allow_unconfirmed``."""
    path = Path(path)
    if registry is None:
        registry = load_registry(find_registry(path, root))
    source = read_text(path, what="facts file")
    if not source.strip():
        raise FactsError(
            "the facts file is empty",
            path=path,
            hint="start from the example in the README (article:, entities:, facts:)",
        )
    doc = read_yaml(path, source)
    if not isinstance(doc, dict):
        raise FactsError(
            f"a facts file must be a mapping with article:, entities: and facts:, "
            f"not a {type(doc).__name__}",
            path=path,
            line=1,
        )
    check_chars(path, doc)  # lone surrogates: the schema's validators cannot encode them
    schema = check_schema(path, doc)
    if not allow_unconfirmed and not schema.problems:
        refuse_unconfirmed(path, doc)
    if schema.problems and not schema.walkable(doc):
        _raise_all(schema.problems)
    try:
        slug, text_path, text = _article_text(path, doc, root)
    except FactsError as err:  # said with what the schema found before it
        _raise_all([*schema.problems, err])
    builder = Builder(path, doc, text, registry, bad=schema.bad)
    builder.unique("entities")
    builder.unique("facts")
    metadata, inline = builder.metadata(), builder.entities()
    facts = builder.facts()
    entities, clashes = with_registry(path, registry, inline, facts, metadata)
    builder.problems.extend(clashes)
    article = Article(
        slug=slug,
        facts_path=path,
        text_path=text_path,
        text=text,
        metadata=metadata,
        entities=entities,
        facts=facts,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
    )
    builder.no_fact_cycle(article.facts)
    problems = [*schema.problems, *builder.problems, *check_timeline(path, doc, article.facts)]
    if problems:
        _raise_all(problems)
    return article


def _article_text(path: Path, doc: dict, root: Path | None) -> tuple[str, Path, str]:
    """The article's slug, the path of its text and the text, read and checked."""
    article_raw = doc["article"] or {}
    slug = _slug(path)
    if not re.match(ID_PATTERN, slug):
        raise FactsError(
            f"article slug {slug!r} (from the file name) cannot name an IRI",
            path=path,
            hint="name facts files <slug>.facts.yaml with a lowercase-hyphenated slug",
        )
    line = line_of(doc, ("article", "text"))
    check_value(path, doc, ("article", "text"), article_raw.get("text", ""))
    real = confined(path, article_raw.get("text", f"{slug}.txt"), root=root, line=line)
    allowed = Path(root if root is not None else path.parent).resolve()
    text_path = path.parent / article_raw.get("text", f"{slug}.txt")
    what = f"article text for {path.name}"
    try:
        data = read_bytes(real, what=what, follow=False, inside=allowed)
    except FactsError as err:  # a FIFO, a device, too big: the facts file named it, say where
        raise FactsError(
            f"{err.message} ({real})",
            path=path,
            line=line,
            hint=err.hint or "name a regular file beside the facts file",
        ) from None
    text = decode(data, path=text_path, what=what)
    check_chars(path, doc, text)
    return slug, text_path, text


def _raise_all(problems: list) -> NoReturn:
    """Raise the first problem in file order, carrying every other one (``more``)."""
    raise DefrelError.together(sorted(problems, key=lambda p: p.line or 0))


def refuse_unconfirmed(path: Path, doc: dict) -> None:
    """A drafted entry (one with a ``draft:`` block) is published only once a person has
    confirmed it: name every one still unconfirmed, in file order."""
    found = [
        UnconfirmedError(
            f"{'entity' if section == 'entities' else 'fact'} {item['id']!r} is a draft no one "
            "has confirmed",
            path=path,
            line=line_of(doc, (section, i, "draft")),
            hint="check it against the article (defrel review shows it), then delete its "
            "draft: block",
        )
        for section in ("entities", "facts")
        for i, item in enumerate(doc.get(section) or [])
        if "draft" in item
    ]
    if isinstance(doc.get("article"), dict) and "draft" in doc["article"]:
        found.append(
            UnconfirmedError(
                "the article block is a draft no one has confirmed",
                path=path,
                line=line_of(doc, ("article", "draft")),
                hint="check the headline and the other metadata, then delete its draft: block",
            )
        )
    if found:
        found.sort(key=lambda e: e.line or 0)
        first, *rest = found
        for other in rest:
            other.hint = None  # said once, on the first
        first.message = (
            f"{len(found)} drafted entr{'y' if len(found) == 1 else 'ies'} unconfirmed; "
            f"{first.message}"
        )
        raise DefrelError.together(found)


def load_corpus(paths: list[Path], *, root: Path | None = None) -> list[Article]:
    """Load every facts file under ``paths``; articles must agree on the entities and posts
    they share (see ``corpus.check_agreement``)."""
    articles, problems = [], []
    for path in find_facts_files(paths):  # every file's problems, not only the first file's
        try:
            articles.append(load_facts(path, root=root))
        except DefrelError as err:
            problems.append(err)
    if problems:
        raise DefrelError.together(problems)
    slugs: dict[str, Path] = {}
    for article in articles:
        if article.slug in slugs:
            raise FactsError(
                f"two facts files share the slug {article.slug!r} (also {slugs[article.slug]})",
                path=article.facts_path,
                hint="article slugs must be unique: rename one file",
            )
        slugs[article.slug] = article.facts_path
    check_agreement(summary_of(a) for a in articles)
    return articles
