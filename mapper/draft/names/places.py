"""Places and seats: embassies (the mission, or its building where a place is meant), a
body's headquarters ("NATO headquarters", "the ministry's headquarters"), islands and ports
named "X of Y", waters ("Gulf of Oman", "the central Atlantic"), a state's maritime zones
and bases ("RAAF Base
Tindal", "Camp Lemonnier")."""

from __future__ import annotations

import re

from .gazetteer import Known, slug
from .namewords import _CAP, _alternation, _trim

__all__ = ["PlaceRules"]

# words before a name that make it a place one is at, not a body that acts
_AT_A_PLACE = re.compile(
    r"(?:\b(?:outside|at|near|inside|around|in front of|to|from)\s+(?:the\s+)?)$", re.I
)
_TIME_WORDS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
               "January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December"}  # fmt: skip
_BY_NAME = {"ministry", "department", "navy", "army"}  # the body's id says what it is
# "the alliance's headquarters": the kind of body meant, by the noun that stands for it
_SEAT_OF = {"alliance": {"InternationalOrganization"}, "bloc": {"InternationalOrganization"},
            "organisation": {"InternationalOrganization"},
            "organization": {"InternationalOrganization"},
            "ministry": {"GovernmentOrganization"}, "department": {"GovernmentOrganization"},
            "agency": {"GovernmentOrganization"}, "company": {"Company", "StateOwnedEnterprise"},
            "navy": {"MilitaryOrganization"}, "army": {"MilitaryOrganization"}}  # fmt: skip


