"""The pages of one ``defrel site`` run, once the build is done (``site.build.site_build``
starts it): which unchanged articles' pages are kept, the changed articles' pages rendered
and their contributions to the shared pages spooled, the sums of the side files
(``site/totals.py``), the shared pages touched, the home page, VoID and the ontology's
pages, the sitemap and the build state written last. The stages render in the run's
worker processes (``site/pool.py``).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from functools import partial
from importlib.resources import files as package_files
from itertools import chain
from pathlib import Path

from rdflib import URIRef

from ...builder.outdir import replace_file
from ...rdf.mint import Minter
from ..render.dcat import dumps_in
from ..render.describe import PAGE_SIZE, Catalogue
from ..render.listing import LISTED
from ..render.negotiate import WELL_KNOWN
from ..render.pages import template_text
from ..render.views import Layout
from ..render.void import sitemap_files
from .pool import SitePool
from .rendering import (
    SIDECARS,
    page_stems,
    parse_quads,
    render_articles,
    render_shared,
    write_files,
    write_page,
)
from .shares import BUCKETS, SHARES, bucket_files, kept_shares, spool
from .static import (
    SHAPES_FILE,
    SiteOutcome,
    _ontology,
    home_files,
    overview_of,
    shapes_text,
    void_files,
)
from .totals import TOTALS, Totals
from .update import (
    SITE_MANIFEST,
    Listing,
    finish,
    read_json,
    read_state,
    remove_files,
    remove_pages,
)

__all__ = ["BUCKETS", "CHUNK", "FIXED", "SPOOL", "SUFFIXES", "SiteRun", "site_recipe"]

SUFFIXES = (".html", ".ttl", ".jsonld", ".nt", ".nq", ".rdf")
FIXED = [f"ontology{x}" for x in SUFFIXES] + ["style.css"]  # the same while the recipe is
CHUNK = 16  # articles per worker task
SPOOL = "spool"  # in the run's scratch folder: the shared pages' contributions


def site_recipe(build_recipe: str, base: str, license: str, page_size: int = PAGE_SIZE) -> str:
    """What every page depends on besides the data: the build's recipe (defrel's code, the
    ontology …), the site's templates, the base IRI, the licence and the page size."""
    digest = hashlib.sha256(f"{build_recipe}\0{base}\0{license}\0{page_size}".encode())
    folder = package_files("mapper.data") / "site"
    for item in sorted(folder.iterdir(), key=lambda i: i.name):
        digest.update(item.name.encode() + b"\0" + item.read_bytes())
    return digest.hexdigest()


def _link(old: Path, stage: Path, name: str) -> None:
    target = stage / name
    target.parent.mkdir(parents=True, exist_ok=True)
    os.link(old / name, target)


def _size(paths: list[str]) -> int:
    return sum(os.path.getsize(p) for p in paths)


def _meanwhile(fn, *args) -> Future:
    """``fn(*args)`` in a thread of its own, started now; its result (or error) from the
    Future."""
    pool = ThreadPoolExecutor(max_workers=1)
    try:
        return pool.submit(fn, *args)
    finally:
        pool.shutdown(wait=False)


