"""Facts proposed by rule, sentence by sentence: a trigger word of a kind (``lexicon``), the
entities named around it in the sentence for its roles (``context``), and the sentence's
numbers, times and modal words for the rest. Every proposal quotes the words it was drawn from;
posts come from the way people are named (``posts``)."""

from __future__ import annotations

import re

from .context import AGENT, PLACE, STATE_LIKE, Context, Drafted, fact_of, ids_of
from .gazetteer import Gazetteer
from .lexicon import AGREEMENT_NOUNS, AGREEMENT_TYPES, TRIGGERS, WEAPONS, weapon_category
from .mentions import Mention, Proposal
from .numbers import counts_before, money
from .posts import named_body_posts, org_posts, posts
from .relations import RELATION_TRIGGERS, relation
from .sentences import Sentence
from .speech import EVENT_KINDS, SPEECH_KINDS, speech_act

__all__ = ["Drafted", "propose_facts"]


def _agreement(c: Context, t: re.Match) -> list[Drafted]:
    noun = AGREEMENT_NOUNS.search(c.text, t.end(), min(c.s.end, t.end() + 70))
    passive = None
    if noun is None:  # "the contract was signed ... by X and Y"
        noun = AGREEMENT_NOUNS.search(c.text, max(c.s.start, t.start() - 50), t.start())
        passive = re.search(r"\bby\b", c.text[t.end() : c.s.end])
        if noun is None or not re.search(
            r"\b(?:was|were|is|been|be)\s+$", c.text[noun.end() : t.start()][-12:]
        ):
            return []
    if passive:
        by = t.end() + passive.end()
        signers = [m for m in c.mentions if m.start >= by and c.types.get(m.id) in AGENT]
        states = ids_of(c.all(AGENT - {"Person"}))
        if len(states) >= 2:
            return _agreement_of(c, t, noun, states, ids_of(signers) or states)
        return []
    subject = c.before(t.start(), AGENT - {"Person"})
    with_ = re.search(r"\bwith\b", c.text[t.end() : c.s.end])
    other = None
    if with_:
        other = c.after(t.end() + with_.end(), AGENT - {"Person"}, within=70)
        if other is not None and c.types.get(other.id) == "Country":
            other = c.after(other.end, {"Company", "StateOwnedEnterprise"}, within=40) or other
    parties = ids_of([subject, other]) if subject and other and subject.id != other.id else []
    parties = parties or ids_of(c.all(AGENT - {"Person"}))
    if len(parties) < 2:
        parties = c.two_sides()
    if len(parties) < 2:
        return []
    return _agreement_of(c, t, noun, parties, parties)


def _agreement_of(c: Context, t: re.Match, noun, parties: list, signers: list) -> list[Drafted]:
    verb = t.group(1).lower()
    stage = "signed"
    if verb.startswith("ratif"):
        stage = "ratified"
    elif verb.startswith("negotiat"):
        stage = "negotiating"
    values = {
        "agreement_type": AGREEMENT_TYPES[noun.group(1).lower()],
        "parties": parties[:4],
    }
    modal = c.modality(t.start())
    values["stage"] = "proposed" if modal.get("aspect") == "planned" else stage
    roles = [m for m in c.mentions if m.id in parties[:4]]
    fact = fact_of("agreement", values, c, t, roles, 0.6)
    fact.end = max(fact.end, noun.end())
    made = [fact]
    if verb.startswith(("sign", "ink", "exchang")):
        signing = fact_of(
            "signing", {"agreement": "", "signatories": signers[:4]}, c, t, roles, 0.55
        )
        signing.links["agreement"] = fact  # its id is known once the agreement has one
        made.append(signing)
    return made


