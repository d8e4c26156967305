"""How good is `defrel draft` offline? Drafts every article of the corpus (the seed and
tests/corpus/) from its text alone and compares with the hand-written facts files.

    .venv/bin/python benchmarks/draft_eval.py [--model URL] [--misses]

Printed per article and in total: entity precision/recall (id and type), fact
precision/recall (kind and main roles: a drafted fact matches a hand-written one of the same
kind whose main roles - the kind's first two entity fields, e.g. supplier and recipient -
share an entity in each role both give, at least one role being given by both; drafted and
hand-written facts are paired one to one by the largest such matching), the same with the
draft's entities renamed to the hand-written ones sharing a name (so that a wrong entity id
and a wrong fact can be told apart), the share of quotes that are verbatim spans of the
text, whether the draft with its marks removed loads and conforms (or how many problems it
names), and the drafting time. --misses lists each hand-written fact the draft missed and
why (no trigger, kind confused, roles wrong, entity ids differ), counted by kind. Targets
(issue 15): quotes 100 %, entity recall >= 90 % and precision >= 85 %, fact recall >= 60 %,
<= 1 s per 4,000 characters.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from draft_misses import entity_misses, extra_entities  # noqa: E402

from mapper.builder.fastbuild import fast_build  # noqa: E402
from mapper.draft.make.drafter import Byline, draft_text  # noqa: E402
from mapper.draft.make.writer import render, without_marks  # noqa: E402
from mapper.draft.names.gazetteer import Known, load_gazetteer  # noqa: E402
from mapper.draft.text.sentences import split_sentences  # noqa: E402
from mapper.errors import DefrelError  # noqa: E402
from mapper.facts.evidence import locate  # noqa: E402
from mapper.facts.kinds import KINDS  # noqa: E402
from mapper.facts.load import load_facts  # noqa: E402


def articles(folders: list[Path]) -> list[Path]:
    return [p for folder in folders for p in sorted(folder.glob("*.facts.yaml"))]


def main_roles(kind: str, values: dict) -> list[set[str]]:
    roles = [f for f in KINDS[kind].fields if f.shape in ("entity", "entities")][:2]
    out = []
    for f in roles:
        v = values.get(f.name)
        out.append(set(v) if isinstance(v, (tuple, list)) else {v} if v else set())
    return out


def same_fact(a: tuple[str, list[set]], b: tuple[str, list[set]]) -> bool:
    """Same kind, and every main role that both give shares an entity; at least one role must
    be given by both when the hand-written fact gives any (a fact with no roles matches none)."""
    if a[0] != b[0]:
        return False
    both = [(x, y) for x, y in zip(a[1], b[1], strict=True) if x and y]
    if not both and any(b[1]):
        return False
    return all(x & y for x, y in both)


def matching(drafted: list, written: list) -> dict[int, int]:
    """The largest one-to-one matching of drafted to hand-written facts (written index ->
    drafted index), so that the order of the draft does not decide which fact counts."""
    edges = [[j for j, w in enumerate(written) if same_fact(d, w)] for d in drafted]
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j not in seen:
                seen.add(j)
                if j not in owner or augment(owner[j], seen):
                    owner[j] = i
                    return True
        return False

    for i in range(len(drafted)):
        augment(i, set())
    return owner


def names(label, aliases) -> set[str]:
    return {n.casefold() for n in (label, *aliases)}


def by_name(drafted: list[dict], hand) -> dict[str, str]:
    """Draft entity id -> the hand-written entity sharing one of its names (any type: a
    wrong type is the entity side's problem, not the fact's)."""
    rename = {}
    for e in drafted:
        mine = names(e["label"], e.get("aliases", ()))
        for h in sorted(hand, key=lambda h: h.type != e["type"]):
            if h.id == e["id"] or mine & names(h.values["label"], h.values.get("aliases", ())):
                rename[e["id"]] = h.id
                break
    return rename


def misses(text, draft, hand, renamed, written, by_name_hits, strict_hits) -> list[dict]:
    """Why each hand-written fact the draft missed (strictly) was missed: its entities' ids
    differ only; a fact of its kind in its sentence with other roles; only facts of other
    kinds there (kind confused); nothing there (no trigger). Flags: a role's entity that was
    not drafted at all, or that is not named in the fact's own sentences."""
    sentences = split_sentences(text)
    drafted_ids = {e["id"] for e in draft.entities}
    drafted_ids |= set(by_name(draft.entities, hand.entities).values())
    ents = {e.id: e for e in hand.entities}
    out = []
    for j, fact in enumerate(hand.facts):
        if j in strict_hits:
            continue
        spans = [(sp.start, sp.end) for sp in fact.evidence]
        where = [s for s in sentences if any(a < s.end and s.start < b for a, b in spans)]
        ids = {s.id for s in where}
        words = " ".join(s.text for s in where).casefold()
        here = [i for i, f in enumerate(draft.facts) if f["draft"].get("sentence") in ids]
        same = [i for i in here if renamed[i][0] == fact.kind]
        if j in by_name_hits:
            reason = "entity ids differ"
        elif any(same_fact(d, written[j]) for d in renamed):
            reason = "its match taken by another"
        elif same:
            reason = "roles wrong"
        elif any(draft.facts[i]["kind"] != "assessment" for i in here):
            reason = "kind confused"  # (the catch-all assessment of a sentence is no trigger)
        else:
            reason = "no trigger"
        detail = ""
        if reason == "roles wrong" and same:
            detail = "drafted " + " / ".join(
                ",".join(sorted(r)) or "-" for r in renamed[same[0]][1]
            )
        elif reason == "kind confused":
            detail = "drafted as " + ",".join(sorted({renamed[i][0] for i in here}))
        flags = []
        for role in written[j][1]:
            for ident in sorted(role):
                e = ents.get(ident)
                if ident not in drafted_ids:
                    flags.append(f"{ident} not drafted")
                if e is not None and not any(
                    n in words for n in names(e.values["label"], e.values.get("aliases", ()))
                ):
                    flags.append(f"{ident} not named in its sentence")
        out.append({"id": fact.id, "kind": fact.kind, "sentences": ",".join(sorted(ids)),
                    "reason": reason, "detail": detail, "flags": flags,
                    "roles": " / ".join(",".join(sorted(r)) or "-" for r in written[j][1])})  # fmt: skip
    return out


