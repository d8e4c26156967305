"""Drafting with a language model the user runs: any OpenAI-compatible chat endpoint
(llama.cpp's server, Ollama, vLLM). It is sent the article, a JSON Schema of the answer, the
kinds and an example, and asked for schema-constrained JSON.

Nothing it says is trusted: every quote is placed on the text (``align``), unlocatable quotes,
unknown kinds, keys and ids are dropped and listed, each entry must then pass the facts
schema, and the result is marked unconfirmed like any draft."""

from __future__ import annotations

import json
import re
from functools import cache

import httpx
import jsonschema

from ...errors import InputError
from ...facts.kinds import COMMON_FIELDS, ENTITY_FIELDS, ENTITY_TYPES, KINDS
from ...facts.registry import Registry
from ...facts.schema import ID_PATTERN, published_schema
from ..text.align import align
from ..text.sentences import split_sentences
from .drafter import Draft, quote

__all__ = ["ChatModel", "sanitise"]

MAX_RESPONSE = 8 * 1024 * 1024  # bytes read from the endpoint at most
ANSWER_SCHEMA = {
    "type": "object",
    "properties": {
        "entities": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "id": {"type": "string"},
                    "type": {"enum": list(ENTITY_TYPES)},
                    "label": {"type": "string"},
                    "evidence": {"type": "array", "items": {"type": "string"}},
                },
                "required": ["id", "type", "label"],
            },
        },
        "facts": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "id": {"type": "string"},
                    "kind": {"enum": list(KINDS)},
                    "evidence": {"type": "array", "items": {"type": "string"}, "minItems": 1},
                    "confidence": {"type": "number"},
                },
                "required": ["id", "kind", "evidence"],
            },
        },
    },
    "required": ["entities", "facts"],
}
EXAMPLE = {
    "entities": [
        {"id": "kenya", "type": "Country", "label": "Kenya", "evidence": ["Kenya"]},
        {"id": "aerovale", "type": "Company", "label": "Aerovale", "evidence": ["Aerovale"]},
    ],
    "facts": [
        {
            "id": "kenya-aerovale-loi",
            "kind": "agreement",
            "agreement_type": "letter-of-intent",
            "stage": "signed",
            "parties": ["kenya", "aerovale"],
            "date": {"said": "on Tuesday"},
            "aspect": "completed",
            "evidence": ["signed a letter of intent with Aerovale"],
            "confidence": 0.8,
        }
    ],
}


def _kinds_guide() -> str:
    lines = []
    for k in KINDS.values():
        req = [f.name for f in k.fields if f.required]
        opt = [f.name for f in k.fields if not f.required]
        lines.append(
            f"- {k.name}: {k.doc} Required: {', '.join(req) or '-'}; optional: {', '.join(opt)}"
        )
    common = ", ".join(f.name for f in COMMON_FIELDS)
    return "\n".join(lines) + f"\nEvery fact may also have: {common}."


def prompt(text: str, published: str | None, registry: Registry | None) -> list[dict]:
    known = ", ".join(sorted(registry.entities)) if registry and registry.entities else "none"
    system = (
        "You draft the facts of a news article about defence relations for an analyst to "
        "check. Answer with one JSON object matching the given JSON Schema, nothing else. "
        "Every entity and fact quotes the article in `evidence`: copy words exactly as the "
        "article writes them (the same quotation marks, dashes and spaces). Say what the text "
        "says and no more: a planned deal has aspect planned; a claim the article attributes "
        "has according_to. Entity ids are lowercase words joined by hyphens; reuse these "
        f"existing ids where they fit: {known}.\n\nKinds of fact:\n{_kinds_guide()}\n\n"
        f"Entity types: {', '.join(ENTITY_TYPES)}.\n\nExample answer:\n{json.dumps(EXAMPLE)}"
    )
    user = f"Publication date: {published or 'unknown'}\n\nArticle:\n{text}"
    return [{"role": "system", "content": system}, {"role": "user", "content": user}]


