"""``defrel serve --site``: latency of a page, of a resource IRI's 303 and of a dump, on one
keep-alive connection and on a new connection each, and the server's memory (with its query
workers) while eight clients download a 24 MiB file at once.

    .venv/bin/python benchmarks/serve_site_bench.py [--site SITE] [--requests 500]
    .venv/bin/python benchmarks/serve_site_bench.py --code ../old-checkout   # another version

Without ``--site``, the seeds' site is built into a temporary folder.  ``--code`` runs the
server of another checkout of defrel (its ``mapper`` package) on the same site, so two
versions are compared on one machine in one run.  Not part of the test suite.
"""

from __future__ import annotations

import argparse
import http.client
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from serve_bench import rss_mib, start  # noqa: E402

BIG, BIG_BYTES = "big-download.nt", 24 << 20
TARGETS = [
    ("entity/russia.html", "text/html"),
    ("entity/russia", "text/turtle"),  # the 303
    ("dataset.nq", "*/*"),
]


def _latency(base: str, rel: str, accept: str, n: int, keep: bool) -> tuple[float, float]:
    u = urlsplit(base)
    times, conn = [], http.client.HTTPConnection(u.hostname, u.port, timeout=30)
    for _ in range(n):
        if not keep:
            conn = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
        started = time.perf_counter()
        conn.request("GET", u.path + rel, headers={"Accept": accept})
        conn.getresponse().read()
        times.append((time.perf_counter() - started) * 1000)
        if not keep:
            conn.close()
    conn.close()
    return statistics.median(times), sorted(times)[int(n * 0.95)]


def _downloads(base: str, pid: int) -> tuple[float, float]:
    """Memory before, and while eight slow clients are each in the middle of a download."""
    u = urlsplit(base)
    before, barrier = rss_mib(pid), threading.Barrier(9)

    def one() -> None:
        conn = http.client.HTTPConnection(u.hostname, u.port, timeout=60)
        conn.request("GET", u.path + BIG)
        response = conn.getresponse()
        response.read(1 << 16)
        barrier.wait()
        time.sleep(1.0)
        while response.read(1 << 20):
            pass
        conn.close()

    threads = [threading.Thread(target=one) for _ in range(8)]
    for t in threads:
        t.start()
    barrier.wait(timeout=60)
    time.sleep(0.5)
    during = rss_mib(pid)
    for t in threads:
        t.join()
    return before, during


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path)
    parser.add_argument("--code", type=Path, default=ROOT)
    parser.add_argument("--requests", type=int, default=500)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        site = args.site
        if site is None:
            site = Path(scratch) / "site"
            command = [sys.executable, "-m", "mapper.cli.main", "site", "seeds", "--out", str(site)]
            subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
        big = site / BIG
        line = b"# a comment line, the same again and again, to make a large file\n"
        big.write_bytes(line * (BIG_BYTES // len(line)))
        proc, base = start(["--site", str(site)], code=args.code)
        try:
            print(f"defrel serve --site, code {args.code}, {args.requests} requests each")
            for keep in (True, False):
                for rel, accept in TARGETS:
                    p50, p95 = _latency(base, rel, accept, args.requests, keep)
                    how = "keep-alive" if keep else "new conn  "
                    print(f"  {how} {rel:20s} p50 {p50:6.2f} ms  p95 {p95:6.2f} ms")
            before, during = _downloads(base, proc.pid)
            print(
                f"  8 concurrent downloads of {BIG_BYTES >> 20} MiB: server and workers "
                f"{before:.0f} MiB before, {during:.0f} MiB during (+{during - before:.0f} MiB)"
            )
        finally:
            os.kill(proc.pid, signal.SIGTERM)
            proc.wait()
            big.unlink(missing_ok=True)


if __name__ == "__main__":
    main()
