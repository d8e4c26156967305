"""Shared fixtures: paths into the checkout, a small article to mutate, the seed build."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph

if os.environ.get("CI"):
    # CI (CI=true) runs the property tests derandomised: the same examples on every run, and
    # no example database; a developer's run draws new examples each time.
    from hypothesis import settings

    settings.register_profile("ci", derandomize=True, database=None)
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SEED_SLUG = "pakistan-courts-us-and-russia-on-defense"

MINI_TEXT = (
    "Big News\n\n"
    "Gen.\u00a0Raheel Sharif visited Washington on Thursday, in late 2013. "
    "Russia supplies “up to 75 percent” of the hardware. Russia.\n"
)

MINI_FACTS = """\
article:
  headline: Big News
entities:
  - id: raheel-sharif
    type: Person
    label: Raheel Sharif
    evidence: ["Raheel Sharif"]
  - id: washington
    type: City
    label: Washington
    same_as: wd:Q61
    evidence: ["Washington"]
  - id: united-states
    type: Country
    label: United States
  - id: russia
    type: Country
    label: Russia
facts:
  - id: visit
    kind: visit
    visitor: raheel-sharif
    destination: washington
    date: Thursday
    aspect: completed
    evidence: ["visited Washington on Thursday"]
  - id: supply
    kind: arms_supply
    supplier: russia
    recipient: united-states
    share: {max: 75, unit: percent}
    start: late 2013
    evidence: ["up to 75 percent"]
"""


def write_article(
    folder: Path, facts: str = MINI_FACTS, text: str = MINI_TEXT, slug: str = "mini"
) -> Path:
    """Write ``<slug>.txt`` and ``<slug>.facts.yaml`` into ``folder``; return the facts path."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{slug}.txt").write_text(text, encoding="utf-8", newline="")
    path = folder / f"{slug}.facts.yaml"
    path.write_text(textwrap.dedent(facts), encoding="utf-8")
    return path


def triples_of(dataset) -> Graph:
    """Every triple of every graph of ``dataset``, merged into one Graph (for isomorphic)."""
    merged = Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        merged.add((s, p, o))
    return merged


@pytest.fixture(scope="session", autouse=True)
def _sparql_parsed_once():
    """Parse each SPARQL query text once per test session.

    rdflib parses (with pyparsing) and translates a query's text again on every call, and
    pySHACL, the reference validator the tests compare with, sends the same SPARQL
    constraint text once per focus node: parsing was two thirds of a reference validation of
    the all-kinds article.  Here the parsed and translated query is kept per (text, base,
    namespaces), as rdflib's own ``prepareQuery`` would, and evaluated afresh each time, so
    every answer and every error is the same; a text that fails to parse is not kept."""
    import functools

    from rdflib.plugins.sparql import processor

    original = processor.SPARQLProcessor.query

    @functools.lru_cache(maxsize=2048)
    def prepared(text: str, base: str | None, namespaces: tuple):
        return processor.translateQuery(processor.parseQuery(text), base, dict(namespaces))

    def query(self, strOrQuery, initBindings=None, initNs=None, base=None, DEBUG=False):  # noqa: N803
        if isinstance(strOrQuery, str):
            namespaces = tuple(sorted((k, str(v)) for k, v in (initNs or {}).items()))
            strOrQuery = prepared(strOrQuery, base, namespaces)
        return original(self, strOrQuery, initBindings, initNs, base, DEBUG)

    processor.SPARQLProcessor.query = query
    try:
        yield
    finally:
        processor.SPARQLProcessor.query = original


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    """A small valid facts file (and its article) in a fresh folder."""
    return write_article(tmp_path / "in")


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(scope="session")
def seed_dist(tmp_path_factory) -> Path:
    """The seeds built once per session with the library (not the CLI)."""
    from mapper.builder.pipeline import build

    out = tmp_path_factory.mktemp("seed") / "dist"
    outcome = build([SEEDS], out=out)
    assert outcome.report.conforms, outcome.report.text()
    return out


@pytest.fixture(scope="session")
def seed_site(tmp_path_factory) -> Path:
    """The seeds published as a site once per session, with the library (default base)."""
    from mapper.publish.site.static import build_site

    out = tmp_path_factory.mktemp("site") / "site"
    outcome = build_site([SEEDS], out=out)
    assert outcome.report.conforms, outcome.report.text()
    return out


@pytest.fixture(scope="session")
def seed_server(seed_site: Path, tmp_path_factory):
    """``defrel serve`` on the seed site, on a free port, in its own process, stopped at the
    end of the session.  Yields the site's URL (``http://127.0.0.1:N/defrel/data/``)."""
    from serving import serving

    log = tmp_path_factory.mktemp("serve") / "serve.log"
    with serving(["--site", str(seed_site)], log) as (url, _):
        yield url


def rss_kib(pid: int) -> int:
    """Resident memory of a server process and its child processes (query workers), in KiB."""
    pids = [pid]
    children = Path(f"/proc/{pid}/task/{pid}/children")
    if children.exists():
        pids += [int(p) for p in children.read_text().split()]
    total = 0
    for p in pids:
        try:
            status = Path(f"/proc/{p}/status").read_text()
        except FileNotFoundError:
            continue
        total += int(next(x.split()[1] for x in status.splitlines() if x.startswith("VmRSS:")))
    return total