class ChatModel:
    """An OpenAI-compatible chat endpoint (``URL`` is its base, e.g. ``http://127.0.0.1:8080/v1``)."""

    def __init__(self, url: str, *, model: str = "default", timeout: float = 300) -> None:
        if not re.match(r"^https?://", url):
            raise InputError(
                f"--model {url!r} is not an http(s) URL", hint="e.g. http://127.0.0.1:8080/v1"
            )
        base = url.rstrip("/")
        self.url = base if base.endswith("/chat/completions") else f"{base}/chat/completions"
        self.model, self.timeout = model, timeout

    def ask(self, messages: list[dict]) -> str:
        payload = {
            "model": self.model,
            "messages": messages,
            "temperature": 0,
            "seed": 0,
            "response_format": {
                "type": "json_schema",
                "json_schema": {"name": "facts", "strict": False, "schema": ANSWER_SCHEMA},
            },
        }
        try:
            with (
                httpx.Client(timeout=self.timeout, follow_redirects=False) as client,
                client.stream("POST", self.url, json=payload) as response,
            ):
                body = b""
                for chunk in response.iter_bytes():
                    body += chunk
                    if len(body) > MAX_RESPONSE:
                        raise InputError(f"{self.url} answered more than {MAX_RESPONSE} bytes")
        except httpx.HTTPError as err:
            raise InputError(
                f"cannot reach the model at {self.url}: {err}", hint="is the server running?"
            ) from None
        if response.status_code != 200:
            raise InputError(
                f"the model at {self.url} answered HTTP {response.status_code}: {body[:200]!r}"
            )
        try:
            content = json.loads(body)["choices"][0]["message"]["content"]
        except (ValueError, KeyError, IndexError, TypeError):
            raise InputError(
                f"{self.url} did not answer as an OpenAI-compatible chat endpoint"
            ) from None
        if not isinstance(content, str):
            raise InputError(f"{self.url} answered no text")
        return content

    def draft(
        self, text: str, *, text_name: str, published: str | None, registry: Registry | None
    ) -> Draft:
        answer = self.ask(prompt(text, published, registry))
        fenced = re.search(r"```(?:json)?\s*(.*?)```", answer, flags=re.S)
        try:
            data = json.loads(fenced.group(1) if fenced else answer)
        except ValueError:
            raise InputError(
                "the model's answer is not JSON", hint="try another model, or draft offline"
            ) from None
        article: dict = {"text": text_name, "headline": text.strip().split("\n", 1)[0][:160]}
        if published:
            article["date_published"] = published
        article["draft"] = {"by": "model", "note": "check the headline and metadata"}
        return sanitise(data, text, article, registry)


@cache
def _fact_validator() -> jsonschema.Draft202012Validator:
    schema = published_schema()
    return jsonschema.Draft202012Validator({**schema["$defs"]["fact"], "$defs": schema["$defs"]})


def _quotes(raw, text: str, where: str, dropped: list[str]) -> list:
    kept = []
    for q in raw if isinstance(raw, list) else []:
        q = q.get("quote") if isinstance(q, dict) else q
        span = align(text, q) if isinstance(q, str) else None
        if span is None:
            dropped.append(f"{where}: quote not in the text: {str(q)[:80]!r}")
            continue
        kept.append(quote(text, *span))
    return kept