def pr(hits_p: int, n_p: int, hits_r: int, n_r: int) -> tuple[float, float]:
    return (hits_p / n_p if n_p else 1.0), (hits_r / n_r if n_r else 1.0)


def archive_of(others) -> tuple:
    """The entities the other articles declare, as the drafter's archive (what a newsroom's
    archive knows before this article): id, type, label, Wikidata item, names."""
    seen: dict[str, tuple] = {}
    for other in others:
        for e in other.entities:
            # an article's own entity is never reused (as mapper/draft/names/archive.py)
            if e.local:
                continue
            same = next((s for s in e.same_as if s.startswith("wd:")), "")
            known = Known(e.id, e.type, str(e.values["label"]), same_as=same)
            names = [str(n) for n in (e.values["label"], *e.values.get("aliases", ()))]
            seen.setdefault(e.id, (known, names))
    return tuple(seen[k] for k in sorted(seen))


def _scopes(drafted: list[dict], hits: set, local: frozenset) -> tuple[int, int, int]:
    """Of the drafted entities the hand-written file has (id and type): how many have its
    scope (``scope: article`` or not), and how many of those are local."""
    found = [e for e in drafted if (e["id"], e["type"]) in hits]
    same = [e for e in found if (e.get("scope") == "article") == (e["id"] in local)]
    return len(same), len(found), sum(1 for e in same if e["id"] in local)


