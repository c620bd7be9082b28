"""Resolve surface names of groups and people to gazetteer entries.

Called on the extractors' hot paths, so everything is built once (lru_cache) and a lookup is a
few dict probes. Data: models/gazetteer/groups.jsonl, people.jsonl, not_groups.txt.
"""
from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from pipeline.group_names import content_key, guess_kind, normalise_group_name
from pipeline.names import (clean_hanzi_name, fold_person, has_cjk, hanzi_to_pinyin, pinyin_key,
                            title_romanised, to_simplified, to_traditional)
from pipeline.records import GroupRef, PersonRef

GAZETTEER_DIR = Path(__file__).resolve().parents[1] / "models" / "gazetteer"
_SCRIPT_RUNS = re.compile(r"[\u3400-\u9fff“”、·]+|[^\u3400-\u9fff]+")
# Which tier a name itself claims. A name that says which tier it belongs to is only matched, by
# its content words, against bodies of that tier: the State Council's 1979 Financial and Economic
# Commission is not the Party centre's 2018 one, and 山东省… is never the national body.
_LEVEL_MARKS: tuple[tuple[str, re.Pattern], ...] = (
    ("provincial", re.compile(r"\b(?:provincial|municipal|prefectural|county|city|township)\b|"
                              r"^[\u4e00-\u9fff]{2,7}?(?:省|自治区|(?<![城超股上都])市(?![场值民])|县)")),
    ("state_council", re.compile(r"\b(?:state council|government administration council)\b|国务院|政务院")),
    ("central", re.compile(r"\b(?:central|cpc|ccp|communist party)\b|^(?:中央|中共|党中央)")),
)
# Head counts ("five-person", 五人) say how big a group is, not which one it is.
_COUNT_WORD = re.compile(r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                         r"fifteen|person|persons|man|men|member|members)|[一二三四五六七八九十两]+人团?")

@lru_cache(maxsize=1)
def groups() -> tuple[dict, ...]:
    path = GAZETTEER_DIR / "groups.jsonl"
    return tuple(json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
                 if line.strip())


def group_by_id(group_id: str) -> dict | None:
    return _group_index()[0].get(group_id)


def successor_chain(group_id: str) -> list[str]:
    """Ids of the body's successors, oldest first, following the first successor each time."""
    chain, seen = [], {group_id}
    entry = group_by_id(group_id)
    while entry and entry.get("successor"):
        next_id = entry["successor"][0]["id"]
        if next_id in seen:
            break
        chain.append(next_id)
        seen.add(next_id)
        entry = group_by_id(next_id)
    return chain


def _all_names(entry: dict, abbreviations: bool = True, shared: bool = False) -> list[str]:
    """Names a body is looked up by; with `shared`, also the names it shares with other bodies
    ("Group of Five"), which are reported as aliases but never looked up."""
    zh = [entry["name_zh"], entry.get("name_zht"), *entry.get("names_zh_other", [])]
    zh += [to_traditional(name) for name in zh if name]
    names = [entry["canonical"], *entry.get("names_en", []), *zh]
    names += entry.get("abbreviations", []) if abbreviations else []
    names += entry.get("names_shared", []) if shared else []
    return list(dict.fromkeys(n for n in names if n))


@lru_cache(maxsize=1)
def _group_index() -> tuple[dict, dict, dict, dict]:
    by_id = {entry["id"]: entry for entry in groups()}
    named: dict[str, list[str]] = {}
    by_abbreviation: dict[str, set[str]] = {}
    by_content: dict[tuple, set[str]] = {}
    for entry in groups():
        # Abbreviations match only as written (case-sensitive), never through normalisation.
        for name in _all_names(entry, abbreviations=False):
            named.setdefault(normalise_group_name(name), []).append(entry["id"])
            by_content.setdefault(content_key(name), set()).add(entry["id"])
            if has_cjk(name):  # the Chinese name written out in pinyin
                named.setdefault("pinyin:" + pinyin_key(name), []).append(entry["id"])
        for abbreviation in entry.get("abbreviations", []):
            by_abbreviation.setdefault(abbreviation, set()).add(entry["id"])
    # A name two eras share (中共中央金融工作委员会, 1998 and 2023) means the body that exists now.
    by_name = {key: _current_body(set(ids), by_id) or ids[0] for key, ids in named.items()}
    # A key shared by two bodies identifies neither.
    unique_abbreviations = {k: next(iter(v)) for k, v in by_abbreviation.items() if len(v) == 1}
    content = {k: tuple(sorted(v)) for k, v in by_content.items() if k[1]}
    return by_id, by_name, unique_abbreviations, content


