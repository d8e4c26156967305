"""Facts proposed by rule, sentence by sentence: a trigger word of a kind (``lexicon``), the
entities named around it in the sentence for its roles (``context``), and the sentence's
numbers, times and modal words for the rest. Every proposal quotes the words it was drawn from.
Deals are in ``deals``, speech acts in ``speech``, relations in ``relations``, posts (from the
way people are named) in ``posts``."""

from __future__ import annotations

import re

from ..names.gazetteer import Gazetteer
from ..names.mentions import Mention, Proposal
from ..text.sentences import Sentence
from .actors import (
    aid_sides,
    apposed,
    force_named_before,
    forces_of,
    incident_sides,
    other_state,
    subject,
    titled_holder,
    training_sides,
)
from .assessments import assessment
from .context import AGENT, PLACE, STATE_LIKE, Context, Drafted, fact_of, ids_of
from .deals import agreement, named_agreement, provisions, transfers
from .details import (
    access,
    aid_types,
    body,
    conference,
    flat,
    incident,
    listed,
    membership,
    participation,
    rest,
    step,
)
from .lexicon import TRIGGERS
from .posts import named_body_posts, org_posts, possessive_posts, posts, untitled_state_posts
from .relations import RELATION_TRIGGERS, relation
from .speech import EVENT_KINDS, SPEECH_KINDS, continued_quote, reported_acts, speech_act

__all__ = ["Drafted", "propose_facts"]