def _transfers(c: Context, t: re.Match) -> list[Drafted]:
    out = []
    verb = t.group(1).lower()
    selling = verb.startswith(("sell", "sold", "sale", "suppl", "export", "deliver", "transfer",
                               "giv", "gave", "donat", "gift", "hand"))  # fmt: skip
    recipient = c.before(t.start(), STATE_LIKE | {"Company"})
    seller = None
    if selling:  # "X sold drones to Y", "denied supplying weapons to Y": the subject supplies
        to = re.search(r"\bto\b", c.text[t.end() : c.s.end])
        buyer = to and c.after(t.end() + to.end(), STATE_LIKE | {"Company"}, within=40)
        if not buyer and verb.startswith(
            ("giv", "gave", "hand")
        ):  # "give Sri Lanka's navy four boats"
            buyer = c.after(t.end(), STATE_LIKE, within=6)
        if buyer:
            seller, recipient = recipient, buyer
    if recipient is not None and c.part_of.get(recipient.id):
        recipient = Mention(recipient.start, recipient.end, c.part_of[recipient.id])
    seen: set[str] = set()
    for w in WEAPONS.finditer(c.text, c.s.start, c.s.end):
        noun = w.group(1)
        if noun.lower() in seen:
            continue
        seen.add(noun.lower())
        adjective = c.before(w.start(), {"Country"})
        gap = c.text[adjective.end : w.start()] if adjective else ""
        near = adjective and len(gap) <= 25 and not TRIGGERS["arms_transfer"].search(gap)
        near = near and not (recipient is not None and adjective.id == recipient.id)
        supplier = adjective if near else seller  # "Korean frigates", not "Indonesia has ordered"
        own = re.match(r"\s+(?:\w+\s+){0,2}?from\s+", c.text[w.end() : c.s.end])
        if own:  # "fighter jets from France and transport aircraft from the United States"
            supplier = c.after(w.end() + own.end(), AGENT - {"Person"}, within=5) or supplier
        if supplier is None:
            frm = re.search(r"\b(?:from|with)\b", c.text[t.end() : c.s.end])
            if frm:
                supplier = c.after(t.end() + frm.end(), AGENT - {"Person"}, within=70)
                if supplier is not None and c.types.get(supplier.id) == "Country":
                    maker = c.after(supplier.end, {"Company", "StateOwnedEnterprise"}, within=40)
                    supplier = maker or supplier
        if recipient is None or supplier is None or supplier.id == recipient.id:
            continue
        values: dict = {
            "supplier": supplier.id,
            "recipient": recipient.id,
            "weapon_category": weapon_category(noun),
            "weapon_description": noun,
        }
        count = counts_before(c.text, w.start())
        if count is not None:
            values["number_ordered"] = count.as_yaml()
        values["status"] = "delivered" if selling and not verb.startswith("sale") else "ordered"
        if c.modality(t.start()).get("aspect") == "planned" or verb == "letter of intent":
            values["status"] = "planned"
        fact = fact_of("arms_transfer", values, c, t, [recipient, supplier], 0.55)
        fact.start = min(fact.start, count.start if count else w.start())
        fact.end = max(fact.end, w.end())
        out.append(fact)
    amounts = money(c.text[c.s.start : c.s.end])
    if len(out) == 1 and len(amounts) == 1:
        out[0].values["value"] = amounts[0].as_yaml()
    return out


