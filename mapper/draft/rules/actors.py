"""Who acts in a sentence, beyond the agent next to a trigger: the subject before an apposition
or a prepositional object, the force a common noun names ("the navy", "the frigate"), the one
who holds a title ("its defence minister"), the state whose forces are meant, the state the
article is about, and the two sides of aid, training and incidents between ships."""

from __future__ import annotations

import re

from ..names.mentions import Mention
from .context import AGENT, Context

__all__ = [
    "aid_sides",
    "apposed",
    "force_named_before",
    "forces_of",
    "home_state",
    "incident_sides",
    "other_state",
    "ship_force",
    "subject",
    "titled_holder",
    "training_sides",
]


def apposed(c: Context, who: Mention | None, at: int) -> Mention | None:
    """The subject of the verb at ``at`` when ``who`` sits in an apposition between commas
    right before it ("Malta, the EU's other island state, rejoined": Malta, not the EU)."""
    if who is None:
        return None
    opening = c.text.rfind(",", c.s.start, who.start)
    if opening < 0 or not re.fullmatch(r"[^,]*,\s*(?:\w+ly\s+)?", c.text[who.end : at]):
        return who
    if re.search(r"\b(?:and|or|but|which|who|that)\b", c.text[opening : who.start]):
        return who  # a list or a clause, not an apposition
    head = [m for m in c.mentions if m.end <= opening and c.types.get(m.id) in AGENT]
    if head and not c.text[head[-1].end : opening].strip():
        return head[-1]
    return who


def subject(c: Context, t: re.Match) -> Mention | None:
    """The agent before the trigger that is not the object of a preposition ("the war against
    Ukraine", "drones used against Ukrainian cities" name the target, not who acts)."""
    for m in reversed([m for m in c.mentions if m.end <= t.start()]):
        if c.types.get(m.id) not in AGENT:
            continue
        if not re.search(r"\b(?:against|on|of|in|at|to|into|over|near|from)\s+(?:the\s+)?$",
                         c.text[max(c.s.start, m.start - 14) : m.start]):  # fmt: skip
            return m
    return None


_FORCE_NOUN = re.compile(
    r"\b[Tt]he (navy|army|air force|coast guard|frigate|destroyer|warship|corvette|ship|"
    r"submarine)\b[^,;]{0,50}$"
)
_SHIPS = ("frigate", "destroyer", "warship", "corvette", "ship", "submarine")


def force_named_before(c: Context, t: re.Match) -> Mention | None:
    """ "The navy was preparing to send ...", "the frigate was on a routine patrol": the force
    of that noun named last before (a ship is its navy's)."""
    head = _FORCE_NOUN.search(c.text, c.s.start, t.start())
    if head is None:
        return None
    noun = head.group(1).lower()
    if noun in _SHIPS and (owner := ship_force(c, noun, head.start())) is not None:
        return Mention(t.start(), t.start(), owner)
    word = "navy" if noun in _SHIPS else noun.replace(" ", "-")
    forces = [m for m in c.every if m.end <= t.start() and c.types.get(m.id) == "MilitaryOrganization"
              and word in m.id]  # fmt: skip
    return Mention(t.start(), t.start(), forces[-1].id) if forces else None


def ship_force(c: Context, noun: str, before: int) -> str | None:
    """Whose "the destroyer" is: the force named right before that noun when the ship was
    first named ("a Chinese navy destroyer" is the PLA Navy's, "a Philippine Navy frigate" the
    Philippine Navy's)."""
    owners = {"MilitaryOrganization", "Country"}
    found = [
        m.id
        for m in c.every
        if m.end <= before
        and c.types.get(m.id) in owners
        and re.match(rf"\s+(?:[\w-]+\s+){{0,2}}?{noun}s?\b", c.text[m.end : m.end + 40], re.I)
    ]
    return found[-1] if found else None


_SHIP_NOUN = r"(?:frigate|destroyer|warship|corvette|ship|submarine|vessel|cutter)"


def incident_sides(c: Context, t: re.Match) -> tuple[str | None, str | None]:
    """Who acts and whom it targets when ships are the subject and object ("the destroyer
    crossed its bow", "locked its radar on the frigate"): the forces the ships belong to."""
    head = c.text[c.s.start : t.start()]
    actor = re.search(rf"\b[Tt]he ({_SHIP_NOUN})\s+(?:\w+\s+)?$", head)
    acting = ship_force(c, actor.group(1).lower(), c.s.start + actor.start()) if actor else None
    target = None
    after = re.match(rf"[^,;]{{0,40}}?\b(?:on|at|toward|towards)\s+the\s+({_SHIP_NOUN})\b",
                     c.text[t.end() : c.s.end])  # fmt: skip
    other = after.group(1) if after else None
    if other is None and re.search(r"\bits?\b", c.text[t.start() : t.end() + 4]):
        # "crossed its bow", "circled it": the other ship the sentence is about (named first)
        named = re.findall(rf"\b[Tt]he ({_SHIP_NOUN})\b", head)
        named = [n for n in named if actor is None or n != actor.group(1)]
        other = named[0] if named else None
    if other is not None:
        target = ship_force(c, other.lower(), c.s.start)
    return acting, target


