"""Entities known by the shape of their names: a state's forces and ministries ("Sri Lanka's
navy"), bodies, companies, facilities, waters and regions by their last words, legal
instruments, programmes, weapon designations, companies a noun introduces, and news
organisations cited by one name. Places and seats are ``places``'s."""

from __future__ import annotations

import re

from .gazetteer import Known, slug
from .namewords import (
    _BODY_TYPES,
    _CAP,
    _DESIGNATION,
    _LEGAL_FORM,
    _NOT_NAME_START,
    _alternation,
    _modifies,
    _trim,
)

__all__ = ["ShapeRules"]


# what a designation without a hyphen must be followed by to be a weapon ("K9 howitzers", not
# "G7 leaders")
_ARMS = (r"(?:tanks?|howitzers?|fighters?|jets?|missiles?|helicopters?|rifles?|drones?|"
         r"frigates?|corvettes?|submarines?|launchers?|guns?|aircraft)")  # fmt: skip


class ShapeRules:
    """The name-shape rules of the finder (``mentions._Finder``): they read ``self.text`` and
    ``self.g`` and record with ``self.take``."""

    def forces(self) -> None:
        """A state's force or ministry: "the Indonesian Navy" (as written), "Sri Lanka's navy"
        (id from the state: ``sri-lanka-navy``), "the Cypriot government"
        (``government-of-cyprus``). "Military" used as an adjective ("Indian military
        hardware") is not the body."""
        states = self.g.states()
        for force in self.g.forces:
            pattern = re.compile(
                rf"(?<![\w-])(?P<state>{states})(?P<own>[’']s)?\s+"
                rf"(?P<force>{_alternation(force['words'])})(?![\w-])"
            )
            for m in pattern.finditer(self.text):
                state = self.state_of(m.group("state"))
                if state is None or not self.free(m.start(), m.end()):
                    continue
                if m.group("force") == "military" and _modifies(self.text, m.end()):
                    continue
                words = " ".join(  # "Ministry of Defence", not "Ministry Of Defence"
                    w if w in ("of", "the", "and", "for") else w[:1].upper() + w[1:]
                    for w in m.group("force").split()
                )
                demonym = next((d for d, k in self.g.demonyms.items() if k.id == state.id), "")
                if force["suffix"] == "government":
                    label = f"{demonym or state.label} government"
                    ident = f"government-of-{state.id}"
                elif m.group("own"):  # "Kenya's defence ministry": the Kenyan Defence Ministry
                    label = f"{demonym or state.label} {words}"
                    ident = slug(f"{state.label} {words}")
                else:  # as written: "Indonesian Navy", "Kenya Air Force"
                    label = f"{m.group('state')} {words}"
                    ident = slug(label)
                known = Known(ident, force["type"], label, part_of=state.id)
                self.take(m.start(), m.end(), known, 0.7)

    def governments(self) -> None:
        """ "the government" is the article's own state's (``home_state``), "its government"
        the last state named before it: ``government-of-mongolia``, as "the Mongolian
        government" would be; "a government in charge in New Delhi" the capital's state's. Not
        "the government of X", named in full."""
        pattern = re.compile(
            r"(?<![\w-])(?P<det>[Tt]he|[Ii]ts|[Aa]) government(?![\w-])(?!\s+of\b)"
            rf"(?:[^.;]{{0,80}}?\bin (?:charge|power|office) in (?P<seat>{_alternation(self.g.capitals)}))?"
        )
        states = re.compile(rf"(?<![\w-])(?:{self.g.states()})(?![\w-])")
        for m in pattern.finditer(self.text):
            start = m.start() + len(m.group("det")) + 1
            end = start + len("government")
            if not self.free(start, end) or m.group("det").lower() == "a" and not m.group("seat"):
                continue
            if m.group("seat"):  # "a government ... in charge in New Delhi": India's
                state = self.g.capitals[m.group("seat")]
            elif m.group("det").lower() == "its":
                named = [x.group() for x in states.finditer(self.text, 0, m.start())]
                state = self.state_of(named[-1]) if named else None
            else:  # the government named before ("the Cabo Verdean government"), else home's
                before = [
                    x.id
                    for x in self.mentions
                    if x.end <= start and x.id.startswith("government-of-")
                ]
                known = self.proposals[before[-1]].known if before else None
                if known is not None:
                    self.take(start, end, known, 0.5)
                    continue
                state = self.home_state()
            if state is None:
                continue
            demonym = next((d for d, k in self.g.demonyms.items() if k.id == state.id), "")
            label = f"{demonym or state.label} government"
            known = Known(f"government-of-{state.id}", "GovernmentOrganization", label,
                          part_of=state.id)  # fmt: skip
            self.take(start, end, known, 0.5)

    def ministries(self) -> None:
        """ "the defence ministry" named without a state: the one named before ("Kenya's
        defence ministry"), else the home state's (``mongolian-ministry-of-defence``)."""
        pattern = re.compile(r"(?<![\w-])[Tt]he (?P<what>defen[cs]e|foreign) ministry(?![\w-])")
        for m in pattern.finditer(self.text):
            start = m.start() + 4
            if not self.free(start, m.end()):
                continue
            what = m.group("what").lower()
            key = "foreign" if what == "foreign" else "defen"
            before = [
                x.id for x in self.mentions if x.end <= start and "ministry" in x.id and key in x.id
            ]
            if before:
                self.take(start, m.end(), self.proposals[before[-1]].known, 0.5)
                continue
            state = self.home_state()
            if state is None:
                continue
            demonym = next((d for d, k in self.g.demonyms.items() if k.id == state.id), "")
            words = (
                "Ministry of Foreign Affairs" if key == "foreign" else f"Ministry of {what.title()}"
            )
            label = f"{demonym or state.label} {words}"
            known = Known(slug(label), "GovernmentOrganization", label, part_of=state.id)
            self.take(start, m.end(), known, 0.5)

    def spokespeople(self) -> None:
        """An unnamed spokesperson of a named body: "a State Department spokesperson", "the
        Chinese foreign ministry spokesperson" (one person, by the body's name). Runs after
        the bodies are found: its span holds the body's."""
        pattern = re.compile(
            rf"\b(?:[Aa]n?|[Tt]he)\s+(?P<body>(?:{_CAP}\s+)?(?:{_CAP}|[a-z]+)\s+(?:{_CAP}|ministry|department|embassy))\s+"
            r"(?P<title>spokesperson|spokesman|spokeswoman)\b(?!,?\s+[A-Z])"
        )
        for m in pattern.finditer(self.text):
            start, end = m.start("body"), m.end("title")
            if not self.free(m.start("title"), end) or not m.group("body")[:1].isupper():
                continue  # the body keeps its own mention inside the person's
            label = f"{m.group('body')} {m.group('title')}"
            known = Known(slug(label), "Person", label, local=True)  # unnamed: the article's
            self.take(start, end, known, 0.5)

    def organisations(self) -> None:
        """Bodies named by their last word ("Export-Import Bank of Korea", "Vistula Security
        Forum", "Department of National Defense", "PLA Southern Theater Command")."""
        ends = _BODY_TYPES
        states = self.g.states()
        pattern = re.compile(
            rf"(?:{_CAP}\s+){{0,4}}(?:{_alternation(ends)})(?![\w-])(?:\s+(?:of|for)\s+(?:the\s+)?{_CAP}(?:\s+{_CAP}){{0,3}})?"
            rf"|(?:(?P<state>{states})(?P<own>[’']s)?\s+)?(?:Department|Ministry) of (?:the )?{_CAP}(?:\s+{_CAP}){{0,3}}"
        )
        for m in pattern.finditer(self.text):
            words = _trim(m.group())
            at = m.group().find(words)  # the words kept may end before the match does
            start, end = m.start() + at, m.start() + at + len(words)
            if not words or at < 0 or words in ends or not self.free(start, end):
                continue
            last = next((w for w in ends if re.search(rf"\b{w}\b", words)), "")
            etype = ends.get(last, "GovernmentOrganization")
            if words.split()[0] in ("Department", "Ministry") or "Ministry" in words:
                etype = "GovernmentOrganization"
            owner = self.state_of(m.group("state")) if m.group("own") else None
            if owner is not None:  # "Romania's Ministry of Economy": the Romanian Ministry ...
                demonym = next((d for d, k in self.g.demonyms.items() if k.id == owner.id), "")
                words = f"{demonym or owner.label} {words}"
                known = Known(slug(words), etype, words, part_of=owner.id)
            else:
                known = (
                    self.national(words, start, etype)
                    or self.owned(words, start, etype)
                    or Known(slug(words), etype, words)
                )
            self.take(start, end, known, 0.55)

    def owned(self, words: str, start: int, etype: str) -> Known | None:
        """A body of a body the gazetteer knows, named after its owner's possessive: "the
        People's Liberation Army's Southern Theater Command" is ``pla-southern-theater-command``
        (the owner's acronym, else its id, before the body's words)."""
        head = re.search(
            r"(?P<owner>[A-Z][\w’' -]{1,60}?)[’']s\s+$", self.text[max(0, start - 64) : start]
        )
        owner = None
        if head is not None:
            words_before = head.group("owner").split()
            for i in range(len(words_before)):  # the longest name the owner's words end with
                owner = self.g.names.get(" ".join(words_before[i:]))
                if owner is not None:
                    break
        if owner is None or owner.type in ("Country", "City"):
            return None
        short = [n for n, k in self.g.names.items() if k.id == owner.id and n.isupper()]
        prefix = min(short, key=len).lower() if short else owner.id
        return Known(f"{prefix}-{slug(words)}", etype, words, part_of=owner.id)

    def national(self, words: str, start: int, etype: str) -> Known | None:
        """A national body named without its state ("the Department of Foreign Affairs",
        "the ministry's Defence Facilities Agency") is the state of the capital it sits in
        ("the National Assembly in Praia"), else the article's own state (``home_state``):
        ``philippine-department-of-foreign-affairs``."""
        head = self.text[max(0, start - 30) : start]
        generic = words.startswith(("Department of", "Ministry of", "National "))
        if not generic and not re.search(r"(?:ministry|department)[’']s\s+$", head):
            return None
        if re.search(rf"(?:{self.g.states()})(?:[’']s)?\s+$|[’']s\s+$", head) and generic:
            return None  # "Romania's Ministry of Economy": its owner is named
        seat = re.match(rf"\s+in\s+(?P<city>{_CAP}(?:\s+{_CAP})?)", self.text[start + len(words) :])
        state = self.g.capitals.get(seat.group("city")) if seat else None  # "... in Praia"
        state = state or self.home_state()
        if state is None:
            return None
        demonym = next((d for d, k in self.g.demonyms.items() if k.id == state.id), "")
        label = f"{demonym or state.label} {words}"
        return Known(slug(label), etype, label, part_of=state.id)

    def units(self) -> None:
        """A state's units or people in arms, as written: "Mongolian engineering units",
        "Japanese ground troops", "Cypriot officers" (``mongolian-engineering-units``); two
        states' at once: "Indian and French air crews"."""
        nouns = (r"units?|troops|squadrons?|battalions?|brigades?|regiments?|contingents?|crews|"
                 r"officers|sailors|soldiers|pilots|peacekeepers|special forces")  # fmt: skip
        states = self.g.states()
        pattern = re.compile(
            rf"(?<![\w-])(?:(?P<first>{states})\s+and\s+)?"
            rf"(?P<state>{states})\s+(?P<what>(?:(?!(?:and|or|but|to|of|in|the|with|for|from|as)\s)[a-z]+\s+){{0,2}}?(?:{nouns}))(?![\w-])"
        )
        for m in pattern.finditer(self.text):
            state = self.state_of(m.group("state"))
            if state is None or not self.free(m.start("state"), m.end()):
                continue
            words = self.text[m.start("state") : m.end()]
            known = Known(slug(words), "MilitaryOrganization", words, part_of=state.id)
            self.take(m.start("state"), m.end(), known, 0.5)
            first = m.group("first") in self.g.demonyms and self.state_of(m.group("first"))
            if first and self.free(m.start("first"), m.end("first")):
                # "Indian and French air crews": the Indian ones too, quoted by the whole phrase
                words = f"{m.group('first')} {m.group('what')}"
                known = Known(slug(words), "MilitaryOrganization", words, part_of=first.id)
                proposal = self.take(m.start("first"), m.end("first"), known, 0.45)
                proposal.end = max(proposal.end, m.end())

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
                ident = slug(_LEGAL_FORM.sub("", words).replace("&", "and"))
                self.take(start, m.end(), Known(ident, kind, words), confidence)

    def programmes(self) -> None:
        """ "Project Halberd", "the Aegis programme", "the KF-21 fighter programme"
        (``kf-21-programme``), "Official Security Assistance, the programme ..."."""
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
        designated = re.compile(rf"(?P<d>{_DESIGNATION})\s+(?:[a-z]+\s+)?(?:programme|program)\b")
        for m in designated.finditer(self.text):
            if self.free(m.start(), m.end()):
                known = Known(slug(f"{m.group('d')} programme"), "Programme", m.group())
                self.take(m.start(), m.end(), known, 0.6)
        named = re.compile(
            rf"(?P<name>{_CAP}(?:\s+{_CAP}){{1,4}}),\s+(?:the|a|an)\s+(?:[\w-]+\s+)?"
            r"(?:programme|program|scheme|initiative)\b"
        )
        for m in named.finditer(self.text):
            words = _trim(m.group("name"))
            start = m.end("name") - len(words)
            if len(words.split()) > 1 and self.free(start, m.end("name")):
                self.take(start, m.end("name"), Known(slug(words), "Programme", words), 0.55)

    def instruments(self) -> None:
        """Legal instruments by the words ending their names: "Yaoundé Code of Conduct",
        "Treaty of Pelindaba", "Chemical Weapons Convention"."""
        ends = ("Code of Conduct", "Treaty", "Convention", "Accord", "Accords", "Pact", "Charter",
                "Protocol", "Framework Agreement")  # fmt: skip
        pattern = re.compile(
            rf"(?:{_CAP}\s+){{1,4}}(?:{_alternation(ends)})(?![\w-])"
            rf"|(?:Treaty|Convention) (?:of|on) (?:the )?{_CAP}(?:\s+{_CAP}){{0,3}}"
        )
        for m in pattern.finditer(self.text):
            words = _trim(m.group())
            start = m.end() - len(words)
            if words.split()[0] in ends or not self.free(start, m.end()):
                continue
            self.take(start, m.end(), Known(slug(words), "LegalInstrument", words), 0.55)

    def makers(self) -> None:
        """Companies a noun introduces: "the aircraft maker Planalto Aeronáutica", "Hanbit
        Marine & Defense, a shipbuilder"."""
        nouns = r"(?:maker|manufacturer|shipbuilder|shipyard|builder|firm|company|contractor|supplier|producer|developer|exporter)"
        name = rf"{_CAP}(?:\s+(?:&\s+)?{_CAP}){{0,3}}"
        before = re.compile(rf"\b{nouns}\s+(?P<name>{name})")
        after = re.compile(rf"(?P<name>{name}),\s+(?:a|an|the)\s+(?:[\w-]+\s+){{0,3}}?{nouns}\b")
        for pattern in (before, after):
            for m in pattern.finditer(self.text):
                words = _trim(m.group("name"))
                start = m.end("name") - len(words)
                if words.split()[0] in _NOT_NAME_START or self.state_of(words.split()[0]):
                    continue
                if words in self.g.names or not self.free(start, m.end("name")):
                    continue
                ident = slug(_LEGAL_FORM.sub("", words).replace("&", "and"))
                self.take(start, m.end("name"), Known(ident, "Company", words), 0.6)

    def weapons(self) -> None:
        """Weapon designations: S-400, F-35, KF-21, MI-35 Hind, J-10C; a name and a wheel
        formula: Ilves 6x6; one without a hyphen before a weapon's noun: "K2 tanks"."""
        pattern = re.compile(
            rf"\b{_DESIGNATION}(?:\s+[A-Z][a-z]+)?\b(?!\s+(?:[a-z]+\s+)?(?:programme|program))"
            rf"|\b{_CAP}\s+[468]x[468]\b"
            rf"|\b[A-Z]{{1,3}}\d{{1,3}}[A-Z]?(?=\s+(?:[a-z-]+\s+)?{_ARMS}\b)"  # "K2 tanks"
        )
        for m in pattern.finditer(self.text):
            if self.free(m.start(), m.end()):
                words = m.group()
                self.take(m.start(), m.end(), Known(slug(words), "WeaponSystem", words), 0.6)

    def cited(self) -> None:
        """A news organisation cited by one unknown name: "according to Dawn", "told Reuters"."""
        pattern = re.compile(
            r"\b(?:[Aa]ccording\s+to|told|reported\s+by)\s+(?P<name>[A-Z][a-z]{2,})(?=[,.;])"
        )
        for m in pattern.finditer(self.text):
            word = m.group("name")
            if word in self.g.names or word in self.g.demonyms or word in _NOT_NAME_START:
                continue
            if self.free(m.start("name"), m.end("name")):
                known = Known(slug(word), "NewsOrganization", word)
                self.take(m.start("name"), m.end("name"), known, 0.5)