def _simple(kind: str, c: Context, t: re.Match) -> list[Drafted]:
    """Kinds whose roles are "who" before the trigger and "whom" after it."""
    who = c.before(t.start(), AGENT)
    whom = c.after(t.end(), AGENT, skip={who.id} if who else set())
    rules = {
        "visit": lambda: (
            who
            and (c.after(t.end(), PLACE | AGENT, skip={who.id}))
            and {
                "visitor": [who.id],
                "destination": c.after(t.end(), PLACE | AGENT, skip={who.id}).id,
            }
        ),
        "meeting": lambda: who and whom and {"participants": [who.id, whom.id]},
        "sanction": lambda: (
            who
            and whom
            and {
                "imposer": [who.id],
                "targets": ids_of(
                    [whom] + [m for m in c.all(AGENT) if m.start > whom.start and m.id != who.id]
                ),
                "action": "lifted" if re.search(r"\blift", c.s.text) else "imposed",
            }
        ),
        "exercise": lambda: (
            len(c.all(STATE_LIKE)) >= 1 and {"participants": ids_of(c.all(STATE_LIKE))}
        ),
        "aid": lambda: (
            who and whom and {"provider": [who.id], "recipient": whom.id, "aid_type": _aid(c, t)}
        ),
        "training": lambda: who and whom and {"trainer": [who.id], "trainees": [whom.id]},
        "membership": lambda: (
            (org := _body(c, t, {"InternationalOrganization", "Programme"}))
            and who
            and who.id != org.id
            and {"member": who.id, "organization": org.id, "action": _membership(t.group(1))}
        ),
        "programme_participation": lambda: (
            (p := _body(c, t, {"Programme"}, within=140) or c.before(t.start(), {"Programme"}))
            and (x := c.before(t.start(), {"Country", "Company"}) or c.after(t.end(), {"Country"}))
            and {"participant": x.id, "programme": p.id, "action": _participation(t.group(1))}
        ),
        "conference": lambda: (
            len(c.all(AGENT)) >= 1
            and {
                "event_type": _conference(t.group(1)),
                "participants": ids_of(c.all(STATE_LIKE | {"Person"}))[:8]
                or ids_of(c.all(AGENT))[:8],
            }
        ),
        "incident": lambda: (
            who
            and {
                "actors": [who.id],
                "incident_type": [_incident(t.group(1))],
                **({"targets": [whom.id]} if whom else {}),
            }
        ),
        "basing": lambda: (
            who and whom and {"user": who.id, "host": whom.id, "access_type": [_access(t.group(1))]}
        ),
        "coproduction": lambda: (
            len(c.all(AGENT)) >= 2
            and {"partners": ids_of(c.all(AGENT))[:4], "product": _rest(c, t)}
        ),
        "military_operation": lambda: who and {"conducted_by": [who.id]},
        "agreement_step": lambda: (
            who
            and c.last_agreement is not None
            and {"agreement": "", "step": _step(t.group(1)), "by": [who.id]}
        ),
    }
    values = rules[kind]() if kind in rules else None  # e.g. announcement: needs its facts
    if kind == "agreement_step" and values:
        fact = fact_of(kind, values, c, t, [who], 0.45)
        fact.links["agreement"] = c.last_agreement
        return [fact]
    if not values or any(v in (None, "", []) for v in values.values()):
        return []
    if kind == "aid" and whom is not None:  # "grants to the Philippines, Fiji and Malaysia"
        made = []
        for m in [whom, *_listed(c, whom)]:
            if c.part_of.get(m.id):  # aid to a state's navy is aid to the state
                m = Mention(m.start, m.end, c.part_of[m.id])
            one = {**values, "recipient": m.id}
            made.append(fact_of(kind, one, c, t, [who, m], 0.5))
        return made
    roles = [m for m in c.mentions if m.id in _flat(values)]
    return [fact_of(kind, values, c, t, roles, 0.45 if kind == "military_operation" else 0.5)]


def _listed(c: Context, first: Mention) -> list[Mention]:
    """The entities listed after ``first`` ("X, Y and Z"): same type, joined by commas or and."""
    out, last = [], first
    for m in c.mentions:
        if m.start < last.end or c.types.get(m.id) != c.types.get(first.id):
            continue
        if not re.fullmatch(r",?\s*(?:and\s+|or\s+)?(?:the\s+)?", c.text[last.end : m.start]):
            break
        out.append(m)
        last = m
    return out


def _aid(c: Context, t: re.Match) -> list[str]:
    words = c.s.text.lower()
    kinds = [k for k, p in (("financing", r"loan|credit|fund|financ|grant|\$|million|billion"),
                            ("training", r"train"), ("equipment", r"equipment|boats?|radars?|vehicles?|aircraft"),
                            ("maintenance", r"spare parts|maintenance"), ("infrastructure", r"infrastructure|port|runway"))
             if re.search(p, words)]  # fmt: skip
    return kinds[:2] or ["equipment"]


