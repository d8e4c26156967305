"""Run HermiT: defrel's small Java driver (``mapper/data/java``), compiled once per version of
its source into the user's cache, run on owlready2's HermiT classpath with a time limit; a
failure is said as HermiT's own message without its stack trace."""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import subprocess
import tempfile
import time
from importlib.resources import files
from pathlib import Path

import owlready2
from owlready2 import reasoning

from ..errors import ReasonerError

__all__ = ["DRIVER", "TIMEOUT_S", "run_driver"]

DRIVER = "DefrelReasoner"
TIMEOUT_S = 600


def _java() -> tuple[str, str]:
    """The ``java`` and ``javac`` to use: owlready2's choice of java, and javac beside it."""
    java = shutil.which(owlready2.JAVA_EXE) or shutil.which("java")
    javac = shutil.which("javac", path=str(Path(java).resolve().parent)) if java else None
    javac = javac or shutil.which("javac")
    if not java or not javac:
        raise ReasonerError(
            "the reasoner needs a Java development kit (java and javac), and none was found",
            hint="run scripts/setup.sh (it installs one), or apt-get install default-jdk-headless",
        )
    return java, javac


def _cache_root() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    root = Path(base) / "defrel" / "java"
    try:
        root.mkdir(parents=True, exist_ok=True)
        return root
    except OSError:
        return Path(tempfile.gettempdir()) / "defrel-java"


def _compiled(javac: str) -> Path:
    """The folder holding the compiled driver, compiled once per version of its source."""
    source = (files("mapper.data") / "java" / f"{DRIVER}.java").read_text(encoding="utf-8")
    key = hashlib.sha256((source + reasoning._HERMIT_CLASSPATH).encode()).hexdigest()[:16]
    target = _cache_root() / key
    if (target / f"{DRIVER}.class").exists():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".build-", dir=target.parent))
    try:
        (staging / f"{DRIVER}.java").write_text(source, encoding="utf-8")
        empty = staging / "sources"
        empty.mkdir()
        done = subprocess.run(
            [javac, "-nowarn", "-implicit:none", "-sourcepath", str(empty), "-d", str(staging),
             "-cp", reasoning._HERMIT_CLASSPATH, str(staging / f"{DRIVER}.java")],
            capture_output=True, text=True, timeout=TIMEOUT_S, check=False,
        )  # fmt: skip
        if done.returncode != 0:
            raise ReasonerError(f"cannot compile the reasoner driver:\n{done.stderr[-2000:]}")
        with contextlib.suppress(OSError):  # another process may have compiled it first
            os.replace(staging, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return target


def run_driver(args: list[str]) -> str:
    """The driver's output for ``args`` (input file, mode, explain), with its wall time."""
    java, javac = _java()
    classes = _compiled(javac)
    command = [java, f"-Xmx{reasoning.JAVA_MEMORY}M", "-cp",
               os.pathsep.join([str(classes), reasoning._HERMIT_CLASSPATH]), DRIVER, *args]  # fmt: skip
    started = time.monotonic()
    try:
        done = subprocess.run(
            command, capture_output=True, text=True, timeout=TIMEOUT_S, check=False
        )
    except subprocess.TimeoutExpired:
        raise ReasonerError(
            f"the reasoner did not finish in {TIMEOUT_S} s", hint="check a smaller input"
        ) from None
    if done.returncode != 0:
        detail = done.stderr.strip().splitlines()
        start = next((i for i, d in enumerate(detail) if "Exception" in d), 0)
        message = []
        for line in detail[start:]:  # the exception's message, without its stack trace
            if line.lstrip().startswith("at ") and message:
                break
            message.append(line.strip())
        reason = " ".join(message).split("Exception: ", 1)[-1]
        raise ReasonerError(
            f"HermiT could not reason over the input: {reason}",
            hint="the input must be OWL 2 DL, its literals typed with the OWL 2 datatype map",
        )
    return done.stdout + f"TIME\twall\t{int((time.monotonic() - started) * 1000)}\n"
