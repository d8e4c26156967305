"""The trigger lexicon: the words that signal each kind of fact (after PLOVER's and CAMEO's
verb phrases), and the words that set a fact's aspect and certainty."""

from __future__ import annotations

import re

__all__ = [
    "AGREEMENT_NOUNS",
    "HEDGES",
    "PLANNED",
    "TRIGGERS",
    "WEAPONS",
    "weapon_category",
]


def _re(pattern: str) -> re.Pattern:
    return re.compile(pattern, re.IGNORECASE)


# kind -> trigger (the first group, when there is one, is the word that decides a detail)
TRIGGERS: dict[str, re.Pattern] = {
    "visit": _re(r"\b(visit(?:ed|s|ing)?|trip to|travell?ed to|arrived in|tour(?:ed)? of)\b"),
    "meeting": _re(
        r"\b(met with|met|meets|meeting with|held talks|hold talks|talks with|"
        r"bilateral (?:[\w-]+ ){0,2}talks)\b"
    ),
    "agreement": _re(
        r"\b(sign(?:ed|s|ing)?|ink(?:ed|s)?|conclud(?:ed|es)|ratif(?:y|ied|ies|ication)|"
        r"negotiat\w+|agreed|exchang(?:ed|e)|adopt(?:ed|s)|reach(?:ed)?|struck|finali[sz]ed)\b"
    ),
    "arms_transfer": _re(
        r"\b(order(?:ed|s)?|buy(?:ing|s)?|bought|purchas\w+|acquir\w+|procur\w+|deliver\w*|"
        r"sell(?:ing|s)?|sold|sale|export\w*|import\w*|suppl(?:y|ies|ied)|"
        r"transferr?(?:ed|ing)? |giv(?:e|es|ing)|gave|donat\w+|gift(?:s|ed)?|hand(?:s|ed)? over|"
        r"letter of intent|contract|deal|"
        # the passive of a shipment: "drones later sent to Russia", "shipped to Romania"
        r"(?:sent|shipped)(?=\s+(?:\w+\s+)?to\s))\b"
    ),
    "sanction": _re(
        r"\b(sanction(?:s|ed|ing)?|embargo(?:es)?|asset freezes?|freez(?:e|es|ing) (?:the )?assets|"
        r"travel bans?|export controls?|blacklist\w*|restrictions on (?:arms|weapons|exports)|"
        # the passive that extends an earlier sanction to more targets
        r"(?:were|was) (?:also )?(?:banned from (?:entering|travell?ing)|added to the (?:\w+ )?list))\b"
    ),
    "exercise": _re(
        r"\b(exercises?|drills?|war games|manoeuvres|maneuvers|"
        r"(?:training|train|trained|drilling|exercising) (?:side by side|together|alongside)|"
        r"joint (?:[\w-]+ ){0,2}landings?)\b"
    ),
    "aid": _re(
        r"\b(military aid|security assistance|aid package|donat\w+|gift(?:ed)?|grant(?:ed)?|"
        r"(?:military|security|financial) support (?:for|to)|"
        r"will give|gave|give|provid(?:e|ed|es|ing)|fund(?:ed|s|ing)?|financ\w+|loan|"
        r"export credits?|credit line|line of credit|"
        r"recipients? (?:include|includes|are|were|have been))\b"
    ),
    "agreement_step": _re(
        r"\b(ratif(?:y|ied|ies|ication)|entered into force|enters? into force|entry into force|"
        r"adopted|approv(?:ed|al)|"
        r"suspend(?:ed|s)?|withdr[ae]w(?:n)? from|terminat(?:ed|es)|expir(?:ed|es|y)|"
        r"extend(?:ed|s)?|renew(?:ed|s)?)\b"
    ),
    "training": _re(r"\b(train(?:ing|ed|s)?|instructors?)\b"),
    "membership": _re(
        r"\b((?:re)?join(?:ed|s|ing)?|accession|admitted|appl(?:ied|ies) (?:to join|for membership)|"
        r"suspend(?:ed|ing)? its membership|left|quit|membership|member)\b"
    ),
    "programme_participation": _re(
        r"\b(expel\w*|remov\w+|exclud\w+|suspend\w*|withdr[ae]w\w*|join(?:ed|s)?|signed up|"
        r"end(?:ed)? \w+[’']s participation|partners? in|tak(?:e|es|ing) part|took part|participat\w+)\b"
    ),
    "statement": _re(
        r"\b(said|says|told|stated|added|noted|declared|confirmed|insisted|argued|claimed|"
        r"explained|wrote|replied|responded|stressed|acknowledged|maintained|"
        r"clarif(?:y|ied|ies)|expressed|voiced|"
        # the noun: "a statement made earlier by X that ...", "remarks by X"
        r"(?:statement|remarks|comments)(?=\s+(?:made\s+|issued\s+)?(?:\w+\s+){0,2}by\s)|"
        r"declined to (?:confirm|comment|say|discuss|disclose))\b"
    ),
    "threat": _re(r"\b(threaten\w*|warn(?:ed|s|ing)?|vow(?:ed|s)?)\b"),
    "demand": _re(
        r"\b(demand(?:ed|s)?|call(?:ed|s|ing)? (?:on|for)|urg(?:ed|es|ing)|press(?:ed|es|ing)|"
        r"ask(?:ed|s)? (?:\w+ ){0,4}to|appeal(?:ed|s)? (?:to|for)|"
        r"seek(?:s|ing)? (?:compensation|damages|reparations|an apology|guarantees|assurances)|"
        r"sought (?:compensation|damages|reparations|an apology|guarantees|assurances))\b"
    ),
    "condemnation": _re(
        r"\b(condemn\w*|criticis\w+|criticiz\w+|accus\w+|denounc\w+|protest(?:ed|s)?|"
        r"summon(?:ed|s)|blam(?:ed|es)|"
        # "called the measures 'illegal and unilateral'": calling a thing by a word that condemns
        r"call(?:ed|s)(?=\s+(?:the|this|that|these|those|its|their|it|them)\b[^,.;]{0,30}?"
        r"[“\"]?(?:illegal|unlawful|unacceptable|provocat\w+|irresponsible|reckless|"
        r"aggressi\w+|destabili[sz]\w+|a violation)))\b"
    ),
    "invitation": _re(r"\b(invit(?:ed|es|ation))\b"),
    "report": _re(
        r"\b(according[\s\u00a0]+to|reports? (?:emerged|said|say|suggest\w*|indicat\w*)|"
        r"(?:was|were) reported|reported (?:that|on))\b"
    ),
    "announcement": _re(
        r"\b(announc(?:ed|es|ement)|unveil(?:ed|s)|made public|published|"
        # the attribution that closes a wire story's lead: "..., the ministry said on Tuesday."
        r"(?:said|says|confirmed)(?=(?:\s+(?:on|late on|early on) \w+day|\s+\w+day)?\s*[.;]))"
    ),
    "rejection": _re(
        r"\b(reject(?:ed|s)?|refus(?:ed|es)|dismiss(?:ed|es)|den(?:ied|ies|y)|object(?:ed|s)|"
        r"oppos(?:ed|es)|vetoed|ruled out)\b"
    ),
    "endorsement": _re(
        r"\b(welcom(?:ed|es)|prais(?:ed|es)|hail(?:ed|s)|commend(?:ed|s)|thank(?:ed|s)|"
        r"applaud(?:ed|s)|endors(?:ed|es))\b"
    ),
    "conference": _re(r"\b(summit|conference|forum|exhibition|air show|expo)\b"),
    "incident": _re(
        r"\b(water cannons?|rammed|ramming|collid\w+|collision|blocked|blockad\w+|intercept\w+|"
        r"fired|shadow(?:ed|ing)|harass\w+|seiz\w+|laser|crossed (?:its|the) bow|circled|buzzed|"
        r"came within \d+|locked (?:its )?(?:fire-control )?radar|unsafe|boarded)\b"
    ),
    "basing": _re(
        r"\b(port calls?|rotational|rotating deployments?|stationed|basing|military bases?|"
        r"access to (?:\w+ ){0,3}(?:ports?|airports?|airfields?|bases?|facilities))\b"
    ),
    "investigation": _re(
        r"\b(inquiry|investigat(?:ion|ing|e|es|ed)|probe|review into|fact-finding)\b"
    ),
    "coproduction": _re(
        r"\b(joint venture|co-produc\w+|jointly (?:develop|produc|build)\w*|"
        r"licen[cs]ed? production|technology transfer|"
        r"(?:build|produce|make|develop|manufacture)\s+(?:[\w-]+\s+){0,5}?together)\b"
    ),
    "military_operation": _re(
        r"\b(operation|offensive|campaign|deploy(?:ed|s|ment|ing)?|"
        r"patrol(?:s|led|ling)?(?!\s+(?:vessels?|boats?|ships?|aircraft|craft|planes?))|"
        r"withdrawal|naval presence|sent (?:its |their )?(?:warships|ships|troops|aircraft|jets)|"
        r"(?:send|sending|dispatch(?:ed|ing)?) (?:its |their |an? )?(?:second |third |more |"
        r"additional )?(?:warships?|ships?|frigates?|destroyers?|troops|submarines?)|"
        r"(?:submarine|naval|military) activit(?:y|ies)|"
        r"withdr(?:aws|ew|awing) (?:its |their )?(?:troops |forces )?from|"
        r"invasion|invaded|war (?:in|against|on))\b"
    ),
}

