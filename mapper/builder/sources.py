"""defrel's own files that what it writes depends on (all its source, the bundled shapes,
ontology and context), fed to a digest: part of a build's recipe (``fastbuild.recipe``) and of
the key of what a server keeps (``publish/serve/kept.py``). Light to import: a server reads it
at start."""

from __future__ import annotations

from pathlib import Path

from ..rdf.vocab import CONTEXT_FILE

__all__ = ["add_sources"]

PACKAGE = Path(__file__).resolve().parents[1]  # mapper/, every stage


def add_sources(digest, *data_folders: str, package: Path = PACKAGE) -> None:
    """Feed ``digest`` (a hashlib object) each of defrel's own files, by its path in the
    ``package`` folder and its bytes; ``data_folders``: the files of these folders of
    ``mapper/data`` too (``"site"``: the site's templates)."""
    data = package / "data"
    parts = [
        *sorted(package.rglob("*.py")),
        *sorted((data / "shapes").glob("*.ttl")),
        *sorted((data / "ontology").glob("*.ttl")),
        data / CONTEXT_FILE,
        *(p for folder in data_folders for p in sorted((data / folder).iterdir()) if p.is_file()),
    ]
    for path in parts:
        digest.update(str(path.relative_to(package)).encode() + b"\0" + path.read_bytes())
