"""``defrel site`` into a previous site of its own: the folder is updated in place, not
staged and swapped, because after an edit a few dozen of an archive's hundreds of thousands
of files change, and linking every other one into a new folder took longer than the edit.

How a folder stays sound while it is updated:

* every file is written whole beside its final name and renamed over it
  (``outdir.replace_file``): a reader sees the old file or the new one, never half of one;
* before the first change a journal (``.defrel/site-updating``) is written, and it is
  removed only after the build state (``.defrel/site.json``) is written, last of all. A run
  killed in between leaves the journal: the next run sees it, trusts nothing the folder
  holds (neither its build manifest nor its pages' state) and builds the whole site anew
  into a new folder that replaces it, as for a folder it has never seen;
* only files defrel wrote there are removed: the pages the previous build state lists
  that the new one does not, the build files of articles gone from the input, the side
  files of those articles. A file someone else put into the folder stays.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Iterable
from pathlib import Path

from ...builder.distwriter import BIG
from ...builder.outdir import marked_command, replace_file

__all__ = [
    "JOURNAL", "Listing", "begin", "read_state", "commit_build", "finish", "remove_files",
    "remove_pages", "sound", "updatable",
]  # fmt: skip

JOURNAL = ".defrel/site-updating"
SITE_MANIFEST = ".defrel/site.json"
SUFFIXES = (".html", ".ttl", ".jsonld", ".nt", ".nq", ".rdf")
ARTICLE_FILES = (".ttl", ".jsonld")  # a build's own files of an article, in articles/


def read_json(path: Path) -> dict | None:
    try:
        found = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return found if isinstance(found, dict) else None


_STATE: dict = {}  # the last build state read, by its file's stamp


def read_state(out: Path) -> dict | None:
    """The build state of the site ``out``, parsed once while its file is unchanged (an
    update asks three times: 20 MB of JSON at 10,000 articles). Not to be changed."""
    path = out / SITE_MANIFEST
    try:
        st = os.stat(path)
    except OSError:
        return None
    key = (str(path), st.st_ino, st.st_size, st.st_mtime_ns)
    if key not in _STATE:
        _STATE.clear()
        _STATE[key] = read_json(path)
    return _STATE[key]


def sound(out: Path) -> bool:
    """False if a run that updated ``out`` in place was killed before it finished."""
    return not os.path.lexists(out / JOURNAL)


def updatable(out: Path) -> bool:
    """May ``out`` be updated in place: a previous site, finished (no journal), whose build
    state lists its pages and was rendered article by article?"""
    if marked_command(out) != "site" or not sound(out):
        return False
    about = read_state(out)
    return bool(
        about
        and about.get("global") is False
        and isinstance(about.get("pages"), list)
        and isinstance(about.get("articles"), dict)
        and all(map(_a_page, about["pages"]))
        and all(map(_a_slug, about["articles"]))
        and (out / ".defrel" / "manifest.json").is_file()
        and _no_way_out(out, about["pages"])
    )


def _no_way_out(out: Path, pages: list[str]) -> bool:
    """No folder the update writes into or removes from is a link (which could lead out of
    ``out``: a file is replaced by a rename, which never follows a link; a folder would be).
    Each folder on the way is looked at once (an lstat), not resolved whole per page."""
    folders = {p.rpartition("/")[0] for p in pages} | {"articles", ".defrel", ".defrel/site"}
    seen: set[str] = set()
    for folder in folders:
        parts = folder.split("/") if folder else []
        for n in range(1, len(parts) + 1):
            step = "/".join(parts[:n])
            if step not in seen:
                seen.add(step)
                if os.path.islink(os.path.join(out, step)):
                    return False
    return True


def _a_page(path: object) -> bool:
    """A page path as defrel writes them (``entity/russia``), nothing that reaches out of the
    folder: the build state is a file in the folder, and anyone may have written it (its
    paths are unlinked on an update, so a doubtful one means a full build instead)."""
    if not isinstance(path, str) or not path or "\\" in path or "\0" in path:
        return False
    parts = path.split("/")
    return not path.startswith("/") and all(p and p not in (".", "..") for p in parts)


def _a_slug(slug: object) -> bool:
    return _a_page(slug) and "/" not in slug and not slug.startswith(".")


class Listing:
    """Which names a folder holds, each of its folders listed once (``os.listdir``) when first
    asked about, not a stat per file: an edit of a 10,000-article site asks about 500,000
    files in 30,000 folders. A snapshot: what is written after a folder was listed is not
    in it."""

    def __init__(self, root: Path) -> None:
        self.root = str(root)
        self.folders: dict[str, set[str]] = {}

    def _names(self, folder: str) -> set[str]:
        found = self.folders.get(folder)
        if found is None:
            try:  # names, files or not: a page's name that is a folder is no page of
                # ours either way (its update fails loudly); half the time of DirEntry tests
                found = set(os.listdir(f"{self.root}/{folder}" if folder else self.root))
            except OSError:
                found = set()
            self.folders[folder] = found
        return found

    def has(self, name: str) -> bool:
        """Is ``name`` (a path relative to the root, ``/`` between parts) a file?"""
        folder, _, leaf = name.rpartition("/")
        return leaf in self._names(folder)

    def has_all(self, stem: str) -> bool:
        """Are the page ``stem``'s files (``.html``, ``.ttl`` … each of ``SUFFIXES``) there?"""
        folder, _, leaf = stem.rpartition("/")
        return self._names(folder).issuperset([leaf + x for x in SUFFIXES])


