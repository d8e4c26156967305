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

from ..facts.registry import Registry

__all__ = ["Known", "Gazetteer", "load_gazetteer", "slug"]


def slug(text: str) -> str:
    """An entity id from a name: ``Sergei Shoigu`` -> ``sergei-shoigu``, accents dropped."""
    text = unicodedata.normalize("NFKD", text.replace("’", "").replace("'", ""))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:80].strip("-") or "entity"


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


@dataclass
class Gazetteer:
    names: dict[str, Known] = field(default_factory=dict)  # a name as written -> entity
    demonyms: dict[str, Known] = field(default_factory=dict)  # "Korean" -> South Korea
    forces: list[dict] = field(default_factory=list)
    capitals: dict[str, Known] = field(default_factory=dict)  # "Beijing" -> China

    def add(self, name: str, known: Known, *, replace: bool = False) -> None:
        if replace or name not in self.names:
            self.names[name] = known

    def pattern(self) -> re.Pattern:
        """One regex of every name and demonym, longest first, on word boundaries."""
        names = "|".join(re.escape(w) for w in sorted(self.names, key=lambda w: (-len(w), w)))
        demonyms = "|".join(re.escape(w) for w in sorted(self.demonyms, key=lambda w: (-len(w), w)))
        # a demonym may lead a compound: "Chinese-made", "American-led"
        return re.compile(rf"(?<![\w’'-])(?:{names})(?![\w-])|(?<![\w’'-])(?:{demonyms})(?![\w])")


@cache
def _bundled() -> dict:
    data = files("mapper.data") / "draft" / "gazetteer.yaml"
    return yaml.safe_load(data.read_text(encoding="utf-8"))


def load_gazetteer(registry: Registry | None = None) -> Gazetteer:
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
    bundled = dict(g.names)
    moved: dict[str, Known] = {}  # a bundled id -> the registry entity that is the same one
    for entity_id, e in (registry.entities if registry else {}).items():
        same = next((s for s in e.same_as if s.startswith("wd:")), "")
        known = Known(entity_id, e.type, str(e.values["label"]), same_as=same, from_registry=True)
        for name in (e.values["label"], *e.values.get("aliases", ())):
            old = bundled.get(str(name))
            if old is not None and old.type == e.type:
                moved[old.id] = known
            g.add(str(name), known, replace=True)
        for old in bundled.values():
            if same and old.same_as == same:
                moved[old.id] = known
    if moved:  # demonyms, capitals and every name of a moved entity follow it
        g.demonyms = {w: moved.get(k.id, k) for w, k in g.demonyms.items()}
        g.capitals = {w: moved.get(k.id, k) for w, k in g.capitals.items()}
        g.names = {
            w: moved.get(
                k.id, replace(k, located_in=moved[k.located_in].id) if k.located_in in moved else k
            )
            for w, k in g.names.items()
        }
    return g
