"""The unnamed speakers news relies on ("a ministry official", "officials in Praia", "two
diplomats involved in the talks", "China's envoy"), as entities of their own: an anonymous
person, or a group (the format's ``Group`` type), with an id built from their words, declared
when they act (speak, have done something, are met) or a fact uses them. Each is its
article's own (``scope: article``): another article's "a Western diplomat" is someone else."""

from __future__ import annotations

import re

from .gazetteer import Known, slug
from .mentions import Mention, Proposal
from .namewords import _ROLE_NOUNS

__all__ = ["anonymous_speakers"]

_PLURAL_ONLY = {"critics", "organisers", "organizers", "protesters", "residents", "investigators",
                "prosecutors"}  # fmt: skip
# the modifiers an unnamed speaker carries: "senior", "Western", "Hungarian defence ministry"
# ("U.S. defense and national security officials"); a determiner is not one ("Two officials")
_MODIFIER = (
    r"(?:(?!(?:An?|One|Two|Three|Four|Several|Some|Many|Other|The)\s)[A-Z][\w’'-]+|"
    r"(?:[A-Z]\.){2,}|senior|junior|former|military|defen[cs]e|foreign|navy|army|air force|"
    r"ministry|government|embassy|industry|security|intelligence|opposition|squadron|naval|"
    r"state|police|coast guard|regional|local|western|european|top|other|national)"
)
_ANON = re.compile(
    rf"(?<![\w’'-])(?P<det>[Aa]n?|[Oo]ne|[Tt]wo|[Tt]hree|[Ss]everal|[Ss]ome|[Mm]any|[Oo]ther)?\s*"
    rf"(?P<words>(?:{_MODIFIER}\s+(?:and\s+)?){{0,4}}?(?P<noun>(?i:{_ROLE_NOUNS}))"
    rf"(?:\s+(?:in|at|for|from|of)\s+(?:the\s+)?[A-Z][\w’'-]+"
    rf"(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w’'-]+){{0,4}})?)"
    rf"(?=[\s,.;:]|$)"
)
_FOR_BODY = re.compile(
    r"(?<![\w’'-])(?P<det>[Aa]n?) "
    r"(?P<noun>spokes(?:man|woman|person)|official|representative|lawyer)"
    r" (?:for|of|at) (?:the )?"
)
_BODIES = {"GovernmentOrganization", "MilitaryOrganization", "Organization",
           "InternationalOrganization", "Company", "StateOwnedEnterprise"}  # fmt: skip
_BARE_START = re.compile(r"(?:^|[.!?;]\s+|[“\"]\s*|\n)$")


def anonymous_speakers(
    text: str, mentions: list[Mention], types: dict[str, str]
) -> tuple[list[Mention], dict[str, Proposal]]:
    """Unnamed people and groups written as a phrase: "a ministry official", "US officials",
    "Officials in Praia". A phrase with a determiner ("a", "two") or starting a clause; a
    singular one is an anonymous Person, a plural one a Group. Mentions inside the phrase (the
    state in "a Chinese embassy spokesperson") give way to it."""
    found: list[Mention] = []
    proposals: dict[str, Proposal] = {}
    for m in _FOR_BODY.finditer(text):  # "a spokesman for Iran's foreign ministry"
        if _named_before(text, m.start(), mentions, types):
            continue  # "Elena Varga, a spokesperson for ...": the post of someone named
        chain = [
            x for x in mentions if x.start >= m.end() and types.get(x.id) in _BODIES | {"Country"}
        ]
        if not chain or chain[0].start != m.end():
            continue
        body = chain[0]
        for x in chain[1:]:  # the last of a possessive chain: "NATO's Defence College"
            if not re.fullmatch(r"[’']s\s+", text[body.end : x.start]):
                break
            body = x
        if types.get(body.id) not in _BODIES:
            continue
        noun = m.group("noun").lower()
        ident = f"{body.id}-{noun}"
        found.append(Mention(m.start("noun") - len(m.group("det")) - 1, body.end, ident))
        if ident not in proposals:
            label = f"{noun} for {text[m.end() : body.end]}"
            proposals[ident] = Proposal(
                Known(ident, "Person", label, local=True), m.start(), body.end, 0.45
            )
    _of_a_state(text, mentions, types, found, proposals)
    _of_the_body(text, mentions, types, found, proposals)
    for m in _ANON.finditer(text):
        if any(x.start <= m.start("words") < x.end for x in found):
            continue
        words = m.group("words").strip()
        if re.search(r"(?:^|\s)(?:[A-Z]\S*\s+and|and\s+[A-Z])\s", words):
            continue  # "and" joins two modifiers, not two names: "France and Italian officials"
        noun = m.group("noun").lower()
        det = (m.group("det") or "").lower()
        start, end = m.start("words"), m.end("words")
        if words.endswith(("’s", "'s")) or any(
            x.start < end < x.end or x.start < start < x.end for x in mentions
        ):  # "a spokesman for Iran's foreign ministry": the qualifier is cut short; drop it
            end = m.end("noun")
            words = text[start:end]
        if _named_before(text, m.start(), mentions, types):
            continue  # "Ramon Dizon, a navy spokesman": the post of someone named
        plural = noun.endswith(("s", "people")) or noun in _PLURAL_ONLY
        if not det and not (plural and (_BARE_START.search(text[:start]) or words != noun)):
            continue  # "the ministry's spokesman" is a post of someone named, not a speaker
        if (
            det in ("a", "an", "one")
            and plural
            or det in ("two", "three", "several")
            and not plural
        ):
            continue
        named = any(ch.isupper() for ch in words[1:]) or any(x.start == start for x in mentions)
        if not (named or det and words[0].isupper()):
            continue  # "officials said", "a ministry official": too bare to tell apart; a name
            # ("a NATO official", "officials in Helsinki") makes it an entity of its own
        inside = [x for x in mentions if start <= x.start and x.end <= end]
        if any(types.get(x.id) == "Person" for x in inside):
            continue  # a named person: "Defence Minister ... officials"
        label = words[0].upper() + words[1:] if not words[0].isupper() else words
        ident = slug(words)
        kind = "Group" if plural else "Person"
        found.append(Mention(start, end, ident))
        if ident not in proposals:
            proposals[ident] = Proposal(Known(ident, kind, label, local=True), start, end, 0.5)
        met = _MET.search(text, max(0, m.start() - 30), m.start()) is not None
        proposals[ident].acts |= met or _ACTS.match(text, end) is not None
    return found, proposals


