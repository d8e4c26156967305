"""Statements and the speech acts PLOVER names (threats and warnings, demands, condemnations,
rejections and denials, endorsements, announcements): the speaker (``speakers``), what is said
(the quotation, or the reported words), and whom it is addressed to or aims at."""

from __future__ import annotations

import re

from ..names.mentions import Mention
from .context import AGENT, Context, Drafted, fact_of, ids_of
from .details import flat
from .speakers import speaker

__all__ = [
    "EVENT_KINDS",
    "SPEECH_KINDS",
    "SPEECH_VERBS",
    "continued_quote",
    "reported_acts",
    "speech_act",
]

SPEECH_VERBS = re.compile(
    r"\b(said|says|told|stated|added|noted|declared|insisted|argued|claimed|warned|threatened|"
    r"urged|called|demanded|denied|rejected|refused|condemned|accused|critici[sz]ed|welcomed|"
    r"praised|announced|confirmed|objected)\b"
)
_SAID_THAT = re.compile(r"\b(said|says|told \w+)(?:\s+on \w+day)?\s+that\b")
_TWO_SIDES = re.compile(r"(?i)\b(?:the two|both) (?:governments|countries|sides|ministries)\s+$")
# what "the decision", "the move" refer to: the last event the article reported
_ANAPHOR = re.compile(
    r"(?i)\s+(?:the|this|that|these|its|their)\s+(decision|move|measures?|"
    r"sanctions|deal|plan|step|agreement|order|contract|listings?|expulsion|offer|proposal)\b"
)

SPEECH_KINDS = ("statement", "threat", "demand", "condemnation", "rejection", "endorsement",
                "announcement", "invitation", "report")  # fmt: skip
# facts an announcement can announce: events, not other words
EVENT_KINDS = {"agreement", "arms_transfer", "aid", "sanction", "exercise", "training",
                 "military_operation", "coproduction", "basing", "membership", "visit",
                 "programme_participation", "agreement_step", "conference", "event",
                 "incident", "investigation", "protest", "signing"}  # fmt: skip


def _rest(c: Context, t: re.Match) -> str:
    words = c.text[t.end() : c.s.end].strip(' ,.;:—–-"“”')
    return " ".join(words.split()[:14]) or t.group()


def _quotation(c: Context) -> dict:
    q = re.search(r"“([^”]{8,})”|\"([^\"]{8,})\"", c.s.text)
    if not q:
        return {"content": " ".join(c.s.text.split()[:40])}
    return {"quotation": (q.group(1) or q.group(2)).rstrip(",")}


def _target(c: Context, t: re.Match, who: Mention | None, within: int = 60) -> Mention | None:
    """The object of the verb: the first agent named after it, not the speaker."""
    skip = {who.id} if who else set()
    return c.after(t.end(), AGENT, skip=skip, within=within)


def _addressee(c: Context, t: re.Match, who: Mention | None) -> Mention | None:
    """Whom the speaker addresses: "told X", "urged X", "called on X" (an agent right after)."""
    if not re.match(r"(?i)told|urg|call|press|ask|warn|invit", t.group(1)):
        return None
    if re.match(r"\s+(?:that|of|about|against)\b", c.text[t.end() : t.end() + 12]):
        return None  # "warned that Iran would": the clause's subject, not whom it is told to
    m = _target(c, t, who, within=25)
    return m if m and not re.search(r"[,;]", c.text[t.end() : m.start]) else None


def _report(c: Context, t: re.Match, made: list[Drafted]) -> list[Drafted]:
    """ "According to Dawn, ...", "reports emerged that ...": a report of the sentence's facts,
    by the news organisation named (if one is)."""
    reported = [d for d in made if d.kind not in SPEECH_KINDS]
    if not reported:
        return []
    source = c.after(t.end(), {"NewsOrganization"}, within=6) or c.before(
        t.start(), {"NewsOrganization"}
    )
    if t.group(1).lower().startswith("according") and source is None:
        return []  # according to a person or a ministry: an attribution, not a report
    values = {"reports": [], **({"reporter": source.id} if source else {})}
    fact = fact_of("report", values, c, t, [source] if source else [], 0.4)
    fact.links["reports"] = reported
    return [fact]


