"""People the text names: after a title ("Defence Minister Rina Sato", "Gen. Raheel Sharif"),
beside one ("Its director, Reza Khademi"), of a body ("Jan Kowal of the Baltic Policy
Institute"), and later by surname alone (the person of that surname named last before)."""

from __future__ import annotations

import re

from .gazetteer import Known, slug
from .namewords import _BODY_ENDS, _CAP, _NAME, _NOT_NAME_START, _alternation

__all__ = ["HONORIFICS", "TITLES", "PeopleRules"]

TITLES = (
    "President", "Vice President", "Prime Minister", "Deputy Prime Minister",
    "Defence Minister", "Defense Minister", "Deputy Defence Minister", "Deputy Defense Minister",
    "Deputy Foreign Minister", "Vice Foreign Minister", "Vice Defence Minister",
    "Vice Defense Minister", "Deputy Minister", "Vice Minister",
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


# words that start a title, never a name ("Foreign Minister ...")
_TITLE_WORDS = {"Foreign", "Defence", "Defense", "Prime", "Deputy", "Vice", "Minister", "Trade",
                "Interior", "Finance", "Secretary", "Chief"}  # fmt: skip

_SPELLED = {"Gen.": "general", "Adm.": "admiral", "Col.": "colonel", "Capt.": "captain",
            "Sen.": "senator"}  # fmt: skip


class PeopleRules:
    """The people rules of the finder (``mentions._Finder``): they read ``self.text`` and
    ``self.g`` and record with ``self.take``."""

    def people(self) -> None:
        states = self.g.states()
        pattern = re.compile(
            rf"(?:(?P<state>{states})(?:[’']s)?\s+)?(?P<title>{_alternation(TITLES)})"
            rf"(?:\s+(?:to|of|for|on)\s+(?:the\s+)?{_CAP}(?:\s+{_CAP}){{0,2}}){{0,2}}"
            rf"(?:\s+(?P<hon>{_alternation(HONORIFICS)}))?\s+(?P<name>{_NAME})"
        )
        people: list[tuple[int, Known, str]] = []  # (where named in full, person, honorific)
        titled: list[tuple[int, Known, str]] = []  # (where, person, title)
        for m in pattern.finditer(self.text):
            start, end = m.start("name"), m.end("name")
            name = m.group("name")
            if not self.free(start, end) or self.state_of(name.split()[0]):
                continue
            if name.split()[0] in _TITLE_WORDS:
                continue  # a title the list lacks: "Deputy Trade Minister Ana Ruiz" is no "Trade ..."
            person = Known(slug(name), "Person", name)
            proposal = self.take(start, end, person, 0.8)
            title = m.group("title")
            honorific = m.group("hon") or (title if title in HONORIFICS else "")
            proposal.honorific = proposal.honorific or honorific
            state = self.state_of(m.group("state")) if m.group("state") else None
            if state is not None and title not in HONORIFICS and proposal.post is None:
                proposal.post = (title[0].upper() + title[1:], state.id, m.start(), m.end())
            people.append((start, person, honorific))
            titled.append((start, person, title))
        self.titled_mentions(titled)
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

    def titled_mentions(self, titled: list[tuple[int, Known, str]]) -> None:
        """ "The minister", "the general" after "Defence Minister Rina Sato": the person last
        named before with a title ending in that word."""
        titled = [(at, p, _SPELLED.get(t.split()[-1], t).lower()) for at, p, t in titled]
        heads = {t.split()[-1] for _, _, t in titled}
        heads = {h for h in heads if h.isalpha() and len(h) > 3}
        if not heads:
            return
        pattern = re.compile(
            rf"\b[Tt]he\s+(?P<head>{_alternation(heads)})\b(?!\s+(?:of|for|to)\b|[’']s)"
        )
        for m in pattern.finditer(self.text):
            end, head = m.end("head"), m.group("head")
            before = [p for at, p, t in titled if at < m.start() and t.endswith(head.lower())]
            if before and self.free(m.start(), end):
                self.take(m.start(), end, before[-1], 0.5)

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
