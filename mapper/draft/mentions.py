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
    "Captain", "Capt.", "Air Commodore", "Commodore", "Air Marshal", "Air Vice Marshal",
    "Air Chief Marshal", "Group Captain", "Wing Commander", "Lieutenant Colonel", "Major",
    "Lieutenant", "Sergeant", "Ambassador", "Envoy", "Senator", "Sen.", "Chancellor", "King",
    "Crown Prince", "Emir", "Director General", "Director-General", "Secretary-General",
    "Secretary General", "High Representative", "Commissioner", "Chief Executive", "CEO",
    "spokesperson", "spokesman", "spokeswoman", "Spokesperson", "analyst",
)  # fmt: skip
HONORIFICS = {"Gen.", "Lt. Gen.", "Maj. Gen.", "Brig. Gen.", "Adm.", "Vice Adm.", "Rear Adm.",
              "Col.", "Lt. Col.", "Capt.", "Sen.", "General", "Admiral", "Colonel", "Captain"}  # fmt: skip
_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĘĚŁŃŇŐŘŚŠŤŰŹŻŽ"
_WORD = rf"(?:[{_UPPER}][^\W\d_]+(?:[’'\-][^\W\d_]+)?|[A-Z]\.)"
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


_NOT_NAME_START = {"The", "A", "An", "In", "On", "At", "By", "Under", "With", "But", "And", "From",
                   "For", "To", "Of", "As", "After", "Before", "While", "When", "If"}  # fmt: skip


