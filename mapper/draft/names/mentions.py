"""The entities an article names, found by rule: gazetteer names and demonyms (a capital that
is not a place standing for its state), titled people (``people``), and names by their shape
(``shapes``): forces and ministries, companies, facilities, programmes, legal instruments."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from .gazetteer import Gazetteer, Known, slug
from .groups import GroupRules
from .namewords import _COMPANY_ENDS, _FACILITY_ENDS, _LOCATIVE, _alternation
from .people import PeopleRules
from .places import PlaceRules
from .shapes import ShapeRules

__all__ = ["Mention", "Proposal", "find_mentions"]


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
    acts: bool = False  # an unnamed speaker the text has speak: declared even if no fact uses it


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    id: str


class _Finder(PeopleRules, ShapeRules, PlaceRules, GroupRules):
    def __init__(self, text: str, gazetteer: Gazetteer) -> None:
        self.text, self.g = text, gazetteer
        self.taken: list[tuple[int, int]] = []
        self.mentions: list[Mention] = []
        self.proposals: dict[str, Proposal] = {}

    def free(self, start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in self.taken)

    def take(self, start: int, end: int, known: Known, confidence: float) -> Proposal:
        same = self.g.archived.get(known.label.casefold())
        if same is not None and same.type == known.type:
            known = same  # a name a rule made that the archive already has, by another id
        self.taken.append((start, end))
        self.mentions.append(Mention(start, end, known.id))
        proposal = self.proposals.get(known.id)
        if proposal is None:
            proposal = self.proposals[known.id] = Proposal(known, start, end, confidence)
        words = self.text[start:end]
        if words != known.label and words not in proposal.aliases and words not in self.g.demonyms:
            proposal.aliases.append(words)
        return proposal

    def propose(self, known: Known, start: int, end: int, confidence: float) -> None:
        """An entity to declare, quoted by ``text[start:end]``, that no mention stands for."""
        self.proposals.setdefault(known.id, Proposal(known, start, end, confidence))

    def home_state(self) -> Known | None:
        """The article's own state, to which a national body named without one belongs: the
        dateline's ("MANILA —"), else the state it names most often, by its names, demonyms
        and capital ("in Praia"), the first named on a tie."""
        home = self.dateline_state()
        if home is None:
            capitals = _alternation(self.g.capitals)
            named = re.finditer(rf"(?<![\w-])(?:{self.g.states()}|{capitals})(?![\w-])", self.text)
            ids = [
                k.id
                for m in named
                if (k := self.state_of(m.group()) or self.g.capitals.get(m.group())) is not None
            ]
            if ids:
                top = max(ids, key=lambda i: (ids.count(i), -ids.index(i)))
                home = next(k for k in self.g.states_known() if k.id == top)
        return home

    def dateline_state(self) -> Known | None:
        """The state of the dateline's city ("MANILA —"), if the text opens with one."""
        line = re.match(r"\s*(?P<city>[A-Z][A-Z ]{2,})\s+[—–-]", self.text)
        city = line.group("city").title() if line else ""
        return self.g.capitals.get(city) or self.state_of(city)

    def state_of(self, word: str) -> Known | None:
        known = self.g.names.get(word) or self.g.demonyms.get(word)
        return known if known is not None and known.type == "Country" else None

    def names(self, *, several_words: bool = False) -> None:
        """Gazetteer names and demonyms (only names of several words when ``several_words``: they
        go before the patterns, "Gulf of Guinea", "Australian Defence Force"). A capital that is
        not a place in its sentence stands for its state: "Beijing says", "warned Nicosia"."""
        for m in self.g.pattern().finditer(self.text):
            word = m.group()
            if not self.free(m.start(), m.end()) or (several_words and " " not in word):
                continue
            known = self.g.names.get(word)
            if several_words and (known is None or known.type in ("Country", "City")):
                continue  # "Sri Lanka" is left for "Sri Lanka Air Force"
            state = self.g.capitals.get(word)
            if (  # the archive's city may not say its state: the capital's name does
                known is not None
                and state is not None
                and (known.located_in == state.id or known.type == "City" and not known.located_in)
            ):
                head = self.text[max(0, m.start() - 20) : m.start()]
                if not _LOCATIVE.search(head):
                    known = state
            if known is not None:
                self.take(m.start(), m.end(), known, 0.95 if known.from_registry else 0.9)
            elif not several_words:
                self.taken.append((m.start(), m.end()))
                self.mentions.append(Mention(m.start(), m.end(), self.g.demonyms[word].id))
                self.proposals.setdefault(
                    self.g.demonyms[word].id,
                    Proposal(self.g.demonyms[word], m.start(), m.end(), 0.85),
                )

    def cities(self) -> None:
        """A capitalised word after "in", "at", "near" or a dateline: a city, as a guess."""
        stop = {"January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December", "Monday", "Tuesday", "Wednesday",
                "Thursday", "Friday", "Saturday", "Sunday", "The", "This", "That", "Parliament",
                "Congress"}  # fmt: skip
        pattern = re.compile(
            r"(?:\b(?:in|at|near|city of)\s+|^)(?P<city>[A-Z][^\W\d_A-Z]{3,})(?![\w’'-])(?!\s+[A-Z])",
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

    def unplaced(self) -> None:
        """A city (or a body, a region) proposed with a state or parent the text never names
        gets none ("Hong Kong" without China): the draft says what the text says."""
        for p in list(self.proposals.values()):
            if p.known.part_of and p.known.part_of not in self.proposals:
                self.named_within(p)
            if p.known.located_in and p.known.located_in not in self.proposals:
                p.known = replace(p.known, located_in="")
            if p.known.part_of and p.known.part_of not in self.proposals:
                p.known = replace(p.known, part_of="")

    def named_within(self, p: Proposal) -> None:
        """Propose the state a body's own words name ("Kenya's Ministry of Defence")."""
        words = self.text[p.start : p.end]
        for name, known in [*self.g.names.items(), *self.g.demonyms.items()]:
            if known.id == p.known.part_of and known.type == "Country":
                at = re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", words)
                if at:
                    start = p.start + at.start()
                    self.proposals[known.id] = Proposal(known, start, start + len(name), 0.85)
                    return


def find_mentions(text: str, gazetteer: Gazetteer) -> tuple[list[Mention], dict[str, Proposal]]:
    """Every entity mention in ``text`` (in text order) and the entities they propose."""
    finder = _Finder(text, gazetteer)
    finder.names(several_words=True)
    finder.people()
    finder.appositives()
    finder.forces()
    finder.units()
    finder.groups()
    finder.described_groups()
    finder.home_descriptions()
    finder.both_governments()
    finder.delegations()
    finder.places_of()
    finder.embassies()
    finder.governments()
    finder.ministries()
    finder.bases()
    finder.makers()
    finder.instruments()
    finder.waters()
    finder.zones()
    finder.by_ending(_FACILITY_ENDS, "Facility", 0.6)
    finder.by_ending(_COMPANY_ENDS, "Company", 0.6)
    finder.by_ending(("Sea", "Ocean", "Strait", "Gulf", "Bay", "Channel"), "WaterBody", 0.6)
    finder.by_ending(
        ("Shoal", "Reef", "Islands", "Island", "Territory", "Province", "Peninsula"), "Region", 0.55
    )
    finder.programmes()
    finder.organisations()
    finder.weapons()
    finder.headquarters()
    finder.names()
    finder.seats()
    finder.cited()
    finder.spokespeople()
    finder.cities()
    finder.unplaced()
    mentions = sorted(finder.mentions, key=lambda m: m.start)
    return mentions, finder.proposals