def _own_side(c: Context, who: Mention, m: Mention) -> bool:
    """Whether ``m`` is the speaker or the state the speaker speaks for ("a spokesman for
    Iran's foreign ministry" and Iran)."""
    sides, ident = {who.id}, who.id
    while "-" in ident:  # "chinese-foreign-ministry-spokesperson": of the ministry, of China
        ident = ident.rsplit("-", 1)[0]
        if ident in c.types:
            sides.add(ident)
    for i in list(sides):
        while i in c.part_of and c.part_of[i] not in sides:
            i = c.part_of[i]
            sides.add(i)
    if m.id in sides or who.id.startswith(m.id + "-"):
        return True
    # without the body's part_of (an archive id): "chinese-foreign-ministry-spokesperson" and
    # "china" share the stem of the state's name
    stem = m.id.split("-")[0]
    return c.types.get(m.id) == "Country" and len(stem) >= 4 and who.id.startswith(stem[:4])


def _warns_of_others(c: Context, t: re.Match, who: Mention) -> bool:
    """A warning that others' acts will do harm is a condemnation ("warned that the deal would
    turn the islands into ..."); one of what the speaker's own side will do is a threat ("warned
    that Iran would respond"), and so is warning someone off ("warned Nicosia against")."""
    if not t.group(1).lower().startswith("warn"):
        return False
    after = c.text[t.end() : c.s.end]
    clause = re.match(r"\s+that\s+(.{1,80}?)\s+(?:would|will|could|might|may)\b", after)
    if clause is None:
        return False
    if re.search(r"(?i)\b(?:it|we|they|he|she|its|our|their)\b", clause.group(1)):
        return False  # "warned that it would respond": the speaker's own act
    start, end = t.end(), t.end() + clause.end(1)
    named = [m for m in c.mentions if start <= m.start < end and c.types.get(m.id) in AGENT]
    return not (named and _own_side(c, who, named[0]))


def _warning(c: Context, t: re.Match, who: Mention, made: list[Drafted]) -> list[Drafted]:
    """The condemnation a warning about others' acts is, of the one warned or of the decision
    it names ("the deal"), once per speaker in a sentence."""
    if any(d.kind == "condemnation" and who.id in d.values.get("speaker", ()) for d in made):
        return []
    target = _addressee(c, t, who) or _target(c, t, who, within=25)
    noun = re.search(r"(?i)\b(?:the|this|that|its)\s+(decision|move|deal|plan|step|agreement|"
                     r"order|contract|measures?|sanctions)\b", c.text[t.end() : c.s.end])  # fmt: skip
    decided = c.last_decision(noun.group(1).lower()) if noun else c.last_event
    if target is None and decided is None:
        return []
    values: dict = {"speaker": [who.id], "form": "criticism"}
    if target is not None:
        values["target"] = [target.id]
    fact = fact_of("condemnation", values, c, t, [who], 0.45, "a warning about another's acts")
    if target is None:
        fact.links["condemns"] = [decided]
    return [fact]


def _author(c: Context, t: re.Match) -> Mention | None:
    """The speaker of a statement: of the noun, who made it ("a statement made earlier by
    Pakistan's adviser ... Sartaj Aziz": the person named after "by", else the first agent)."""
    if not re.match(r"(?i)statement|remarks|comments", t.group(1)):
        return speaker(c, t, verbs=SPEECH_VERBS)
    by = re.search(r"\bby\s", c.text[t.end() : c.s.end])
    if by is None:
        return None
    at = t.end() + by.end()
    return c.after(at, {"Person"}, within=80) or c.after(at, AGENT, within=10)