def _trim(words: str) -> str:
    """A name without the words before it that are not part of it: "Korea's Defense ...",
    "In Washington", "The ..."."""
    parts = words.split(" ")
    while len(parts) > 1 and (parts[0] in _NOT_NAME_START or parts[0].endswith(("’s", "'s"))):
        parts = parts[1:]
    return " ".join(parts)


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

    def appositives(self) -> None:
        """People named beside a lowercase title: "the Japanese ambassador, Kenji Morimoto",
        "Arif Santoso, the ministry's spokesman", "said Teresa Villanueva"."""
        countries = [n for n, k in self.g.names.items() if k.type == "Country"]
        states = _alternation([*self.g.demonyms, *countries])
        titles = _alternation(TITLES)
        before = re.compile(
            rf"(?:[Tt]he |[Aa] |[Aa]n )?(?:(?P<state>{states})(?:[’']s)?\s+)?(?P<title>(?i:{titles}))"
            rf"(?:\s+(?:of|to|for) [A-Z][\w ]{{2,40}}?)?,\s+(?P<name>{_NAME})(?=[,.;]|\s+(?:said|told|says))"
        )
        after = re.compile(
            rf"(?P<name>{_NAME}),\s+(?:[Tt]he |[Aa] |[Aa]n )?(?:(?P<state>{states})(?:[’']s)?\s+)?"
            rf"(?:[\w’'-]+\s+){{0,2}}?(?P<title>(?i:{titles}))\b"
        )
        said = re.compile(
            rf"\b(?:said|says|told|according to|[Rr]eporting by|by)\s+(?P<name>{_NAME})(?=[,.;]|\s*$)",
            re.M,
        )
        for pattern in (before, after, said):
            for m in pattern.finditer(self.text):
                name = m.group("name")
                start, end = m.start("name"), m.end("name")
                first = name.split()[0]
                if not self.free(start, end) or first in _NOT_NAME_START or self.state_of(first):
                    continue
                if any(name.endswith(w) for w in ("Ministry", "Navy", "Army", "Force", "Agency")):
                    continue
                person = Known(slug(name), "Person", name)
                proposal = self.take(start, end, person, 0.65)
                title = m.groupdict().get("title")
                state = self.state_of(m.group("state")) if m.groupdict().get("state") else None
                if title and state is not None and proposal.post is None:
                    span = (min(m.start(), start), max(m.end(), end))
                    proposal.post = (title[0].upper() + title[1:], state.id, *span)
                self.surname_mentions(person, end)

    def surname_mentions(self, person: Known, after: int) -> None:
        surname = person.label.split()[-1]
        for later in re.finditer(rf"(?<![\w-]){re.escape(surname)}(?![\w-])", self.text):
            if later.start() > after and self.free(later.start(), later.end()):
                head = self.text[max(0, later.start() - 12) : later.start()]
                if not re.search(r"[A-Z][a-z]+\s+$", head):
                    self.take(later.start(), later.end(), person, 0.6)

    def organisations(self) -> None:
        """Bodies named by their last word ("Export-Import Bank of Korea", "Vistula Security
        Forum", "Department of National Defense", "PLA Southern Theater Command")."""
        ends = {
            "Bank": "Organization", "Administration": "GovernmentOrganization",
            "Agency": "GovernmentOrganization", "Centre": "Organization", "Center": "Organization",
            "Institute": "Organization", "Forum": "Organization", "Council": "GovernmentOrganization",
            "Command": "MilitaryOrganization", "Office": "GovernmentOrganization",
            "Board": "Organization", "Committee": "GovernmentOrganization",
            "Commission": "GovernmentOrganization", "University": "Organization",
            "Foundation": "Organization", "Parliament": "GovernmentOrganization",
            "Guard": "MilitaryOrganization", "Corps": "MilitaryOrganization",
        }  # fmt: skip
        countries = [n for n, k in self.g.names.items() if k.type == "Country"]
        states = _alternation([*self.g.demonyms, *countries])
        pattern = re.compile(
            rf"(?:{_CAP}\s+){{0,4}}(?:{_alternation(ends)})(?:\s+(?:of|for)\s+(?:the\s+)?{_CAP}(?:\s+{_CAP}){{0,3}})?"
            rf"|(?:(?:{states})\s+)?(?:Department|Ministry) of (?:the )?{_CAP}(?:\s+{_CAP}){{0,3}}"
        )
        for m in pattern.finditer(self.text):
            words = _trim(m.group())
            if not words or words in ends or not self.free(m.end() - len(words), m.end()):
                continue
            last = next((w for w in ends if re.search(rf"\b{w}\b", words)), "")
            etype = ends.get(last, "GovernmentOrganization")
            if words.split()[0] in ("Department", "Ministry") or "Ministry" in words:
                etype = "GovernmentOrganization"
            start = m.end() - len(words)
            self.take(start, m.end(), Known(slug(words), etype, words), 0.55)

    def weapons(self) -> None:
        """Weapon designations: S-400, F-35, KF-21, MI-35 Hind."""
        pattern = re.compile(
            r"\b[A-Z]{1,4}-\d{1,4}[A-Z]?(?:\s+[A-Z][a-z]+)?\b(?!\s+(?:programme|program))"
        )
        for m in pattern.finditer(self.text):
            if self.free(m.start(), m.end()):
                words = m.group()
                self.take(m.start(), m.end(), Known(slug(words), "WeaponSystem", words), 0.6)

    def cities(self) -> None:
        """A capitalised word after "in", "at", "near" or a dateline: a city, as a guess."""
        stop = {"January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December", "Monday", "Tuesday", "Wednesday",
                "Thursday", "Friday", "Saturday", "Sunday", "The", "This", "That", "Parliament",
                "Congress"}  # fmt: skip
        pattern = re.compile(
            r"(?:\b(?:in|at|near|port of|city of)\s+|^)(?P<city>[A-Z][a-z]{3,})(?![\w’'-])(?!\s+[A-Z])",
            re.M,
        )
        dateline = re.compile(r"^(?P<city>[A-Z]{4,})\s+[—–-]", re.M)
        for m in [*pattern.finditer(self.text), *dateline.finditer(self.text)]:
            word = m.group("city")
            label = word.title() if word.isupper() else word
            known = self.g.names.get(label)
            if known is not None and word.isupper() and self.free(m.start("city"), m.end("city")):
                self.take(m.start("city"), m.end("city"), known, 0.9)  # a dateline: NAIROBI —
                continue
            if label in stop or label in self.g.names or label in self.g.demonyms:
                continue
            at_line_start = m.start("city") == 0 or self.text[m.start("city") - 1] == "\n"
            if at_line_start and not word.isupper():
                continue  # a sentence's first word
            if self.free(m.start("city"), m.end("city")):
                self.take(m.start("city"), m.end("city"), Known(slug(label), "City", label), 0.4)

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
                words = " ".join(w[:1].upper() + w[1:] for w in m.group("force").split())
                if m.group("own"):  # "Kenya's defence ministry": the Kenyan Defence Ministry
                    demonym = next((d for d, k in self.g.demonyms.items() if k.id == state.id), "")
                    label = f"{demonym or state.label} {words}"
                else:  # as written: "Indonesian Navy", "Kenya Air Force"
                    label = f"{m.group('state')} {words}"
                known = Known(slug(label), force["type"], label, part_of=state.id)
                self.take(m.start(), m.end(), known, 0.7)

    def by_ending(self, ends, etype: str, confidence: float) -> None:
        pattern = re.compile(
            rf"(?:{_CAP}\s+(?:&\s+|and\s+)?){{1,3}}(?:{_alternation(ends)})(?![\w-])"
        )
        for m in pattern.finditer(self.text):
            words = _trim(m.group())
            if words.split()[0] in ends:
                continue
            start = m.end() - len(words)
            kind = etype
            if etype == "Company" and re.search(
                r"state[- ]owned|state[- ]run", self.text[max(0, start - 40) : start]
            ):
                kind = "StateOwnedEnterprise"
            if self.free(start, m.end()):
                ident = slug(words.replace("&", "and"))
                self.take(start, m.end(), Known(ident, kind, words), confidence)

    def programmes(self) -> None:
        pattern = re.compile(
            rf"Project\s+{_CAP}|(?:[A-Z][\w-]*\s+)?{_CAP}\s+(?:programme|program)\b"
        )
        for m in pattern.finditer(self.text):
            words = m.group()
            head = words.split()[0]
            if len(words.split()) > 2 and (
                head.endswith(("-led", "-run")) or head in self.g.demonyms
            ):
                words = words.split(" ", 1)[1]
            start = m.end() - len(words)
            if self.free(start, m.end()):
                self.take(start, m.end(), Known(slug(words), "Programme", words), 0.6)

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
    finder.appositives()
    finder.forces()
    finder.by_ending(_FACILITY_ENDS, "Facility", 0.6)
    finder.by_ending(_COMPANY_ENDS, "Company", 0.6)
    finder.by_ending(("Sea", "Ocean", "Strait", "Gulf", "Bay", "Channel"), "WaterBody", 0.6)
    finder.by_ending(
        ("Shoal", "Reef", "Islands", "Island", "Territory", "Province", "Peninsula"), "Region", 0.55
    )
    finder.programmes()
    finder.organisations()
    finder.weapons()
    finder.names()
    finder.cities()
    mentions = sorted(finder.mentions, key=lambda m: m.start)
    return mentions, finder.proposals
