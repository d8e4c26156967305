"""``defrel draft``: an article's text in, a facts file for a person to confirm out.

Offline by default (``rules``), or with a language model the user runs (``model``). Both end
in the same place: every quote located in the text, every entry marked unconfirmed, and the
draft written beside the article without ever replacing a file a person has edited.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from ...errors import InputError, OutputError
from ...facts.files import read_text
from ...facts.registry import Registry, find_registry, load_registry
from ..names.archive import archive_entities
from ..names.gazetteer import Known, load_gazetteer, slug
from ..names.mentions import Proposal, find_mentions
from ..names.unnamed import anonymous_speakers
from ..rules.propose import Drafted, propose_facts
from ..text.sentences import split_sentences
from .writer import is_untouched_draft, render, write_atomically

__all__ = ["Byline", "Draft", "draft_text", "write_draft"]


@dataclass
class Draft:
    """A drafted facts document (plain data, in file order) and what was left out."""

    article: dict
    entities: list[dict]
    facts: list[dict]
    sentence_map: list[tuple[str, list[str]]]
    by: str = "rules"
    dropped: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # neighbours not read, and why


def quote(text: str, start: int, end: int) -> str | dict:
    """The words ``text[start:end]`` as an evidence item (with its occurrence if it repeats)."""
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    words = text[start:end].strip()
    offset = text.index(words, start)
    count = text.count(words)
    if count == 1:
        return words
    occurrence = sum(1 for m in re.finditer(re.escape(words), text) if m.start() <= offset)
    return {"quote": words, "occurrence": occurrence}


def _headline(text: str, sentences) -> tuple[str, bool]:
    first = text.strip().split("\n", 1)[0].strip()
    if first and len(first) <= 160 and not first.endswith((".", "!", "?")):
        return first, True  # the text opens with its headline
    words = sentences[0].text.split() if sentences else ["(headline)"]
    return " ".join(words[:12]), False


def _entity(p: Proposal, text: str) -> dict:
    k = p.known
    out: dict = {"id": k.id, "type": k.type}
    if k.local:  # an unnamed source or a group the story describes: the article's own
        out["scope"] = "article"
    out["label"] = k.label
    aliases = [a for a in p.aliases if a != k.label]
    if aliases:
        out["aliases"] = aliases[:5]
    if p.honorific:
        out["honorific"] = p.honorific
    if k.same_as:
        out["same_as"] = k.same_as
    if k.located_in:
        out["located_in"] = k.located_in
    if k.part_of:
        out["part_of"] = k.part_of
    out["evidence"] = [quote(text, p.start, p.end)]
    out["draft"] = {"confidence": p.confidence, "by": "rules"}
    return out


def _fact_id(d: Drafted, taken: set[str]) -> str:
    """``kind-role-role``: the kind and the first two entities of its role fields."""
    from ...facts.kinds import KINDS

    roles: list[str] = []
    for f in KINDS[d.kind].fields:
        if f.shape in ("entity", "entities") and f.name in d.values:
            value = d.values[f.name]
            roles += value if isinstance(value, list) else [value]
    base = slug("-".join([d.kind.replace("_", "-"), *dict.fromkeys(roles[:3])]))[:70].strip("-")
    name, n = base, 2
    while name in taken:
        name, n = f"{base}-{n}", n + 1
    taken.add(name)
    return name


def draft_text(
    text: str,
    *,
    text_name: str,
    published: str | None = None,
    registry: Registry | None = None,
    byline: Byline | None = None,
    archive: tuple[tuple[Known, list[str]], ...] = (),
) -> Draft:
    """Draft the facts of ``text`` by rule (deterministic: the same text, the same draft).
    ``byline`` names the publisher, authors and wire agency, which a body rarely does."""
    gazetteer = load_gazetteer(registry, archive)
    sentences = split_sentences(text)
    mentions, proposals = find_mentions(text, gazetteer)
    types = {i: p.known.type for i, p in proposals.items()}
    unnamed, anonymous = anonymous_speakers(text, mentions, types)
    spans = [(m.start, m.end) for m in unnamed]
    mentions = sorted(
        [m for m in mentions if not any(a <= m.start and m.end <= b for a, b in spans)] + unnamed,
        key=lambda m: m.start,
    )
    anonymous = {k: v for k, v in anonymous.items() if k not in proposals}
    drafted = propose_facts(text, sentences, mentions, {**anonymous, **proposals}, gazetteer)
    headline, in_text = _headline(text, sentences)
    article: dict = {"text": text_name, "headline": headline}
    if published:
        article["date_published"] = published
    credited = _credit(article, byline or Byline(), gazetteer, proposals)
    if not in_text:
        article["draft"] = {"note": "headline guessed from the first sentence: give the real one"}
    taken: set[str] = set()
    facts, by_sentence = [], {s.id: [] for s in sentences}
    ids: dict[int, str] = {}
    for d in drafted:
        fact_id = ids[id(d)] = _fact_id(d, taken)
    for d in drafted:
        for key, other in d.links.items():
            d.values[key] = (
                [ids[id(o)] for o in other] if isinstance(other, list) else ids[id(other)]
            )
    for d in drafted:
        fact_id = ids[id(d)]
        by_sentence.setdefault(d.sentence, []).append(fact_id)
        facts.append(
            {
                "id": fact_id,
                "kind": d.kind,
                **d.values,
                "evidence": [quote(text, d.start, d.end)],
                "draft": {
                    "confidence": round(d.confidence, 2),
                    "by": "rules",
                    "sentence": d.sentence,
                },
            }
        )
    entities = _entities(text, proposals, anonymous, _referenced(facts), credited, gazetteer)
    return Draft(article, entities, facts, list(by_sentence.items()))


def _entities(
    text: str, proposals, anonymous, used: set[str], credited: dict, gazetteer
) -> list[dict]:
    """The entities to declare, by id: those the text names, those the facts and other
    entities refer to (of ``anonymous`` speakers, only those and those the text has speak),
    and the byline's; never the registry's (they are referred to)."""
    known = {k.id: k for k in gazetteer.names.values()} | {
        k.id: k for k in gazetteer.demonyms.values()
    }
    for p in list(proposals.values()):
        for ref in (p.known.part_of, p.known.located_in):
            if ref:
                used.add(ref)
    entities = []
    speaking = {i for i, p in anonymous.items() if p.acts}  # declared even if no fact uses them
    for entity_id in sorted(set(proposals) | used | set(credited) | speaking):
        p = proposals.get(entity_id) or anonymous.get(entity_id)  # the unnamed: only if used
        if p is None and entity_id in known:
            p = Proposal(known[entity_id], -1, -1, 0.9)
        if p is None and entity_id in credited:
            p = Proposal(credited[entity_id], -1, -1, 1.0)
        if p is None or p.known.from_registry:
            continue  # registry entities are referred to, not declared again
        if p.known.local and entity_id in known and known[entity_id].from_registry:
            continue  # the registry's id, never an article's own: referred to as well
        if p.start >= 0:
            entities.append(_entity(p, text))
        else:
            entities.append(_entity_without_quote(p.known, credited=entity_id in credited))
    return entities


@dataclass(frozen=True)
class Byline:
    """Who published and wrote an article, by name, as the analyst knows it."""

    publisher: str | None = None
    authors: tuple[str, ...] = ()
    wire_agency: str | None = None


def _credit(article: dict, byline: Byline, gazetteer, proposals) -> dict[str, Known]:
    """Put the byline in the article block, as ids (the registry's or the gazetteer's when it
    knows the name, else new ones); the entities it names, by id."""
    credited: dict[str, Known] = {}

    def known(name: str, etype: str) -> str:
        k = gazetteer.names.get(name)
        if k is None or k.type not in (etype, "Organization", "NewsOrganization"):
            k = Known(slug(name), etype, name)
        if k.id not in proposals:
            credited[k.id] = k
        return k.id

    if byline.publisher:
        article["publisher"] = known(byline.publisher, "NewsOrganization")
    if byline.authors:
        article["authors"] = [known(a, "Person") for a in byline.authors]
    if byline.wire_agency:
        article["wire_agency"] = known(byline.wire_agency, "NewsOrganization")
    return credited


def _entity_without_quote(k: Known, *, credited: bool = False) -> dict:
    out: dict = {"id": k.id, "type": k.type, "label": k.label}
    if k.same_as:
        out["same_as"] = k.same_as
    note = "not named in the text; kept because another entity refers to it"
    if credited:
        note = "named in the byline you gave, not in the text"
    out["draft"] = {"confidence": 1.0 if credited else 0.9, "by": "rules", "note": note}
    return out


def _referenced(facts: list[dict]) -> set[str]:
    from ...facts.kinds import COMMON_FIELDS, KINDS

    ids: set[str] = set()
    for f in facts:
        for field_ in COMMON_FIELDS + KINDS[f["kind"]].fields:
            if field_.shape in ("entity", "entities") and field_.name in f:
                value = f[field_.name]
                ids.update(value if isinstance(value, list) else [value])
    return ids


def facts_path_for(text_path: Path) -> Path:
    name = text_path.name.removesuffix(".txt")
    return text_path.with_name(f"{name}.facts.yaml")


def write_draft(
    text_path: Path,
    *,
    out: Path | None = None,
    published: str | None = None,
    root: Path | None = None,
    model=None,
    byline: Byline | None = None,
) -> tuple[Path, Draft]:
    """Draft ``text_path`` into ``out`` (default: ``<slug>.facts.yaml`` beside it), reusing the
    ids of the registry and of the entities the facts files beside ``out`` (and under
    ``root``) declare. Refuses to replace a file a person has edited (anything but an
    untouched draft)."""
    text_path = Path(text_path)
    text = read_text(text_path, what="article text")
    out = Path(out) if out is not None else facts_path_for(text_path)
    if out.is_symlink() or (out.exists() and not out.is_file()):
        raise OutputError(f"{out} is not a regular file", hint="name a new facts file with --out")
    if out.exists():
        current = read_text(out, what="facts file")
        if not is_untouched_draft(current):
            raise OutputError(
                f"{out} exists and is not an untouched draft: defrel draft never overwrites a "
                "facts file a person has edited",
                hint="write the new draft elsewhere with --out, or move the file away first",
            )
    registry = load_registry(find_registry(out, root))
    archive, warnings = archive_entities(out.parent, root=root, skip=out)
    rel = os.path.relpath(text_path.resolve(), out.resolve().parent)
    if rel.startswith(".."):
        raise InputError(
            f"{text_path} is not inside the folder of {out}",
            hint="write the draft beside the article (the default) or in a folder above it",
        )
    if model is not None:
        draft = model.draft(text, text_name=rel, published=published, registry=registry)
    else:
        draft = draft_text(
            text,
            text_name=rel,
            published=published,
            registry=registry,
            byline=byline,
            archive=archive,
        )
    draft.warnings = warnings
    content = render(
        source=text_path.name,
        by=draft.by,
        article=draft.article,
        entities=draft.entities,
        facts=draft.facts,
        sentence_map=draft.sentence_map,
        dropped=draft.dropped,
    )
    write_atomically(out, content)
    return out, draft