def _flat(values: dict) -> set:
    out = set()
    for v in values.values():
        out.update(v if isinstance(v, list) else [v])
    return {v for v in out if isinstance(v, str)}


def _rest(c: Context, t: re.Match) -> str:
    words = c.text[t.end() : c.s.end].strip(' ,.;:—–-"“”')
    return " ".join(words.split()[:14]) or t.group()


_ANAPHOR_BODY = re.compile(
    r"(?i)\bthe (?:alliance|bloc|partnership|organi[sz]ation|union|programme|program|project|"
    r"effort|framework|initiative)\b"
)


def _body(c: Context, t: re.Match, kinds: set[str], within: int = 90) -> Mention | None:
    """The organisation or programme a member joins: named after the verb (the last of a
    possessive chain: "NATO's Partnership for Peace"), or "the alliance", "the programme": the
    last one named before."""
    found = c.after(t.end(), kinds, within=within)
    while found is not None and re.match(r"[’']s\s", c.text[found.end : found.end + 3]):
        owned = c.after(found.end, kinds, within=4)
        if owned is None:
            break
        found = owned
    if found is not None:
        return found
    word = _ANAPHOR_BODY.search(c.text, t.end(), min(c.s.end, t.end() + 40))
    if word is None:
        return None
    earlier = [m for m in c.every if m.end <= word.start() and c.types.get(m.id) in kinds]
    return earlier[-1] if earlier else None


def _membership(verb: str) -> str:
    v = verb.lower()
    for prefix, action in (("rejoin", "joined"), ("join", "joined"), ("admit", "joined"),
                           ("access", "joined"), ("appl", "applied"), ("suspend", "suspended"),
                           ("left", "left"), ("leav", "left"), ("quit", "left"), ("expel", "expelled")):  # fmt: skip
        if v.startswith(prefix):
            return action
    return "member"


def _participation(verb: str) -> str:
    v = verb.lower()
    for prefix, action in (("expel", "expelled"), ("remov", "expelled"), ("exclud", "expelled"),
                           ("end", "expelled"), ("sign", "joined"),
                           ("suspend", "suspended"), ("withdr", "withdrew"), ("join", "joined")):  # fmt: skip
        if v.startswith(prefix):
            return action
    return "participating"


def _step(word: str) -> str:
    w = word.lower()
    for prefix, step in (("ratif", "ratification"), ("enter", "entry-into-force"),
                         ("approv", "approval"), ("suspend", "suspension"), ("withdr", "withdrawal"),
                         ("terminat", "termination"), ("expir", "expiry"), ("extend", "extension"),
                         ("renew", "extension")):  # fmt: skip
        if w.startswith(prefix):
            return step
    return "approval"


def _conference(word: str) -> str:
    w = word.lower()
    return {
        "summit": "summit",
        "forum": "forum",
        "exhibition": "exhibition",
        "air show": "exhibition",
        "expo": "exhibition",
    }.get(w, "conference")


def _incident(word: str) -> str:
    w = word.lower()
    for prefix, kind in (("water cannon", "water-cannon"), ("ram", "ramming"), ("collid", "collision"),
                         ("collision", "collision"), ("block", "blocking"), ("intercept", "interception"),
                         ("fired", "warning-shots"), ("shadow", "shadowing"), ("harass", "harassment"),
                         ("seiz", "seizure"), ("laser", "laser")):  # fmt: skip
        if w.startswith(prefix):
            return kind
    return "other"


def _access(word: str) -> str:
    w = word.lower()
    if w.startswith("port call"):
        return "port-calls"
    if w.startswith("rotational"):
        return "rotational-presence"
    return "access-rights"


def _acts(text: str, m: Mention) -> bool:
    """Whether the place named at ``m`` is the subject of a verb (not "in Jakarta")."""
    head = text[max(0, m.start - 5) : m.start].lower()
    tail = text[m.end : m.end + 30].lower()
    return not re.search(r"\b(in|at|to|from|near|of)\s+$", head) and bool(
        re.match(r"[’']s\b|\s+(has|have|had|is|was|says|said|will|would|wants|signed|plans|"
                 r"rejected|denied|warned|sees|called|announced|accused|spread|bought|ordered)\b", tail)
    )  # fmt: skip


