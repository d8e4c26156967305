"""The shapes of names the entity rules share: capitalised words, designations, the words
that cannot start a name, and how to tell an adjective from the body it names."""

from __future__ import annotations

import re
from functools import cache

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
_FACILITY_ENDS = ("Conference Centre", "Conference Center", "Convention Centre", "Convention Center",
    "Exhibition Centre", "Air Base", "Naval Base", "Airbase", "Base", "Airport", "Shipyard", "Port",
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

# the nouns an unnamed speaker is written with ("officials", "a spokesman"): never a name
_ROLE_NOUNS = (
    r"officials?|diplomats?|spokes(?:man|woman|person|people)|sources?|analysts?|experts?|"
    r"representatives?|envoys?|lawyers?|executives?|officers?|commanders?|ministers?|"
    r"lawmakers?|legislators?|observers?|negotiators?|delegations?|delegates?|critics|"
    r"organi[sz]ers|protesters|residents|leaders?|investigators|prosecutors|aides?|"
    r"instructors?|advisers?|advisors?|trainers?"
)

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