def sanitise(data, text: str, article: dict, registry: Registry | None) -> Draft:
    """Keep of the model's answer only what the text and the format allow; list the rest."""
    dropped: list[str] = []
    if not isinstance(data, dict):
        data = {}
    registry_ids = set(registry.entities) if registry else set()
    entities: list[dict] = []
    entity_fields = {f.name for f in ENTITY_FIELDS} | {"same_as"}
    for raw in data.get("entities") or []:
        if not isinstance(raw, dict) or not re.match(ID_PATTERN, str(raw.get("id", ""))):
            dropped.append(f"entity {str(raw)[:60]!r}: no usable id")
            continue
        if raw.get("type") not in ENTITY_TYPES or not isinstance(raw.get("label"), str):
            dropped.append(f"entity {raw['id']}: unknown type or no label")
            continue
        if raw["id"] in registry_ids or raw["id"] in {e["id"] for e in entities}:
            continue
        item = {"id": raw["id"], "type": raw["type"], "label": raw["label"]}
        item.update({k: v for k, v in raw.items() if k in entity_fields and k not in item})
        evidence = _quotes(raw.get("evidence"), text, f"entity {raw['id']}", dropped)
        if not evidence and align(text, raw["label"]) is None:
            dropped.append(f"entity {raw['id']}: neither a quote nor its label is in the text")
            continue
        if evidence:
            item["evidence"] = evidence
        item["draft"] = {"confidence": 0.5, "by": "model"}
        entities.append(item)
    known = {e["id"] for e in entities} | registry_ids
    facts, ids = [], set()
    validator = _fact_validator()
    for raw in data.get("facts") or []:
        if not isinstance(raw, dict) or raw.get("kind") not in KINDS:
            dropped.append(f"fact {str(raw)[:60]!r}: unknown kind")
            continue
        kind = KINDS[raw["kind"]]
        fact_id = str(raw.get("id", ""))
        if not re.match(ID_PATTERN, fact_id) or fact_id in ids:
            dropped.append(f"fact {fact_id!r}: bad or repeated id")
            continue
        fields = {f.name: f for f in COMMON_FIELDS + kind.fields}
        item: dict = {"id": fact_id, "kind": kind.name}
        for key, value in raw.items():
            if key in ("id", "kind", "evidence", "confidence"):
                continue
            field = fields.get(key)
            if field is None:
                dropped.append(f"fact {fact_id}: unknown key {key!r}")
                continue
            if field.shape in ("entity", "entities"):
                refs = value if isinstance(value, list) else [value]
                unknown = [r for r in refs if r not in known]
                if unknown:
                    dropped.append(
                        f"fact {fact_id}: {key} names unknown id(s) {', '.join(map(str, unknown))}"
                    )
                    refs = [r for r in refs if r in known]
                    if not refs:
                        continue
                    value = refs if isinstance(value, list) else refs[0]
            item[key] = value
        evidence = _quotes(raw.get("evidence"), text, f"fact {fact_id}", dropped)
        if not evidence:
            dropped.append(f"fact {fact_id}: no quote found in the text, dropped")
            continue
        item["evidence"] = evidence
        errors = sorted(validator.iter_errors(item), key=lambda e: list(e.path))
        if errors:
            dropped.append(f"fact {fact_id}: {errors[0].message[:120]}, dropped")
            continue
        confidence = raw.get("confidence")
        confidence = (
            float(confidence)
            if isinstance(confidence, (int, float)) and 0 <= confidence <= 1
            else 0.5
        )
        item["draft"] = {
            "confidence": round(confidence, 2),
            "by": "model",
            "sentence": _sentence(text, evidence[0]),
        }
        facts.append(item)
        ids.add(fact_id)
    # facts may name facts: keep only links to facts that survived
    for item in facts:
        for f in COMMON_FIELDS + KINDS[item["kind"]].fields:
            if f.shape in ("fact", "facts") and f.name in item:
                refs = item[f.name] if isinstance(item[f.name], list) else [item[f.name]]
                if any(r not in ids for r in refs):
                    dropped.append(f"fact {item['id']}: {f.name} names a fact that was dropped")
                    del item[f.name]
    sentence_map = [
        (s.id, [f["id"] for f in facts if f["draft"]["sentence"] == s.id])
        for s in split_sentences(text)
    ]
    return Draft(article, entities, facts, sentence_map, by="model", dropped=dropped)


def _sentence(text: str, evidence) -> str:
    words = evidence["quote"] if isinstance(evidence, dict) else evidence
    at = text.find(words)
    return next((s.id for s in split_sentences(text) if s.start <= at < s.end), "")
