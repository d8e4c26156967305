"""The entities an article names, found by rule: gazetteer names and demonyms, titled people
("Defence Minister Rina Sato", "Gen. Raheel Sharif", later "Sharif"), a state's forces and
ministries ("the Indonesian Navy", "Kenya's defence ministry"), companies, facilities,
programmes and legal instruments by the words that end their names."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .gazetteer import Gazetteer, Known, slug

__all__ = ["Mention", "Proposal", "find_mentions"]

TITLES = (
    "President", "Vice President", "Prime Minister", "Deputy Prime Minister",
    "Defence Minister", "Defense Minister", "Deputy Defence Minister", "Deputy Defense Minister",
    "Foreign Minister", "Minister of Defence", "Minister of Defense", "Minister for Defence",
    "Minister of Foreign Affairs", "Minister for Foreign Affairs", "Minister", "State Secretary",
    "Defence Secretary", "Defense Secretary", "Secretary of Defense", "Secretary of State",
    "Foreign Secretary", "Chief of Army Staff", "Chief of Naval Staff", "Chief of Air Staff",
    "Chief of Defence Staff", "Chief of Defense Staff", "Chief of Staff", "Army Chief",
    "Navy Chief", "Commander", "Admiral", "Vice Admiral", "Rear Admiral", "Adm.", "Vice Adm.",
    "Rear Adm.", "General", "Lieutenant General", "Major General", "Brigadier General",
    "Gen.", "Lt. Gen.", "Maj. Gen.", "Brig. Gen.", "Brigadier", "Colonel", "Col.", "Lt. Col.",
    "Captain", "Capt.", "Ambassador", "Envoy", "Senator", "Sen.", "Chancellor", "King",
    "Crown Prince", "Emir", "Director General", "Director-General", "Secretary-General",
    "Secretary General", "High Representative", "Commissioner", "Chief Executive", "CEO",
    "spokesperson", "spokesman", "spokeswoman", "Spokesperson", "analyst",
)  # fmt: skip
HONORIFICS = {"Gen.", "Lt. Gen.", "Maj. Gen.", "Brig. Gen.", "Adm.", "Vice Adm.", "Rear Adm.",
              "Col.", "Lt. Col.", "Capt.", "Sen.", "General", "Admiral", "Colonel", "Captain"}  # fmt: skip
_WORD = r"(?:[A-Z][a-zà-ÿ’'\-]+|[A-Z]\.)"
_NAME = rf"{_WORD}(?:\s+(?:{_WORD}|van|von|de|da|bin|al-[A-Z][a-z]+)){{1,3}}"
_COMPANY_ENDS = (
    "Aerospace", "Industries", "Systems", "Shipbuilding", "Shipyards", "Dynamics", "Corporation",
    "Corp.", "Ltd", "Group", "Holdings", "Technologies", "Motors", "Aviation", "Engineering",
    "Electronics", "Arms", "Marine", "Works", "Armaments", "Defence Industries", "Vehicles",
)  # fmt: skip
_FACILITY_ENDS = ("Air Base", "Naval Base", "Airbase", "Base", "Airport", "Shipyard", "Port",
                  "Barracks", "Range", "Training Area", "Headquarters", "Naval Station")  # fmt: skip
_CAP = r"[A-Z][\w’'\-]+"


@dataclass
class Proposal:
    """An entity the draft proposes, with the first words naming it and its confidence."""

    known: Known
    start: int
    end: int
    confidence: float
    aliases: list[str] = field(default_factory=list)
    honorific: str = ""
    post: tuple[str, str, int, int] | None = None  # (title, organisation id, span) if given


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    id: str


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


class _Finder:
    def __init__(self, text: str, gazetteer: Gazetteer) -> None:
        self.text, self.g = text, gazetteer
        self.taken: list[tuple[int, int]] = []
        self.mentions: list[Mention] = []
        self.proposals: dict[str, Proposal] = {}

    def free(self, start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in self.taken)

    def take(self, start: int, end: int, known: Known, confidence: float) -> Proposal:
        self.taken.append((start, end))
        self.mentions.append(Mention(start, end, known.id))
        proposal = self.proposals.get(known.id)
        if proposal is None:
            proposal = self.proposals[known.id] = Proposal(known, start, end, confidence)
        words = self.text[start:end]
        if words != known.label and words not in proposal.aliases and words not in self.g.demonyms:
            proposal.aliases.append(words)
        return proposal

    def state_of(self, word: str) -> Known | None:
        known = self.g.names.get(word) or self.g.demonyms.get(word)
        return known if known is not None and known.type == "Country" else None

    def people(self) -> None:
        countries = (n for n, k in self.g.names.items() if k.type == "Country")
        states = _alternation([*self.g.demonyms, *countries])
        pattern = re.compile(
            rf"(?:(?P<state>{states})(?:[’']s)?\s+)?(?P<title>{_alternation(TITLES)})"
            rf"(?:\s+(?P<hon>{_alternation(HONORIFICS)}))?\s+(?P<name>{_NAME})"
        )
        people: list[tuple[int, Known, str]] = []  # (where named in full, person, honorific)
        for m in pattern.finditer(self.text):
            start, end = m.start("name"), m.end("name")
            name = m.group("name")
            if not self.free(start, end) or self.state_of(name.split()[0]):
                continue
            person = Known(slug(name), "Person", name)
            proposal = self.take(start, end, person, 0.8)
            title = m.group("title")
            honorific = m.group("hon") or (title if title in HONORIFICS else "")
            proposal.honorific = proposal.honorific or honorific
            state = self.state_of(m.group("state")) if m.group("state") else None
            if state is not None and title not in HONORIFICS and proposal.post is None:
                proposal.post = (title[0].upper() + title[1:], state.id, m.start(), m.end())
            people.append((start, person, honorific))
        # later mentions by surname: the person of that surname named most recently before
        # (the one with the same honorific, if the mention has one: "Gen. Sharif")
        surnames = {p.label.split()[-1] for _, p, _ in people}
        for surname in sorted(surnames):
            for later in re.finditer(rf"(?<![\w-]){re.escape(surname)}(?![\w-])", self.text):
                if not self.free(later.start(), later.end()):
                    continue
                head = self.text[max(0, later.start() - 12) : later.start()]
                if re.search(r"[A-Z][a-z]+\s+$", head) and not re.search(
                    r"(?:Gen|Adm|Col|Capt)\.\s+$", head
                ):
                    continue  # another person's given name: "Raheel Sharif"
                hon = next((h for h in HONORIFICS if head.rstrip().endswith(h)), "")
                before = [
                    (at, p, h)
                    for at, p, h in people
                    if at < later.start() and p.label.split()[-1] == surname
                ]
                if hon:
                    before = [x for x in before if x[2] == hon] or before
                if before:
                    self.take(later.start(), later.end(), before[-1][1], 0.7)

    def forces(self) -> None:
        states = [*self.g.demonyms, *(n for n, k in self.g.names.items() if k.type == "Country")]
        for force in self.g.forces:
            pattern = re.compile(
                rf"(?P<state>{_alternation(states)})(?P<own>[’']s)?\s+"
                rf"(?P<force>{_alternation(force['words'])})(?![\w-])"
            )
            for m in pattern.finditer(self.text):
                state = self.state_of(m.group("state"))
                if state is None or not self.free(m.start(), m.end()):
                    continue
                if force["suffix"] == "government" and not m.group("own"):
                    continue
                label = f"{m.group('state')} {force['label']}"
                if m.group("state") in self.g.names:
                    label = f"{state.label} {force['label']}"
                known = Known(slug(label), force["type"], label, part_of=state.id)
                self.take(m.start(), m.end(), known, 0.7)

    def by_ending(self, ends, etype: str, confidence: float) -> None:
        pattern = re.compile(rf"(?:{_CAP}\s+){{1,3}}(?:{_alternation(ends)})(?![\w-])")
        for m in pattern.finditer(self.text):
            words = m.group()
            first = words.split()[0]
            if first in ("The", "A", "An", "In", "On", "At", "By", "Under", "With"):
                continue
            if self.free(m.start(), m.end()):
                self.take(m.start(), m.end(), Known(slug(words), etype, words), confidence)

    def programmes(self) -> None:
        pattern = re.compile(rf"Project\s+{_CAP}|{_CAP}(?:\s+{_CAP})?\s+(?:programme|program)\b")
        for m in pattern.finditer(self.text):
            if self.free(m.start(), m.end()):
                self.take(m.start(), m.end(), Known(slug(m.group()), "Programme", m.group()), 0.6)

    def names(self) -> None:
        for m in self.g.pattern().finditer(self.text):
            word = m.group()
            if not self.free(m.start(), m.end()):
                continue
            known = self.g.names.get(word)
            if known is not None:
                self.take(m.start(), m.end(), known, 0.95 if known.from_registry else 0.9)
            else:
                self.taken.append((m.start(), m.end()))
                self.mentions.append(Mention(m.start(), m.end(), self.g.demonyms[word].id))
                self.proposals.setdefault(
                    self.g.demonyms[word].id,
                    Proposal(self.g.demonyms[word], m.start(), m.end(), 0.85),
                )


def find_mentions(text: str, gazetteer: Gazetteer) -> tuple[list[Mention], dict[str, Proposal]]:
    """Every entity mention in ``text`` (in text order) and the entities they propose."""
    finder = _Finder(text, gazetteer)
    finder.people()
    finder.forces()
    finder.by_ending(_FACILITY_ENDS, "Facility", 0.6)
    finder.by_ending(_COMPANY_ENDS, "Company", 0.6)
    finder.programmes()
    finder.names()
    mentions = sorted(finder.mentions, key=lambda m: m.start)
    return mentions, finder.proposals