def begin(out: Path) -> None:
    """From here until ``finish``, the folder is being changed."""
    replace_file(out / JOURNAL, b"defrel site is updating this folder in place\n")


def finish(out: Path, about: dict) -> None:
    """Write the build state, then remove the journal: the folder is sound again."""
    replace_file(out / SITE_MANIFEST, json.dumps(about).encode("utf-8"))
    os.unlink(out / JOURNAL)
    while _ASIDE:
        _ASIDE.pop().join()


def commit_build(scratch: Path, out: Path, names: Iterable[str], gone: Iterable[str]) -> None:
    """Move the files the build wrote into ``scratch`` over their places in ``out`` (those
    hard-linked from ``out``, an unchanged article's, are there already), the build manifest
    last; remove the files of the articles ``gone`` from the input."""
    for name in [*names, ".defrel/manifest.json"]:
        new, old = scratch / name, out / name
        try:
            if os.path.samefile(new, old):
                continue
        except FileNotFoundError:
            pass
        old.parent.mkdir(parents=True, exist_ok=True)
        if name in BIG:  # renamed aside, its blocks freed while the pages render
            _aside(old, scratch)
        os.replace(new, old)
    for slug in gone:
        for suffix in ARTICLE_FILES:
            (out / "articles" / f"{slug}{suffix}").unlink(missing_ok=True)


def _aside(path: Path, scratch: Path) -> None:
    """Move the file ``path`` into ``scratch`` (on the same file system), to be removed there
    by a thread: unlinking a dump of half a gigabyte took 0.5 s, done by the kernel without
    holding Python's lock. ``scratch`` goes with the run, so nothing is left behind."""
    trash = scratch / f"aside-{path.name}"
    try:
        os.rename(path, trash)
    except FileNotFoundError:
        return
    thread = threading.Thread(target=trash.unlink, kwargs={"missing_ok": True}, daemon=True)
    thread.start()
    _ASIDE.append(thread)


_ASIDE: list[threading.Thread] = []  # joined by ``finish``


def remove_pages(out: Path, paths: Iterable[str]) -> int:
    """Remove the pages (and documents) at ``paths``, and the folders that leaves empty (a
    full build makes none); returns the files removed."""
    return remove_files(out, [f"{path}{suffix}" for path in paths for suffix in SUFFIXES])


def remove_files(out: Path, names: Iterable[str]) -> int:
    """Remove the files at site paths ``names``, and the folders that leaves empty; returns
    the files removed."""
    removed, folders = 0, set()
    for name in names:
        try:
            os.unlink(out / name)
            removed += 1
        except FileNotFoundError:
            pass
        folders.add(os.path.dirname(name))
    for folder in folders:
        while folder:  # up to the first folder that still holds something
            try:
                os.rmdir(out / folder)
            except OSError:
                break
            folder = os.path.dirname(folder)
    return removed
