"""What the drafter knows by name: states (with their demonyms and capitals), international
organisations, armed forces and departments with names of their own, armed groups, regions and
waters, the forces and ministries of a state by pattern, and the archive's own registry, which
wins over the bundled list (its ids are the archive's)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from functools import cache
from importlib.resources import files

import yaml

from ...facts.registry import Registry
from .namewords import _ROLE_NOUNS

__all__ = ["Known", "Gazetteer", "load_gazetteer", "slug"]


def slug(text: str) -> str:
    """An entity id from a name: ``Sergei Shoigu`` -> ``sergei-shoigu``, accents dropped, an
    initialism's points too (``U.S. officials`` -> ``us-officials``)."""
    text = re.sub(r"(?<![\w.])(?:[A-Za-z]\.){2,}", lambda m: m.group().replace(".", ""), text)
    text = unicodedata.normalize("NFKD", text.replace("’", "").replace("'", ""))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:80].strip("-") or "entity"


_ROLE_WORD = re.compile(rf"(?i:{_ROLE_NOUNS})")


@dataclass(frozen=True)
class Known:
    """An entity the drafter can propose: id, type, label, and what else it knows."""

    id: str
    type: str
    label: str
    same_as: str = ""
    located_in: str = ""
    part_of: str = ""
    from_registry: bool = False
    local: bool = False  # the article's own (scope: article): an unnamed source, a group


@dataclass
class Gazetteer:
    names: dict[str, Known] = field(default_factory=dict)  # a name as written -> entity
    demonyms: dict[str, Known] = field(default_factory=dict)  # "Korean" -> South Korea
    forces: list[dict] = field(default_factory=list)
    capitals: dict[str, Known] = field(default_factory=dict)  # "Beijing" -> China
    # the archive's names, case folded: "Chinese Foreign Ministry" a rule makes of "China's
    # foreign ministry" is the archive's "Chinese foreign ministry"
    archived: dict[str, Known] = field(default_factory=dict)
    _cache: dict = field(default_factory=dict, repr=False, compare=False)

    def add(self, name: str, known: Known, *, replace: bool = False) -> None:
        if replace or name not in self.names:
            self.names[name] = known

    def states(self) -> str:
        """A regex alternation of every name and demonym of a state, longest first."""
        if "states" not in self._cache:
            words = [*self.demonyms, *(n for n, k in self.names.items() if k.type == "Country")]
            words.sort(key=lambda w: (-len(w), w))
            self._cache["states"] = "|".join(re.escape(w) for w in words)
        return self._cache["states"]

    def states_known(self) -> list[Known]:
        """Every state, once."""
        known = [*self.names.values(), *self.demonyms.values()]
        return list({k.id: k for k in known if k.type == "Country"}.values())

    def pattern(self) -> re.Pattern:
        """One regex of every name and demonym, longest first, on word boundaries."""
        if "pattern" not in self._cache:
            self._cache["pattern"] = self._pattern()
        return self._cache["pattern"]

    def _pattern(self) -> re.Pattern:
        names = "|".join(re.escape(w) for w in sorted(self.names, key=lambda w: (-len(w), w)))
        demonyms = "|".join(re.escape(w) for w in sorted(self.demonyms, key=lambda w: (-len(w), w)))
        # a demonym may lead a compound: "Chinese-made", "American-led"
        return re.compile(rf"(?<![\w’'-])(?:{names})(?![\w-])|(?<![\w’'-])(?:{demonyms})(?![\w])")


@cache
def _bundled() -> dict:
    data = files("mapper.data") / "draft" / "gazetteer.yaml"
    return yaml.safe_load(data.read_text(encoding="utf-8"))


def load_gazetteer(
    registry: Registry | None = None, archive: tuple[tuple[Known, list[str]], ...] = ()
) -> Gazetteer:
    """The bundled names, then the archive's: the registry's entities (referred to by id) and
    ``archive``, entities other facts files declare, with their names (declared again)."""
    base = _bundled_gazetteer()
    if not archive and not (registry and registry.entities):
        return base  # built once per process, its patterns with it
    g = Gazetteer(dict(base.names), dict(base.demonyms), base.forces, dict(base.capitals))
    bundled = dict(g.names)
    moved: dict[str, Known] = {}  # a bundled id -> the archive's entity that is the same one
    for entity_id, e in (registry.entities if registry else {}).items():
        same = next((s for s in e.same_as if s.startswith("wd:")), "")
        known = Known(entity_id, e.type, str(e.values["label"]), same_as=same, from_registry=True)
        names = (e.values["label"], *e.values.get("aliases", ()))
        _adopt(g, bundled, moved, known, [str(n) for n in names])
    for known, names in archive:
        _adopt(g, bundled, moved, known, [known.label, *names])
    if moved:  # demonyms, capitals and every name of a moved entity follow it
        g.demonyms = {w: moved.get(k.id, k) for w, k in g.demonyms.items()}
        g.capitals = {w: moved.get(k.id, k) for w, k in g.capitals.items()}
        g.names = {w: _follow(moved.get(k.id, k), moved) for w, k in g.names.items()}
    return g


@cache
def _bundled_gazetteer() -> Gazetteer:
    data = _bundled()
    g = Gazetteer(forces=list(data["forces"]))
    for s in data["states"]:
        wd = f"wd:{s['wd']}" if s.get("wd") else ""
        state = Known(s["id"], "Country", s["label"], same_as=wd)
        for name in (s["label"], *s.get("aliases", ())):
            g.add(name, state)
        for demonym in s.get("demonyms", ()):
            g.demonyms.setdefault(demonym, state)
        if s.get("capital"):
            capital = Known(slug(s["capital"]), "City", s["capital"], located_in=s["id"])
            g.add(s["capital"], capital)
            g.capitals[s["capital"]] = state
    for o in data["named"]:
        wd = f"wd:{o['wd']}" if o.get("wd") else ""
        org = Known(o["id"], o["type"], o["label"], same_as=wd, part_of=o.get("part_of", ""))
        for name in (o["label"], *o.get("aliases", ())):
            g.add(name, org)
    return g


def _follow(k: Known, moved: dict[str, Known]) -> Known:
    """``k`` with its state or parent renamed where the archive has them under its own id."""
    if k.located_in in moved:
        k = replace(k, located_in=moved[k.located_in].id)
    if k.part_of in moved:
        k = replace(k, part_of=moved[k.part_of].id)
    return k


def _adopt(g: Gazetteer, bundled: dict, moved: dict, known: Known, names: list[str]) -> None:
    """Let the archive's entity win its names (and the bundled entity it is the same as).
    A name with no capital letter ("the navy", "the ministry") names nothing by itself, nor
    does a role noun ("Organisers", an alias a sentence's first word gave)."""
    for name in names:
        if not any(c.isupper() for c in name) or _ROLE_WORD.fullmatch(name):
            continue  # nor does a role noun a sentence starts with: "Organisers said"
        g.archived.setdefault(name.casefold(), known)
        old = bundled.get(name)
        if old is not None and old.type == "City" and known.type == "Country":
            continue  # "Tokyo" for Japan: the capital stands for its state where it acts
        if old is not None and old.type == known.type:
            moved[old.id] = known
        g.add(name, known, replace=True)
    for old in bundled.values():
        if known.same_as and old.same_as == known.same_as:
            moved[old.id] = known
