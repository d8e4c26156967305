"""Who speaks: the speaker of a speech verb ("the ministry said", "said Gen. Sato", "Sato, the
navy's spokesman, said", "he said"). The unnamed speakers themselves are entities
(``unnamed``)."""

from __future__ import annotations

import re

from ..names.mentions import Mention
from ..names.unnamed import anonymous_speakers
from .context import AGENT, Context

__all__ = ["anonymous_speakers", "speaker"]

_SPEECH_GAP = re.compile(
    r"\s*(?:,[^,]{3,90},\s*)?(?:has |have |had |also |then |later |further )?$"
)
_INVERTED = re.compile(
    r"(?i)said|says|added|wrote|noted|stated|explained|declared|insisted|argued|confirmed|"
    r"announced|replied|responded|acknowledged|maintained|stressed|claimed"
)
_COMPANIES = {"Company", "StateOwnedEnterprise"}
# a phrase between commas that names others: "X, serving as an envoy for Chile's navy, said",
# "Elena Varga, a spokesperson for the EU's diplomatic service, said"
_APPOSED = re.compile(
    r"\s*,\s*(?:serving|acting|speaking|writing|an?|the)\b[^,;:“”\"]{3,120},\s*(?:also\s+)?"
)
_RELATIVE = re.compile(r"\s*,\s*(?:which|who|whose)\b[^;:“”\"]{3,160}?,\s*(?:also\s+)?")
_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he|[Tt]hey|[Ii]t|[Tt]he (?:ministry|government|embassy|"
                      r"agency|company|navy|army|department|spokes\w+|official|minister))\s+"
                      r"(?:also |then |later |further )?$")  # fmt: skip


def speaker(
    c: Context, t: re.Match, *, within: int = 30, verbs: re.Pattern | None = None
) -> Mention | None:
    """Who utters the speech verb ``t``: an agent just before it (an apposition between commas
    may separate them: "Sato, the navy's spokesman, said"), or just after ("said Gen. Sato");
    "he said" or "the ministry said" is the person or body named last before; else the first
    agent of the clause the verb ends (its subject)."""
    head = c.text[c.s.start : t.start()]
    before = [m for m in c.mentions if m.end <= t.start() and c.types.get(m.id) in AGENT]
    for m in reversed(before):  # "Gen. Sharif, serving as an ambassador for Pakistan's
        gap = c.text[m.end : t.start()]  # defense establishment, told": around what it names
        if _APPOSED.fullmatch(gap) and not (verbs and verbs.search(gap)):
            return m
    for m in reversed(before):
        if _SPEECH_GAP.fullmatch(c.text[m.end : t.start()]) or t.start() - m.end <= 2:
            return m
        break
    for m in reversed(before):  # "the United States, which lifted ... in 2022, said"
        gap = c.text[m.end : t.start()]
        if _RELATIVE.fullmatch(gap) and not (verbs and verbs.search(gap)):
            return m
    if re.search(r"(?:,|\band|\bbut)\s+(?:also\s+|then\s+)?$", head) and verbs is not None:
        # "X said ... and warned ...": coordinated verbs share the first one's subject
        first = next((v for v in verbs.finditer(c.text, c.s.start, t.start())), None)
        if first is not None and first.start() < t.start():
            return speaker(c, first, within=within)
    after = [
        m for m in c.mentions if 0 <= m.start - t.end() <= within and c.types.get(m.id) in AGENT
    ]
    inverted = _INVERTED.fullmatch(t.group())  # "said Gen. Sato"; "pressed Colombo" is whom
    if after and inverted and not re.search(r"[,;]|\bthat\b", c.text[t.end() : after[0].start]):
        return after[0]
    pronoun = _PRONOUN.search(head)
    main = [m for m in c.mentions if c.types.get(m.id) in AGENT - {"Person"}]
    if pronoun and main and re.search(r"\b(?:that|which)\s+it\s+$", head):
        return main[0]  # "... companies that it accuses": the subject of the main clause
    if pronoun:
        word = pronoun.group().split()[0].lower()
        people = (
            word in ("he", "she") or "spokes" in pronoun.group() or "minister" in pronoun.group()
        )
        wanted = {"Person"} if people else AGENT - {"Person", "Country"}
        if word == "they":
            wanted = AGENT
        earlier = [m for m in c.every if m.end <= t.start() and c.types.get(m.id) in wanted]
        if word == "it" and not earlier:
            earlier = [m for m in c.every if m.end <= t.start() and c.types.get(m.id) in AGENT]
        noun = pronoun.group().split()[1].lower() if word == "the" else ""
        if noun == "company":  # "the company said": the last company, not the last body
            earlier = [m for m in earlier if c.types.get(m.id) in _COMPANIES] or earlier
        elif noun and not people:  # "the ministry", "the embassy": the last one named so
            earlier = [m for m in earlier if noun in m.id.split("-")] or earlier
        return earlier[-1] if earlier else None
    clause = re.split(r"[,;:—–]\s|[“”\"]", head)[-1]
    if len(clause) < len(head):  # the verb ends a clause of its own: its first agent
        at = t.start() - len(clause)
        first = [m for m in before if m.start >= at]
        if first:
            return first[0]
    elif before and not inverted and not re.search(r"[“”\"]", head):
        return before[0]  # one clause up to the verb: its subject ("X and Y have long pressed")
    return None
