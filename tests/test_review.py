"""``defrel review``: the page to confirm a facts file by, in a real browser (Playwright on the
system's Chromium) at a phone's and a desktop's width; screenshots go to the test output."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from conftest import SEED_SLUG, SEEDS, write_article

from mapper.cli.main import main

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SHOTS = Path(os.environ.get("DEFREL_SHOTS", "/tmp"))


@pytest.fixture
def drafted(runner, tmp_path: Path) -> Path:
    article = tmp_path / "news" / "seed.txt"
    article.parent.mkdir()
    shutil.copy(SEEDS / f"{SEED_SLUG}.txt", article)
    result = runner.invoke(main, ["draft", str(article), "--published", "2014-11-21"])
    assert result.exit_code == 0, result.output
    return article.with_name("seed.facts.yaml")


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield b
        b.close()


def open_page(browser, page_file: Path, width: int, height: int):
    page = browser.new_page(viewport={"width": width, "height": height})
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(page_file.as_uri())
    return page, requests


@pytest.mark.parametrize("width, height, name", [(390, 844, "phone"), (1280, 900, "desktop")])
def test_the_review_page_in_a_browser(runner, drafted, browser, width, height, name):
    result = runner.invoke(main, ["review", str(drafted)])
    assert result.exit_code == 0, result.output
    page_file = drafted.with_name("seed.review.html")
    page, requests = open_page(browser, page_file, width, height)
    cards = page.locator(".card[id]")
    drafted_entries = drafted.read_text(encoding="utf-8").count("    draft: {")
    assert cards.count() == drafted_entries
    assert page.locator(".card.draft .badge").count() == drafted_entries  # all unconfirmed
    assert f"{drafted_entries} unconfirmed" in page.locator("header h1").inner_text()
    # every highlighted quote leads to an entry of the page, and to the line to edit
    marks = page.locator("a.q")
    assert marks.count() > 10
    anchors = set(page.eval_on_selector_all(".card[id]", "els => els.map(e => e.id)"))
    for href in page.eval_on_selector_all("a.q", "els => els.map(e => e.getAttribute('href'))"):
        assert href[1:] in anchors
    marks.first.click()
    assert page.evaluate("location.hash") == marks.first.get_attribute("href")
    target = page.locator(":target")
    assert re.search(r"edit at seed\.facts\.yaml:\d+", target.inner_text())
    # the text column and the entries: side by side on a desktop, one above the other on a phone
    text_box = page.locator("article").bounding_box()
    entries_box = page.locator("#entries").bounding_box()
    if name == "phone":
        assert entries_box["y"] >= text_box["y"] + text_box["height"] - 1
    else:
        assert entries_box["x"] >= text_box["x"] + text_box["width"] - 1
    assert page.evaluate("document.documentElement.scrollWidth") <= width  # no sideways scroll
    assert all(u.startswith("file://") for u in requests), requests  # nothing fetched
    shot = SHOTS / f"defrel-review-{name}.png"
    page.screenshot(path=str(shot))
    print(f"screenshot: {shot}")
    page.close()


def test_values_from_the_file_are_escaped(runner, tmp_path, browser):
    facts = write_article(tmp_path / "in")
    hostile = (
        facts.read_text(encoding="utf-8")
        .replace("modality:", "aspect:")
        .replace(
            "label: Raheel Sharif",
            'label: "<script>document.title=1</script><img src=x onerror=alert(1)>"',
        )
    )
    facts.write_text(hostile, encoding="utf-8")
    out = tmp_path / "page.html"
    assert runner.invoke(main, ["review", str(facts), "--out", str(out)]).exit_code == 0
    page, requests = open_page(browser, out, 1280, 900)
    assert page.locator("script").count() == 0 and page.locator("img").count() == 0
    assert "<script>" in page.locator("#entity-raheel-sharif").inner_text()
    assert page.title().startswith("Review")
    page.close()


def test_a_file_with_problems_is_reviewed_with_them(runner, tmp_path):
    facts = write_article(tmp_path / "in")
    text = facts.read_text(encoding="utf-8").replace("modality:", "aspect:")
    facts.write_text(text.replace("visited Washington", "flew to Washington"))
    out = tmp_path / "page.html"
    result = runner.invoke(main, ["review", str(facts), "--out", str(out)])
    assert result.exit_code == 0
    assert "flew to Washington" in out.read_text(encoding="utf-8")  # the error, on the page
    assert 'class="errors"' in out.read_text(encoding="utf-8")


def test_review_refuses_a_symlinked_page(runner, tmp_path, mini):
    (tmp_path / "page.html").symlink_to(tmp_path / "elsewhere.html")
    result = runner.invoke(main, ["review", str(mini), "--out", str(tmp_path / "page.html")])
    assert result.exit_code == 2
    assert not (tmp_path / "elsewhere.html").exists()


def test_review_serve_serves_the_page_on_loopback_only(mini):
    proc = subprocess.Popen(
        [sys.executable, "-m", "mapper.cli", "review", str(mini), "--serve"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        line = ""
        while "Serving" not in line:
            line = proc.stdout.readline()
            assert line, proc.stderr.read()
        url = re.search(r"http://127\.0\.0\.1:\d+/", line).group()
        with urllib.request.urlopen(url, timeout=10) as response:
            assert response.headers["Content-Type"].startswith("text/html")
            assert b"Review mini.facts.yaml" in response.read()
        with pytest.raises(urllib.error.HTTPError) as err:
            urllib.request.urlopen(url + "etc/passwd", timeout=10)
        assert err.value.code == 404
        err.value.close()
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        proc.stdout.close()
        proc.stderr.close()