def speech_act(kind: str, c: Context, t: re.Match, made: list[Drafted]) -> list[Drafted]:
    """A fact of speech kind ``kind`` for the trigger ``t``, if a speaker can be found."""
    if kind == "report":
        return _report(c, t, made)
    who = _author(c, t) if kind == "statement" else speaker(c, t, verbs=SPEECH_VERBS)
    said = _SAID_THAT.search(c.text, c.s.start, t.start())
    if (
        kind in ("demand", "threat")
        and said is not None
        and not SPEECH_VERBS.search(c.text, said.end(), t.start())
    ):  # "a spokesman said that Budapest would ask the board to": the spokesman's demand
        who = speaker(c, said, verbs=SPEECH_VERBS) or who
    if kind == "threat" and who is not None and _warns_of_others(c, t, who):
        return _warning(c, t, who, made)
    both = _TWO_SIDES.search(c.text[max(c.s.start, t.start() - 30) : t.start()])
    sides = c.two_sides() if both and who is None else []
    firms = re.search(
        r"(?i)\bthe (?:two )?(?:companies|firms|partners)\s+$", c.text[c.s.start : t.start()]
    )
    makers = ids_of(c.all({"Company", "StateOwnedEnterprise"}))
    if firms and len(makers) < 2:  # "..., the partners said": the two makers named last
        earlier = [m.id for m in reversed(c.every) if m.end <= c.s.start
                   and c.types.get(m.id) in {"Company", "StateOwnedEnterprise"}]  # fmt: skip
        makers = list(dict.fromkeys(earlier))[:2]
    if firms and len(makers) >= 2:  # "..., the companies announced": the companies named
        sides = makers[:4]
    if len(sides) >= 2:  # "the two governments said": both speak
        who = Mention(t.start(), t.start(), sides[0])
    if who is None:
        return []
    values: dict = {"speaker": [who.id, *sides[1:]]}
    said = t.group(1).lower() in ("said", "says", "confirmed")
    if kind == "announcement" and said and c.types.get(who.id) == "Person":
        return []  # a person's words close the lead: a statement, not an announcement
    to = _addressee(c, t, who)
    verb = t.group(1).lower()
    if kind == "statement":
        if to is not None and verb.startswith("told"):
            values["addressees"] = [to.id]
        values.update(_quotation(c))
    elif kind == "threat":
        if to is not None:
            values["against"] = [to.id]
        values["threatened_action"] = _rest(c, t)
        values["form"] = "warning" if verb.startswith("warn") else "threat"
    elif kind == "demand":
        if to is not None:
            values["demanded_of"] = [to.id]
        values["demand"] = _rest(c, t)
    elif kind == "condemnation":
        # "called the measures 'illegal', denied that Iran ...": not an agent of the next clause
        target = _target(c, t, who, within=25 if verb.startswith("call") else 60)
        anaphor = _ANAPHOR.match(c.text, t.end())
        decided = c.last_decision(anaphor.group(1).lower()) if anaphor else None
        accused = [d for d in made if d.kind in EVENT_KINDS and d.end > t.end()]
        if target is None and decided is None and not accused:
            return []  # "accuses X of sourcing drones later sent to Russia": of those acts
        if target is not None:
            values["target"] = [target.id]
        values["form"] = (
            "accusation" if verb.startswith("accus")
            else "diplomatic-protest" if verb.startswith(("protest", "summon"))
            else "criticism" if verb.startswith(("critic", "question"))
            else "condemnation"
        )  # fmt: skip
    elif kind == "rejection":
        values["rejected"] = _rest(c, t)
    elif kind == "endorsement":
        target = _target(c, t, who)
        events = [d for d in made if d.kind in EVENT_KINDS]
        if target is not None:
            values["endorsed"] = [target.id]
        anaphor = _ANAPHOR.match(c.text, t.end())
        decided = c.last_decision(anaphor.group(1).lower()) if anaphor else None
        if target is None and not events and decided is None:
            return []
    elif kind == "invitation":
        target = _target(c, t, who)
        if target is None:
            return []
        values["invitees"] = [target.id]
    elif kind == "announcement":
        events = [d for d in made if d.kind in EVENT_KINDS]
        if not events:
            return []
        values["announces"] = []
    roles = [m for m in (who, to) if m is not None]
    fact = fact_of(kind, values, c, t, roles, 0.5 if kind != "statement" else 0.45)
    if kind == "announcement":
        fact.links["announces"] = [d for d in made if d.kind in EVENT_KINDS]
    anaphor = _ANAPHOR.match(c.text, t.end())
    decided = c.last_decision(anaphor.group(1).lower()) if anaphor else None
    events = [d for d in made if d.kind in EVENT_KINDS] or [d for d in (decided,) if d]
    if kind == "endorsement" and "endorsed" not in values:
        fact.links["endorses"] = events
    if kind == "condemnation" and "target" not in values:
        fact.links["condemns"] = events or [
            d for d in made if d.kind in EVENT_KINDS and d.end > t.end()
        ]
    return [fact]


