"""The article's own judgements: a sentence that judges rather than reports (an assessment cue,
or no other fact) is an assessment of what it names, its words kept as the summary to rewrite."""

from __future__ import annotations

import re

from .context import AGENT, Context, Drafted, ids_of

__all__ = ["ASSESSMENT_CUES", "assessment"]

ASSESSMENT_CUES = re.compile(
    r"\b(analysts?|experts?|observers?|seen as|signals?|message|likely|unlikely|appears?|suggests?|"
    r"risks?|concerns?|reflects?|underscores?|highlights?|marks? the|first time|largest|biggest|"
    r"remains?|comes as|amid|because|since|largely|mostly|increasingly|growing|long-standing|"
    r"probably|possibly|may not|might|could|has grown|have grown|has fallen|have fallen)\b",
    re.IGNORECASE,
)


_EDITORIAL = re.compile(
    r"\s*(?:\(\s*(?:Reporting|Writing|Editing|Additional reporting) by\b|"
    r"This (?:article|story|report) (?:was|has been) (?:updated|corrected|amended)\b)"
)


def assessment(c: Context, taken: bool) -> list[Drafted]:
    """A sentence that judges rather than reports (and gave no other fact): the article's
    assessment of the entities it names, its words kept as the summary to rewrite."""
    cue = ASSESSMENT_CUES.search(c.s.text)
    if _EDITORIAL.match(c.s.text):
        return []  # the newsroom's own note: "(Reporting by ...)", "This article was updated"
    # what is judged: states, bodies, people, regions and seas, programmes, weapons; a city or a
    # base is where things happen ("at Bradshaw Field Training Area", "in Nairobi")
    judged = AGENT | {"Country", "Region", "WaterBody", "Programme", "WeaponSystem"}
    subjects = ids_of(c.all(judged))[:6]
    if not subjects and cue is not None and not taken:
        # a judgement naming no one ("The expulsion may not be final."): of the state the
        # article is about so far (named most often before the sentence)
        named = [m.id for m in c.every if m.end <= c.s.start and c.types.get(m.id) == "Country"]
        subjects = [max(named, key=lambda i: (named.count(i), -named.index(i)))] if named else []
    if not subjects or (cue is None and taken):
        return []
    summary = " ".join(c.s.text.split())
    values = {"subject": subjects, "summary": summary[:300]}
    return [Drafted("assessment", values, c.s.start, c.s.end, 0.3, c.s.id, "rewrite the summary")]