def _simple(kind: str, c: Context, t: re.Match) -> list[Drafted]:
    """Kinds whose roles are "who" before the trigger and "whom" after it."""
    who = apposed(c, c.before(t.start(), AGENT), t.start())
    whom = c.after(t.end(), AGENT, skip={who.id} if who else set())
    if kind == "aid":
        who, whom = aid_sides(c, t, who, whom)
    if kind == "incident":  # ships as subject and object: the forces they belong to
        acting, target = incident_sides(c, t)
        if acting is not None or target is not None:
            who = Mention(t.start(), t.start(), acting) if acting else subject(c, t) or who
            whom = Mention(t.end(), t.end(), target) if target else whom
            whom = None if whom is not None and who is not None and whom.id == who.id else whom
    if kind == "training":
        who, whom = training_sides(c, t, who, whom)
    if kind == "visit":  # "Pakistan's Chief of Army Staff visits": the holder of that post
        who = titled_holder(c, t.start()) or who
    passive = re.match(r"\s+by\s+(?:the\s+)?", c.text[t.end() : c.s.end])
    if kind == "agreement_step" and passive:  # "must first be ratified by the National Assembly"
        who = c.after(t.end() + passive.end(), AGENT, within=3) or who
    earlier = c.last_of.get("sanction")
    if kind == "sanction" and re.match(r"(?i)(?:were|was) ", t.group()):
        # "X and Y were also banned from entering": more targets of the last sanction's imposer
        if earlier is None:
            return []
        imposer = [
            i for i in earlier.values["imposer"] if c.types.get(i) not in ("Group", "Person")
        ]
        if not imposer:  # "EU foreign ministers agreed to freeze ...": the state or body
            first = c.first_of.get("sanction")  # that imposed the article's first sanction
            imposer = [
                i for i in (first.values["imposer"] if first else [])
                if c.types.get(i) not in ("Group", "Person")
            ] or earlier.values["imposer"]  # fmt: skip
        named = [m for m in c.mentions if m.end <= t.start() and c.types.get(m.id) in AGENT]
        targets = [m for m in named if c.types.get(m.id) != "Country" and m.id not in imposer]
        if not targets:
            return []
        values = {"imposer": list(imposer), "targets": ids_of(targets), "action": "imposed"}
        return [fact_of(kind, values, c, t, targets, 0.45)]
    if kind == "sanction" and whom is not None:  # not what a relative clause names after it
        cut = re.search(r"\b(?:that|which|who|for|over|after|with)\b", c.text[whom.end : c.s.end])
        c = c.clipped(whom.end + cut.start()) if cut else c
    rules = {
        "visit": lambda: (
            who
            and (c.after(t.end(), PLACE | AGENT, skip={who.id}))
            and {
                "visitor": [who.id],
                "destination": c.after(t.end(), PLACE | AGENT, skip={who.id}).id,
            }
        ),
        "meeting": lambda: (
            {"participants": c.two_sides()}
            if t.group(1).lower().startswith("bilateral") and len(c.two_sides()) == 2
            else who and whom and {"participants": [who.id, whom.id]}
        ),
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
            who
            and c.types.get(who.id) != "Person"  # states and bodies give aid, not a speaker
            and whom
            and {"provider": [who.id], "recipient": whom.id, "aid_type": aid_types(c, t)}
        ),
        "training": lambda: who and whom and {"trainer": [who.id], "trainees": [whom.id]},
        "membership": lambda: (
            (org := body(c, t, {"InternationalOrganization", "Programme"}))
            and who
            and who.id != org.id
            and {"member": who.id, "organization": org.id, "action": membership(t.group(1))}
        ),
        "programme_participation": lambda: (
            (p := body(c, t, {"Programme"}, within=140) or c.before(t.start(), {"Programme"}))
            and (x := c.before(t.start(), {"Country", "Company"}) or c.after(t.end(), {"Country"}))
            and {"participant": x.id, "programme": p.id, "action": participation(t.group(1))}
        ),
        "conference": lambda: (
            len(c.all(AGENT)) >= 1
            and {
                "event_type": conference(t.group(1)),
                "participants": ids_of(c.all(STATE_LIKE | {"Person"}))[:8]
                or ids_of(c.all(AGENT))[:8],
            }
        ),
        "incident": lambda: (
            who
            and {
                "actors": [who.id],
                "incident_type": [incident(t.group(1))],
                **({"targets": [whom.id]} if whom else {}),
            }
        ),
        "coproduction": lambda: (
            len(c.all(AGENT)) >= 2
            and {
                # the makers when two are named ("Tammi Defence and UMC will build"), else all
                "partners": (
                    ids_of(c.all({"Company", "StateOwnedEnterprise"}))
                    if len(ids_of(c.all({"Company", "StateOwnedEnterprise"}))) >= 2
                    else ids_of(c.all(AGENT))
                )[:4],
                "product": rest(c, t),
            }
        ),
        "military_operation": lambda: (
            (actor := subject(c, t) or force_named_before(c, t))
            and (
                not t.group(1).lower().startswith("withdr")
                # "withdraws from Afghanistan": from a place, not "from the programme"
                or (c.after(t.end(), PLACE, within=6) is not None)
            )
            and {"conducted_by": [actor.id]}
        ),
        "agreement_step": lambda: (
            c.last_agreement is not None
            and {
                "agreement": "",
                "step": step(t.group(1)),
                **({"by": [who.id]} if who and -60 <= t.start() - who.end <= 40 else {}),
            }  # fmt: skip
        ),
        "investigation": lambda: (
            who
            and (whom or c.last_event)
            and {
                "investigator": [who.id],
                **({"subject": [whom.id]} if whom else {"about_facts": ""}),
            }  # fmt: skip
        ),
        "basing": lambda: (
            (user := forces_of(c, who))
            and (host := whom if whom and whom.id != user.id else other_state(c, user))
            and {"user": user.id, "host": host.id, "access_type": [access(t.group(1))]}
        ),
    }
    values = rules[kind]() if kind in rules else None  # e.g. announcement: needs its facts
    own = re.search(r"\b(?:its|their) own\s+(?:[\w-]+\s+){0,2}$", c.text[c.s.start : t.start()])
    if kind == "exercise" and values and own and len(values["participants"]) == 1:
        # "China, which held its own live-fire drills": one state's drills are its operation
        actor = subject(c, t)
        if actor is None:
            return []
        op = {"conducted_by": [actor.id]}
        return [fact_of("military_operation", op, c, t, [actor], 0.45, "drills of its own")]
    if kind == "agreement_step" and values:
        fact = fact_of(kind, values, c, t, [who] if "by" in values else [], 0.45)
        fact.links["agreement"] = c.last_agreement
        return [fact]
    if kind == "investigation" and values and "about_facts" in values:
        fact = fact_of(kind, values, c, t, [who], 0.45)
        fact.links["about_facts"] = [c.last_event]
        return [fact]
    if not values or any(v in (None, "", []) for v in values.values()):
        return []
    sides = c.two_sides() if kind == "programme_participation" else []
    head = c.text[c.s.start : t.start()]
    if len(sides) == 2 and re.search(
        r"(?i)\b(?:the two|both) (?:countries|states)\s+(?:\w+\s+){0,3}$", head
    ):
        # "The two countries are already partners in X's programme": each of them takes part
        return [fact_of(kind, {**values, "participant": side}, c, t, [], 0.45) for side in sides]
    if kind == "aid" and whom is not None:  # "grants to the Philippines, Fiji and Malaysia"
        made = []
        for m in [whom, *(listed(c, whom) if whom.end > whom.start else [])]:
            if c.part_of.get(m.id):  # aid to a state's navy is aid to the state
                m = Mention(m.start, m.end, c.part_of[m.id])
            one = {**values, "recipient": m.id}
            made.append(fact_of(kind, one, c, t, [who, m], 0.5))
        return made
    roles = [m for m in c.mentions if m.id in flat(values)]
    return [fact_of(kind, values, c, t, roles, 0.45 if kind == "military_operation" else 0.5)]


