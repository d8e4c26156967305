"""Standing relations between states (courtship, rivalry, partnership, cooperation, alliance,
arms supply) and PLOVER's other events (a concession, a retreat, a legal challenge), each from
the words news uses for them and the states the sentence names."""

from __future__ import annotations

import re

from ..names.mentions import Mention
from .context import AGENT, Context, Drafted, fact_of, ids_of
from .details import listed

__all__ = ["RELATION_TRIGGERS", "relation"]


def _re(pattern: str) -> re.Pattern:
    return re.compile(pattern, re.IGNORECASE)


RELATION_TRIGGERS: dict[str, re.Pattern] = {
    "courtship": _re(
        r"\b(court(?:s|ed|ing)|woo(?:s|ed|ing)|seek(?:s|ing)? closer (?:ties|relations)|"
        r"reach(?:es|ed|ing)? out to|(?:ties|rapprochement) with)\b"
    ),
    "rivalry": _re(r"\b(rival(?:s|ry)?|arch-rival|adversar(?:y|ies)|hostility|enmity)\b"),
    "alliance": _re(r"\b(all(?:y|ies|iance)|treaty ally|mutual defen[cs]e)\b"),
    "partnership": _re(r"\b(partners(?:hip)?|strategic partner)\b"),
    "cooperation": _re(
        r"\b(cooperat\w+|co-operat\w+|collaborat\w+|joint patrols?|information[- ]sharing|"
        r"share (?:information|intelligence)|liaison officers|work(?:ed|ing)? together|"
        r"align(?:s|ed|ing)? (?:its |their )?(?:own )?(?:sanctions|export controls|policy|policies)"
        r"(?: \w+)? with)\b"
    ),
    "arms_supply": _re(
        r"\b((?:top|largest|biggest|main|leading|chief|principal|second[- ]largest) "
        r"(?:arms |weapons |defen[cs]e |military )?(?:supplier|seller|exporter)|"
        r"(?:major|key|traditional) (?:arms|weapons|defen[cs]e|military) (?:supplier|exporter)|"
        r"arms (?:supplier|exporter)|supplier of (?:arms|weapons))\b"
    ),
    "event": _re(
        r"\b(lift(?:s|ed)? (?:its |their )?(?:objection|veto|opposition|block)|"
        r"drop(?:s|ped)? (?:its |their )?(?:objection|veto|opposition)|"
        r"withdr(?:ew|awn|aws)(?: from)?|pull(?:s|ed)? out of|back(?:ed)? down|"
        r"challeng\w+ (?:\w+ ){0,3}in court|appeal(?:s|ed)? against|fil(?:ed|es) (?:a )?(?:suit|lawsuit|challenge)|"
        # "would challenge its listing at the EU's General Court"
        r"challenge (?:\w+ ){0,3}(?:at|before|in) (?:the )?(?:[\w’'-]+ ){0,3}Court|"
        # "the Philippines and China traded accusations": each side's disapproval of the other
        r"(?:traded|exchanged|trade|exchange) (?:accusations|barbs|recriminations|threats|warnings)|"
        r"offer(?:s|ed)? to (?:build|fund|finance|provide|help))\b"
    ),
}
_PLOVER = (
    (r"lift|drop|back", "CONCEDE"),
    (r"withdr|pull", "RETREAT"),
    (r"challeng|appeal|fil|trad|exchang", "DISAPPROVE"),
    (r"offer", "AID"),
)


def _parties(c: Context, kind: str) -> list[str]:
    """The states a relation is between: the sentence's countries ("the two countries": the
    two named last); cooperation may also be between bodies (forces, agencies, companies)."""
    states = ids_of(c.all({"Country"}))
    if len(states) >= 2:
        return states[:4]
    bodies = ids_of(c.all(AGENT - {"Person", "InternationalOrganization"}))
    if kind == "cooperation" and len(bodies) >= 2:
        return bodies[:4]
    unions = ids_of(c.all({"InternationalOrganization"}))
    if kind == "cooperation" and states and unions:  # "the UK ... aligns ... with the EU"
        return [*states, *unions][:4]
    return c.two_sides()


