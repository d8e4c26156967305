"""What ``defrel site`` needs of every article's side file, summed once and kept between runs
(``.defrel/site-totals.json``), so that an edit reads the side files of the articles it
changes, not all of them (140 MB of JSON at 10,000 articles).

Everything the home page, VoID and the sitemap take from the side files is a sum over the
articles: counts add up, and a union is kept as a count of the articles that contribute
each member (a member goes when its count falls to 0), so an article is taken out by
subtracting what its previous side file said and put in by adding its new one. The totals
are trusted only when the build state (``site.json``) names their SHA-256: a run killed
midway, or a file changed by hand, means they are summed anew from every side file.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path

from ..render.void import Overview

__all__ = ["TOTALS", "Totals"]

TOTALS = ".defrel/site-totals.json"
# the side file's lists kept as counts of the articles that contribute each member
_COUNTED = ("others", "articles", "foreign_classes", "foreign_lines", "predicates", "crossrefs")


class Totals:
    """The side files' sums (see the module docstring)."""

    def __init__(self) -> None:
        self.pages: dict[str, list[str]] = {}  # slug -> its own pages
        self.shared: dict[str, list[str]] = {}  # slug -> the shared resources it mentions
        self.counts: dict[str, Counter] = {name: Counter() for name in _COUNTED}
        self.counts["rows"] = Counter()  # a row as JSON
        self.counts["classes"] = Counter()  # summed, not counted
        self.counts["firsts"] = Counter()  # "class<TAB>first resource"
        self.counts["said"] = Counter()  # "node<TAB>digest"

    @classmethod
    def of(cls, infos: dict[str, dict]) -> Totals:
        totals = cls()
        for slug, info in infos.items():
            totals.add(slug, info)
        return totals

    def add(self, slug: str, info: dict, sign: int = 1) -> None:
        """Put an article's side file in (``sign`` -1: take it out)."""
        if sign > 0:
            self.pages[slug], self.shared[slug] = info["pages"], info["shared"]
        else:
            self.pages.pop(slug, None)
            self.shared.pop(slug, None)
        found: dict[str, object] = {name: info[name] for name in _COUNTED}  # members, or counts
        found["rows"] = [json.dumps(row, ensure_ascii=False) for row in info["rows"]]
        found["classes"] = info["classes"]  # (class -> how many: summed)
        found["firsts"] = [f"{c}\t{r}" for c, r in info["firsts"].items()]
        found["said"] = [f"{n}\t{d}" for n, d in info["said"].items()]
        for name, members in found.items():
            total = self.counts[name]
            if sign > 0:  # counted in C (a full build adds every side file); none falls to 0
                total.update(members)
                continue
            for key, n in Counter(members).items():
                left = total[key] - n
                if left:
                    total[key] = left
                else:
                    del total[key]

    def mentions(self) -> dict[str, list[str]]:
        """Shared resource -> the articles that mention it."""
        found: dict[str, list[str]] = {}
        for slug, shared in self.shared.items():
            for r in shared:
                found.setdefault(r, []).append(slug)
        return found

    def agreed(self) -> bool:
        """Does every article say the same of the nodes it shares, and own its own nodes?"""
        if self.counts["crossrefs"]:
            return False
        nodes = [key.split("\t", 1)[0] for key in self.counts["said"]]
        return len(nodes) == len(set(nodes))

    def overview(self, stated: int) -> Overview | None:
        """The home page's and VoID's view of the whole (``stated``: the triples the
        articles' graphs hold, together); None if two articles list one resource in two
        ways (then the side files say which comes last)."""
        rows: dict[str, tuple] = {}
        for row in json.loads("[" + ",".join(self.counts["rows"]) + "]"):  # one parse, in C
            row = tuple(row)
            if rows.setdefault(row[0], row) != row:
                return None
        overview = Overview(triples=0, resources=0)
        classes = Counter(self.counts["classes"])
        classes.update(line.rsplit(" ", 1)[1][1:-1] for line in self.counts["foreign_classes"])
        overview.classes = classes
        overview.predicates = set(self.counts["predicates"])
        overview.articles = sorted(self.counts["articles"])
        for key in self.counts["firsts"]:
            cls, first = key.split("\t", 1)
            if cls not in overview.firsts or first < overview.firsts[cls]:
                overview.firsts[cls] = first
        overview.rows = sorted(rows.values())
        overview.resources = len(rows.keys() | self.counts["others"].keys())
        lines = self.counts["foreign_lines"]
        overview.triples = stated - sum(n - 1 for n in lines.values())
        return overview

    def local_pages(self) -> list[str]:
        return [p for pages in self.pages.values() for p in pages]

    def dump(self) -> bytes:
        return json.dumps(
            {"pages": self.pages, "shared": self.shared, "counts": self.counts},
            ensure_ascii=False,
        ).encode("utf-8")

    @classmethod
    def read(cls, folder: Path, digest: object) -> Totals | None:
        """The totals kept in ``folder`` if their SHA-256 is ``digest``, else None."""
        try:
            data = (folder / TOTALS).read_bytes()
        except OSError:
            return None
        if not isinstance(digest, str) or hashlib.sha256(data).hexdigest() != digest:
            return None
        try:
            found = json.loads(data)
            totals = cls()
            totals.pages, totals.shared = dict(found["pages"]), dict(found["shared"])
            for name in totals.counts:
                totals.counts[name] = Counter(found["counts"][name])
        except (ValueError, KeyError, TypeError):
            return None
        return totals
