"""What the offline draft misses, entity by entity, and why (``draft_eval.py --misses``).

Each hand-written entity the draft did not give with the same id and type gets one category,
decided from the text and the gazetteer, so that a reader sees which misses a rule could
still find and which no reader of the body alone could."""

from __future__ import annotations

import re

from mapper.draft.names.gazetteer import Gazetteer

__all__ = ["entity_misses", "extra_entities"]


def _names(label, aliases) -> set[str]:
    return {str(n) for n in (label, *aliases) if n}


def _in_text(name: str, text: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text, re.I) is not None


def _category(hand, text: str, drafted: list[dict], metadata: dict, g: Gazetteer) -> str:
    names = _names(hand.values.get("label"), hand.values.get("aliases", ()))
    same_id = next((d for d in drafted if d["id"] == hand.id), None)
    if same_id is not None:
        return f"found, other type: drafted {same_id['type']}"
    by_name = [
        d
        for d in drafted
        if _names(d["label"], d.get("aliases", ())) & names or d["label"] in names
    ]
    same_type = [d for d in by_name if d["type"] == hand.type]
    if same_type:
        return f"found, other id: drafted {same_type[0]['id']}"
    if by_name:
        return f"found, other id and type: drafted {by_name[0]['id']} ({by_name[0]['type']})"
    publisher = metadata.get("publisher")
    authors = metadata.get("authors") or ()
    if hand.id == publisher or hand.id in (authors if isinstance(authors, tuple) else (authors,)):
        return "the article's own publisher or author (not in the body)"
    if hand.type == "NewsOrganization" and not any(_in_text(n, text) for n in names):
        return "a news organisation not named in the body (wire agency, publisher)"
    label = str(hand.values.get("label", ""))
    if hand.type == "Group" or label[:1].islower() or label.startswith("anonymous"):
        return "a description, not a name (group, unnamed person)"
    if any(_in_text(n, text) for n in names):
        return "named in the body, not found"
    demonyms = [w for w, k in g.demonyms.items() if k.id == hand.id and _in_text(w, text)]
    if demonyms:
        return f"named only by its demonym ({demonyms[0]})"
    capitals = [w for w, k in g.names.items() if k.located_in == hand.id and _in_text(w, text)]
    if capitals:
        return f"named only by its capital ({capitals[0]})"
    words = [w for w in re.findall(r"\w+", label) if len(w) > 3]
    if words and all(_in_text(w, text) for w in words):
        return "named in other words (every word of the label is in the text)"
    return "not named in the body"


def entity_misses(hand, draft, g: Gazetteer) -> list[tuple[str, str, str, str]]:
    """(category, id, type, label) of every hand-written entity the draft did not give."""
    mine = {(e["id"], e["type"]) for e in draft.entities}
    out = []
    for h in hand.entities:
        if (h.id, h.type) in mine:
            continue
        category = _category(h, hand.text, draft.entities, hand.metadata, g)
        out.append((category, h.id, h.type, str(h.values.get("label", ""))))
    return out


def extra_entities(hand, draft) -> list[tuple[str, str, str]]:
    """(id, type, label) of every drafted entity the hand-written file does not have."""
    theirs = {(e.id, e.type) for e in hand.entities}
    return [
        (e["id"], e["type"], e["label"])
        for e in draft.entities
        if (e["id"], e["type"]) not in theirs
    ]
