"""The build manifest: what an incremental ``defrel build`` needs to know of the last one.

Kept inside the output folder (``.defrel/manifest.json``), so it is replaced together with
the files it describes. Per article: the content hash it was built from, where its parts sit
in the dataset files, its triple count, its validation results (warnings), its entities and
its cross-article summary (indexes into one table of N-Triples statements, shared by all
articles, so that a statement about Russia is stored once, not once per article).

JSON, not pickle: reading it cannot run code. Anything unexpected in it (another recipe,
another version of this format, dataset files changed since it was written) and it is
ignored: the build is then a full one.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict
from pathlib import Path
from typing import Any

from .validate import Result

__all__ = ["MANIFEST", "Manifest", "read_manifest", "write_manifest"]

MANIFEST = ".defrel/manifest.json"
FORMAT = 1
BIG = ("dataset.ttl", "dataset.nq", "dataset.jsonld")


class Manifest:
    """Articles by slug, and the table of summary statements they point into."""

    def __init__(self, recipe: str, consistent: str | None = None) -> None:
        self.recipe = recipe
        self.consistent = consistent  # fingerprint of the summaries last found consistent
        self.articles: dict[str, dict[str, Any]] = {}
        self.statements: list[str] = []
        self._index: dict[str, int] = {}

    def intern(self, statements: list[str]) -> list[int]:
        found = []
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

    def compacted(self) -> Manifest:
        """This manifest, its table rebuilt if removed and edited articles left it mostly
        unused (otherwise the same object)."""
        used = {i for entry in self.articles.values() for i in entry["shared"]}
        if len(self.statements) <= 2 * len(used) + 1000:
            return self
        fresh = Manifest(self.recipe, self.consistent)
        for slug, entry in self.articles.items():
            fresh.add(slug, entry, [self.statements[i] for i in entry["shared"]])
        return fresh


def _stamp(out: Path) -> dict[str, list[int]]:
    return {name: [(s := os.stat(out / name)).st_size, s.st_mtime_ns] for name in BIG}


def read_manifest(out: Path, recipe: str) -> Manifest | None:
    """The manifest of the build in ``out``, if it was made with ``recipe`` and the dataset
    files are as that build left them."""
    try:
        data = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
        if data.get("format") != FORMAT or data.get("recipe") != recipe:
            return None
        if data["files"] != _stamp(out):
            return None
        manifest = Manifest(recipe, data.get("consistent"))
        manifest.statements = data["statements"]
        for slug, entry in data["articles"].items():
            entry["results"] = [Result(**r) for r in entry["results"]]
            manifest.articles[slug] = entry
        return manifest
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def write_manifest(manifest: Manifest, out: Path) -> None:
    """Write ``manifest`` into the (staged) output folder ``out``, its dataset files final."""
    articles = {
        slug: dict(entry, results=[asdict(r) for r in entry["results"]])
        for slug, entry in manifest.articles.items()
    }
    data = {
        "format": FORMAT,
        "recipe": manifest.recipe,
        "consistent": manifest.consistent,
        "files": _stamp(out),
        "statements": manifest.statements,
        "articles": articles,
    }
    (out / MANIFEST).parent.mkdir(exist_ok=True)
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    (out / MANIFEST).write_text(text, encoding="utf-8")
