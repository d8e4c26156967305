"""``defrel draft``: offline rules and a model endpoint, unconfirmed marks, edit protection."""

from __future__ import annotations

import json
import shutil
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from conftest import SEED_SLUG, SEEDS

from mapper.cli.main import main
from mapper.draft.make.writer import is_untouched_draft, without_marks
from mapper.draft.text.align import align
from mapper.errors import UnconfirmedError
from mapper.facts.load import load_facts


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "news" / "seed.txt"
    path.parent.mkdir()
    shutil.copy(SEEDS / f"{SEED_SLUG}.txt", path)
    return path


def draft(runner, article: Path, *extra: str):
    return runner.invoke(main, ["draft", str(article), "--published", "2014-11-21", *extra])


def test_a_draft_quotes_the_text_verbatim_and_is_marked_unconfirmed(runner, article):
    result = draft(runner, article)
    assert result.exit_code == 0, result.output
    out = article.with_name("seed.facts.yaml")
    assert "every entry is unconfirmed" in result.output
    drafted = load_facts(out, allow_unconfirmed=True)  # every quote was found in the text
    kinds = {f.kind for f in drafted.facts}
    assert {"visit", "post", "meeting"} <= kinds
    ids = {e.id for e in drafted.entities}
    assert {"pakistan", "russia", "sergei-shoigu", "raheel-sharif", "united-states"} <= ids
    content = out.read_text(encoding="utf-8")
    assert content.count("    draft: {") == len(drafted.facts) + len(drafted.entities)
    assert "#  P4.1 -> " in content  # the sentence map


def test_build_refuses_a_draft_naming_each_unconfirmed_entry(runner, article, tmp_path):
    draft(runner, article)
    out = article.with_name("seed.facts.yaml")
    result = runner.invoke(main, ["build", str(out), "--out", str(tmp_path / "dist")])
    assert result.exit_code == 1
    assert "drafted entries unconfirmed" in result.output
    assert "entity 'pakistan' is a draft no one has confirmed" in result.output
    assert "delete its draft: block" in result.output
    assert not (tmp_path / "dist").exists()
    with pytest.raises(UnconfirmedError):
        load_facts(out)


def test_a_confirmed_draft_loads(runner, article):
    draft(runner, article)
    out = article.with_name("seed.facts.yaml")
    out.write_text(without_marks(out.read_text(encoding="utf-8")), encoding="utf-8")
    assert load_facts(out).facts


def test_the_same_text_gives_the_same_draft(runner, article):
    draft(runner, article)
    out = article.with_name("seed.facts.yaml")
    first = out.read_bytes()
    assert is_untouched_draft(first.decode())
    assert draft(runner, article).exit_code == 0  # an untouched draft may be replaced
    assert out.read_bytes() == first


def test_draft_never_overwrites_an_edited_file(runner, article):
    draft(runner, article)
    out = article.with_name("seed.facts.yaml")
    edited = out.read_text(encoding="utf-8").replace("confidence: 0.9", "confidence: 0.95", 1)
    out.write_text(edited, encoding="utf-8")
    result = draft(runner, article)
    assert result.exit_code == 2
    assert "never overwrites a facts file a person has edited" in result.output
    assert out.read_text(encoding="utf-8") == edited
    hand = article.with_name("hand.facts.yaml")
    hand.write_text("article: {headline: x}\nfacts: []\n", encoding="utf-8")
    assert draft(runner, article, "--out", str(hand)).exit_code == 2
    assert hand.read_text(encoding="utf-8") == "article: {headline: x}\nfacts: []\n"


def test_draft_refuses_a_symlinked_target_and_a_bad_date(runner, article, tmp_path):
    target = article.with_name("seed.facts.yaml")
    target.symlink_to(tmp_path / "elsewhere.yaml")
    assert draft(runner, article).exit_code == 2
    assert not (tmp_path / "elsewhere.yaml").exists()
    bad = runner.invoke(main, ["draft", str(article), "--published", "2014-13-01"])
    assert bad.exit_code == 2 and "--published" in bad.output
    vague = runner.invoke(main, ["draft", str(article), "--published", "2014"])
    assert vague.exit_code == 2 and "YYYY-MM-DD" in vague.output


def test_the_registry_s_ids_are_reused_not_declared(runner, article):
    (article.parent / "entities.yaml").write_text(
        "entities:\n  - id: islamic-republic-of-pakistan\n    type: Country\n"
        "    label: Pakistan\n    aliases: [Islamic Republic of Pakistan]\n",
        encoding="utf-8",
    )
    draft(runner, article)
    drafted = load_facts(article.with_name("seed.facts.yaml"), allow_unconfirmed=True)
    content = article.with_name("seed.facts.yaml").read_text(encoding="utf-8")
    assert "- id: islamic-republic-of-pakistan" not in content  # referred to, not declared
    assert "id: pakistan\n" not in content
    roles = [v for f in drafted.facts for v in f.values.values()]
    assert "islamic-republic-of-pakistan" in str(roles)