AGREEMENT_NOUNS = _re(
    r"\b(letter of intent|memorandum of understanding|MoU|memorandum|framework agreement|"
    r"exchange of notes|implementing arrangement|arrangement|declaration|protocol|pact|"
    r"framework document|contract|treaty|agreement|accord|deal)\b"
)
AGREEMENT_TYPES = {
    "letter of intent": "letter-of-intent",
    "memorandum of understanding": "memorandum-of-understanding",
    "mou": "memorandum-of-understanding",
    "framework agreement": "framework-agreement",
    "contract": "contract",
    "treaty": "treaty",
    "agreement": "agreement",
    "accord": "agreement",
    "deal": "contract",
    "memorandum": "memorandum-of-understanding",
    "exchange of notes": "agreement",
    "implementing arrangement": "arrangement",
    "arrangement": "arrangement",
    "declaration": "joint-statement",
    "protocol": "agreement",
    "pact": "agreement",
    "framework document": "framework-agreement",
}

# weapon noun -> SIPRI category
WEAPONS = _re(
    r"\b(frigates?|corvettes?|submarines?|(?:offshore )?patrol (?:vessels|ships|boats)|"
    r"destroyers?|warships?|landing ships?|fighter jets?|fighters?|jets|transport aircraft|"
    r"aircraft|helicopters?|drones?|unmanned aerial vehicles|UAVs?|tanks?|"
    r"armou?red (?:vehicles|personnel carriers)|(?<!civilian )(?<!commercial )(?<!electric )vehicles|howitzers?|artillery|rocket launchers|"
    r"(?:anti-ship |cruise |ballistic |ship-launched anti-ship )?missiles?|"
    r"air[- ]defen[cs]e systems?|radars?|rifles|ammunition)\b"
    r"(?!\s+(?:makers?|manufacturers?|builders?|industry|company|firms?|programme|program|carrier))"
)
_CATEGORIES = (
    ("air-defence-systems", r"air[- ]defen"),
    ("ships", r"frigate|corvette|submarine|patrol|destroyer|warship|landing ship"),
    ("aircraft", r"fighter|jet|aircraft|helicopter|drone|unmanned|uav"),
    ("armoured-vehicles", r"tank|armou?red"),
    ("artillery", r"howitzer|artillery|rocket launcher"),
    ("missiles", r"missile"),
    ("sensors", r"radar"),
    ("other", r"."),
)


def weapon_category(noun: str) -> str:
    return next(c for c, p in _CATEGORIES if re.search(p, noun, re.IGNORECASE))


PLANNED = _re(
    r"\b(will|would|plans? to|planned|intends? to|is to|are to|set to|due to|expected to|to be|"
    r"aims? to|seeks? to|next)\b"
)
HEDGES = _re(
    r"\b(reportedly|allegedly|sources said|may|might|could|is expected|are expected|believed to|"
    r"said to be|unconfirmed)\b"
)
DENIALS = _re(r"\b(denied|denies|deny)\b")