def evaluate(facts_path: Path, model=None, archive: tuple = (), *, explain: bool = False) -> dict:
    hand = load_facts(facts_path)
    text = hand.text
    published = hand.metadata.get("date_published")
    published = (
        published.text if published is not None and getattr(published, "day", None) else None
    )
    labels = {e.id: str(e.values["label"]) for e in hand.entities}
    authors = hand.metadata.get("authors") or ()
    byline = Byline(  # what the analyst knows of the article besides its text
        publisher=labels.get(hand.metadata.get("publisher")),
        authors=tuple(labels[a] for a in authors if a in labels),
        wire_agency=labels.get(hand.metadata.get("wire_agency")),
    )
    started = time.perf_counter()
    if model is None:
        draft = draft_text(
            text,
            text_name=hand.text_path.name,
            published=published,
            byline=byline,
            archive=archive,
        )
    else:
        draft = model.draft(text, text_name=hand.text_path.name, published=published, registry=None)
    seconds = time.perf_counter() - started
    # entities: (id, type)
    mine = {(e["id"], e["type"]) for e in draft.entities}
    theirs = {(e.id, e.type) for e in hand.entities}
    ent_p, ent_r = pr(len(mine & theirs), len(mine), len(mine & theirs), len(theirs))

    # the same, by name: one of the draft's names is one of the hand-written entity's, same type
    # (what a person confirming sees: the entity is found, only its id may need renaming)
    drafted_names = [(e["type"], names(e["label"], e.get("aliases", ()))) for e in draft.entities]
    hand_names = [
        (e.type, names(e.values["label"], e.values.get("aliases", ()))) for e in hand.entities
    ]
    found_hand = sum(any(t == ht and n & hn for t, n in drafted_names) for ht, hn in hand_names)
    found_mine = sum(any(t == ht and n & hn for ht, hn in hand_names) for t, n in drafted_names)
    in_text = sum(
        any(n in text.casefold() for n in hn) for _, hn in hand_names
    )  # the most a drafter reading the body alone can find
    # facts: kind and main roles, matched one to one
    drafted = [(f["kind"], main_roles(f["kind"], f)) for f in draft.facts]
    written = [(f.kind, main_roles(f.kind, f.values)) for f in hand.facts]
    matched = matching(drafted, written)
    hits = len(matched)
    fact_p, fact_r = pr(hits, len(drafted), hits, len(written))
    # the same, with the draft's entity ids renamed to the hand-written ones they name
    rename = by_name(draft.entities, hand.entities)
    renamed = [(k, [{rename.get(i, i) for i in role} for role in roles]) for k, roles in drafted]
    matched_by_name = matching(renamed, written)
    hits_by_name = len(matched_by_name)
    missed = []
    if explain:
        missed = misses(text, draft, hand, renamed, written, matched_by_name, set(matched))
    # quotes: every one a verbatim span
    quotes = [q for item in draft.entities + draft.facts for q in item.get("evidence", [])]
    verbatim = 0
    for q in quotes:
        words, occurrence = (q["quote"], q["occurrence"]) if isinstance(q, dict) else (q, None)
        try:
            locate(text, words, occurrence=occurrence)
            verbatim += 1
        except DefrelError:
            pass
    # the draft, confirmed as is: does it load and conform?
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / hand.text_path.name).write_text(text, encoding="utf-8", newline="")
        content = render(source=hand.text_path.name, by=draft.by, article=draft.article,
                         entities=draft.entities, facts=draft.facts,
                         sentence_map=draft.sentence_map, dropped=draft.dropped)  # fmt: skip
        out = folder / f"{hand.slug}.facts.yaml"
        out.write_text(without_marks(content), encoding="utf-8")
        try:
            outcome = fast_build([out], out=folder / "dist", jobs=1)
            problems = len(outcome.report.results) + len(outcome.conflicts)
            verdict = "conforms" if outcome.ok else f"{problems} problem(s)"
        except DefrelError as err:
            verdict = f"{1 + len(err.more)} load error(s)"
    return {
        "slug": hand.slug,
        "chars": len(text),
        "seconds": seconds,
        "entities": (len(mine & theirs), len(mine), len(theirs), ent_p, ent_r),
        "scopes": _scopes(draft.entities, mine & theirs, hand.local_ids),
        "by_name": (found_mine, found_hand, in_text),
        "facts_by_name": hits_by_name,
        "facts": (hits, len(drafted), len(written), fact_p, fact_r),
        "quotes": (verbatim, len(quotes)),
        "verdict": verdict,
        "entity_misses": entity_misses(hand, draft, load_gazetteer(None)),
        "extra": extra_entities(hand, draft),
        "misses": missed,
        "by_kind": {
            k: (
                sum(1 for i in matched.values() if drafted[i][0] == k),
                sum(1 for d in drafted if d[0] == k),
                sum(1 for w in written if w[0] == k),
            )
            for k in {d[0] for d in drafted} | {w[0] for w in written}
        },
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", help="an OpenAI-compatible endpoint to evaluate instead")
    parser.add_argument(
        "--in",
        dest="folders",
        action="append",
        type=Path,
        help="folders of hand-written facts files (default: seeds/ and tests/corpus/)",
    )
    parser.add_argument(
        "--misses",
        action="store_true",
        help="also list, per article, the hand-written entities the draft missed (with why), "
        "the drafted ones the hand-written file does not have, and each hand-written fact "
        "the draft missed and why",
    )
    parser.add_argument(
        "--archive",
        action="store_true",
        help="draft each article knowing the entities the other articles declare (its ids "
        "reused), as in a newsroom's archive, instead of the bundled gazetteer alone",
    )
    args = parser.parse_args()
    model = None
    if args.model:
        from mapper.draft.make.model import ChatModel

        model = ChatModel(args.model)
    draft_text("Warm-up: Pakistan and Russia signed a deal.", text_name="x.txt")
    folders = args.folders or [ROOT / "seeds", ROOT / "tests" / "corpus"]
    rows = []
    paths = articles(folders)
    hands = {p: load_facts(p) for p in paths} if args.archive else {}
    for path in paths:
        archive = archive_of(h for p, h in hands.items() if p != path) if args.archive else ()
        try:
            rows.append(evaluate(path, model, archive, explain=args.misses))
        except DefrelError as err:  # a hand-written file that does not load is no yardstick
            print(f"skipped {path.name}: it does not load ({err.message})", file=sys.stderr)
    head = f"{'article':48} {'chars':>6} {'ent P':>6} {'ent R':>6} {'fact P':>7} {'fact R':>7} {'quotes':>8} {'ms':>6}  confirmed draft"
    print(head)
    print("-" * len(head))
    for r in rows:
        e, f, q = r["entities"], r["facts"], r["quotes"]
        print(f"{r['slug'][:48]:48} {r['chars']:6d} {e[3]:6.0%} {e[4]:6.0%} {f[3]:7.0%} {f[4]:7.0%} "
              f"{q[0]:3d}/{q[1]:<4d} {r['seconds'] * 1000:6.0f}  {r['verdict']}")  # fmt: skip
    e = [sum(r["entities"][i] for r in rows) for i in range(3)]
    f = [sum(r["facts"][i] for r in rows) for i in range(3)]
    q = [sum(r["quotes"][i] for r in rows) for i in range(2)]
    chars = sum(r["chars"] for r in rows)
    secs = sum(r["seconds"] for r in rows)
    ep, er = pr(e[0], e[1], e[0], e[2])
    fp, fr = pr(f[0], f[1], f[0], f[2])
    print("-" * len(head))
    print(f"{'all ' + str(len(rows)) + ' articles':48} {chars:6d} {ep:6.0%} {er:6.0%} {fp:7.0%} {fr:7.0%} "
          f"{q[0]:3d}/{q[1]:<4d} {secs * 1000:6.0f}")  # fmt: skip
    print()
    print(f"quotes verbatim: {q[0] / q[1] if q[1] else 1:.1%} (target 100 %)")
    print(
        f"entities (id and type): precision {ep:.1%} (target >= 85 %), recall {er:.1%} (target >= 90 %)"
    )
    n = [sum(r["by_name"][i] for r in rows) for i in range(3)]
    print(
        f"entities (a name and the type): precision {n[0] / e[1]:.1%}, recall {n[1] / e[2]:.1%}; "
        f"{n[2] / e[2]:.1%} of the hand-written entities are named in the body at all"
    )
    sc = [sum(r["scopes"][i] for r in rows) for i in range(3)]
    print(
        f"entity scope as written by hand: {sc[0]} of the {sc[1]} entities found "
        f"({sc[2]} of them scope: article)"
    )
    print(
        f"facts (kind and main roles, by id): precision {fp:.1%}, recall {fr:.1%} (target >= 60 %)"
    )
    fb = sum(r["facts_by_name"] for r in rows)
    print(
        f"facts (kind and main roles, entities by name): precision {fb / f[1]:.1%}, recall {fb / f[2]:.1%}"
    )
    print(f"time: {secs / chars * 4000:.3f} s per 4,000 characters (target <= 1 s)")
    if args.misses:
        print_entity_misses(rows)
        print_misses(rows)
    return 0


def print_entity_misses(rows: list[dict]) -> None:
    """Per article, the entities missed (by category) and the extra ones; then the totals."""
    totals: dict[str, int] = {}
    for r in rows:
        print(f"\n== {r['slug']}")
        for category, entity_id, etype, label in sorted(r["entity_misses"]):
            print(f"  miss  {entity_id:44} {etype:26} {label[:40]:40} {category}")
            key = category.split(":")[0].split(" (")[0]
            totals[key] = totals.get(key, 0) + 1
        for entity_id, etype, label in r["extra"]:
            print(f"  extra {entity_id:44} {etype:26} {label[:40]}")
    print("\nmisses by category:")
    for key, n in sorted(totals.items(), key=lambda kv: -kv[1]):
        print(f"  {n:4d}  {key}")
    print(
        f"  {sum(len(r['extra']) for r in rows):4d}  extra (drafted, not in the hand-written files)"
    )


def print_misses(rows: list[dict]) -> None:
    """Each missed fact (strict figure) with its reason, then the reasons counted by kind."""
    tally: dict[str, dict[str, int]] = {}
    for r in rows:
        if not r["misses"]:
            continue
        print(f"\n{r['slug']}: {len(r['misses'])} hand-written fact(s) missed")
        for m in r["misses"]:
            tally.setdefault(m["kind"], {}).setdefault(m["reason"], 0)
            tally[m["kind"]][m["reason"]] += 1
            extra = "; ".join(x for x in (m["detail"], *m["flags"]) if x)
            print(f"  {m['sentences']:10} {m['kind']:24} {m['id'][:34]:34} roles {m['roles']}"
                  f"\n  {'':10} -> {m['reason']}{': ' + extra if extra else ''}")  # fmt: skip
    reasons = ["no trigger", "kind confused", "roles wrong", "entity ids differ",
               "its match taken by another"]  # fmt: skip
    print(f"\n{'missed, by kind':24} " + " ".join(f"{x[:13]:>13}" for x in reasons))
    for kind, counts in sorted(tally.items(), key=lambda kv: -sum(kv[1].values())):
        print(f"{kind:24} " + " ".join(f"{counts.get(x, 0):13d}" for x in reasons))
    total = {x: sum(c.get(x, 0) for c in tally.values()) for x in reasons}
    print(f"{'all':24} " + " ".join(f"{total[x]:13d}" for x in reasons))
    kinds: dict[str, list[int]] = {}
    for r in rows:
        for k, counts in r["by_kind"].items():
            kinds[k] = [a + b for a, b in zip(kinds.get(k, [0, 0, 0]), counts, strict=True)]
    print(f"\n{'by kind (strict)':24} {'matched':>8} {'drafted':>8} {'written':>8}")
    for k, (hit, n_d, n_w) in sorted(kinds.items(), key=lambda kv: -kv[1][2]):
        print(f"{k:24} {hit:8d} {n_d:8d} {n_w:8d}")


if __name__ == "__main__":
    sys.exit(main())
