"""Posts proposed from the way articles name people: "Defence Minister X" (found with the
person), "Tammi's president, X", "X, UMC's chief executive", "X, a senior fellow at the Y"."""

from __future__ import annotations

import re

from ..names.mentions import Mention, Proposal
from ..names.people import HONORIFICS
from ..text.sentences import Sentence
from .context import Drafted

__all__ = [
    "named_body_posts",
    "org_posts",
    "possessive_posts",
    "posts",
    "untitled_state_posts",
]


def posts(proposals: dict[str, Proposal], sentences: list[Sentence]) -> list[Drafted]:
    out = []
    for p in proposals.values():
        if p.post is None:
            continue
        title, org, start, end = p.post
        sentence = next((s.id for s in sentences if s.start <= start < s.end), "")
        values = {"holder": p.known.id, "title": title, "organization": org}
        out.append(Drafted("post", values, start, end, 0.75, sentence))
    return out


_TITLE_WORDS = r"[a-z][a-z-]*(?: [a-z][a-z-]*){0,3}"


def org_posts(
    text: str, mentions: list[Mention], types: dict[str, str], sentences, labels: dict[str, str]
) -> list[Drafted]:
    """Posts in an organisation, written around a person's name: "Tammi's president, Jari
    Lehtonen", "Mihai Dumitrescu, UMC's chief executive" (UMC short for a body's name, or the
    acronym the text gives it in brackets after it), "Ingrid Solberg, a senior fellow at
    the Bergen Centre"."""
    orgs = {"Organization", "Company", "StateOwnedEnterprise", "GovernmentOrganization",
            "MilitaryOrganization", "InternationalOrganization", "NewsOrganization"}  # fmt: skip

    def org_ending(at: int, among) -> Mention | None:
        found = next((x for x in among if x.end == at and types.get(x.id) in orgs), None)
        if found is None:  # a short name of a body named in full elsewhere: "Tammi's"
            word = re.search(r"([A-Z][\w-]+)$", text[max(0, at - 30) : at])
            short = word.group(1) if word else ""
            match = [i for i, label in labels.items() if short and label.startswith(short + " ")]
            if short and not match:  # an acronym the text gives the body: "Works (UMC)"
                match = [i for i, label in labels.items()
                         if f"{label} ({short})" in text]  # fmt: skip
            if len(match) == 1 and types.get(match[0]) in orgs:
                found = Mention(at - len(short), at, match[0])
        return found

    def org_starting(at: int, among) -> Mention | None:
        return next((x for x in among if x.start == at and types.get(x.id) in orgs), None)

    out = []
    for i, person in enumerate(mentions):
        if types.get(person.id) != "Person":
            continue
        head = text[max(0, person.start - 60) : person.start]
        tail = text[person.end : person.end + 90]
        found = None
        m = re.search(rf"[’']s (?P<title>{_TITLE_WORDS}), $", head)
        if m:  # "ORG's title, NAME"
            org = org_ending(person.start - len(head) + m.start(), reversed(mentions[:i]))
            found = org and (m.group("title"), org, org.start, person.end)
        m = re.match(
            rf", (?:the )?(?P<org>[A-Z][\w&-]*(?: [A-Z][\w&-]*){{0,4}})[’']s (?P<title>{_TITLE_WORDS})\b",
            tail,
        )
        if not found and m:  # "NAME, ORG's title"
            org = org_ending(person.end + m.end("org"), mentions[i + 1 :])
            found = org and (m.group("title"), org, person.start, person.end + m.end("title"))
        m = re.match(
            rf", (?:the |a |an )?(?P<title>{_TITLE_WORDS}) (?:at|of|for|with) (?:the )?", tail
        )
        if not found and m:  # "NAME, a title at the ORG"
            org = org_starting(person.end + m.end(), mentions[i + 1 :])
            found = org and (m.group("title"), org, person.start, org.end)
        if not found:
            continue
        title, org, start, end = found
        sentence = next((s.id for s in sentences if s.start <= start < s.end), "")
        values = {
            "holder": person.id,
            "title": title[0].upper() + title[1:],
            "organization": org.id,
        }
        out.append(Drafted("post", values, start, end, 0.6, sentence))
    return out


_BODY = r"(?:foreign |defen[cs]e )?(?:ministry|navy|army|air force|agency|company|embassy|department|government|service|council|firm|shipbuilder|group)"
_BODY_TITLE = r"(?:chief executive|spokes(?:man|woman|person)|president|director|head|chairman|chief|commander|ambassador|secretary|minister|adviser|official)"


