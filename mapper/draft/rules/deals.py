"""Deals by rule: agreements and their stage (signed, ratified, negotiating, proposed; active
and passive: "X and Y signed a treaty", "the contract was signed by X and Y") with the signing,
and arms transfers with their supplier, recipient, weapons, numbers and value."""

from __future__ import annotations

import re

from ..names.mentions import Mention
from ..text.numbers import counts_before, money
from .actors import titled_holder
from .context import AGENT, STATE_LIKE, Context, Drafted, fact_of, ids_of
from .lexicon import AGREEMENT_NOUNS, AGREEMENT_TYPES, TRIGGERS, WEAPONS, weapon_category

__all__ = ["agreement", "named_agreement", "provisions", "transfers"]


def agreement(c: Context, t: re.Match) -> list[Drafted]:
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
        return _signed_before(c, t, noun)
    return _agreement_of(c, t, noun, parties, parties)


def _signed_before(c: Context, t: re.Match, noun: re.Match) -> list[Drafted]:
    """ "The agreement is signed in Tokyo", "Signed in Tokyo last year, the agreement ...": no
    parties named, "the agreement" is the one drafted last; its signing, by its parties."""
    earlier = c.last_agreement
    if earlier is None or not t.group(1).lower().startswith("sign"):
        return []
    if not re.search(
        r"(?i)\b(?:the|this|that)\s+$", c.text[max(c.s.start, noun.start() - 6) : noun.start()]
    ):
        return []
    parties = earlier.values.get("parties") or []
    if len(parties) < 2:
        return []
    signing = fact_of("signing", {"agreement": "", "signatories": parties[:4]}, c, t, [], 0.4)
    signing.end = max(signing.end, noun.end())
    signing.start = min(signing.start, noun.start())
    signing.links["agreement"] = earlier
    return [signing]


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
        titled = titled_holder(c, t.start())  # "its defence minister signed": the minister
        signers = [titled.id] if titled else signers
        signing = fact_of(
            "signing", {"agreement": "", "signatories": signers[:4]}, c, t, roles, 0.55
        )
        signing.links["agreement"] = fact  # its id is known once the agreement has one
        made.append(signing)
    return made


_NAMED_DEAL = re.compile(
    r"\b(?:(?P<year>(?:19|20)\d\d) )?(?P<name>(?:[A-Z][\w-]+ ){1,4}"
    r"(?P<noun>Treaty|Agreement|Pact|Accord))\s+between\s+"
)


def named_agreement(c: Context) -> list[Drafted]:
    """A deal the sentence names in passing, with its parties: "the 1951 Mutual Defense
    Treaty between the United States and the Philippines" is in force between them; a year
    before its name dates its signing."""
    made: list[Drafted] = []
    for t in _NAMED_DEAL.finditer(c.text, c.s.start, c.s.end):
        first = c.after(t.end(), AGENT - {"Person"}, within=8)
        second = first and c.after(first.end, AGENT - {"Person"}, skip={first.id}, within=12)
        if not (
            first
            and second
            and re.fullmatch(r"\s+and\s+(?:the\s+)?", c.text[first.end : second.start])
        ):
            continue
        parties = [first.id, second.id]
        values = {
            "agreement_type": AGREEMENT_TYPES[t.group("noun").lower()],
            "parties": parties,
            "stage": "in-force",
        }
        fact = fact_of("agreement", values, c, t, [first, second], 0.45)
        made.append(fact)
        if t.group("year"):
            signing = fact_of(
                "signing",
                {"agreement": "", "signatories": parties, "date": t.group("year")},
                c, t, [first, second], 0.4,
            )  # fmt: skip
            signing.links["agreement"] = fact
            made.append(signing)
    return made


class _Named:
    """A weapon named by its designation ("Russia's S-400 system"), seen as a weapon noun."""

    def __init__(self, start: int, end: int, words: str) -> None:
        self._start, self._end, self._words = start, end, words

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def group(self, _: int = 0) -> str:
        return self._words


def transfers(c: Context, t: re.Match) -> list[Drafted]:
    out = []
    verb = t.group(1).lower()
    selling = verb.startswith(("sell", "sold", "sale", "suppl", "export", "deliver", "transfer",
                               "giv", "gave", "donat", "gift", "hand", "sent", "shipped"))  # fmt: skip
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
    named = [_Named(m.start, m.end, c.text[m.start : m.end]) for m in c.mentions
             if c.types.get(m.id) == "WeaponSystem" and m.start > t.end()]  # fmt: skip
    for w in [*WEAPONS.finditer(c.text, c.s.start, c.s.end), *named]:
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


_EACH_OTHER = re.compile(
    r"(?i)\b(?:the\s+)?(?:armed\s+)?(?:forces|troops)\s+of\s+each\s+(?:country|side|state|party)\s+"
    r"(?:to\s+)?(train|operate|deploy|exercise|be stationed|visit)\w*\s+(?:on|in)\s+the\s+other[’']s"
    r"\s+(?:territory|soil)"
)
_TRANSFER_FROM = re.compile(
    r"(?i)\btransfers?\s+of\s+(?:defen[cs]e\s+|military\s+)?equipment(?:\s+and\s+technology)?\s+from\s+"
)


def provisions(c: Context) -> list[Drafted]:
    """What an agreement drafted before provides, in the words of a later sentence: "lets the
    armed forces of each country train on the other's territory" is access for each on the
    other's soil; "the transfer of defence equipment from Japan" a transfer to the other party."""
    earlier = c.last_agreement
    parties = list(earlier.values.get("parties") or []) if earlier else []
    states = [p for p in parties if c.types.get(p) == "Country"]
    if len(states) != 2:
        return []
    made: list[Drafted] = []
    for m in _EACH_OTHER.finditer(c.text, c.s.start, c.s.end):
        for user, host in (states, states[::-1]):
            values = {"user": user, "host": host, "access_type": ["access-rights"]}
            made.append(fact_of("basing", values, c, m, [], 0.4, "a provision of the agreement"))
    for m in _TRANSFER_FROM.finditer(c.text, c.s.start, c.s.end):
        supplier = c.after(m.end(), {"Country"}, within=5)
        if supplier is None or supplier.id not in states:
            continue
        recipient = next(s for s in states if s != supplier.id)
        values = {"supplier": supplier.id, "recipient": recipient, "status": "planned",
                  "weapon_description": "defence equipment"}  # fmt: skip
        made.append(fact_of("arms_transfer", values, c, m, [supplier], 0.4,
                            "a provision of the agreement"))  # fmt: skip
    return made
