"""Score exported fact records against gold files, exactly as ../shared/gold/SCORING.md says.

Pure functions over plain dicts: the CLI feeds it the JSONL export of a temporary store.
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import opencc

_T2S = opencc.OpenCC("t2s")
_STOPWORDS_EN = frozenset(
    "the of for on and central leading small group groups commission office ccp cpc chinese "
    "communist party committee s work affairs national state council china lsg".split()
)
# Longest first, so 领导小组 is removed before 小组 and 领导.
_STOPWORDS_ZH = ("领导小组", "委员会", "办公室", "中央", "小组", "工作", "领导")
_NON_WORD = re.compile(r"[^\w\u3400-\u9fff\uf900-\ufaff]+|_+")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


@lru_cache(maxsize=65536)
def normalize_name(name: str) -> str:
    text = unicodedata.normalize("NFKC", name or "")
    text = _T2S.convert(text)
    text = "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))
    text = unicodedata.normalize("NFC", text).lower()
    text = re.sub(r"^\s*the\b", "", text)
    text = _NON_WORD.sub(" ", text).strip()
    return re.sub(r"^the ", "", text)


def normalize_person(name: str) -> str:
    return normalize_name(name).replace(" ", "")


def body_type(normalized: str) -> str:
    if "office" in normalized.split() or "办公室" in normalized:
        return "office"
    if "commission" in normalized.split() or "委员会" in normalized:
        return "commission"
    return "group"


@lru_cache(maxsize=65536)
def content_words(normalized: str) -> frozenset[str]:
    words: set[str] = set()
    for token in normalized.split():
        if _CJK.search(token):
            for stop in _STOPWORDS_ZH:
                token = token.replace(stop, " ")
            words.update(token.split())
        elif token not in _STOPWORDS_EN:
            words.add(token)
    return frozenset(words)


def _ref_forms(ref: dict | None) -> list[str]:
    if not ref:
        return []
    forms = [ref.get("name"), ref.get("name_zh"), ref.get("canonical"), *(ref.get("aliases") or [])]
    return [f for f in forms if f]


def group_matches(pred_forms: list[str], gold_names: list[str]) -> bool:
    pred = {normalize_name(f) for f in pred_forms} - {""}
    gold = {normalize_name(g) for g in gold_names} - {""}
    if pred & gold:
        return True
    for p in pred:
        for g in gold:
            if body_type(p) == body_type(g) and content_words(p) == content_words(g):
                return True
    return False


def person_matches(pred_forms: list[str], gold_names: list[str]) -> bool:
    pred = {normalize_person(f) for f in pred_forms} - {""}
    return bool(pred & ({normalize_person(g) for g in gold_names} - {""}))


def date_matches(predicted: str | None, gold: str) -> bool:
    return bool(predicted) and (predicted == gold or predicted.startswith(gold + "-"))


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        return {"tp": self.tp, "fp": self.fp, "gold": self.gold, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass
class Report:
    tallies: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    errors: list[dict] = field(default_factory=list)  # misses and false positives, for reading

    def add(self, keys: list[str], tp: int = 0, fp: int = 0, gold: int = 0) -> None:
        for key in keys:
            t = self.tallies[key]
            t.tp += tp
            t.fp += fp
            t.gold += gold

    def as_dict(self) -> dict:
        return {k: v.as_dict() for k, v in sorted(self.tallies.items())}


def load_gold(gold_dir: Path) -> dict[str, dict]:
    return {p.name[: -len(".gold.json")]: json.loads(p.read_text("utf-8"))
            for p in sorted(Path(gold_dir).glob("*.gold.json"))}


def doc_id_of(document: str) -> str:
    name = re.split(r"[\\/]", document.rstrip("/"))[-1]
    return name.rsplit(".", 1)[0] if "." in name else name


def _gold_matches(pred: dict, gold_fact: dict, groups: dict, people: dict) -> bool:
    if pred.get("kind") == "membership":
        return (pred.get("role") == gold_fact["role"]
                and person_matches(_ref_forms(pred.get("person")), people[gold_fact["person"]])
                and group_matches(_ref_forms(pred.get("group")), groups[gold_fact["group"]]))
    return (pred.get("event") == gold_fact["type"]
            and date_matches(pred.get("date"), gold_fact["date"])
            and group_matches(_ref_forms(pred.get("group")), groups[gold_fact["group"]]))


def _identity(pred: dict) -> tuple:
    """What makes two false positives in one document 'identical'."""
    group = tuple(sorted(normalize_name(f) for f in _ref_forms(pred.get("group"))))
    if pred.get("kind") == "membership":
        person = tuple(sorted(normalize_person(f) for f in _ref_forms(pred.get("person"))))
        return ("membership", group, person, pred.get("role"))
    return ("event", group, pred.get("event"), pred.get("date"))


def score(predictions: list[dict], gold: dict[str, dict]) -> Report:
    report = Report()
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for pred in predictions:
        doc_id = doc_id_of(pred.get("document", ""))
        if doc_id in gold:
            by_doc[doc_id].append(pred)
    for doc_id, doc in gold.items():
        lang = doc.get("lang", "?")
        groups = {g["id"]: g["names"] for g in doc.get("groups", [])}
        people = {p["id"]: p["names"] for p in doc.get("people", [])}
        preds = by_doc.get(doc_id, [])
        for kind, gold_facts, label in (("membership", doc.get("memberships", []), "role"),
                                        ("event", doc.get("events", []), "type")):
            kind_preds = [p for p in preds if p.get("kind") == kind]
            plural = kind + "s"
            for gf in gold_facts:
                keys = [plural, f"{plural}/{lang}", f"{plural}/{lang}/{gf[label]}", f"{plural}/*/{gf[label]}"]
                hit = any(_gold_matches(p, gf, groups, people) for p in kind_preds)
                report.add(keys, tp=int(hit), gold=1)
                if not hit:
                    report.errors.append({"doc": doc_id, "error": "missed", "kind": kind, "gold": gf,
                                          "group_names": groups[gf["group"]][:3],
                                          "person_names": people.get(gf.get("person"), [])[:2]})
            seen: set[tuple] = set()
            for p in kind_preds:
                if any(_gold_matches(p, gf, groups, people) for gf in gold_facts):
                    continue
                ident = _identity(p)
                if ident in seen:
                    continue
                seen.add(ident)
                sub = p.get("role") if kind == "membership" else p.get("event")
                report.add([plural, f"{plural}/{lang}", f"{plural}/{lang}/{sub}", f"{plural}/*/{sub}"], fp=1)
                report.errors.append({"doc": doc_id, "error": "false_positive", "kind": kind,
                                      "predicted": {k: p.get(k) for k in
                                                    ("group", "person", "role", "event", "date", "evidence")}})
    return report