def test_align_uses_the_text_s_own_characters():
    text = "He said “we will  not\u00a0yield” — firmly."
    start, end = align(text, 'said "we will not yield" - firmly')
    assert text[start:end] == "said “we will  not\u00a0yield” — firmly"
    assert align(text, "we will surrender") is None


class _Chat(BaseHTTPRequestHandler):
    answer: dict = {}
    seen: list = []

    def do_POST(self):  # noqa: N802 - the handler's API
        length = int(self.headers["Content-Length"])
        self.seen.append((self.path, json.loads(self.rfile.read(length))))
        body = json.dumps({"choices": [{"message": {"content": json.dumps(self.answer)}}]})
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(body.encode())

    def log_message(self, *args):
        pass


@pytest.fixture
def chat_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Chat)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/v1"
    server.shutdown()
    server.server_close()


def test_a_model_s_draft_keeps_only_what_the_text_supports(runner, article, chat_server):
    _Chat.seen.clear()
    _Chat.answer = {
        "entities": [
            {
                "id": "sergei-shoigu",
                "type": "Person",
                "label": "Sergei Shoigu",
                "evidence": ["Defense Minister Sergei Shoigu"],
            },
            {"id": "pakistan", "type": "Country", "label": "Pakistan", "evidence": ["Pakistan"]},
            {
                "id": "atlantis",
                "type": "Country",
                "label": "Atlantis",
                "evidence": ["the lost city of Atlantis"],
            },
            {"id": "Bad Id", "type": "Country", "label": "x"},
        ],
        "facts": [
            {
                "id": "shoigu-visit",
                "kind": "visit",
                "visitor": ["sergei-shoigu"],
                "destination": "pakistan",
                "aspect": "completed",
                "confidence": 0.9,
                # straight quotes and a plain space where the text has curly and no-break ones
                "evidence": ["Shoigu visited Pakistan for a day-long visit on Thursday"],
            },
            {
                "id": "aziz-statement",
                "kind": "statement",
                "speaker": ["sartaj-aziz"],
                "quotation": "pose a threat to the state",
                "evidence": ['"pose a threat to the state"'],
            },
            {
                "id": "invented",
                "kind": "meeting",
                "participants": ["pakistan", "sergei-shoigu"],
                "evidence": ["they played chess all night"],
            },
            {"id": "teleport", "kind": "teleportation", "evidence": ["Pakistan"]},
            {
                "id": "extra-key",
                "kind": "visit",
                "visitor": ["sergei-shoigu"],
                "destination": "pakistan",
                "mood": "cheerful",
                "evidence": ["During his visit to Islamabad"],
            },
        ],
    }
    result = draft(runner, article, "--model", chat_server, "--model-name", "tiny")
    assert result.exit_code == 0, result.output
    path, request = _Chat.seen[0]
    assert path == "/v1/chat/completions"
    assert request["model"] == "tiny" and request["temperature"] == 0
    assert request["response_format"]["type"] == "json_schema"
    assert "Sergei Shoigu visited Pakistan" in request["messages"][1]["content"]
    drafted = load_facts(article.with_name("seed.facts.yaml"), allow_unconfirmed=True)
    assert {e.id for e in drafted.entities} == {"sergei-shoigu", "pakistan"}
    assert {f.id for f in drafted.facts} == {"shoigu-visit", "extra-key"}
    visit = next(f for f in drafted.facts if f.id == "shoigu-visit")
    assert visit.evidence[0].exact == "Shoigu visited Pakistan for a day-long visit on Thursday"
    for words in (
        "atlantis",
        "no usable id",
        "unknown kind",
        "unknown key 'mood'",
        "sartaj-aziz",
        "they played chess",
    ):
        assert words in result.output, words
    content = article.with_name("seed.facts.yaml").read_text(encoding="utf-8")
    assert "by: model" in content and "# Dropped from the proposal" in content


def test_an_unreachable_or_strange_model_is_a_clear_error(runner, article, chat_server):
    down = runner.invoke(main, ["draft", str(article), "--model", "http://127.0.0.1:9/v1"])
    assert down.exit_code == 2 and "cannot reach the model" in down.output
    _Chat.answer = "not an object"
    odd = draft(runner, article, "--model", chat_server)
    assert odd.exit_code == 0  # nothing usable: an empty draft, the article block only
    assert not article.with_name("seed.facts.yaml").read_text(encoding="utf-8").count("kind:")
    bad_url = runner.invoke(main, ["draft", str(article), "--model", "file:///etc/passwd"])
    assert bad_url.exit_code == 2 and "not an http(s) URL" in bad_url.output