class SiteRun:
    """The pages of one site build (see ``site.build``'s docstring)."""

    def __init__(self, stage: Path, old: Path | None, scratch: Path, base, license, jobs, progress):
        """Write into ``stage``; ``old``: the previous site, trusted (None: none, or not
        trusted); ``stage`` is ``old`` when the site is updated in place."""
        self.stage, self.base, self.license, self.jobs = stage, base, license, jobs
        self.publisher = None  # a dcat.Publisher: default, the base IRI's host
        self.page_size = PAGE_SIZE
        self.progress = progress
        self.old = old
        self.in_place = old is not None and stage == old
        self.nquads = stage / "dataset.nq"
        self.work = scratch / SPOOL
        self.written = 0
        self.kept: dict[str, dict] = {}  # side files of the articles kept, read in _kept
        self.listing = Listing(old or scratch)  # the previous site's files
        self.workers = SitePool(jobs)

    def _map(self, fn, tasks: list, parallel: bool) -> Iterator:
        """``fn`` over ``tasks`` in the workers if ``parallel`` (or they are up), else here."""
        if parallel or self.workers.started:
            return self.workers.map(fn, tasks)
        return map(fn, tasks)

    def _render(self, tasks: list) -> Iterator[tuple[str, int, list[str]]]:
        fn = partial(
            render_articles,
            nquads=str(self.nquads),
            base=self.base,
            license=self.license,
            stage=str(self.stage),
            old=str(self.old) if self.old else None,
            page_size=self.page_size,
            spool_to=str(self.work),
        )
        chunks = [tasks[i : i + CHUNK] for i in range(0, len(tasks), CHUNK)]
        for done in self._map(fn, chunks, self.jobs > 1):
            yield from done

    def run(self, manifest, outcome: SiteOutcome, rendered: dict | None = None) -> None:
        """``rendered``: slug -> (files written, shared resources spooled) of the articles
        whose pages the build's workers rendered already (``site.rendering.render_built``)."""
        rendered = rendered or {}
        # the dumps' checksums (a gigabyte read at 10,000 articles) while the pages render
        self.dumps = _meanwhile(dumps_in, self.stage)
        recipe = site_recipe(manifest.recipe, self.base, self.license, self.page_size)
        previous = read_state(self.old) if self.old else None
        self.old_pages = set(previous.get("pages", [])) if previous and self.in_place else set()
        self.old_articles = set(previous.get("articles", {})) if previous else set()
        # the list pages and sitemap parts it wrote, which this run may not (render/listing.py)
        self.old_listed = set(previous.get("listed", [])) if previous and self.in_place else set()
        digest = previous.get("totals") if previous else None
        if not previous or previous.get("recipe") != recipe or previous.get("global"):
            previous = {"articles": {}, "shared": []}
        self.same_recipe = bool(previous["articles"])
        before = previous["articles"]
        # the previous site's sums of its side files: only the changed articles' are read
        self.totals = Totals.read(self.old, digest) if self.same_recipe else None
        entries = manifest.articles
        same = [
            s
            for s, e in entries.items()
            if s not in rendered and before.get(s) == e["key"] and self._kept(s)
        ]
        kept = set(same)
        changed = [s for s in entries if s not in kept]
        self.work.mkdir(parents=True, exist_ok=True)
        touched = self._out_of_totals([*changed, *(s for s in before if s not in entries)])
        # no previous totals: summed as the articles come, while the workers render
        summed = Totals() if self.totals is None else None
        # the workers spool the articles' contributions to the shared pages (site/shares.py)
        todo = [s for s in changed if s not in rendered]  # (the others: by the build's)
        tasks = [(s, *entries[s]["ranges"]["dataset.nq"], True, None) for s in todo]
        done = ((slug, *rendered[slug]) for slug in changed if slug in rendered)
        for n, (slug, written, shared) in enumerate(chain(done, self._render(tasks)), start=1):
            self.written += written
            touched.update(shared)
            if summed is not None:
                summed.add(slug, read_json(self.stage / SIDECARS / f"{slug}.json"))
            self.progress("articles", n, len(changed))
        self.listing = Listing(self.old or self.work)  # again: the articles' pages are new
        totals = self._into_totals(changed, entries, summed)
        mentions = totals.mentions()
        touched &= set(mentions)
        for r in mentions:  # a page gone from the previous site is rendered again
            if r not in touched and not self._there(r[len(self.base) :]):
                touched.add(r)
        wanted: dict[str, list[str]] = {}
        for r in touched:
            for slug in mentions[r]:
                if slug in kept:
                    wanted.setdefault(slug, []).append(r)
        tasks = []
        for slug, rs in wanted.items():  # what an unchanged article gave, as it kept it
            shares = kept_shares(self.stage / SIDECARS / f"{slug}.json", set(rs))
            if shares is None:
                tasks.append((slug, *entries[slug]["ranges"]["dataset.nq"], False, rs))
            else:
                spool(self.work, shares)
                touched.update(r for r, _ in shares)
        for _, _, shared in self._render(tasks):
            touched.update(shared)
        agreed = totals.agreed()
        overview = totals.overview(sum(e["triples"] for e in entries.values())) if agreed else None
        agreed = overview is not None  # (rows that differ: the articles do not agree either)
        made = None
        if overview is not None:  # the dataset's pages while the shared pages render (in
            # worker processes: this thread mostly waits for them), as _finish would make them
            made = _meanwhile(self._dataset_files, overview, manifest)
        ontology = None  # its pages, the same while the recipe is: made again in a worker
        if not (self.same_recipe and all(self._there_file(name) for name in FIXED)):
            ontology = _meanwhile(self.workers.call, _ontology, self.license)
        shared = self._shared(touched, mentions, previous) if agreed else self._everything()
        self._finish(manifest, outcome, totals, shared, overview, recipe, agreed, made, ontology)

    def _out_of_totals(self, slugs: list[str]) -> set[str]:
        """Take the articles ``slugs`` (changed, or gone) out of the previous totals (by their
        previous side files); returns the shared resources they mentioned."""
        touched: set[str] = set()
        for slug in slugs:
            info = read_json(self.old / SIDECARS / f"{slug}.json") if self.old else None
            touched.update(info["shared"] if info else [])
            if self.totals is not None and slug in self.totals.pages:
                if info is None:
                    self.totals = None  # the side file is gone: sum every one anew
                else:
                    self.totals.add(slug, info, -1)
        return touched

    def _into_totals(self, changed: list[str], entries: dict, summed: Totals | None) -> Totals:
        """The totals of this site: the previous ones with the changed articles' new side
        files in, or (none to go on) the sums of every article's side file: ``summed``, the
        changed articles' so far, and the kept ones'."""
        if self.totals is not None:
            for slug in changed:
                self.totals.add(slug, read_json(self.stage / SIDECARS / f"{slug}.json"))
            return self.totals
        new = set(changed)
        for s in entries:
            if s not in new:
                summed.add(s, self.kept.get(s) or read_json(self.stage / SIDECARS / f"{s}.json"))
        # in the order of the articles, as a sum of every side file in turn would list them
        summed.pages = {s: summed.pages[s] for s in entries}
        summed.shared = {s: summed.shared[s] for s in entries}
        return summed

    def _kept(self, slug: str) -> bool:
        """Keep an unchanged article's pages and side file from the previous site (linked,
        or left where they are in place); False (and rendered again) if any is missing."""
        totals = self.totals
        known = totals is not None and slug in totals.pages
        info = None if known else read_json(self.old / SIDECARS / f"{slug}.json")
        try:
            pages = totals.pages[slug] if known else info["pages"]
            if self.in_place:  # every page's files still there (a stem's, a set at a time)
                if not self.listing.has(f"{SIDECARS}/{slug}.json"):
                    return False
                if not all(map(self.listing.has_all, pages)):
                    return False
            else:
                shares = f"{SIDECARS}/{slug}{SHARES}"
                if os.path.isfile(self.old / shares):
                    _link(self.old, self.stage, shares)
                for name in [*(p + x for p in pages for x in SUFFIXES), f"{SIDECARS}/{slug}.json"]:
                    _link(self.old, self.stage, name)
        except (OSError, TypeError, KeyError):
            return False
        if info is not None:
            self.kept[slug] = info  # read once: the parent reads every article's side file
        return True

    def _there_file(self, name: str) -> bool:
        return self.old is not None and os.path.isfile(self.old / name)

    def _there(self, path: str) -> bool:
        return self.old is not None and self.listing.has_all(path)

    def _shared(self, touched: set[str], mentions: dict, previous: dict) -> list[str]:
        """Render the shared pages of ``touched`` (from the spool), keep the others (every
        page of each: ``{path}.page{n}.*`` while the previous site has one)."""
        stems = []
        for path in sorted(r[len(self.base) :] for r in mentions):
            if self.base + path not in touched:
                stem, n = path, 1
                while n == 1 or self._there(stem):
                    for suffix in SUFFIXES if not self.in_place else ():
                        _link(self.old, self.stage, stem + suffix)
                    stems.append(stem)
                    n += 1
                    stem = f"{path}.page{n}"
        fn = partial(
            render_shared,
            base=self.base,
            license=self.license,
            stage=str(self.stage),
            old=str(self.old) if self.old else None,
            page_size=self.page_size,
        )
        # the largest buckets first: the last to finish is a small one, the other core idle
        # the least while it does
        tasks = sorted(bucket_files(self.work), key=_size, reverse=True)
        rendering = self._map(fn, tasks, self.jobs > 1)
        for n, (written, rendered) in enumerate(rendering, start=1):
            self.written += written
            stems += rendered
            self.progress("shared pages", n, len(tasks))
        return stems

    def _everything(self) -> list[str]:
        """Every page from the whole dataset (when articles do not agree on what they share,
        or name each other's nodes: see the module docstring)."""
        cat = Catalogue.of_quads(parse_quads(self.nquads.read_bytes()))
        cat.page_size = self.page_size
        layout = Layout(self.base, cat)
        found = []
        for r in sorted(cat.resources):
            if layout.path(r) is not None:
                stems = page_stems(layout, r)
                for stem in stems if not self.in_place else ():  # linked: never written into
                    for suffix in SUFFIXES:
                        (self.stage / (stem + suffix)).unlink(missing_ok=True)
                self.written += write_page(self.stage, self.old, layout, r, self.license)
                found += stems
        self.whole = cat
        return found

    def _dataset_files(self, overview, manifest) -> dict[str, str]:
        """The home page and VoID's documents (``site.dataset_pages``), each in a worker if
        they are up (a second or two each at 10,000 articles)."""
        minter = Minter(self.base)
        graphs = {slug: URIRef(minter.graph(slug)) for slug in manifest.articles}
        triples = {slug: e["triples"] for slug, e in manifest.articles.items()}
        kw = dict(base=self.base, license=self.license, graphs=graphs, triples=triples)
        kw.update(publisher=self.publisher, dumps=self.dumps.result())
        home = self.workers.submit(home_files, overview, **kw)
        return {**self.workers.call(void_files, overview, **kw), **home.result()}

    def _finish(
        self, manifest, outcome, totals, shared, overview, recipe, agreed, made, ontology
    ) -> None:
        if made is not None:
            files = made.result()
        else:
            if overview is None:
                overview = overview_of(self.whole, self.base)
            files = self._dataset_files(overview, manifest)
        files[WELL_KNOWN] = files["void.ttl"]  # RFC 8615's place for VoID, if hosted at the root
        files[SHAPES_FILE] = shapes_text()
        if ontology is not None:
            files.update(ontology.result())  # the same while the recipe is: else linked
            files["style.css"] = template_text("style.css")
        elif not self.in_place:
            for name in FIXED:
                _link(self.old, self.stage, name)
        local = totals.local_pages() if agreed else []
        pages = sorted({*local, *shared})
        urls = [self.base + p + ".html" for p in pages]
        files.update(sitemap_files([*urls, self.base + "ontology.html", self.base], self.base))
        listed = sorted(n for n in files if n.startswith(LISTED))
        self.written += write_files(self.stage, self.old, files)
        articles = {slug: e["key"] for slug, e in manifest.articles.items()}
        about = {"recipe": recipe, "global": not agreed, "articles": articles, "pages": pages}
        about["listed"] = listed
        kept = totals.dump()
        replace_file(self.stage / TOTALS, kept)
        about["totals"] = hashlib.sha256(kept).hexdigest()
        if self.in_place:  # what the previous site had and this one has not goes
            remove_pages(self.stage, self.old_pages - set(pages))
            remove_files(self.stage, self.old_listed - set(listed))
            for slug in self.old_articles - set(articles):
                for suffix in (".json", SHARES):
                    (self.stage / SIDECARS / f"{slug}{suffix}").unlink(missing_ok=True)
            finish(self.stage, about)
        else:
            (self.stage / SITE_MANIFEST).write_text(json.dumps(about), encoding="utf-8")
        for spooled in self.work.iterdir():
            spooled.unlink()
        self.work.rmdir()
        outcome.pages = len(pages) + 2 + sum(n.startswith("list/") for n in listed)  # + the lists
        outcome.rendered = self.written
        outcome.files += len(SUFFIXES) * len(pages) + len(files)  # and the build's, before
        outcome.files += 0 if "style.css" in files else len(FIXED)
        outcome.triples = overview.triples
        outcome.written = sorted(files)
