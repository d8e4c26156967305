"""Write the README's table of fact kinds from the kinds table (``mapper/facts/kinds/``), so
the guide an analyst reads cannot drift from what the loader accepts.

    python scripts/readme_guide.py          # rewrite the section between the markers
    python scripts/readme_guide.py --check  # exit 1 if the README is out of date (a test runs it)
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from mapper.facts.kinds import ENTITY_FIELDS, ENTITY_SCOPES, ENTITY_TYPES, Kind  # noqa: E402
from mapper.facts.kinds.agreements import AGREEMENT_KINDS  # noqa: E402
from mapper.facts.kinds.contacts import CONTACT_KINDS  # noqa: E402
from mapper.facts.kinds.relations import RELATION_KINDS  # noqa: E402
from mapper.facts.kinds.security import SECURITY_KINDS  # noqa: E402
from mapper.facts.kinds.statements import STATEMENT_KINDS  # noqa: E402
from mapper.facts.kinds.transfers import TRANSFER_KINDS  # noqa: E402

START, END = "<!-- kinds:start (scripts/readme_guide.py writes this) -->", "<!-- kinds:end -->"

FAMILIES = (
    ("People, visits, meetings, conferences and memberships", CONTACT_KINDS),
    ("Agreements and their lifecycle", AGREEMENT_KINDS),
    ("Arms transfers, aid, training and co-production", TRANSFER_KINDS),
    ("Forces, incidents and sanctions", SECURITY_KINDS),
    ("What people say", STATEMENT_KINDS),
    ("Standing relations and the article's own judgements", RELATION_KINDS),
)


def _code(names) -> str:
    return ", ".join(f"`{n}`" for n in names)


def _minimum(kind: Kind) -> str:
    parts = [_code([f.name]) for f in kind.fields if f.required]
    parts += [" or ".join(f"`{n}`" for n in names) for names in kind.one_of]
    return ", ".join(parts) or "—"


def _more(kind: Kind) -> str:
    wanted = {f.name for f in kind.fields if f.required} | {n for g in kind.one_of for n in g}
    return _code(f.name for f in kind.fields if f.name not in wanted) or "—"


def _codes(kind: Kind) -> str:
    return " · ".join(x for x in (kind.plover, kind.cameo and f"CAMEO {kind.cameo}") if x) or "—"


def guide() -> str:
    lines = [START, ""]
    for title, kinds in FAMILIES:
        lines += [f"**{title}**", ""]
        lines += [
            "| kind | for | minimum | add what the text gives | PLOVER · CAMEO |",
            "|---|---|---|---|---|",
        ]
        for k in kinds:
            doc = k.doc.replace("|", "\\|")
            row = f"| `{k.name}` | {doc} | {_minimum(k)} | {_more(k)} | {_codes(k)} |"
            lines.append(row)
        lines.append("")
    lines += ["**Entity types and their own fields**", ""]
    lines += ["| type | schema.org | fields of this type only |", "|---|---|---|"]
    for name, (_, schema_cls) in ENTITY_TYPES.items():
        own = _code(f.name for f in ENTITY_FIELDS if name in f.types) or "—"
        lines.append(f"| `{name}` | `{schema_cls}` | {own} |")
    default, own = ENTITY_SCOPES
    lines += [
        "",
        f"Any entity may say `scope: {own}` (the default is `{default}`): it is then its "
        "article's own, minted under the article (`{base}article/{slug}/entity/{id}`), so "
        "that the same id in another article is another entity: for an unnamed source or a "
        "group the article describes. Never in the registry, never with `same_as`.",
    ]
    lines += ["", END]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    start, end = text.index(START), text.index(END) + len(END)
    updated = text[:start] + guide() + text[end:]
    if "--check" in argv:
        if updated != text:
            print("README.md's table of kinds is out of date: run scripts/readme_guide.py")
            return 1
        return 0
    readme.write_text(updated, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
