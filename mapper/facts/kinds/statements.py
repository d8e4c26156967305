"""What people and institutions say: statements, reports, and the speech acts PLOVER names
(threats and warnings, demands, invitations, announcements, condemnations, endorsements,
rejections). Each is a ``defrel:Statement`` with the speaker's words."""

from __future__ import annotations

from .fields import AGENTS, Field, Kind

__all__ = ["STATEMENT_KINDS"]

_SPEECH: tuple[Field, ...] = (
    Field("speaker", "entities", "defrel:speaker", "Who speaks.", True, targets=AGENTS),
    Field("addressees", "entities", "defrel:addressee", "Who is told.", targets=AGENTS),
    Field("about", "entities", "defrel:about", "What or whom it is about."),
    Field("content", "text", "defrel:content", "What was said, in reported speech."),
    Field(
        "quotation",
        "text",
        "defrel:quotation",
        "The speaker's own words, exactly as quoted in the article.",
    ),
    Field(
        "on_behalf_of",
        "entity",
        "defrel:onBehalfOf",
        "Whom the speaker speaks for.",
        targets=AGENTS,
    ),
    Field("responds_to", "fact", "defrel:respondsTo", "The statement or event it answers."),
)


def _speech_act(name, cls, doc, fields, *, cameo, plover, one_of=()) -> Kind:
    return Kind(
        name,
        cls,
        doc,
        _SPEECH + fields,
        schema_cls="schema:Event",
        cameo=cameo,
        group="statement",
        plover=plover,
        parent="defrel:Statement",
        one_of=one_of,
        since="0.3.0",
    )


STATEMENT_KINDS = (
    Kind(
        "statement",
        "defrel:Statement",
        "Someone says something: direct quotation or reported speech.",
        (
            *_SPEECH,
            Field(
                "stance",
                "choice",
                "defrel:stance",
                "What sort of statement.",
                choices=(
                    "claim",
                    "declaration",
                    "clarification",
                    "criticism",
                    "assurance",
                    "pledge",
                    "confirmation",
                    "denial",
                    "appeal",
                    "forecast",
                ),
            ),
        ),
        schema_cls="schema:Event",
        cameo="010",
        group="statement",
    ),
    Kind(
        "report",
        "defrel:Report",
        "A third party reports something (the article cites a report).",
        (
            Field("reporter", "entity", "defrel:reporter", "Who reports.", targets=AGENTS),
            Field("reports", "facts", "defrel:reports", "The facts reported.", True),
        ),
        schema_cls="schema:Event",
        group="statement",
    ),
    _speech_act(
        "threat",
        "defrel:Threat",
        "A threat, warning or ultimatum: what the speaker says it will do, to whom, and if what.",
        (
            Field("against", "entities", "defrel:threatened", "Who is threatened.", targets=AGENTS),
            Field("threatened_action", "text", "defrel:threatenedAction", "What is threatened."),
            Field(
                "threatened_fact",
                "fact",
                "defrel:threatenedFact",
                "The threatened action as a fact of its own (planned, hedged).",
            ),
            Field("condition", "text", "defrel:condition", "Unless or if what."),
            Field(
                "form",
                "choice",
                "defrel:threatForm",
                "Threat, warning or ultimatum.",
                choices=("threat", "warning", "ultimatum"),
            ),
        ),
        cameo="130",
        plover="THREATEN",
        # a warning may name only what the other side must not do ("warned Nicosia against any
        # step that would..."): the condition alone is then the threat's content
        one_of=(("threatened_action", "threatened_fact", "condition"),),
    ),
    _speech_act(
        "demand",
        "defrel:Demand",
        "A demand, call or appeal that someone do or stop something.",
        (
            Field("demanded_of", "entities", "defrel:demandedOf", "Who must act.", targets=AGENTS),
            Field("demand", "text", "defrel:demandText", "What is demanded, in a phrase."),
            Field(
                "demanded_fact",
                "fact",
                "defrel:demandedFact",
                "The demanded action as a fact of its own.",
            ),
        ),
        cameo="100",
        plover="DEMAND",
        one_of=(("demand", "demanded_fact"),),
    ),
    _speech_act(
        "invitation",
        "defrel:Invitation",
        "An invitation to visit, meet, join or take part.",
        (
            Field(
                "invitees", "entities", "defrel:invitee", "Who is invited.", True, targets=AGENTS
            ),
            Field("invited_to", "fact", "defrel:invitedTo", "The visit, meeting or event."),
        ),
        cameo="036",
        plover="CONSULT",
    ),
    _speech_act(
        "announcement",
        "defrel:Announcement",
        "An official announcement of a decision, a deal or a plan.",
        (Field("announces", "facts", "defrel:announces", "What is announced.", True),),
        cameo="010",
        plover="SUPPORT",
    ),
    _speech_act(
        "condemnation",
        "defrel:Condemnation",
        "A condemnation, criticism, accusation or formal protest.",
        (
            Field("target", "entities", "defrel:condemned", "Who is condemned.", targets=AGENTS),
            Field("condemns", "facts", "defrel:condemnedFact", "What acts are condemned."),
            Field(
                "form",
                "choice",
                "defrel:condemnationForm",
                "What sort.",
                choices=("condemnation", "criticism", "accusation", "diplomatic-protest"),
            ),
        ),
        cameo="111",
        plover="DISAPPROVE",
        one_of=(("target", "condemns"),),
    ),
    _speech_act(
        "endorsement",
        "defrel:Endorsement",
        "Praise, welcome or support for someone or something.",
        (
            Field("endorsed", "entities", "defrel:endorsed", "Who is praised.", targets=AGENTS),
            Field("endorses", "facts", "defrel:endorsedFact", "What acts are welcomed."),
        ),
        cameo="051",
        plover="SUPPORT",
        one_of=(("endorsed", "endorses"),),
    ),
    _speech_act(
        "rejection",
        "defrel:Rejection",
        "A refusal or rejection of a demand, proposal, accusation or decision.",
        (
            Field("rejects", "facts", "defrel:rejectedFact", "What is rejected."),
            Field("rejected", "text", "defrel:rejectedText", "What is rejected, in a phrase."),
        ),
        cameo="120",
        plover="REJECT",
        one_of=(("rejects", "rejected"),),
    ),
)
