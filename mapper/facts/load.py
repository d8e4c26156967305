"""Load and check facts files: YAML syntax, JSON Schema, references, dates, quantities, quotes.

``load_facts(path)`` gives one ``Article``; ``load_corpus(paths)`` finds facts files in
files and folders and checks that articles agree on the entities they share.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from ..errors import FactsError
from .check import Builder, check_schema
from .model import Article
from .schema import ID_PATTERN
from .yamlread import read_yaml

__all__ = ["FACTS_SUFFIX", "find_facts_files", "load_corpus", "load_facts", "read_text"]

FACTS_SUFFIX = ".facts.yaml"


MAX_BYTES = 16 * 1024 * 1024  # a facts file or an article text larger than this is refused


def read_text(path: Path, *, what: str) -> str:
    """Read a UTF-8 file exactly as written (no newline translation); errors name the fix."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise FactsError(
                f"{what} is {size:,} bytes, more than the {MAX_BYTES:,} defrel reads",
                path=path,
                hint="split the article, or check that this is the file you meant",
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise FactsError(f"{what} not found", path=path, hint="check the file name") from None
    except IsADirectoryError:
        raise FactsError(f"{what} is a folder, not a file", path=path) from None
    except OSError as err:
        raise FactsError(f"cannot read {what}: {err.strerror}", path=path) from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise FactsError(f"{what} is UTF-16", path=path, hint="save it as UTF-8")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise FactsError(
            f"{what} is not valid UTF-8 (byte 0x{data[err.start]:02x} at offset {err.start})",
            path=path,
            line=line,
            hint="save it as UTF-8 (it may be Latin-1 or Windows-1252)",
        ) from None
    if text.startswith("\ufeff"):
        raise FactsError(
            f"{what} starts with a byte-order mark",
            path=path,
            hint="save it as UTF-8 without BOM; a BOM would shift every character offset",
        )
    return text


def find_facts_files(paths: list[Path]) -> list[Path]:
    """Facts files named directly, and every ``*.facts.yaml`` under named folders, sorted."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(path.rglob(f"*{FACTS_SUFFIX}")))
        elif path.exists():
            found.append(path)
        else:
            raise FactsError("no such file or folder", path=path)
    if not found:
        raise FactsError(
            f"no facts files (*{FACTS_SUFFIX}) found in {', '.join(map(str, paths))}",
            hint="name a facts file or a folder that holds some",
        )
    return found


def _slug(path: Path) -> str:
    name = path.name
    return name[: -len(FACTS_SUFFIX)] if name.endswith(FACTS_SUFFIX) else path.stem


def load_facts(path: Path) -> Article:
    """Load one facts file and its article text; raise FactsError/EvidenceError on bad input."""
    path = Path(path)
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
    check_schema(path, doc)
    article_raw = doc["article"] or {}
    slug = _slug(path)
    if not re.match(ID_PATTERN, slug):
        raise FactsError(
            f"article slug {slug!r} (from the file name) cannot name an IRI",
            path=path,
            hint="name facts files <slug>.facts.yaml with a lowercase-hyphenated slug",
        )
    text_path = path.parent / article_raw.get("text", f"{slug}.txt")
    text = read_text(text_path, what=f"article text for {path.name}")
    builder = Builder(path, doc, text)
    builder.unique("entities")
    builder.unique("facts")
    article = Article(
        slug=slug,
        facts_path=path,
        text_path=text_path,
        text=text,
        metadata=builder.metadata(),
        entities=builder.entities(),
        facts=builder.facts(),
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
    )
    if builder.problems:
        first, *rest = builder.problems
        first.more = rest
        raise first
    return article


def load_corpus(paths: list[Path]) -> list[Article]:
    """Load every facts file under ``paths``; entities shared between articles must agree."""
    articles = [load_facts(p) for p in find_facts_files(paths)]
    seen: dict[str, tuple[str, Article]] = {}
    slugs: dict[str, Path] = {}
    for article in articles:
        if article.slug in slugs:
            raise FactsError(
                f"two facts files share the slug {article.slug!r} (also {slugs[article.slug]})",
                path=article.facts_path,
                hint="article slugs must be unique: rename one file",
            )
        slugs[article.slug] = article.facts_path
        for entity in article.entities:
            first = seen.setdefault(entity.id, (entity.type, article))
            if first[0] != entity.type:
                raise FactsError(
                    f"entity {entity.id!r} is a {entity.type} here but a {first[0]} in "
                    f"{first[1].facts_path}",
                    path=article.facts_path,
                    line=entity.line,
                    fact_id=entity.id,
                    hint="an entity keeps one id and one type across articles",
                )
    return articles
