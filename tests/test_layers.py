"""The package's folders are the pipeline's stages: a stage imports only itself and the stages
before it (facts -> draft -> rdf -> checks -> builder -> stores -> publish -> cli), so there is no import
cycle between them and a reader can follow the data flow folder by folder."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import mapper

PACKAGE = Path(mapper.__file__).parent
STAGES = ["errors", "facts", "draft", "rdf", "checks", "builder", "stores", "publish", "cli"]


def _stage(module: str) -> str:
    """The stage of ``mapper.x.y`` (``errors`` for the root's own modules)."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in STAGES else "errors"


def _module(path: Path) -> str:
    return ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)


def _imports(source: str, module: str, *, package: bool = False) -> list[tuple[int, str]]:
    """(line, module imported) for each import of a ``mapper`` module in ``source``."""
    package_name = module if package else module.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                parts = package_name.split(".")
                base = parts[: len(parts) - node.level + 1]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            names = [f"{target}.{a.name}" for a in node.names] if not node.module else [target]
            found += [(node.lineno, t) for t in names if t.startswith("mapper")]
        elif isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names if a.name.startswith("mapper")]
    return found


def test_every_module_belongs_to_a_stage():
    loose = [p.name for p in PACKAGE.glob("*.py") if p.name not in ("__init__.py", "errors.py")]
    assert loose == [], "put each module in the subpackage of its stage"


def test_no_stage_imports_a_later_stage():
    wrong = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path == PACKAGE / "__init__.py":
            continue  # the public API gathers every stage
        module = _module(path)
        mine = STAGES.index(_stage(module))
        source = path.read_text(encoding="utf-8")
        for line, target in _imports(source, module, package=path.name == "__init__.py"):
            if STAGES.index(_stage(target)) > mine:
                wrong.append(f"{path.relative_to(PACKAGE)}:{line} imports {target}")
    assert wrong == []


def test_the_checker_sees_a_later_import():
    """The rule above would pass on a checker that finds nothing: prove it finds one."""
    found = _imports("from ..builder import pipeline\nfrom . import when\n", "mapper.facts.probe")
    assert found == [(1, "mapper.builder"), (2, "mapper.facts.when")]
    assert STAGES.index(_stage("mapper.builder")) > STAGES.index(_stage("mapper.facts.probe"))


# inside a stage with folders of its own, the same rule between its folders
STEPS = {
    "publish": ["render", "docs", "store", "site", "serve"],
    "draft": ["text", "names", "rules", "make", "review"],
}


@pytest.mark.parametrize("stage", sorted(STEPS))
def test_a_stages_folders_follow_its_steps(stage: str):
    """publish: the description rendered (render) or documented (docs), read from a store
    (store), written as a site (site), served (serve). draft: the text read (text), the
    entities it names (names), facts by rule (rules), the draft made (make) and reviewed
    (review). A folder imports only itself and the folders before it."""
    steps, root = STEPS[stage], PACKAGE / stage
    loose = [p.name for p in root.glob("*.py") if p.name != "__init__.py"]
    assert loose == [], f"put each {stage} module in the folder of its step"
    folders = sorted(p.name for p in root.iterdir() if (p / "__init__.py").exists())
    assert folders == sorted(steps)
    wrong = []
    for path in sorted(root.rglob("*.py")):
        module = _module(path)
        parts = module.split(".")
        if len(parts) < 4:
            continue
        mine = steps.index(parts[2])
        source = path.read_text(encoding="utf-8")
        for line, target in _imports(source, module, package=path.name == "__init__.py"):
            step = target.split(".")
            if step[:2] != ["mapper", stage] or len(step) < 3:
                continue
            if step[2] not in steps or steps.index(step[2]) > mine:
                wrong.append(f"{path.relative_to(PACKAGE)}:{line} imports {target}")
    assert wrong == []
