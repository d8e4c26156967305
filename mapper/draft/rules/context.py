"""What a rule sees of one sentence: the entities named in it (and before it), its modal
words, its attribution and its times; and the proposed fact a rule makes of them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..names.mentions import Mention
from ..text.numbers import times
from ..text.sentences import Sentence
from .lexicon import DENIALS, HEDGES, PLANNED

__all__ = ["AGENT", "PLACE", "STATE_LIKE", "Context", "Drafted", "fact_of", "ids_of"]

_DECISIONS = ("sanction", "agreement", "arms_transfer", "aid", "membership", "agreement_step",
              "programme_participation", "basing", "event")  # fmt: skip
AGENT = {"Person", "Country", "Organization", "MilitaryOrganization", "GovernmentOrganization",
         "InternationalOrganization", "Company", "StateOwnedEnterprise", "NewsOrganization",
         "ArmedGroup", "Group"}  # fmt: skip
STATE_LIKE = {
    "Country",
    "MilitaryOrganization",
    "GovernmentOrganization",
    "InternationalOrganization",
}
PLACE = {"Country", "City", "Region", "WaterBody", "Facility"}


@dataclass
class Drafted:
    """A proposed fact: kind, fields, the span it quotes, its confidence and sentence."""

    kind: str
    values: dict
    start: int
    end: int
    confidence: float
    sentence: str
    note: str = ""
    links: dict = field(default_factory=dict)


_NEXT_VERB = re.compile(
    r"\b(?:and|but)\s+(?:\w+\s+)?(?:said|warned|added|threatened|urged|called)\b"
)


class Context:
    def __init__(self, text: str, s: Sentence, mentions: list[Mention], types: dict[str, str]):
        self.text, self.s, self.types = text, s, types
        self.mentions = [m for m in mentions if s.start <= m.start and m.end <= s.end]
        self.every = mentions
        self.part_of: dict[str, str] = {}
        self.last_agreement: Drafted | None = None
        self.last_event: Drafted | None = None  # what "the decision" of a later sentence is
        self.last_of: dict[str, Drafted] = {}  # the last fact of each kind before the sentence
        self.first_of: dict[str, Drafted] = {}  # and the first
        self.posts: list[Drafted] = []  # the posts the article names (who is "its minister")

    def last_decision(self, noun: str) -> Drafted | None:
        """What "the decision", "the sanctions", "the deal" of this sentence refers to: the last
        fact before of a kind the noun names, else the last decision of any kind."""
        wanted = {"sanction": ("sanction",), "measure": ("sanction",), "listing": ("sanction",),
                  "deal": ("agreement", "arms_transfer"), "agreement": ("agreement",),
                  "order": ("arms_transfer",), "expulsion": ("programme_participation",)}  # fmt: skip
        kinds = next((k for w, k in wanted.items() if noun.startswith(w)), _DECISIONS)
        found = [self.last_of[k] for k in kinds if k in self.last_of]
        return max(found, key=lambda d: d.start) if found else None

    def clipped(self, end: int) -> Context:
        """The same sentence seen up to ``end`` only (what a relative clause adds left out)."""
        other = Context.__new__(Context)
        other.__dict__.update(self.__dict__)
        other.mentions = [m for m in self.mentions if m.end <= end]
        return other

    def before(self, at: int, kinds: set[str], skip: set[str] = frozenset()) -> Mention | None:
        found = [
            m
            for m in self.mentions
            if m.end <= at and self.types[m.id] in kinds and m.id not in skip
        ]
        return found[-1] if found else None

    def after(self, at: int, kinds: set[str], skip: set[str] = frozenset(), within: int = 90):
        found = [
            m
            for m in self.mentions
            if m.start >= at
            and m.start - at <= within
            and self.types[m.id] in kinds
            and m.id not in skip
        ]
        return found[0] if found else None

    def all(self, kinds: set[str]) -> list[Mention]:
        seen, out = set(), []
        for m in self.mentions:
            if self.types[m.id] in kinds and m.id not in seen:
                seen.add(m.id)
                out.append(m)
        return out

    def two_sides(self) -> list[str]:
        """ "The two countries", "both sides": the two states named last before the sentence."""
        if not re.search(
            r"(?i)\b(?:the two|both) (?:countries|sides|governments|states|nations|ministries)\b|"
            r"\bbilateral\b",  # "bilateral talks": between the two named last
            self.s.text,
        ):
            return []
        earlier = [m.id for m in self.every if m.end <= self.s.start]
        # a state's forces or ministries name it too: "the Kenya Air Force" is Kenya's
        owners = [i if self.types.get(i) == "Country" else self.part_of.get(i) for i in earlier]
        states = [i for i in reversed(owners) if i and self.types.get(i) == "Country"]
        if len(set(states)) < 2:  # the lead itself names them: "Japan will give Sri Lanka ..."
            here = [m.id if self.types.get(m.id) == "Country" else self.part_of.get(m.id)
                    for m in self.mentions]  # fmt: skip
            states = [i for i in here if i and self.types.get(i) == "Country"]
        return list(dict.fromkeys(states))[:2]

    def modality(self, at: int) -> dict:
        head = self.text[self.s.start : at]
        values: dict = {}
        if PLANNED.search(head[-60:]):
            values["aspect"] = "planned"
        if HEDGES.search(self.s.text):
            values["certainty"] = "hedged"
        denial = [m for m in DENIALS.finditer(head)]
        after = self.text[self.s.start + denial[-1].end() : at + 12] if denial else ""
        if denial and not _NEXT_VERB.search(after):
            values["certainty"] = "denied"  # not when the denial is another verb's: "denied
            # ... and warned that"
        return values

    def according_to(self) -> str | None:
        m = re.search(r"[Aa]ccording[\s\u00a0]+to[\s\u00a0]+", self.s.text)
        if not m:
            return None
        source = self.after(self.s.start + m.end(), AGENT | {"NewsOrganization"}, within=5)
        return source.id if source else None

    def when(self, at: int) -> tuple[dict | str | None, int, int]:
        found = times(self.text, self.s.start, self.s.end)
        if not found:
            return None, at, at
        best = min(found, key=lambda t: abs(t.start - at))
        if abs(best.start - at) > 60:
            return None, at, at
        if best.resolved and best.said.split()[0] in ("in",):
            return best.resolved, best.start, best.end
        value: dict = {"said": best.said}
        if best.vague:
            value["vague"] = True
        return value, best.start, best.end


def ids_of(ms) -> list[str]:
    return list(dict.fromkeys(m.id for m in ms if m is not None))


def _span(*points) -> tuple[int, int]:
    ints = [p for p in points if p is not None]
    return min(ints), max(ints)


def fact_of(kind, values, c: Context, trigger: re.Match, roles, confidence, note=""):
    ends = [(m.start, m.end) for m in roles if m is not None and c.s.start <= m.start < c.s.end]
    start, end = _span(trigger.start(), trigger.end(), *(s for s, _ in ends), *(e for _, e in ends))
    values = {**c.modality(trigger.start()), **values}
    source = c.according_to()
    if source and source not in ids_of(roles):
        values["according_to"] = source
    when, ws, we = c.when(trigger.start())
    if when is not None and "date" not in values:
        values["date"] = when
        if abs(ws - trigger.start()) < 40:
            start, end = min(start, ws), max(end, we)
    return Drafted(kind, values, start, end, confidence, c.s.id, note)