def _current_body(ids: set[str], by_id: dict) -> str | None:
    """The one body among `ids`, or the one still in existence when the others were replaced."""
    current = [i for i in ids if not by_id[i].get("successor") and not by_id[i].get("disbanded")]
    return next(iter(ids)) if len(ids) == 1 else (current[0] if len(current) == 1 else None)


def claimed_level(surface: str) -> str | None:
    """central | state_council | provincial when the name itself says so, else None."""
    text = to_simplified(unicodedata.normalize("NFKC", surface)).strip().lower()
    text = re.sub(r"^the\s+", "", text)
    return next((level for level, mark in _LEVEL_MARKS if mark.search(text)), None)


@lru_cache(maxsize=1)
def _generic_keys() -> frozenset[str]:
    path = GAZETTEER_DIR / "generic_group_names.txt"
    return frozenset(normalise_group_name(line) for line in path.read_text(encoding="utf-8").splitlines()
                     if line.strip() and not line.startswith("#"))


def is_generic_group_name(surface: str) -> bool:
    """True for names that fit many bodies ("the leading group", "five-person group", 小组)."""
    if normalise_group_name(surface) in _generic_keys():
        return True
    words = content_key(surface)[1]
    return not any(not _COUNT_WORD.fullmatch(word) for word in words)


def _by_content_words(surface: str, by_id: dict, by_content: dict) -> str | None:
    ids = by_content.get(content_key(surface), ())
    level = claimed_level(surface)
    if level == "provincial":
        return None
    fitting = {i for i in ids if level is None or by_id[i]["level"] == level}
    return _current_body(fitting, by_id) if fitting else None


@lru_cache(maxsize=32768)
def _group_id_for(surface: str) -> str | None:
    by_id, by_name, by_abbreviation, by_content = _group_index()
    bare = re.sub(r"^the\s+", "", surface.strip(), flags=re.I)
    if bare in by_abbreviation:
        return by_abbreviation[bare]
    if is_not_group(surface) or is_generic_group_name(surface):
        return None
    found = by_name.get(normalise_group_name(surface))
    if found is None and not has_cjk(surface):
        found = by_name.get("pinyin:" + pinyin_key(surface))
    if found is None and has_cjk(surface) and re.search("[A-Za-z]{3}", surface):
        # "Central Leading Group for Foreign Affairs (中央外事工作领导小组)": try each script alone.
        parts = [p.strip(" ()（）[]") for p in _SCRIPT_RUNS.findall(surface)]
        found = next(filter(None, (_group_id_for(p) for p in parts if len(p) >= 3)), None)
    return found or _by_content_words(surface, by_id, by_content)


def resolve_group(surface: str) -> GroupRef:
    group_id = _group_id_for(surface)
    if group_id is None:
        name_zh = to_simplified(surface.strip()) if has_cjk(surface) else None
        return GroupRef(name=surface, name_zh=name_zh, kind=guess_kind(surface))
    entry = group_by_id(group_id)
    return GroupRef(name=surface, name_zh=entry["name_zh"], canonical=entry["canonical"],
                    aliases=[n for n in _all_names(entry, shared=True) if n != surface],
                    kind=entry["kind"], gazetteer_id=group_id)


def gazetteer_group_names() -> list[tuple[str, str]]:
    """(surface name, gazetteer id) for every known name, abbreviation and script variant."""
    return [(name, entry["id"]) for entry in groups() for name in _all_names(entry)]


