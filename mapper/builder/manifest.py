"""The build manifest: what an incremental ``defrel build`` needs to know of the last one.

Kept inside the output folder (``.defrel/manifest.json``), so it is replaced together with
the files it describes. Per article: the content hash it was built from, where its parts sit
in the dataset files, its triple count, its validation results (warnings), its entities and
its cross-article summary (indexes into one table of N-Triples statements, shared by all
articles, so that a statement about Russia is stored once, not once per article), and what
other articles must agree with (its entities and posts, ``facts.corpus``).

JSON, not pickle: reading it cannot run code. Anything unexpected in it (another recipe,
another version of this format, dataset files changed since it was written) and it is
ignored: the build is then a full one.

Kept small, since the parent of a build holds it for every article: an article's summary
is an array of 32-bit statement numbers (base64 in the file), its entities and posts one
string of JSON arrays, a line each. Written as a stream, an article at a time.
"""

from __future__ import annotations

import base64
import json
import os
import sys
from array import array
from dataclasses import asdict
from pathlib import Path
from typing import Any

from ..checks.report import Result
from ..facts.corpus import EntityNote, PostNote, Summary, slugify
from .distwriter import BIG

__all__ = [
    "MANIFEST", "Manifest", "entities_of", "entities_text", "read_manifest", "write_manifest",
]  # fmt: skip

MANIFEST = ".defrel/manifest.json"
FORMAT = 3  # 3: an entity's label, Wikidata items and part_of, and posts, in "entities"


class Manifest:
    """Articles by slug, and the table of summary statements they point into."""

    def __init__(self, recipe: str, consistent: str | None = None) -> None:
        self.recipe = recipe
        self.consistent = consistent  # fingerprint of the summaries last found consistent
        self.articles: dict[str, dict[str, Any]] = {}
        self.statements: list[str] = []
        self._index: dict[str, int] = {}

    def intern(self, statements: list[str]) -> array:
        found = array("I")
        for statement in statements:
            number = self._index.get(statement)
            if number is None:
                number = self._index[statement] = len(self.statements)
                self.statements.append(statement)
            found.append(number)
        return found

    def shared(self, slug: str) -> list[str]:
        return [self.statements[i] for i in self.articles[slug]["shared"]]

    def add(self, slug: str, entry: dict[str, Any], statements: list[str]) -> None:
        self.articles[slug] = dict(entry, shared=self.intern(statements))

    def used(self) -> set[int]:
        """The statement numbers some article's summary holds."""
        found: set[int] = set()
        for entry in self.articles.values():
            found.update(entry["shared"])
        return found

    def compacted(self) -> Manifest:
        """This manifest, its table rebuilt if removed and edited articles left it mostly
        unused (otherwise the same object)."""
        if len(self.statements) <= 2 * len(self.used()) + 1000:
            return self
        fresh = Manifest(self.recipe, self.consistent)
        for slug, entry in self.articles.items():
            fresh.add(slug, entry, [self.statements[i] for i in entry["shared"]])
        return fresh


def entities_text(summary: Summary | None) -> str:
    """An article's entities and posts (``facts.corpus.Summary``), a JSON array a line:
    ``["e", id, type, line, label, [wikidata...], part_of]`` (and the registry file the
    entity is declared in, if any) or ``["p", org, title, line]``."""
    if summary is None:
        return ""
    rows = [
        [
            "e",
            e.id,
            e.type,
            e.line,
            e.label,
            list(e.wikidata),
            e.part_of,
            *([e.path] if e.path else []),
        ]
        for e in summary.entities
    ]
    rows += [["p", p.organization, p.title, p.line] for p in summary.posts]
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)


def entities_of(entry: dict[str, Any]) -> Summary:
    """The summary ``entities_text`` wrote for the article ``entry``."""
    entities, posts = [], []
    text = entry["entities"].rstrip("\n").replace("\n", ",")  # one parse, in C
    for row in json.loads(f"[{text}]"):
        if row[0] == "e":
            _, entity_id, kind, line, label, wikidata, part_of, *path = row
            entities.append(
                EntityNote(entity_id, kind, line, label, tuple(wikidata), part_of, *path)
            )
        else:
            _, org, title, line = row
            posts.append(PostNote(org, title, slugify(title), line))
    return Summary(entry["facts_path"], tuple(entities), tuple(posts))


def _numbers(text: str) -> array:
    numbers = array("I")
    numbers.frombytes(base64.b64decode(text))
    return numbers


def _stamp(out: Path) -> dict[str, list[int]]:
    return {name: [(s := os.stat(out / name)).st_size, s.st_mtime_ns] for name in BIG}


def read_manifest(out: Path, recipe: str) -> Manifest | None:
    """The manifest of the build in ``out``, if it was made with ``recipe`` and the dataset
    files are as that build left them."""
    try:
        data = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
        if data.get("format") != FORMAT or data.get("recipe") != recipe:
            return None
        if data.get("byteorder") != sys.byteorder or array("I").itemsize != 4:
            return None
        if data["files"] != _stamp(out):
            return None
        manifest = Manifest(recipe, data.get("consistent"))
        manifest.statements = data["statements"]
        if not all(isinstance(s, str) for s in manifest.statements):
            return None
        for slug, entry in data["articles"].items():
            entry["results"] = [Result(**r) for r in entry["results"]]
            entry["shared"] = _numbers(entry["shared"])
            if entry["shared"] and max(entry["shared"]) >= len(manifest.statements):
                return None  # numbers into a table it does not have
            manifest.articles[slug] = entry
        return manifest
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def write_manifest(manifest: Manifest, out: Path) -> None:
    """Write ``manifest`` into the (staged) output folder ``out``, its dataset files final."""
    head = {
        "format": FORMAT,
        "byteorder": sys.byteorder,
        "recipe": manifest.recipe,
        "consistent": manifest.consistent,
        "files": _stamp(out),
        "statements": manifest.statements,
    }
    (out / MANIFEST).parent.mkdir(exist_ok=True)
    with open(out / MANIFEST, "w", encoding="utf-8") as stream:
        stream.write(json.dumps(head, ensure_ascii=False, separators=(",", ":"))[:-1])
        stream.write(',"articles":{')
        for number, (slug, entry) in enumerate(manifest.articles.items()):
            entry = dict(
                entry,
                results=[asdict(r) for r in entry["results"]],
                shared=base64.b64encode(entry["shared"].tobytes()).decode("ascii"),
            )
            stream.write("," if number else "")
            stream.write(json.dumps(slug) + ":" + json.dumps(entry, separators=(",", ":")))
        stream.write("}}")