def named_body_posts(
    text: str, mentions: list[Mention], types: dict[str, str], sentences, labels: dict[str, str]
) -> list[Drafted]:
    """Posts in a body named earlier and now called by its common noun: "Arif Santoso, the
    ministry's spokesman", "the navy's commander, X", "X, a navy spokesman": the body is the
    last one named before whose name holds that noun."""
    orgs = {"GovernmentOrganization", "MilitaryOrganization", "Company", "StateOwnedEnterprise",
            "Organization", "InternationalOrganization"}  # fmt: skip
    after = re.compile(
        rf",\s+(?:the |a |an )?(?P<body>{_BODY})(?:[’']s)?\s+(?P<title>{_BODY_TITLE})\b"
    )
    before = re.compile(
        rf"(?:[Tt]he |[Aa] |[Aa]n )?(?P<body>{_BODY})(?:[’']s)?\s+(?P<title>{_BODY_TITLE}),\s+$"
    )
    out = []
    for i, person in enumerate(mentions):
        if types.get(person.id) != "Person":
            continue
        m = after.match(text, person.end)
        span = m and (person.start, m.end())
        if m is None:
            m = before.search(text[max(0, person.start - 60) : person.start])
            span = m and (person.start - (min(60, person.start) - m.start()), person.end)
        if m is None:
            continue
        noun = m.group("body").split()[-1].lower()
        earlier = [x for x in mentions[:i] if types.get(x.id) in orgs
                   and noun in labels.get(x.id, "").lower()]  # fmt: skip
        if not earlier:
            continue
        start, end = span
        sentence = next((s.id for s in sentences if s.start <= start < s.end), "")
        values = {"holder": person.id, "title": m.group("title")[0].upper() + m.group("title")[1:],
                  "organization": earlier[-1].id}  # fmt: skip
        out.append(Drafted("post", values, start, end, 0.5, sentence))
    return out


_STATE_TITLE = re.compile(
    r"(?:^|[\s(“\"])(?P<title>(?:Deputy |Vice |Acting )?(?:Prime Minister|President|"
    r"(?:Defen[cs]e|Foreign|Interior|Finance) (?:Minister|Secretary)|Minister of \w+(?: \w+)?|"
    r"Chief of (?:Army|Naval|Air|Defen[cs]e) Staff|Ambassador|Foreign Secretary))\s+$"
)


def untitled_state_posts(
    text: str, mentions: list[Mention], types: dict[str, str], sentences, part_of: dict[str, str]
) -> list[Drafted]:
    """A state post named without its state ("Defence Minister Andreas Theodorou"): the post
    is in the state the article is about so far (named most often before, else first)."""
    out, seen = [], set()
    for i, person in enumerate(mentions):
        if types.get(person.id) != "Person" or person.id in seen:
            continue
        m = _STATE_TITLE.search(text[max(0, person.start - 60) : person.start])
        if m is None or m.group("title") in HONORIFICS:
            continue
        seen.add(person.id)
        # a state's ministry or force names the state too ("Kenya's defence ministry")
        named = [part_of.get(x.id, x.id) for x in mentions[:i]
                 if x.id in part_of or types.get(x.id) == "Country"]  # fmt: skip
        if not named:
            continue
        # the state the article is about: named most often so far, else first
        state = max(
            dict.fromkeys(named), key=lambda ident: (named.count(ident), -named.index(ident))
        )
        start = person.start - (min(60, person.start) - m.start("title"))
        sentence = next((s.id for s in sentences if s.start <= start < s.end), "")
        values = {"holder": person.id, "title": m.group("title"), "organization": state}
        out.append(Drafted("post", values, start, person.end, 0.45, sentence))
    return out


_ITS = re.compile(
    rf"(?:^|[.;]\s+|\s)(?P<own>[Ii]ts|[Tt]heir|his|her) (?P<title>{_TITLE_WORDS}),\s+$"
)
_BODIES = {"GovernmentOrganization", "MilitaryOrganization", "Company", "StateOwnedEnterprise",
           "Organization"}  # fmt: skip


def possessive_posts(
    text: str, mentions: list[Mention], types: dict[str, str], sentences: list[Sentence]
) -> list[Drafted]:
    """ "Its director, Reza Khademi, and his deputy, Hossein Mirzaei": "its" opening a sentence
    is the body the sentence before is about (the first it names); "his deputy" is in the
    body of the post just named, the deputy of that title."""
    out: list[Drafted] = []
    for person in mentions:
        if types.get(person.id) != "Person":
            continue
        m = _ITS.search(text, max(0, person.start - 60), person.start)
        if m is None or m.end() != person.start:
            continue
        here = next((s for s in sentences if s.start <= person.start < s.end), None)
        if here is None:
            continue
        title = m.group("title")
        if m.group("own") in ("his", "her"):
            last = out[-1] if out and out[-1].sentence == here.id else None
            if last is None:
                continue  # "his deputy" with no post just named: whose, the text must say
            org = last.values["organization"]
            if title == "deputy":
                title = f"deputy {last.values['title'].lower()}"
        else:
            before = [s for s in sentences if s.end <= here.start]
            if not before:
                continue
            prev = before[-1]
            named = [x for x in mentions if prev.start <= x.start < prev.end
                     and types.get(x.id) in _BODIES]  # fmt: skip
            if not named:
                continue
            org = named[0].id
        start = m.start("own")
        values = {"holder": person.id, "title": title[0].upper() + title[1:], "organization": org}
        out.append(Drafted("post", values, start, person.end, 0.45, here.id))
    return out