def relation(kind: str, c: Context, t: re.Match) -> list[Drafted]:
    """A relation or other event of ``kind`` from the trigger ``t``, if its roles are named."""
    agents = AGENT - {"Person"}
    who = c.before(t.start(), agents)
    values: dict
    if kind == "courtship":
        whom = c.after(t.end(), agents, skip={who.id} if who else set(), within=60)
        if who is None or whom is None:
            return []
        made = []  # "courts both the US and Russia": one courtship each
        for target in [whom, *listed(c, whom)]:
            if target.id != who.id:
                values = {"actor": who.id, "target": target.id}
                made.append(fact_of(kind, values, c, t, [who, target], 0.35))
        return made
    elif kind == "arms_supply":
        whom = c.after(t.end(), agents, skip={who.id} if who else set(), within=40)
        if whom is not None and re.match(r"[’']s\s", c.text[whom.end : whom.end + 3]):
            # "exporter to Pakistan's rival India": the possessor only qualifies the recipient
            whom = c.after(whom.end, agents, skip={who.id} if who else set(), within=20) or whom
        own = re.search(
            r"([A-Z][\w ]+?)[’']s\s+$", c.text[max(c.s.start, t.start() - 40) : t.start()]
        )
        if own:  # "Russia, India's top arms supplier": the possessor is the recipient
            whom = c.before(t.start(), agents)
            who = c.before(whom.start, agents, skip={whom.id}) if whom else None
            over = who and re.search(
                r"\b(?:overt(?:aken|ook)|replac\w+|surpass\w+|displac\w+)\s+$",
                c.text[max(c.s.start, who.start - 30) : who.start],
            )
            if over:  # "the US had overtaken Russia as India's top supplier": the subject
                at = max(c.s.start, who.start - 30) + over.start()
                who = c.before(at, agents, skip={whom.id}) or who
        if who is None or whom is None:
            return []
        values = {"supplier": who.id, "recipient": whom.id}
    elif kind == "event" and re.match(r"(?i)trad|exchang", t.group(1)):
        sides = [m for m in c.mentions if m.end <= t.start() and c.types.get(m.id) in agents]
        if len(sides) < 2 or not re.fullmatch(r"\s+and\s+(?:the\s+)?",
                                               c.text[sides[-2].end : sides[-1].start]):  # fmt: skip
            return []
        pair = [sides[-2].id, sides[-1].id]
        values = {"plover_type": "DISAPPROVE", "actors": pair, "targets": pair,
                  "summary": " ".join(c.s.text.split())[:300]}  # fmt: skip
    elif kind == "event":
        company = re.search(
            r"(?i)\bthe (?:company|firm)\b[^,;]{0,80}$", c.text[c.s.start : t.start()]
        )
        if company:  # "... said the company would challenge": the company named last
            makers = [i for i, k in c.types.items() if k in {"Company", "StateOwnedEnterprise"}]
            firms = [  # a company named, or the one a speaker speaks for ("a lawyer for X")
                next((i for i in makers if m.id == i or m.id.startswith(i + "-")), None)
                for m in c.every
                if m.end <= t.start()
            ]
            firms = [i for i in firms if i]
            who = Mention(t.start(), t.start(), firms[-1]) if firms else who
        actor = who or c.after(t.end(), agents, within=40)
        if actor is None:
            return []
        plover = next(p for pat, p in _PLOVER if re.match(pat, t.group(1), re.IGNORECASE))
        target = c.after(t.end(), agents, skip={actor.id}, within=60)
        if t.group(1).endswith("Court"):  # "at the EU's General Court": the EU's decision
            target = c.after(t.start(), agents, skip={actor.id}, within=len(t.group()))
        values = {"plover_type": plover, "actors": [actor.id],
                  **({"targets": [target.id]} if target else {}),
                  "summary": " ".join(c.s.text.split())[:300]}  # fmt: skip
    else:
        parties = _parties(c, kind)
        if len(parties) < 2:
            return []
        values = {"parties": parties}
    roles = [m for m in c.mentions if m.id in _ids(values)]
    fact = fact_of(kind, values, c, t, roles, 0.35)
    if kind == "event":
        fact.note = "rewrite the summary"
    return [fact]


def _ids(values: dict) -> set[str]:
    out: set[str] = set()
    for v in values.values():
        out.update(v if isinstance(v, list) else [v])
    return out
