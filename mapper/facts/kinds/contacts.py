"""Who holds which post, who visits and meets whom, conferences, and membership of
organisations and programmes."""

from __future__ import annotations

from .fields import AGENTS, ORGANISATIONS, PLACES, Field, Kind

__all__ = ["CONTACT_KINDS"]

MEMBERSHIP_ACTIONS = ("applied", "invited", "joined", "member", "suspended", "left", "expelled")
PROGRAMME_ACTIONS = (
    "invited",
    "joined",
    "participating",
    "suspended",
    "expelled",
    "withdrew",
    "readmitted",
)

CONTACT_KINDS = (
    Kind(
        "post",
        "defrel:PostHolding",
        "A person holds a post in an organisation or state.",
        (
            Field("holder", "entity", "defrel:holder", "Who holds it.", True, targets=("Person",)),
            Field("title", "text", "defrel:postTitle", "The post, e.g. Defense Minister.", True),
            Field(
                "organization",
                "entity",
                "defrel:postOrganization",
                "The state or organisation the post is in.",
                True,
                targets=AGENTS,
            ),
        ),
        schema_cls="schema:OrganizationRole",
        group="other",
    ),
    Kind(
        "visit",
        "defrel:Visit",
        "Someone travels to a country, a city, a facility or an organisation.",
        (
            Field("visitor", "entities", "defrel:visitor", "Who visits.", True, targets=AGENTS),
            Field(
                "destination",
                "entity",
                "defrel:destination",
                "The country, place, facility or organisation visited.",
                True,
                targets=PLACES + ORGANISATIONS,
            ),
            Field("host", "entities", "defrel:host", "Who receives the visitor.", targets=AGENTS),
        ),
        schema_cls="schema:Event",
        cameo="042",
        plover="CONSULT",
    ),
    Kind(
        "meeting",
        "defrel:Meeting",
        "Two or more parties meet (talks, a phone call, a negotiating round).",
        (
            Field(
                "participants", "entities", "defrel:participant", "Who meets.", True, targets=AGENTS
            ),
            Field("series", "boolean", "defrel:isSeries", "A series of meetings, not one."),
            Field(
                "meeting_type",
                "choice",
                "defrel:meetingType",
                "What sort of meeting.",
                choices=("talks", "negotiation", "call", "dialogue"),
            ),
        ),
        schema_cls="schema:Event",
        cameo="040",
        plover="CONSULT",
    ),
    Kind(
        "conference",
        "defrel:Conference",
        "A conference, summit, forum, exhibition or ceremony, with its host and invitees.",
        (
            Field("name", "text", "schema:name", "Its name."),
            Field(
                "event_type",
                "choice",
                "defrel:conferenceType",
                "What sort of gathering.",
                True,
                choices=("conference", "summit", "forum", "exhibition", "ceremony", "parade"),
            ),
            Field("host", "entities", "defrel:host", "Who hosts it.", targets=AGENTS),
            Field(
                "participants", "entities", "defrel:participant", "Who takes part.", targets=AGENTS
            ),
            Field("invitees", "entities", "defrel:invitee", "Who is invited.", targets=AGENTS),
            Field("edition", "integer", "defrel:edition", "Which edition (the 3rd: 3)."),
        ),
        schema_cls="schema:Event",
        plover="CONSULT",
        one_of=(("host", "participants", "invitees"),),
        since="0.3.0",
    ),
    Kind(
        "membership",
        "defrel:Membership",
        "A state or body and an organisation or alliance: applying, joining, being a member, "
        "suspension, leaving, expulsion.",
        (
            Field(
                "member",
                "entity",
                "defrel:member",
                "Who is (or becomes) a member.",
                True,
                targets=AGENTS,
            ),
            Field(
                "organization",
                "entity",
                "defrel:memberOf",
                "The organisation, alliance or partnership framework.",
                True,
                targets=ORGANISATIONS + ("Programme",),
            ),
            Field(
                "action",
                "choice",
                "defrel:membershipAction",
                "What happens to the membership.",
                True,
                choices=MEMBERSHIP_ACTIONS,
            ),
            Field(
                "membership_type",
                "choice",
                "defrel:membershipType",
                "Which sort of membership.",
                choices=("full", "partner", "observer", "candidate", "associate"),
            ),
        ),
        schema_cls="schema:Event",
        plover="COOPERATE",
        since="0.3.0",
    ),
    Kind(
        "programme_participation",
        "defrel:ProgrammeParticipation",
        "A state or company in a weapons or cooperation programme: joining, taking part, "
        "suspension, expulsion, withdrawal.",
        (
            Field(
                "participant",
                "entity",
                "defrel:programmeParticipant",
                "Who takes part.",
                True,
                targets=AGENTS,
            ),
            Field(
                "programme",
                "entity",
                "defrel:programme",
                "The programme.",
                True,
                targets=("Programme",),
            ),
            Field(
                "action",
                "choice",
                "defrel:participationAction",
                "What happens to the participation.",
                True,
                choices=PROGRAMME_ACTIONS,
            ),
            Field("role", "text", "defrel:programmeRole", "Its part or work share, in words."),
            Field(
                "decided_by",
                "entities",
                "defrel:decidedBy",
                "Who decided it (for a suspension or expulsion).",
                targets=AGENTS,
            ),
        ),
        schema_cls="schema:Event",
        plover="COOPERATE",
        since="0.3.0",
    ),
)