def home_state(c: Context, other: Mention) -> Mention | None:
    """The state the article is about so far (named most often before the sentence, a body
    counting for its state), if it is not ``other``'s."""
    named = [c.part_of.get(m.id, m.id) for m in c.every if m.end <= c.s.start]
    named = [i for i in named if c.types.get(i) == "Country"]
    if not named:
        return None
    home = max(named, key=lambda i: (named.count(i), -named.index(i)))
    if home in (other.id, c.part_of.get(other.id)):
        return None
    return Mention(c.s.start, c.s.start, home)


def forces_of(c: Context, m: Mention | None) -> Mention | None:
    """The state whose forces are meant: "American military aircraft" is the United States."""
    if m is None:
        return None
    return Mention(m.start, m.end, c.part_of[m.id]) if c.part_of.get(m.id) else m


def other_state(c: Context, user: Mention) -> Mention | None:
    return next((m for m in c.all({"Country"}) if m.id != user.id), None)


_TITLE_BEFORE = re.compile(
    r"(?i)\b(?:(?P<own>its|their)|(?P<state>[A-Z][\w.-]*(?: [A-Z][\w.-]*)*)[’']s)\s+"
    r"(?P<title>(?:defen[cs]e|foreign|prime|interior) minister|president|ambassador|"
    r"chief of (?:army|naval|air|defen[cs]e) staff)\s+(?:\w+\s+)?$"
)


def titled_holder(c: Context, at: int) -> Mention | None:
    """ "Pakistan's Chief of Army Staff visits", "its defence minister signed": the one person
    the article names with that title (in a post found anywhere in it), in that state when
    the state is named."""
    m = _TITLE_BEFORE.search(c.text, max(c.s.start, at - 60), at)
    if m is None:
        return None
    title = m.group("title").lower()
    state = c.before(at, {"Country"}) if m.group("state") else None
    holders = {
        p.values["holder"]
        for p in c.posts
        if str(p.values.get("title", "")).lower().endswith(title)
        and (state is None or p.values.get("organization") == state.id)
    }
    return Mention(at, at, holders.pop()) if len(holders) == 1 else None


def aid_sides(c: Context, t: re.Match, who, whom) -> tuple:
    """Provider and recipient of aid: "the first grant to Sri Lanka", "whose earlier recipients
    include ..." (the provider named before), "a loan from the X Bank" (the lender), and a loan
    or credit for no one named (the state the article is about)."""
    to = re.match(r"\s+(?:\w+\s+){0,2}?to\s+", c.text[t.end() : c.s.end])
    if to:  # "the first grant to Sri Lanka": the recipient follows "to"
        whom = c.after(t.end() + to.end(), AGENT, within=5) or whom
        who = who if who is None or whom is None or who.id != whom.id else None
    earlier = c.last_of.get("aid")
    if who is None and earlier is not None and t.group(1).lower().startswith("recipient"):
        # "whose earlier recipients include X, Y and Z": the provider named before
        provider = earlier.values["provider"][0]
        who = Mention(t.start(), t.start(), provider)
    lender = re.match(r"\s+from\s+(?:the\s+)?", c.text[t.end() : c.s.end])
    lender = lender and c.after(t.end() + lender.end(), AGENT - {"Person"}, within=3)
    if lender is not None:  # "a loan from the Export-Import Bank of Korea": the lender
        who, whom = lender, None
    if whom is not None and c.types.get(whom.id) == "Person":
        whom = None  # "..., according to a Brazilian diplomat": a source, not a recipient
    credit = re.search(r"(?i)loan|credit", t.group(1))
    if credit and who is not None and whom is None:  # "Brazil may back ... export credit":
        whom = home_state(c, who)  # for the state the article is about
    return who, whom


_SERVICE = {"sailors": "navy", "seamen": "navy", "soldiers": "army", "troops": "army",
            "pilots": "air-force", "airmen": "air-force"}  # fmt: skip


def training_sides(c: Context, t: re.Match, who, whom) -> tuple:
    """ "training for 120 Sri Lankan sailors, given by the Japan Maritime Self-Defense Force":
    the trainer after "given by"; a state's sailors (soldiers, pilots) are its navy (army, air
    force) when the draft knows that force."""
    given = re.search(r"\b(?:given|provided|conducted|delivered|run) by\s+(?:the\s+)?",
                      c.text[t.end() : c.s.end])  # fmt: skip
    if given:  # the trainer the passive names, not the subject of the sentence
        who = c.after(t.end() + given.end(), AGENT, within=3) or who
    service = _SERVICE.get(whom.id.rsplit("-", 1)[-1]) if whom is not None else None
    state = c.part_of.get(whom.id) if whom is not None else None
    forces = [i for i, s in c.part_of.items() if s == state and service and service in i
              and c.types.get(i) == "MilitaryOrganization" and i != whom.id]  # fmt: skip
    if forces:
        whom = Mention(whom.start, whom.end, forces[0])
    return who, whom