class PlaceRules:
    """The place rules of the finder (``mentions._Finder``): they read ``self.text`` and
    ``self.g`` and record with ``self.take``."""

    def embassies(self) -> None:
        """ "Russia's embassy in Praia", "the Japanese embassy in Colombo": the state's mission
        there (``russian-embassy-in-praia``); where a place is meant ("protesters gathered
        outside the Chinese embassy in Makati"), its building, a facility. An embassy named
        without its place is the one in the dateline's state: "the Japanese embassy" in a
        story from COLOMBO is ``japanese-embassy-in-sri-lanka``; without a dateline, none."""
        pattern = re.compile(
            rf"(?<![\w-])(?P<state>{self.g.states()})(?:[’']s)?\s+(?P<embassy>[Ee]mbassy)\s+in\s+(?P<where>{_CAP}(?:\s+{_CAP})?)"
        )
        for m in pattern.finditer(self.text):
            state = self.state_of(m.group("state"))
            if state is None or not self.free(m.start(), m.end("embassy")):
                continue
            demonym = next((d for d, k in self.g.demonyms.items() if k.id == state.id), "")
            label = f"{demonym or state.label} embassy in {m.group('where')}"
            if _AT_A_PLACE.search(self.text, max(0, m.start() - 30), m.start()):
                known = Known(slug(label), "Facility", label)  # the building, not the mission
            else:
                known = Known(slug(label), "GovernmentOrganization", label, part_of=state.id)
            self.take(m.start(), m.end("embassy"), known, 0.6)  # the place is its own mention
        bare = re.compile(
            rf"(?<![\w-])(?P<state>{self.g.states()})(?:[’']s)?\s+(?P<embassy>[Ee]mbassy)(?![\w-])"
            r"(?!\s+(?:in|to)\s|\s+(?:spokes\w+|officials?|staff)\b)"  # its person is the entity
        )
        home = None
        for m in bare.finditer(self.text):
            state = self.state_of(m.group("state"))
            if state is None or not self.free(m.start(), m.end()):
                continue
            home = home or self.dateline_state()  # "the Japanese embassy", from Colombo
            if home is None or home.id == state.id:
                continue
            demonym = next((d for d, k in self.g.demonyms.items() if k.id == state.id), "")
            label = f"{demonym or state.label} embassy in {home.label}"
            known = Known(slug(label), "GovernmentOrganization", label, part_of=state.id)
            self.take(m.start(), m.end(), known, 0.5)

    def headquarters(self) -> None:
        """ "NATO headquarters": the body's seat, a facility."""
        names = _alternation([n for n, k in self.g.names.items() if k.type != "City"])
        for m in re.finditer(rf"(?<![\w-])(?P<body>{names})(?:[’']s)?\s+headquarters\b", self.text):
            if self.free(m.start(), m.end()):
                body = self.g.names[m.group("body")]
                known = Known(f"{body.id}-headquarters", "Facility", f"{body.label} headquarters")
                self.take(m.start(), m.end(), known, 0.55)

    def places_of(self) -> None:
        """ "the island of Sal" (a region), "the port of Mindelo" (a facility), and the island a
        port or town is on ("the port of Mindelo on São Vicente")."""
        pattern = re.compile(
            r"\b(?P<what>island|port) of (?P<name>[A-Z][^\W\d_]+(?:\s+[A-Z][^\W\d_]+)?)"
        )
        on_island = re.compile(
            rf"\b(?:port|town|city|village|harbour|harbor) of {_CAP}(?:\s+{_CAP})?\s+on\s+(?P<isle>{_CAP}(?:\s+{_CAP})?)"
        )
        for m in on_island.finditer(self.text):
            isle = m.group("isle")
            if isle in _TIME_WORDS or isle in self.g.names:
                continue  # "the port of Mindelo on Monday"
            if self.free(m.start("isle"), m.end("isle")):
                self.take(m.start("isle"), m.end("isle"), Known(slug(isle), "Region", isle), 0.5)
        for m in pattern.finditer(self.text):
            if m.group("what") == "island":
                start, end, label, etype = m.start("name"), m.end(), m.group("name"), "Region"
            else:
                start, end, label, etype = m.start(), m.end(), m.group(), "Facility"
            if self.free(start, end) and m.group("name") not in self.g.names:
                self.take(start, end, Known(slug(label), etype, label), 0.5)

    def waters(self) -> None:
        """ "Gulf of Oman", "Sea of Okhotsk", "Strait of Gibraltar", "Bay of Biscay"; a part of
        an ocean by its compass word: "the central Atlantic", "the western Pacific"."""
        part = re.compile(
            r"(?<=\bthe )(?:north|south|east|west|central|northern|southern|eastern|western|"
            r"north-eastern|north-western|south-eastern|south-western|mid-)[ -]?"
            r"(?:Atlantic|Pacific|Indian Ocean|Arctic|Mediterranean)\b"
        )
        named = re.compile(rf"\b(?:Gulf|Sea|Strait|Straits|Bay) of (?:the )?{_CAP}(?:\s+{_CAP})?")
        for pattern in (part, named):
            for m in pattern.finditer(self.text):
                if self.free(m.start(), m.end()):
                    words = m.group()
                    self.take(m.start(), m.end(), Known(slug(words), "WaterBody", words), 0.6)

    def bases(self) -> None:
        """Bases named after the word "Base": "RAAF Base Tindal", "Naval Base Kitsap",
        "Camp Lemonnier", "Fort Bragg"."""
        pattern = re.compile(
            rf"\b(?:(?:[A-Z]{{2,6}}|{_CAP})\s+)?(?:Air\s+|Naval\s+)?Base\s+{_CAP}(?!\s+[A-Z])"
            rf"|\b(?:Camp|Fort)\s+[A-Z][a-z]{{3,}}\b"
        )
        for m in pattern.finditer(self.text):
            words = _trim(m.group())
            start = m.end() - len(words)
            if self.free(start, m.end()):
                self.take(start, m.end(), Known(slug(words), "Facility", words), 0.6)

    def seats(self) -> None:
        """ "the alliance's headquarters", "the ministry's headquarters": the seat of the body of
        that kind named last before (``nato-headquarters``); "the navy's coastal squadron" its
        unit (``sri-lanka-navy-coastal-squadron``). Runs after every name is found."""
        pattern = re.compile(
            rf"\b[Tt]he (?P<noun>{_alternation(_SEAT_OF)})[’']s (?:(?P<hq>headquarters)|"
            r"(?P<unit>(?:[a-z]+\s+){1,2}(?:squadron|fleet|flotilla|command|brigade|division)))\b"
        )
        for m in pattern.finditer(self.text):
            start = m.start() + 4  # the words after "the": "alliance's headquarters"
            if not self.free(start, m.end()):
                continue
            noun = m.group("noun")
            types = {i: p.known.type for i, p in self.proposals.items()}
            before = [
                x for x in sorted(self.mentions, key=lambda x: x.start)
                if x.end <= m.start() and types.get(x.id) in _SEAT_OF[noun]
                and (noun not in _BY_NAME or noun in x.id.split("-"))
            ]  # fmt: skip
            if not before:
                continue
            body = self.proposals[before[-1].id].known
            if m.group("hq"):
                known = Known(f"{body.id}-headquarters", "Facility", f"{body.label} headquarters")
            elif body.type == "MilitaryOrganization":
                label = f"{body.label} {m.group('unit')}"
                known = Known(slug(f"{body.id} {m.group('unit')}"), body.type, label)
            else:
                continue
            self.take(start, m.end(), known, 0.5)

    def zones(self) -> None:
        """A state's maritime zone or airspace: "the Philippines' exclusive economic zone"
        (``philippine-exclusive-economic-zone``), "Taiwan's air defence identification zone"."""
        pattern = re.compile(
            rf"(?<![\w-])(?P<state>{self.g.states()})(?:[’']s|’|')?\s+(?P<what>exclusive "
            r"economic zone|territorial waters|territorial sea|contiguous zone|airspace|"
            r"air defen[cs]e identification zone)\b"
        )
        for m in pattern.finditer(self.text):
            state = self.state_of(m.group("state"))
            if state is None or not self.free(m.start(), m.end()):
                continue
            demonym = next((d for d, k in self.g.demonyms.items() if k.id == state.id), "")
            label = f"{demonym or state.label} {m.group('what')}"
            self.take(m.start(), m.end(), Known(slug(label), "Region", label), 0.55)
