"""Packaging: the wheel carries the ontology, shapes, queries, context and schema, and a
non-editable install works from any directory; the published schema is the generated one."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

from conftest import ROOT, SEEDS

import mapper
from mapper.facts.schema import generate_schema, published_schema

PROJECT_FILES = [
    "pyproject.toml",
    "README.md",
    "LICENSE",
    "mapper",
    "ontology",
    "shapes",
    "queries",
]


def test_public_api_is_pinned() -> None:
    assert mapper.__all__ == sorted(mapper.__all__)
    assert set(mapper.__all__) == {
        "BuildOutcome",
        "DefrelError",
        "EvidenceError",
        "FactsError",
        "InputError",
        "OutputError",
        "QueryError",
        "QueryOutcome",
        "Report",
        "Result",
        "build",
        "build_dataset",
        "load_corpus",
        "load_facts",
        "map_articles",
        "read_rdf",
        "run_query",
        "validate_dataset",
        "write_dist",
    }


def test_every_public_name_resolves_and_importing_mapper_stays_light() -> None:
    """The API is loaded on first use: importing ``mapper`` loads no RDF library, and every
    name of ``__all__`` still resolves (from a fresh interpreter, so nothing is cached)."""
    script = (
        "import sys, mapper\n"
        "assert 'rdflib' not in sys.modules and 'pyshacl' not in sys.modules\n"
        "missing = [n for n in mapper.__all__ if getattr(mapper, n, None) is None]\n"
        "assert missing == [], missing\n"
        "assert mapper.build.__module__ == 'mapper.builder.pipeline'\n"
    )
    subprocess.run([sys.executable, "-c", script], check=True, cwd=ROOT)


def test_published_schema_is_the_generated_one() -> None:
    assert published_schema() == json.loads(json.dumps(generate_schema())), (
        "regenerate mapper/data/facts.schema.json from mapper/facts/kinds/"
    )


def test_wheel_installs_and_runs_from_any_directory(tmp_path: Path) -> None:
    source = tmp_path / "src"
    source.mkdir()
    for name in PROJECT_FILES:  # a clean copy: no stale build/ folder can leak into the wheel
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(
                src, source / name, symlinks=True, ignore=shutil.ignore_patterns("__pycache__")
            )
        else:
            shutil.copy2(src, source / name)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(tmp_path / "wheel"),
            str(source),
        ],
        check=True,
        capture_output=True,
    )
    wheel = next((tmp_path / "wheel").glob("defrel-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    for expected in (
        "mapper/data/ontology/defrel.ttl",
        "mapper/data/shapes/defrel-shapes.ttl",
        "mapper/data/context.jsonld",
        "mapper/data/facts.schema.json",
        "mapper/data/queries/who-visited-whom.rq",
        "mapper/data/queries/competency/01-arms-suppliers-of-india.csv",
        "mapper/data/queries/corpus/41-aid-to-sri-lanka.csv",
        "mapper/data/ontology/versions/defrel-0.1.0.ttl",
        "mapper/data/ontology/versions/defrel-0.2.0.ttl",
        "mapper/data/site/base.html",
        "mapper/data/site/style.css",
        "mapper/data/java/DefrelReasoner.java",
    ):
        assert expected in names

    _run_in_a_fresh_venv(tmp_path, wheel)


def _run_in_a_fresh_venv(tmp_path: Path, wheel: Path) -> None:
    """Install the wheel as a user would, into a new venv, and run ``defrel`` from a folder
    outside the checkout.  The venv sees the test venv's site-packages only as a plain path
    for the dependencies (no .pth files run from it, so the editable install's finder, which
    maps ``mapper`` to this checkout, is not loaded): ``mapper`` can come from the wheel or
    not at all, so a subpackage missing from the wheel fails here."""
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    site = Path(
        subprocess.run(
            [python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
    )
    deps = Path(sysconfig.get_path("purelib"))  # this venv's: rdflib, pyshacl, ...
    assert not (deps / "mapper").exists(), "the test venv must not hold mapper itself"
    (site / "defrel-test-deps.pth").write_text(f"{deps}\n", encoding="utf-8")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "--quiet",
            "--no-deps",
            "--no-index",
            str(wheel),
        ],  # fmt: skip
        check=True,
        capture_output=True,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    shutil.copytree(SEEDS, elsewhere / "seeds")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    where = subprocess.run(
        [python, "-c", "import mapper, sys; print(mapper.__file__); print(*sys.path, sep='\\n')"],
        cwd=elsewhere,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    assert where.stdout.startswith(str(site / "mapper")), where.stdout
    leaked = [p for p in where.stdout.splitlines()[1:] if p and (Path(p) / "mapper").exists()]
    assert leaked == [str(site)], f"mapper could be found elsewhere: {leaked}"
    defrel = venv / "bin" / "defrel"
    result = subprocess.run(
        [defrel, "build"], cwd=elsewhere, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert (elsewhere / "dist" / "dataset.nq").is_file()
    query = subprocess.run(
        [defrel, "query", "--example", "posts-held"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
    )
    assert query.returncode == 0 and "Sergei Shoigu" in query.stdout, query.stderr
    # the other stages' folders from the wheel too: the site (publish/site, render, its
    # templates), and a draft of the seed's text in a folder of its own (draft/*, gazetteer)
    site = subprocess.run([defrel, "site"], cwd=elsewhere, env=env, capture_output=True, text=True)
    assert site.returncode == 0 and "Built a site of" in site.stdout, site.stderr
    assert (elsewhere / "site" / "entity").is_dir() and (
        elsewhere / "site" / "index.html"
    ).is_file()
    text = next((elsewhere / "seeds").glob("*.txt"))
    (elsewhere / "draft").mkdir()
    shutil.copy(text, elsewhere / "draft" / text.name)
    draft = subprocess.run(
        [defrel, "draft", str(elsewhere / "draft" / text.name)],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
    )
    assert draft.returncode == 0, draft.stderr
    assert "draft:" in (elsewhere / "draft" / text.name).with_suffix(".facts.yaml").read_text()


def test_the_wheel_holds_every_subpackage() -> None:
    """Packages are found by setuptools, not listed: every folder of mapper/ with Python in
    it is a package the wheel carries (the install test above proves they import)."""
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    packages = config["tool"]["setuptools"]["packages"]
    assert isinstance(packages, dict), "let setuptools find the packages, list none by hand"
    found = packages["find"]
    assert found["include"] == ["mapper", "mapper.*"]


def _pins(lock: Path) -> dict[str, str]:
    """name -> version of every ``name==version`` line, each of which must carry hashes."""
    pins, lines = {}, lock.read_text(encoding="utf-8").splitlines()
    for i, line in enumerate(lines):
        if "==" in line and not line.startswith((" ", "#")):
            name, version = line.split(" ")[0].split("==")
            pins[name.lower().replace("_", "-")] = version
            assert lines[i + 1].strip().startswith("--hash=sha256:"), line
    return pins


def _declared(extra: str | None = None) -> set[str]:
    import re
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    specs = project["dependencies"] + (project["optional-dependencies"][extra] if extra else [])
    return {re.split(r"[<>=!~\[; ]", s, maxsplit=1)[0].lower().replace("_", "-") for s in specs}


def test_lock_files_pin_every_dependency_with_hashes() -> None:
    runtime = _pins(ROOT / "requirements.lock")
    with_tests = _pins(ROOT / "requirements-test.lock")
    assert _declared() <= set(runtime), "run scripts/lock.sh after changing pyproject.toml"
    assert _declared("test") <= set(with_tests), "run scripts/lock.sh"
    for name, version in runtime.items():  # the two locks agree where they overlap
        assert with_tests.get(name, version) == version, name
    setup = (ROOT / "scripts" / "setup.sh").read_text(encoding="utf-8")
    assert "--require-hashes -r requirements-test.lock" in setup
    assert "--require-hashes -r requirements.lock" in setup
