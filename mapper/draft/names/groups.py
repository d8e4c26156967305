"""Groups a story names by a phrase rather than a name: "EU foreign ministers", "political
rivals in Pakistan", "officers from the region", "unnamed foreign navies", "Turkish
Cypriots", "Chinese research ships"; each is a ``Group`` whose id is built from its words, as
an analyst would write it. And what a story says of its own state without naming it ("the
main opposition party", "opposition members", "the country's western tribal regions", "the
east coast"): the state's, its people by their demonym (``mongolian-opposition-members``),
its bodies and places by its id (``cabo-verde-main-opposition-party``).

People the story describes without naming them (officials somewhere, critics, unnamed navies,
a state's ships, a delegation) are the article's own: ``scope: article`` (``Known.local``).
A people ("Turkish Cypriots"), "EU foreign ministers", the two governments, a state's bodies
and places are the archive's."""

from __future__ import annotations

import re

from .gazetteer import Known, slug
from .namewords import _alternation

__all__ = ["GroupRules"]

# people a story counts as a group by where they are: "political rivals in Pakistan"
_PEOPLE = (r"officials|diplomats|critics|rivals|militants|lawmakers|analysts|observers|"
           r"residents|protesters|activists|officers|investors|voters")  # fmt: skip
_VESSELS = r"ships|vessels|warships|boats|trawlers|submarines|aircraft carriers"
_UNNAMED = (r"navies|officials|sources|states|countries|governments|firms|companies|diplomats|"
            r"buyers|suppliers|partners|donors|militias|groups")  # fmt: skip


# the words that may describe such people ("political rivals", "naval officers"); any other
# word before them is the sentence's: "told officials in Santiago", "against militants"
_MODIFIERS = (r"political|opposition|senior|junior|local|foreign|western|military|naval|"
              r"government|security|defen[cs]e|regional|rival|armed|former|top|other|army|"
              r"navy|police|intelligence|industry|business|ruling|religious|tribal")  # fmt: skip