@lru_cache(maxsize=1)
def _not_group_keys() -> frozenset[str]:
    path = GAZETTEER_DIR / "not_groups.txt"
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    return frozenset(normalise_group_name(line) for line in lines
                     if line.strip() and not line.startswith("#"))


def is_not_group(surface: str) -> bool:
    """True for bodies that are not LSG-type groups (ministries, the Politburo, the NPC...)."""
    return normalise_group_name(surface) in _not_group_keys()


# ---- people -------------------------------------------------------------------------------

_TITLES = re.compile(r"^(?:(?:vice|deputy|executive|former|late|then|chinese|general|state|party)[ -])*"
                     r"(?:president|premier|chairman|chair|secretary|councillor|councilor|"
                     r"minister|director|comrade|marshal|leader|mr|mrs|ms|dr)\.?\s+", re.I)


@lru_cache(maxsize=1)
def _people() -> tuple[dict, ...]:
    path = GAZETTEER_DIR / "people.jsonl"
    return tuple(json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
                 if line.strip())


def known_people() -> list[tuple[str, str]]:
    """(pinyin, simplified hanzi) of the officials in the people gazetteer."""
    return [(person["pinyin"], person["hanzi"]) for person in _people()]


@lru_cache(maxsize=1)
def _people_index() -> tuple[dict, dict]:
    # Keyed by the converted forms too: t2s turns some name characters (乾 in 王丙乾) into others.
    by_hanzi = {clean_hanzi_name(form): person for person in _people()
                for form in (person["hanzi_trad"], person["hanzi"])}
    by_hanzi.update({person["hanzi"]: person for person in _people()})
    by_pinyin: dict[str, list[dict]] = {}
    by_alias: dict[str, list[dict]] = {}
    for person in _people():
        by_pinyin.setdefault(fold_person(person["pinyin"]), []).append(person)
        for form in {fold_person(alias) for alias in person.get("aliases", [])}:
            by_alias.setdefault(form, []).append(person)
    # A pinyin name beats another person's older romanisation ("Wang Chen" is 王晨, not 王震);
    # two officials who romanise alike cannot be told apart by the romanised form alone.
    by_romanised = {form: found[0] for form, found in by_alias.items() if len(found) == 1}
    for form, found in by_pinyin.items():
        by_romanised.pop(form, None)
        if len(found) == 1:
            by_romanised[form] = found[0]
    return by_hanzi, by_romanised


def _person_aliases(person: dict) -> list[str]:
    return [person["pinyin"], person["hanzi"], person.get("hanzi_trad"), *person.get("aliases", [])]


@lru_cache(maxsize=32768)
def _person_fields(surface: str) -> tuple[str | None, str, tuple[str, ...]]:
    by_hanzi, by_romanised = _people_index()
    text = unicodedata.normalize("NFKC", surface).strip()
    if has_cjk(text):
        written = re.sub(r"同志$", "", "".join(text.split()))
        person = by_hanzi.get(written) or by_hanzi.get(clean_hanzi_name(written))
        name_zh = person["hanzi"] if person else clean_hanzi_name(written)
        canonical = person["pinyin"] if person else hanzi_to_pinyin(written)
        aliases = [written] + (_person_aliases(person) if person else [])
    else:
        bare = _TITLES.sub("", text)
        person = by_romanised.get(fold_person(bare))
        canonical = person["pinyin"] if person else title_romanised(bare)
        name_zh = person["hanzi"] if person else None
        aliases = [bare] + (_person_aliases(person) if person else [])
    aliases = [a for a in dict.fromkeys(aliases) if a and a not in (surface, name_zh, canonical)]
    return name_zh, canonical, tuple(aliases)


def resolve_person(surface: str) -> PersonRef:
    name_zh, canonical, aliases = _person_fields(surface)
    return PersonRef(name=surface, name_zh=name_zh, canonical=canonical, aliases=list(aliases))
