"""The entities an article names, found by rule: gazetteer names and demonyms, titled people
("Defence Minister Rina Sato", "Gen. Raheel Sharif", later "Sharif"), a state's forces and
ministries ("the Indonesian Navy", "Kenya's defence ministry"), companies, facilities,
programmes and legal instruments by the words that end their names."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache

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
    "National Security Adviser", "National Security Advisor", "Adviser", "Advisor", "Director",
    "Deputy Director", "deputy", "Deputy", "Special Envoy", "Chairman", "Chairwoman", "Chair",
    "Speaker", "Governor", "Premier", "Defence Attaché", "Defense Attaché", "Under Secretary",
    "Assistant Secretary", "Permanent Secretary", "Chief of General Staff", "Chief of the General Staff",
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
    "Logistics", "Trading", "Components", "Aeronautics", "Aeronáutica", "Ordnance", "Munitions",
    "Ltd", "Ltd.", "Limited", "FZE", "FZCO", "LLC", "Inc.", "GmbH", "plc", "PLC", "JSC", "PJSC",
)  # fmt: skip
_FACILITY_ENDS = ("Air Base", "Naval Base", "Airbase", "Base", "Airport", "Shipyard", "Port",
                  "Barracks", "Range", "Training Area", "Headquarters", "Naval Station")  # fmt: skip
_CAP = r"[A-Z][\w’'\-]+"
_DESIGNATION = r"[A-Z]{1,4}-\d{1,4}[A-Z]?"
_LEGAL_FORM = re.compile(
    r"\s+(?:Ltd\.?|Limited|FZE|FZCO|LLC|Inc\.?|GmbH|AG|S\.?A\.?|plc|PLC|JSC|PJSC|Co\.|BV|NV|SpA|Oy|AB|ASA|Sdn Bhd)$"
)
_BODY_TYPES = {
    "Bank": "Organization", "Administration": "GovernmentOrganization",
    "Agency": "GovernmentOrganization", "Centre": "Organization", "Center": "Organization",
    "Institute": "Organization", "Forum": "Organization", "Council": "GovernmentOrganization",
    "Command": "MilitaryOrganization", "Office": "GovernmentOrganization",
    "Board": "Organization", "Committee": "GovernmentOrganization",
    "Commission": "GovernmentOrganization", "University": "Organization",
    "Foundation": "Organization", "Parliament": "GovernmentOrganization",
    "Guard": "MilitaryOrganization", "Corps": "MilitaryOrganization",
    "Directorate": "GovernmentOrganization", "Khural": "GovernmentOrganization",
    "Diet": "GovernmentOrganization", "Duma": "GovernmentOrganization",
    "Knesset": "GovernmentOrganization", "Senate": "GovernmentOrganization",
    "Treasury": "GovernmentOrganization", "Assembly": "GovernmentOrganization",
    "Court": "GovernmentOrganization",
}  # fmt: skip
_BODY_ENDS = tuple(_BODY_TYPES)


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
    of = next((i for i, p in enumerate(parts) if p in ("of", "for")), len(parts))
    if any(p.endswith(("’s", "'s")) for p in parts[of:]):
        parts = parts[:of]  # "Foreign Procurement Directorate of Iran’s Ministry": the first
    owner = max((i for i, p in enumerate(parts[:-1]) if p.endswith(("’s", "'s"))), default=-1)
    parts = parts[owner + 1 :]  # "People’s Liberation Army’s Southern Theater Command"
    while len(parts) > 1 and parts[0] in _NOT_NAME_START:
        parts = parts[1:]
    return " ".join(parts)


_VERBISH = {"said", "says", "has", "have", "had", "is", "was", "were", "are", "will", "would",
            "could", "can", "may", "might", "must", "should", "did", "does", "do", "and", "or",
            "of", "in", "on", "at", "to", "for", "with", "from", "by", "that", "which", "who",
            "as", "also", "not", "itself", "wants", "plans", "insists", "warns", "denies",
            "hopes", "expects", "intends", "claims", "accuses", "rejects", "sees", "remains"}  # fmt: skip


def _modifies(text: str, end: int) -> bool:
    """Whether the word ending at ``end`` is used as an adjective: a lowercase word follows that
    is not a verb or a function word ("military hardware", but "the military said")."""
    m = re.match(r"\s+([a-z][a-z-]*)", text[end : end + 30])
    if m is None:
        return False
    word = m.group(1)
    return word not in _VERBISH and not word.endswith("ed")


_LOCATIVE = re.compile(
    r"(?:\b(?:in|at|to|from|near|outside|inside|around|via|into|visits?|visited|visiting|"
    r"reached|arrived in|left|leave|capital,?)\s+)$",
    re.I,
)


def _alternation(words) -> str:
    return _alternation_of(tuple(words))


@cache
def _alternation_of(words: tuple[str, ...]) -> str:
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
        states = self.g.states()
        pattern = re.compile(
            rf"(?:(?P<state>{states})(?:[’']s)?\s+)?(?P<title>{_alternation(TITLES)})"
            rf"(?:\s+(?:to|of|for|on)\s+(?:the\s+)?{_CAP}(?:\s+{_CAP}){{0,2}}){{0,2}}"
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
        states = self.g.states()
        titles = _alternation(TITLES)
        before = re.compile(
            rf"(?:[Tt]he |[Aa] |[Aa]n |[Ii]ts |[Hh]is |[Hh]er |[Tt]heir )?(?:(?P<state>{states})(?:[’']s)?\s+)?(?P<title>(?i:{titles}))"
            rf"(?:\s+(?:of|to|for) [A-Z][\w ]{{2,40}}?)?,\s+(?P<name>{_NAME})(?=[,.;]|\s+(?:said|told|says))"
        )
        after = re.compile(
            rf"(?P<name>{_NAME}),\s+(?:[Tt]he |[Aa] |[Aa]n )?(?:(?P<state>{states})(?:[’']s)?\s+)?"
            rf"(?:[\w’'-]+\s+){{0,2}}?(?P<title>(?i:{titles}))\b"
        )
        of_body = re.compile(  # "Tomasz Zieliński of the Vistula Security Forum"
            rf"(?P<name>{_NAME})\s+of\s+the\s+(?:{_CAP}\s+){{0,4}}(?:{_alternation(_BODY_ENDS)})\b"
        )
        said = re.compile(
            rf"\b(?:said|says|told|according to|[Rr]eporting by|by)\s+(?P<name>{_NAME})(?=[,.;]|\s*$)",
            re.M,
        )
        for pattern in (before, after, of_body, said):
            for m in pattern.finditer(self.text):
                name = m.group("name")
                start, end = m.start("name"), m.end("name")
                first = name.split()[0]
                if not self.free(start, end) or first in _NOT_NAME_START or self.state_of(first):
                    continue
                if any(
                    name.endswith(w) for w in ("Ministry", "Navy", "Army", "Force", *_BODY_ENDS)
                ):
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
        ends = _BODY_TYPES
        states = self.g.states()
        pattern = re.compile(
            rf"(?:{_CAP}\s+){{0,4}}(?:{_alternation(ends)})(?![\w-])(?:\s+(?:of|for)\s+(?:the\s+)?{_CAP}(?:\s+{_CAP}){{0,3}})?"
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
        """Weapon designations: S-400, F-35, KF-21, MI-35 Hind, J-10C; a name and a wheel
        formula: Ilves 6x6."""
        pattern = re.compile(
            rf"\b{_DESIGNATION}(?:\s+[A-Z][a-z]+)?\b(?!\s+(?:[a-z]+\s+)?(?:programme|program))"
            rf"|\b{_CAP}\s+[468]x[468]\b"
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
        """A state's force or ministry: "the Indonesian Navy" (as written), "Sri Lanka's navy"
        (id from the state: ``sri-lanka-navy``), "the Cypriot government"
        (``government-of-cyprus``). A lowercase word used as an adjective ("Indian military
        hardware", "government officials") is not the body."""
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
                words = " ".join(w[:1].upper() + w[1:] for w in m.group("force").split())
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
            if known is not None and state is not None and known.located_in == state.id:
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

    def waters(self) -> None:
        """ "Gulf of Oman", "Sea of Okhotsk", "Strait of Gibraltar", "Bay of Biscay"."""
        pattern = re.compile(rf"\b(?:Gulf|Sea|Strait|Straits|Bay) of (?:the )?{_CAP}(?:\s+{_CAP})?")
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

    def unplaced(self) -> None:
        """A city proposed with a state the text never names gets no state: the draft says
        what the text says."""
        for p in self.proposals.values():
            if p.known.located_in and p.known.located_in not in self.proposals:
                p.known = replace(p.known, located_in="")


def find_mentions(text: str, gazetteer: Gazetteer) -> tuple[list[Mention], dict[str, Proposal]]:
    """Every entity mention in ``text`` (in text order) and the entities they propose."""
    finder = _Finder(text, gazetteer)
    finder.names(several_words=True)
    finder.people()
    finder.appositives()
    finder.forces()
    finder.bases()
    finder.makers()
    finder.instruments()
    finder.waters()
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
    finder.cited()
    finder.cities()
    finder.unplaced()
    mentions = sorted(finder.mentions, key=lambda m: m.start)
    return mentions, finder.proposals