class GroupRules:
    """The group rules of the finder (``mentions._Finder``): they read ``self.text`` and
    ``self.g`` and record with ``self.take``."""

    def groups(self) -> None:
        """ "EU foreign ministers"; people by where they are, a place the gazetteer knows or
        "the region" ("officials in Helsinki", "political rivals in Pakistan", "officers from
        the region"): the place keeps its own mention."""
        bodies = _alternation(
            [n for n, k in self.g.names.items() if k.type == "InternationalOrganization"]
            + list(self.g.demonyms)
        )
        places = _alternation([n for n, k in self.g.names.items() if k.type in ("City", "Country")])
        pattern = re.compile(
            rf"(?<![\w-])(?:{bodies})\s+(?:foreign|defence|defense)\s+ministers\b"
            rf"|(?<![\w-])(?P<who>(?:(?:{_MODIFIERS})\s+)?(?:{_PEOPLE}))\s+(?:in|from)\s+"
            rf"(?:(?:{places})(?![\w-])|the region\b|(?P<home>the country)\b)"
        )
        for m in pattern.finditer(self.text):
            who, start = m.group("who"), m.start()
            end = m.end("who") if who else m.end()
            words = self.text[start : m.end()]
            if m.group("home"):  # "militants in the country": the story's own state
                home = self.home_state()
                if home is None:
                    continue
                words = f"{self.text[start : m.start('home')]}{home.label}"
            if self.free(start, end):
                # people by where they are are the article's own; "EU foreign ministers" not
                known = Known(slug(words), "Group", words, local=bool(who))
                self.take(start, end, known, 0.45)

    def described_groups(self) -> None:
        """ "unnamed foreign navies" (the text says it names no one); a people of a state
        ("Turkish Cypriots", "Greek Cypriots"); a state's ships ("Chinese research ships");
        the critics "criticism in the United States" speaks of."""
        demonyms = _alternation(self.g.demonyms)
        places = _alternation([n for n, k in self.g.names.items() if k.type in ("City", "Country")])
        critics = re.compile(rf"\bcriticism (?:in|from) (?P<place>(?:the )?(?:{places}))(?![\w-])")
        for m in critics.finditer(self.text):  # "drew criticism in the United States"
            if self.free(m.start(), m.end()):
                words = f"critics in {m.group('place')}"
                self.take(m.start(), m.end(), Known(slug(words), "Group", words, local=True), 0.4)
        pattern = re.compile(
            rf"\bunnamed\s+(?:[a-z]+\s+){{0,2}}?(?:{_UNNAMED})\b"
            rf"|(?<![\w-])(?:{demonyms})\s+(?P<people>{demonyms})s\b"
            rf"|(?<![\w-])(?:{demonyms})\s+(?:[a-z-]+\s+){{0,2}}?(?:{_VESSELS})\b"
        )
        for m in pattern.finditer(self.text):
            if self.free(m.start(), m.end()):
                words = m.group()
                local = not m.group("people")  # a people ("Turkish Cypriots") is the archive's
                self.take(m.start(), m.end(), Known(slug(words), "Group", words, local=local), 0.45)

    def home_descriptions(self) -> None:
        """What a story says of its own state (``home_state``) without naming it: "the main
        opposition party" (``cabo-verde-main-opposition-party``), "opposition members"
        (``mongolian-opposition-members``), "parliament's defence committee", "the country's
        western tribal regions", "the east coast"."""
        pattern = re.compile(
            r"\b(?:[Tt]he\s+)(?P<body>(?:main\s+)?opposition\s+party)\b"
            r"|(?<![\w’'-])(?P<people>opposition\s+(?:members|lawmakers|politicians|leaders))\b"
            r"(?!\s+(?:in|from|of)\s+[A-Z])"  # "opposition members in Manila": that place's
            r"|\b[Pp]arliament[’']s\s+(?P<committee>(?:[a-z]+\s+){1,3}committee)\b"
            r"|\bthe\s+country[’']s\s+(?P<region>(?:[a-z-]+\s+){0,2}(?:regions|provinces|areas|"
            r"border\s+areas|coast|islands))\b"
            r"|\bthe\s+(?P<coast>(?:north|south|east|west|northern|southern|eastern|western|"
            r"north-east|north-west|south-east|south-west)\s+coast)\b(?!\s+of\b)"
        )
        home = None
        for m in pattern.finditer(self.text):
            key = next(k for k, v in m.groupdict().items() if v)
            start, end = m.span(key)
            if not self.free(start, end):
                continue
            home = home or self.home_state()
            if home is None:
                return
            words = " ".join(m.group(key).split())
            if key == "people":
                demonym = next((d for d, k in self.g.demonyms.items() if k.id == home.id), "")
                label = f"{demonym or home.label} {words}"
                known = Known(slug(label), "Group", label, local=True)
            else:
                etype = {"body": "Organization", "committee": "GovernmentOrganization"}
                words = f"parliament {words}" if key == "committee" else words
                label = f"{home.label} {words}"
                known = Known(slug(label), etype.get(key, "Region"), label)
            self.take(start, end, known, 0.4)

    def both_governments(self) -> None:
        """ "the two governments said": the group of the first two states the story names
        (``governments-of-japan-and-sri-lanka``), when it speaks. An entity to declare, not a
        mention: the facts rules read "the two governments said" as both states speaking."""
        pattern = re.compile(
            r"\b[Tt]he two governments(?=\s+(?:have\s+|also\s+)?(?:said|say|says|announced|agreed|confirmed)\b)"
        )
        states = re.compile(rf"(?<![\w-])(?:{self.g.states()})(?![\w-])")
        for m in pattern.finditer(self.text):
            start = m.start() + 4
            named = [
                k
                for x in states.finditer(self.text, 0, m.start())
                if (k := self.state_of(x.group()))
            ]
            pair = list({k.id: k for k in named}.values())[:2]
            if len(pair) == 2:  # proposed, not a mention: the facts read both states as speaking
                label = f"governments of {pair[0].label} and {pair[1].label}"
                known = Known(slug(label), "Group", label)  # two governments: the archive's
                self.propose(known, start, m.end(), 0.4)

    def delegations(self) -> None:
        """A state's delegation, as written: "Vietnam's delegation" (``vietnam-delegation``),
        "the French delegation" (``french-delegation``), "Cameroon, whose delegation ..."
        (``cameroon-delegation``, declared but no mention: the state is what "withdrew"); its
        state is proposed with it (``unplaced``)."""
        pattern = re.compile(
            rf"(?<![\w-])(?P<state>{self.g.states()})(?P<link>[’']s\s+|\s+|,\s+whose\s+)"
            r"(?P<what>delegation)\b"
        )
        for m in pattern.finditer(self.text):
            state = self.state_of(m.group("state"))
            start = m.start("what") if "whose" in m.group("link") else m.start()
            if state is None or not self.free(start, m.end()):
                continue
            ident = slug(f"{m.group('state')} delegation")
            label = self.text[m.start() : m.end()].replace(", whose", "’s")
            known = Known(ident, "Group", label, part_of=state.id, local=True)
            if "whose" in m.group("link"):  # the clause's subject stays the state: "Cameroon,
                self.propose(known, start, m.end(), 0.4)  # whose delegation ..., withdrew"
            else:
                self.take(start, m.end(), known, 0.45)
