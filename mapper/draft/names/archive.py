"""The entities other facts files of the archive declare, for the drafter to reuse their ids: an
analyst who wrote "Kenya's Ministry of Defence" yesterday expects today's draft to find it.

Read as YAML only, as ``defrel entities`` reads them (their quotes are not checked): a
neighbour that cannot be read, or an entry that is no entity, is skipped with a warning,
never fatal. Entries still marked ``draft:`` are not reused (nobody has confirmed them yet),
nor groups: "US officials" in one article are not those of another, nor any entity an article
declares its own (``scope: article``: "a Western diplomat")."""

from __future__ import annotations

import os
import re
from pathlib import Path

from ...errors import DefrelError
from ...facts.files import FACTS_SUFFIX, read_text
from ...facts.kinds.entities import ENTITY_TYPES
from ...facts.yamlread import read_yaml
from .gazetteer import Known

__all__ = ["archive_entities"]


def _facts_files(folder: Path, *, deep: bool) -> list[Path]:
    """``*.facts.yaml`` in ``folder`` (and below it when ``deep``), sorted; links not followed."""
    found: list[Path] = []
    for top, dirs, names in os.walk(folder, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".")) if deep else []
        found += [Path(top, n) for n in sorted(names) if n.endswith(FACTS_SUFFIX)]
    return found


def archive_entities(
    folder: Path, *, root: Path | None = None, skip: Path | None = None
) -> tuple[tuple[tuple[Known, list[str]], ...], list[str]]:
    """The confirmed entities the facts files of ``folder`` (and every folder under ``root``)
    declare, as the drafter's archive (id, type, label, Wikidata item; its names), first
    declaration of an id winning; and a warning for each file or entry skipped. ``skip`` is
    the file being drafted (never its own archive)."""
    files = _facts_files(Path(folder), deep=False)
    if root is not None:
        files += _facts_files(Path(root), deep=True)
    skipped = Path(skip).resolve() if skip is not None else None
    seen: dict[str, tuple[Known, list[str]]] = {}
    warnings: list[str] = []
    for path in sorted({p.resolve(): p for p in files}.items()):
        real, shown = path
        if real == skipped:
            continue
        if shown.is_symlink():
            warnings.append(f"{shown}: a symbolic link, not read for the archive's entities")
            continue
        try:
            doc = _entities_part(shown, read_text(shown, what="facts file"))
        except DefrelError as err:
            warnings.append(f"{shown}: not read for the archive's entities ({err.message})")
            continue
        entries = doc.get("entities") if isinstance(doc, dict) else None
        for raw in entries if isinstance(entries, list) else ():
            known = _known(raw)
            if known is not None and known[0].id not in seen:
                seen[known[0].id] = known
    return tuple(seen[k] for k in sorted(seen)), warnings


# A top-level key: a line that starts with it (a block scalar's lines are indented)
_FACTS_KEY = re.compile(r"^facts:", re.M)
_ENTITIES_KEY = re.compile(r"^entities:", re.M)


def _entities_part(path: Path, text: str):
    """The facts file read up to its ``facts:`` when its entities come before them (a
    third of a file: an archive of 10,000 files is read in a third of the time); the whole
    file when they do not, or when that part does not parse on its own."""
    cut = _FACTS_KEY.search(text)
    if cut is not None and _ENTITIES_KEY.search(text, 0, cut.start()):
        try:
            doc = read_yaml(path, text[: cut.start()])
        except DefrelError:
            doc = None
        if isinstance(doc, dict) and "entities" in doc:
            return doc
    return read_yaml(path, text)


def _known(raw) -> tuple[Known, list[str]] | None:
    """An entity entry as the drafter knows it, or None when it is not a confirmed entity."""
    if not isinstance(raw, dict) or "draft" in raw or raw.get("type") == "Group":
        return None  # a group ("US officials") is the article's own, not the archive's
    if raw.get("scope") == "article":
        return None  # nor is any entity its article declares its own (an unnamed source)
    ident, etype, label = raw.get("id"), raw.get("type"), raw.get("label")
    if not (isinstance(ident, str) and isinstance(label, str) and etype in ENTITY_TYPES):
        return None
    same_as = raw.get("same_as", [])
    same_as = same_as if isinstance(same_as, list) else [same_as]
    wikidata = next((s for s in same_as if isinstance(s, str) and s.startswith("wd:")), "")
    aliases = raw.get("aliases") or []
    names = [a for a in aliases if isinstance(a, str)] if isinstance(aliases, list) else []
    return Known(ident, etype, label, same_as=wikidata), names
