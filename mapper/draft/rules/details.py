"""The details a rule fills from its trigger word and its sentence: an agreement's step, a
membership's action, an incident's type, the kind of aid, the entities listed after one
("X, Y and Z"), and the body "the alliance" or "the programme" stands for."""

from __future__ import annotations

import re

from ..names.mentions import Mention
from .context import Context

__all__ = ["access", "aid_types", "body", "conference", "flat", "incident", "listed",
           "membership", "participation", "rest", "step"]  # fmt: skip


def listed(c: Context, first: Mention) -> list[Mention]:
    """The entities listed after ``first`` ("X, Y and Z"): same type, joined by commas or and."""
    out, last = [], first
    for m in c.mentions:
        if m.start < last.end or c.types.get(m.id) != c.types.get(first.id):
            continue
        if not re.fullmatch(r",?\s*(?:and\s+|or\s+)?(?:the\s+)?", c.text[last.end : m.start]):
            break
        out.append(m)
        last = m
    return out


def aid_types(c: Context, t: re.Match) -> list[str]:
    words = c.s.text.lower()
    kinds = [k for k, p in (("financing", r"loan|credit|fund|financ|grant|\$|million|billion"),
                            ("training", r"train"), ("equipment", r"equipment|boats?|radars?|vehicles?|aircraft"),
                            ("maintenance", r"spare parts|maintenance"), ("infrastructure", r"infrastructure|port|runway"))
             if re.search(p, words)]  # fmt: skip
    return kinds[:2] or ["equipment"]


def flat(values: dict) -> set:
    out = set()
    for v in values.values():
        out.update(v if isinstance(v, list) else [v])
    return {v for v in out if isinstance(v, str)}


def rest(c: Context, t: re.Match) -> str:
    words = c.text[t.end() : c.s.end].strip(' ,.;:—–-"“”')
    return " ".join(words.split()[:14]) or t.group()


_ANAPHOR_BODY = re.compile(
    r"(?i)\bthe (?:alliance|bloc|partnership|organi[sz]ation|union|programme|program|project|"
    r"effort|framework|initiative)\b"
)


def body(c: Context, t: re.Match, kinds: set[str], within: int = 90) -> Mention | None:
    """The organisation or programme a member joins: named after the verb (the last of a
    possessive chain: "NATO's Partnership for Peace"), or "the alliance", "the programme": the
    last one named before."""
    found = c.after(t.end(), kinds, within=within)
    while found is not None and re.match(r"(?:[’']s)?\s", c.text[found.end : found.end + 3]):
        # "NATO's Partnership for Peace", "NATO Partnership for Peace": the last of the chain
        owned = c.after(found.end, kinds, within=4)
        if owned is None:
            break
        found = owned
    if found is not None:
        return found
    word = _ANAPHOR_BODY.search(c.text, t.end(), min(c.s.end, t.end() + 40))
    if word is None:
        return None
    earlier = [m for m in c.every if m.end <= word.start() and c.types.get(m.id) in kinds]
    noun = word.group().split()[-1].lower()[:7]  # "the partnership": one named a partnership
    named = [m for m in earlier if noun in m.id.replace("-", " ")]
    return (named or earlier)[-1] if earlier else None


def membership(verb: str) -> str:
    v = verb.lower()
    for prefix, action in (("rejoin", "joined"), ("join", "joined"), ("admit", "joined"),
                           ("access", "joined"), ("appl", "applied"), ("suspend", "suspended"),
                           ("left", "left"), ("leav", "left"), ("quit", "left"), ("expel", "expelled")):  # fmt: skip
        if v.startswith(prefix):
            return action
    return "member"


def participation(verb: str) -> str:
    v = verb.lower()
    for prefix, action in (("expel", "expelled"), ("remov", "expelled"), ("exclud", "expelled"),
                           ("end", "expelled"), ("sign", "joined"),
                           ("suspend", "suspended"), ("withdr", "withdrew"), ("join", "joined")):  # fmt: skip
        if v.startswith(prefix):
            return action
    return "participating"


def step(word: str) -> str:
    w = word.lower()
    for prefix, name in (("ratif", "ratification"), ("enter", "entry-into-force"),
                         ("entry", "entry-into-force"), ("adopt", "approval"),
                         ("approv", "approval"), ("suspend", "suspension"), ("withdr", "withdrawal"),
                         ("terminat", "termination"), ("expir", "expiry"), ("extend", "extension"),
                         ("renew", "extension")):  # fmt: skip
        if w.startswith(prefix):
            return name
    return "approval"


def conference(word: str) -> str:
    w = word.lower()
    return {
        "summit": "summit",
        "forum": "forum",
        "exhibition": "exhibition",
        "air show": "exhibition",
        "expo": "exhibition",
    }.get(w, "conference")


def incident(word: str) -> str:
    w = word.lower()
    for prefix, kind in (("water cannon", "water-cannon"), ("ram", "ramming"), ("collid", "collision"),
                         ("collision", "collision"), ("block", "blocking"), ("intercept", "interception"),
                         ("fired", "warning-shots"), ("shadow", "shadowing"), ("harass", "harassment"),
                         ("seiz", "seizure"), ("laser", "laser")):  # fmt: skip
        if w.startswith(prefix):
            return kind
    return "other"


def access(word: str) -> str:
    w = word.lower()
    if w.startswith("port call"):
        return "port-calls"
    if w.startswith(("rotational", "rotating")):
        return "rotational-presence"
    return "access-rights"
