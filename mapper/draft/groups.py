"""Groups a story names by a phrase rather than a name: "EU foreign ministers", "political
rivals in Pakistan", "officers from the region", "unnamed foreign navies", "Turkish
Cypriots", "Chinese research ships". Each is a ``Group`` whose id is built from its words, as
an analyst would write it."""

from __future__ import annotations

import re

from .gazetteer import Known, slug
from .namewords import _VERBISH, _alternation

__all__ = ["GroupRules"]

# people a story counts as a group by where they are: "political rivals in Pakistan"
_PEOPLE = (r"officials|diplomats|critics|rivals|militants|lawmakers|analysts|observers|"
           r"residents|protesters|activists|officers|investors|voters")  # fmt: skip
_VESSELS = r"ships|vessels|warships|boats|trawlers|submarines|aircraft carriers"
_UNNAMED = (r"navies|officials|sources|states|countries|governments|firms|companies|diplomats|"
            r"buyers|suppliers|partners|donors|militias|groups")  # fmt: skip


class GroupRules:
    """The group rules of the finder (``mentions._Finder``): they read ``self.text`` and
    ``self.g`` and record with ``self.take``."""

    def groups(self) -> None:
        """ "EU foreign ministers"; people by where they are, a place the gazetteer knows or
        "the region" ("officials in Helsinki", "political rivals in Pakistan", "officers from
        the region"): the place keeps its own mention."""
        bodies = _alternation(
            [n for n, k in self.g.names.items() if k.type == "InternationalOrganization"]
            + list(self.g.demonyms)
        )
        places = _alternation([n for n, k in self.g.names.items() if k.type in ("City", "Country")])
        pattern = re.compile(
            rf"(?<![\w-])(?:{bodies})\s+(?:foreign|defence|defense)\s+ministers\b"
            rf"|(?<![\w-])(?P<who>(?:[a-z]+\s+)?(?:{_PEOPLE}))\s+(?:in|from)\s+"
            rf"(?:(?:{places})(?![\w-])|the region\b)"
        )
        for m in pattern.finditer(self.text):
            who, start = m.group("who"), m.start()
            if who and len(who.split()) > 1 and who.split()[0] in _VERBISH | {"the", "many"}:
                start = m.start("who") + len(who.split()[0]) + 1  # "to officers": not "to"
            end = m.end("who") if who else m.end()
            if self.free(start, end):
                words = self.text[start : m.end()]
                self.take(start, end, Known(slug(words), "Group", words), 0.45)

    def described_groups(self) -> None:
        """ "unnamed foreign navies" (the text says it names no one); a people of a state
        ("Turkish Cypriots", "Greek Cypriots"); a state's ships ("Chinese research ships")."""
        demonyms = _alternation(self.g.demonyms)
        pattern = re.compile(
            rf"\bunnamed\s+(?:[a-z]+\s+){{0,2}}?(?:{_UNNAMED})\b"
            rf"|(?<![\w-])(?:{demonyms})\s+(?P<people>{demonyms})s\b"
            rf"|(?<![\w-])(?:{demonyms})\s+(?:[a-z-]+\s+){{0,2}}?(?:{_VESSELS})\b"
        )
        for m in pattern.finditer(self.text):
            if self.free(m.start(), m.end()):
                words = m.group()
                self.take(m.start(), m.end(), Known(slug(words), "Group", words), 0.45)
