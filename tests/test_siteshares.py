"""The shared pages' contributions (``mapper/publish/site/shares.py``): each process spools into
bucket files of its own, a bucket's task finds every process's files and reads each line
once, and an article's kept ``.shares`` file gives back what an edit wants of it."""

from __future__ import annotations

import os
import zlib
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path

import pytest

from mapper.publish.site.rendering import parse_quads
from mapper.publish.site.shares import (
    BUCKETS,
    SHARES,
    bucket_files,
    kept_shares,
    read_bucket,
    share_block,
    spool,
)

A, B = "https://example.org/entity/a", "https://example.org/entity/b"
LINES = {
    A: [
        "<https://example.org/x> <https://example.org/p> <https://example.org/entity/a> <https://example.org/g1>"
    ],
    B: [  # a literal's line and paragraph separators, form feed … are not escaped in N-Quads
        '<https://example.org/entity/b> <https://example.org/q> "b\u2028b\x0cb\x85" <https://example.org/g1>'
    ],
}


def _spool_in_a_worker(folder: str) -> int:
    spool(folder, [(A, share_block(A, LINES[A]))])
    return os.getpid()


def test_each_process_spools_into_its_own_files_and_a_bucket_reads_them_all(tmp_path) -> None:
    blocks = [(r, share_block(r, lines)) for r, lines in LINES.items()]
    spool(tmp_path, blocks)
    spool(tmp_path, blocks[:1])  # appended: the same line twice is read once
    with ProcessPoolExecutor(1, mp_context=get_context("spawn")) as pool:
        other = pool.submit(_spool_in_a_worker, str(tmp_path)).result()
    assert other != os.getpid()
    files = bucket_files(tmp_path)
    assert len(files) == BUCKETS
    for r, lines in LINES.items():
        bucket = files[zlib.crc32(r.encode()) % BUCKETS]
        names = {Path(p).name.split("-")[0] for p in bucket}
        assert str(os.getpid()) in names
        assert read_bucket(bucket)[r] == set(lines)
    assert {Path(p).name.split("-")[0] for p in files[zlib.crc32(A.encode()) % BUCKETS]} == {
        str(os.getpid()),
        str(other),
    }
    assert sum(map(len, files)) == len({zlib.crc32(r.encode()) % BUCKETS for r in LINES}) + 1


def test_an_articles_kept_shares_give_what_is_wanted_only(tmp_path) -> None:
    side = tmp_path / "article-1.json"
    assert kept_shares(side, {A}) is None  # no .shares file: the article is read again
    side.with_suffix(SHARES).write_text(
        "".join(share_block(r, lines) for r, lines in LINES.items()), encoding="utf-8"
    )
    assert kept_shares(side, {B}) == [(B, share_block(B, LINES[B]))]
    assert kept_shares(side, {"https://example.org/entity/c"}) == []


def test_parse_quads_is_strict_unless_told_the_statements_were_checked():
    bad = b"<http://example.org/a\\u003Eb> <http://example.org/p> <http://example.org/o> .\n"
    with pytest.raises(SyntaxError, match="Invalid IRI"):
        parse_quads(bad)
    good = b'<http://example.org/s> <http://example.org/p> "x"@en <http://example.org/g> .\n'
    assert parse_quads(good, checked=True) == parse_quads(good)
