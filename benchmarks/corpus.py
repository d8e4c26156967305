"""Generate a synthetic newsroom archive in defrel's own facts format, deterministically.

    python benchmarks/corpus.py --articles 1000 --out /tmp/corpus --seed 7

Shared entities across articles (a few thousand people, ~200 states, a few hundred
weapon systems), 3-10 facts per article of every common kind, each fact quoting a
sentence of a generated article text, so that every stage does its real work.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

import yaml

DUMPER = yaml.CSafeDumper if yaml.__with_libyaml__ else yaml.SafeDumper  # same YAML, faster

SYLLABLES = [
    "ka",
    "ro",
    "mi",
    "ta",
    "sel",
    "dor",
    "an",
    "vi",
    "lu",
    "zen",
    "po",
    "ra",
    "ish",
    "gal",
    "ter",
    "on",
    "bel",
    "ur",
    "fa",
    "ny",
]


def _name(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


class World:
    """The shared entities every article draws from (ids are global, as in real archives)."""

    def __init__(self, seed: int, *, people: int = 3000, states: int = 200, weapons: int = 300):
        rng = random.Random(seed)
        self.states = [(f"state-{i:03d}", f"{_name(rng, 3)}ia") for i in range(states)]
        self.people = [
            (f"person-{i:04d}", f"{_name(rng, 2)} {_name(rng, 3)}") for i in range(people)
        ]
        self.weapons = [
            (f"weapon-{i:03d}", f"{_name(rng, 1).upper()}-{rng.randint(10, 99)}")
            for i in range(weapons)
        ]
        self.titles = ["Defense Minister", "Prime Minister", "Foreign Minister", "Chief of Staff"]


def _article(world: World, rng: random.Random, n: int) -> tuple[dict, str]:
    """One article: its facts document and its text (each fact quotes its own sentence)."""
    a, b, c = rng.sample(world.states, 3)
    p, q = rng.sample(world.people, 2)
    w = rng.choice(world.weapons)
    year = rng.randint(2000, 2024)
    sentences: list[str] = []
    facts: list[dict] = []

    def say(sentence: str, fact: dict) -> None:
        sentences.append(sentence)
        facts.append({"id": "", **fact, "evidence": [sentence.rstrip(".")]})

    def transfer(i: int) -> None:
        number = rng.randint(2, 40)
        say(
            f"{a[1]} sold {number} {w[1]} systems to {b[1]} (item {i}).",
            {
                "kind": "arms_transfer",
                "supplier": a[0],
                "recipient": b[0],
                "designation": w[0],
                "number_ordered": number,
                "status": "ordered",
                "aspect": "completed",
            },
        )

    def supply(i: int) -> None:
        share = rng.randint(5, 90)
        say(
            f"{a[1]} provides up to {share} percent of {c[1]}'s arms (item {i}).",
            {
                "kind": "arms_supply",
                "supplier": a[0],
                "recipient": c[0],
                "share": {"max": share, "unit": "percent"},
            },
        )

    templates = [
        lambda i: say(
            f"{p[1]} of {a[1]} visited {b[1]} in {year} (item {i}).",
            {
                "kind": "visit",
                "visitor": p[0],
                "destination": b[0],
                "date": str(year),
                "aspect": "completed",
            },
        ),
        lambda i: say(
            f"{p[1]} met {q[1]} to discuss security (item {i}).",
            {"kind": "meeting", "participants": [p[0], q[0]], "topics": ["security"]},
        ),
        transfer,
        supply,
        lambda i: say(
            f"{b[1]} and {c[1]} are allies (item {i}).",
            {"kind": "alliance", "parties": [b[0], c[0]], "trend": "steady"},
        ),
        lambda i: say(
            f"{a[1]} and {c[1]} remain rivals (item {i}).",
            {"kind": "rivalry", "parties": [a[0], c[0]]},
        ),
        lambda i: say(
            f"{q[1]} said the talks went well (item {i}).",
            {
                "kind": "statement",
                "speaker": [q[0]],
                "content": "The talks went well.",
                "stance": "claim",
            },
        ),
        lambda i: say(
            f"{b[1]} and {a[1]} plan a defence partnership (item {i}).",
            {"kind": "partnership", "parties": [a[0], b[0]], "aspect": "planned"},
        ),
    ]
    for i in range(rng.randint(3, 10)):
        rng.choice(templates)(i)
    for number, fact in enumerate(facts, start=1):
        fact["id"] = f"fact-{number}"
    used_people = {p[0]: p[1], q[0]: q[1]}
    entities = [{"id": i, "type": "Country", "label": label} for i, label in (a, b, c)]
    entities += [{"id": i, "type": "Person", "label": label} for i, label in used_people.items()]
    entities.append({"id": w[0], "type": "WeaponSystem", "label": w[1]})
    headline = f"Defence news {n}: {a[1]}, {b[1]} and {c[1]}"
    text = f"{headline}\n\n" + " ".join(sentences) + "\n"
    doc = {
        "article": {"headline": headline, "language": "en"},
        "entities": entities,
        "facts": facts,
    }
    return doc, text


def generate(out: Path, *, articles: int, seed: int = 7) -> list[Path]:
    """Write ``articles`` facts files and texts into ``out``; return the facts files."""
    world = World(seed)
    rng = random.Random(seed + 1)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for n in range(articles):
        doc, text = _article(world, rng, n)
        slug = f"article-{n:06d}"
        (out / f"{slug}.txt").write_text(text, encoding="utf-8")
        path = out / f"{slug}.facts.yaml"
        dumped = yaml.dump(doc, Dumper=DUMPER, allow_unicode=True, sort_keys=False)
        path.write_text(dumped, encoding="utf-8")
        written.append(path)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    files = generate(args.out, articles=args.articles, seed=args.seed)
    print(f"wrote {len(files)} articles to {args.out}")


if __name__ == "__main__":
    main()