ASSESSMENT_CUES = re.compile(
    r"\b(analysts?|experts?|observers?|seen as|signals?|message|likely|unlikely|appears?|suggests?|"
    r"risks?|concerns?|reflects?|underscores?|highlights?|marks? the|first time|largest|biggest|"
    r"remains?|comes as|amid|because|since|largely|mostly|increasingly|growing|long-standing)\b",
    re.IGNORECASE,
)


def _assessment(c: Context, taken: bool) -> list[Drafted]:
    """A sentence that judges rather than reports (and gave no other fact): the article's
    assessment of the entities it names, its words kept as the summary to rewrite."""
    cue = ASSESSMENT_CUES.search(c.s.text)
    subjects = ids_of(c.all(AGENT | PLACE | {"Programme", "WeaponSystem"}))[:6]
    if not subjects or (cue is None and taken):
        return []
    summary = " ".join(c.s.text.split())
    values = {"subject": subjects, "summary": summary[:300]}
    return [Drafted("assessment", values, c.s.start, c.s.end, 0.3, c.s.id, "rewrite the summary")]


def propose_facts(
    text: str,
    sentences: list[Sentence],
    mentions: list[Mention],
    proposals: dict[str, Proposal],
    gazetteer: Gazetteer,
) -> list[Drafted]:
    """Every fact the rules find, in text order."""
    types = {i: p.known.type for i, p in proposals.items()}
    capitals = {
        p.known.id: p.known.located_in
        for p in proposals.values()
        if p.known.type == "City" and p.known.located_in
    }
    # a capital that acts stands for its state: "Jakarta has spread its orders", "Beijing says"
    mentions = [
        Mention(m.start, m.end, capitals[m.id])
        if m.id in capitals and _acts(text, m) and capitals[m.id] in types
        else m
        for m in mentions
    ]
    found = posts(proposals, sentences)
    posted = {d.values["holder"] for d in found}
    labels = {i: p.known.label for i, p in proposals.items()}
    drafted_posts = org_posts(text, mentions, types, sentences, labels)
    found += [d for d in drafted_posts if d.values["holder"] not in posted]
    posted |= {d.values["holder"] for d in found}
    body_posts = named_body_posts(text, mentions, types, sentences, labels)
    found += [d for d in body_posts if d.values["holder"] not in posted]
    last_agreement = last_event = None
    for s in sentences:
        c = Context(text, s, mentions, types)
        c.part_of = {i: p.known.part_of for i, p in proposals.items() if p.known.part_of in types}
        c.last_agreement, c.last_event = last_agreement, last_event
        here: list[Drafted] = []
        # events first, then what is said of them (an announcement names the events it announces)
        for kind, trigger in [*((k, t) for k, t in TRIGGERS.items() if k not in SPEECH_KINDS),
                              *RELATION_TRIGGERS.items(),
                              *((k, TRIGGERS[k]) for k in SPEECH_KINDS)]:  # fmt: skip
            for t in trigger.finditer(text, s.start, s.end):
                if kind == "agreement":
                    made = _agreement(c, t)
                elif kind == "arms_transfer":
                    made = _transfers(c, t)
                elif kind in SPEECH_KINDS:
                    made = speech_act(kind, c, t, here)
                elif kind in RELATION_TRIGGERS:
                    made = relation(kind, c, t)
                else:
                    made = _simple(kind, c, t)
                here += made
                last_agreement = next((d for d in made if d.kind == "agreement"), last_agreement)
                c.last_agreement = last_agreement
                if made:
                    break  # one fact of a kind per sentence: the first trigger that gives one
        found += here
        found += _assessment(c, bool(here))
        last_event = next((d for d in reversed(here) if d.kind in EVENT_KINDS), last_event)
    return sorted(found, key=lambda d: (d.start, d.kind))