# what a statement's words do besides stating: a denial ("reports were 'pure fabrication'"), a
# condemnation ("the vessel had 'intruded'", "an illegal step"); the kind, and the words
_REPORTED = {
    "rejection": re.compile(
        r"(?i)\b(fabricat\w+|baseless|groundless|unfounded|untrue|not true|no truth|nonsense|"
        r"false (?:claims?|reports?|accusations?)|(?:had|has|have) not (?:supplied|sent|sold|given)|"
        # "the frigate had been operating lawfully", "had only shipped 'civilian freight'",
        # "said it could not": a defence against a charge, a refusal
        r"lawfully|(?:had|has|have) only|(?:it|they|we) (?:could|would|will) not(?! only))\b"
    ),
    # "those who arm Russia's war will find Europe closed to them": what will befall others
    "threat": re.compile(
        r"(?i)\b((?:will|would) (?:face|pay (?:a|the) price|regret|be (?:punished|held (?:accountable|"
        r"responsible))|find \w+ closed|respond (?:with|in kind|firmly|forcefully)|retaliate))\b"
    ),
    "condemnation": re.compile(
        r"(?i)\b((?:illegal|unlawful)(?!\s+(?:fishing|migration|immigration|immigrants|migrants|"
        r"mining|logging|trafficking|trade|drugs|arms|weapons|workers|settlements?))|provocat\w+|intru(?:ded|sion|sions)|violat(?:ed|ion|ions)|"
        r"aggressi(?:on|ve)|destabili[sz]\w+|irresponsible|reckless)\b"
    ),
}


def reported_acts(c: Context, made: list[Drafted]) -> list[Drafted]:
    """The speech acts a sentence's statements carry in what they report: a statement whose
    words (after its verb) deny or condemn is also a rejection or a condemnation by its speaker,
    unless one was drafted for that speaker already."""
    found: list[Drafted] = []
    for d in [d for d in made if d.kind == "statement"]:
        speakers = d.values.get("speaker") or []
        verb = SPEECH_VERBS.search(c.text, d.start, c.s.end)
        if not speakers or verb is None:
            continue
        for kind, cue in _REPORTED.items():
            done = [h for h in made + found if h.kind == kind and speakers[0] in flat(h.values)]
            opening = re.match(r"\s*[“\"][^”\"]+[”\"]", c.text[c.s.start : verb.start()])
            hit = cue.search(c.text, verb.end(), c.s.end) or (
                cue.search(c.text, c.s.start, verb.start())
                if re.match(r"[”\"],?", c.text[verb.start() - 3 : verb.start()].strip() or "x")
                else cue.search(c.text, c.s.start, c.s.start + opening.end())
                if opening
                else None
            )  # a quotation before the verb: "'…illegal…', the ministry said", "'…,' X, a
            # spokesperson for Y, said'
            if done or hit is None:
                continue
            values: dict = {"speaker": list(speakers)}
            if kind == "rejection":
                values["rejected"] = " ".join(c.text[hit.start() : c.s.end].split()[:14]).strip(
                    ' ,.;:"“”'
                )
            elif kind == "threat":
                values["threatened_action"] = hit.group(1)
                values["form"] = "warning"
            else:
                values["form"] = "criticism"
            fact = fact_of(kind, values, c, hit, [], 0.4, "inferred from what is said")
            fact.start, fact.end = min(fact.start, d.start), max(fact.end, d.end)
            if kind == "condemnation":
                last = [h for h in made if h.kind in EVENT_KINDS] or (
                    [c.last_event] if c.last_event else []
                )
                if not last:
                    continue  # nothing to condemn that the draft knows of
                fact.links["condemns"] = last
            found.append(fact)
    return found


def _follows(earlier: str, later: str) -> bool:
    """Whether sentence ``later`` ("P5.2") comes right after ``earlier`` ("P5.1")."""
    a, b = earlier.rpartition("."), later.rpartition(".")
    return a[0] == b[0] and a[2].isdigit() and b[2].isdigit() and int(b[2]) == int(a[2]) + 1


def continued_quote(c: Context) -> list[Drafted]:
    """A sentence that is all quotation, with no verb of saying, right after a statement
    (“…,” said X. “…”): more of X's words, a statement of its own."""
    last = c.last_of.get("statement")
    if last is None or not last.values.get("speaker") or not _follows(last.sentence, c.s.id):
        return []
    q = re.fullmatch(r"\s*[“\"]([^”\"]{8,})[”\"]\s*", c.s.text)
    if q is None:
        return []
    values = {"speaker": list(last.values["speaker"]), "quotation": q.group(1).strip()}
    start = c.s.start + q.start()
    return [Drafted("statement", values, start, start + len(q.group().rstrip()), 0.4, c.s.id,
                    "the words go on from the sentence before")]  # fmt: skip