_STATE_S_ROLE = re.compile(
    r"[’']s\s+(?P<role>envoy|representative|ambassador|delegate|negotiator|"
    r"spokes(?:man|woman|person)|chief of (?:naval|army|air|defen[cs]e|general) staff)\b"
    r"(?!,?\s+[A-Z])"  # "China's envoy, Li Wei": a post of someone named
)


_ITS_ROLE = re.compile(
    r"\s+(?:[a-z]+\s+){1,2}its\s+(?P<role>envoy|representative|ambassador|delegate|negotiator|"
    r"chief of (?:naval|army|air|defen[cs]e|general) staff)\b(?!,?\s+[A-Z])"
)


def _of_a_state(text: str, mentions, types, found: list, proposals: dict) -> None:
    """A state's unnamed envoy who acts: "China's envoy, in a short speech, offered",
    "Peru's representative accused" (``china-envoy``, as "Nigeria's chief of naval staff" is
    ``nigeria-chief-of-naval-staff``). Only when the phrase acts ("summoned China's
    ambassador" names no one the draft can tell apart from the state), or the state sends
    its own: "Nigeria sent its chief of naval staff"."""
    for x in mentions:
        m = _STATE_S_ROLE.match(text, x.end)
        acts = m is not None and _ACTS.match(text, m.end()) is not None
        if m is None or not acts:  # "Nigeria sent its chief of naval staff": the state's own
            m = _ITS_ROLE.match(text, x.end)
        if types.get(x.id) != "Country" or m is None:
            continue
        words = f"{text[x.start : x.end]} {m.group('role')}"
        ident = slug(words)
        found.append(Mention(x.start, m.end(), ident))
        label = (
            text[x.start : m.end()]
            if m.re is _STATE_S_ROLE
            else f"{words[: x.end - x.start]}’s {m.group('role')}"
        )
        proposal = proposals.setdefault(
            ident, Proposal(Known(ident, "Person", label, local=True), x.start, m.end(), 0.45)
        )
        proposal.acts = True


_BODY_ROLE = re.compile(
    r"(?<![\w’'-])(?:[Aa]n?|[Tt]wo|[Ss]everal) (?P<body>ministry|department|embassy|agency) "
    r"(?P<noun>spokes(?:man|woman|person)|officials?)\b"
)


def _of_the_body(text: str, mentions, types, found: list, proposals: dict) -> None:
    """An unnamed speaker of a body the text has named: "a ministry spokesperson confirmed"
    after "Kenya's Ministry of Defence" is ``kenya-ministry-of-defence-spokesperson``, as "a
    spokesman for Iran's foreign ministry" is ``iran-foreign-ministry-spokesman``. Only
    when the phrase acts."""
    for m in _BODY_ROLE.finditer(text):
        if not _ACTS.match(text, m.end()) or any(x.start <= m.start() < x.end for x in found):
            continue
        word = m.group("body")
        before = [
            x for x in mentions
            if x.end <= m.start() and types.get(x.id) in _BODIES and word in x.id.split("-")
        ]  # fmt: skip
        if not before:
            continue
        noun = m.group("noun")
        ident = f"{before[-1].id}-{noun}"
        kind = "Group" if noun.endswith("s") else "Person"
        found.append(Mention(m.start(), m.end(), ident))
        label = f"{word} {noun}"  # "ministry spokesperson": the id says whose
        proposal = proposals.setdefault(
            ident, Proposal(Known(ident, kind, label, local=True), m.start(), m.end(), 0.45)
        )
        proposal.acts = True


def _named_before(text: str, at: int, mentions: list[Mention], types: dict[str, str]) -> bool:
    """Whether a named person and a comma come just before ``at`` ("Ramon Dizon, a ...")."""
    return re.search(r",\s*$", text[:at]) is not None and any(
        types.get(x.id) == "Person" and 0 <= at - x.end <= 3 for x in mentions
    )


# what makes an unnamed speaker worth declaring by itself: it speaks ("A Western diplomat
# attending the summit said", "Two officials, speaking on condition of anonymity, said"), has
# done something ("Japanese instructors have trained"), or is met ("meetings with US officials")
_ACTS = re.compile(
    r"(?:\s*,[^,.;“”\"]{3,80},)?(?:\s+[a-z]+){0,4}?\s+(?:ha(?:ve|s|d)\s+|also\s+|later\s+)?"
    r"(?:said|says|say|told|tell|confirmed|denied|warned|added|insisted|argued|accused|asked|"
    r"claimed|stressed|noted|acknowledged|declined|refused|expect|expected|estimated|believe|"
    r"offered|pledged|promised|proposed|urged|called)\b"
    r"|\s+ha(?:ve|s)\s+(?:also\s+|long\s+)?[a-z]+ed\b"
)
_MET = re.compile(r"\b(?:meetings?|talks|met)\s+with\s+(?:the\s+)?$|\bmet\s+(?:the\s+)?$")