def _acts(text: str, m: Mention) -> bool:
    """Whether the place named at ``m`` is the subject of a verb (not "in Jakarta")."""
    head = text[max(0, m.start - 5) : m.start].lower()
    tail = text[m.end : m.end + 30]
    return not re.search(r"\b(in|at|to|from|near|of|into|over|via)\s+$", head) and bool(
        re.match(
            r"[’']s\b|\s+(?:has|have|had|is|was|will|would|can|could|must|may|"
            r"(?:also |later |then )?(?:[a-z]{2,}(?:s|ed)|bought|sold|sent|said|took|gave|made|"
            r"won|lost|held|met|told|left|began|built|sought|struck|kept|set|put))\b"
            r"(?!\s+(?:of|to)\b)",
            tail,
        )
    )  # fmt: skip  "Budapest owes", "Beijing says", "Jakarta has spread": a verb, not "in Jakarta"


# kinds a sentence may hold several of, told apart by: "X said ..., Y said", "ratified ... to
# enter into force"
_SEVERAL = {
    "agreement_step": lambda d: d.values.get("step"),
    "statement": lambda d: tuple(d.values.get("speaker", ())),
    # "would ask the board to reconsider and could seek compensation": each demand once
    "demand": lambda d: (tuple(d.values.get("speaker", ())), d.values.get("demand")),
    # "As Russia's defense minister visits Pakistan, Pakistan's army chief visits Washington"
    "visit": lambda d: tuple(d.values.get("visitor", ())),
    # "the destroyer crossed its bow and a helicopter circled it": each actor once
    "incident": lambda d: tuple(d.values.get("actors", ())),
    # "rejoined the partnership after suspending its membership": each action once
    "membership": lambda d: (d.values.get("member"), d.values.get("action")),
}


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
    part_of = {i: p.known.part_of for i, p in proposals.items() if p.known.part_of}
    found = posts(proposals, sentences)
    posted = {d.values["holder"] for d in found}
    labels = {i: p.known.label for i, p in proposals.items()}
    drafted_posts = org_posts(text, mentions, types, sentences, labels)
    found += [d for d in drafted_posts if d.values["holder"] not in posted]
    posted |= {d.values["holder"] for d in found}
    body_posts = named_body_posts(text, mentions, types, sentences, labels)
    found += [d for d in body_posts if d.values["holder"] not in posted]
    posted |= {d.values["holder"] for d in found}
    found += [
        d
        for d in untitled_state_posts(text, mentions, types, sentences, part_of)
        if d.values["holder"] not in posted
    ]
    posted |= {d.values["holder"] for d in found}
    found += [
        d
        for d in possessive_posts(text, mentions, types, sentences)
        if d.values["holder"] not in posted
    ]
    last_agreement = last_event = None
    last_of: dict[str, Drafted] = {}
    first_of: dict[str, Drafted] = {}
    for s in sentences:
        c = Context(text, s, mentions, types)
        c.part_of = {i: p.known.part_of for i, p in proposals.items() if p.known.part_of in types}
        c.last_agreement, c.last_event, c.last_of = last_agreement, last_event, last_of
        c.first_of = first_of
        c.posts = [d for d in found if d.kind == "post"]
        here: list[Drafted] = []
        words = re.findall(r"[^\W\d_][\w’'-]*", s.text)
        headline = len(words) > 2 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)
        # events first, then what is said of them (an announcement names the events it announces)
        for kind, trigger in [*((k, t) for k, t in TRIGGERS.items() if k not in SPEECH_KINDS),
                              *RELATION_TRIGGERS.items(),
                              *((k, TRIGGERS[k]) for k in SPEECH_KINDS)]:  # fmt: skip
            for t in trigger.finditer(text, s.start, s.end):
                if any(m.start <= t.start() < m.end for m in c.mentions) or (
                    t.group()[0].isupper() and t.start() != s.start and not headline
                ):
                    continue  # a word of a name: "Vistula Security Forum", "Security Assistance"
                if kind == "agreement":
                    made = agreement(c, t)
                elif kind == "arms_transfer":
                    made = transfers(c, t)
                elif kind in SPEECH_KINDS:
                    made = speech_act(kind, c, t, here)
                elif kind in RELATION_TRIGGERS:
                    made = relation(kind, c, t)
                else:
                    made = _simple(kind, c, t)
                if kind in _SEVERAL:  # several steps (or speakers) in a sentence, once each
                    seen = {_SEVERAL[kind](h) for h in here if h.kind == kind}
                    made = [d for d in made if _SEVERAL[kind](d) not in seen]
                here += made
                last_agreement = next((d for d in made if d.kind == "agreement"), last_agreement)
                c.last_agreement = last_agreement
                if made and kind not in _SEVERAL:
                    break  # one fact of a kind per sentence: the first trigger that gives one
        if not any(d.kind == "agreement" for d in here):
            here += named_agreement(c)
        here += [d for d in provisions(c) if not any(h.kind == d.kind for h in here)]
        here += reported_acts(c, here) or ([] if here else continued_quote(c))
        found += here
        found += assessment(c, bool(here))
        last_event = next((d for d in reversed(here) if d.kind in EVENT_KINDS), last_event)
        for d in here:
            last_of[d.kind] = d
            first_of.setdefault(d.kind, d)
    return sorted(found, key=lambda d: (d.start, d.kind))
