"""Latency of the review app on a large store of SYNTHETIC facts.

    .venv/bin/python bench/review.py                     # 200,000 facts, 60 requests per page
    .venv/bin/python bench/review.py --facts 50000 --requests 30 --keep /tmp/bench.db

The store is created with the real migrations, then filled with synthetic rows (made-up
people, groups and sentences: they are NOT real data and measure only speed). The app is served
by uvicorn on 127.0.0.1 in a separate process and timed over HTTP with httpx, one request at a
time. Reported per page:
the first (cold) request, then p50 and p95 of the next --requests. Target: p95 < 100 ms for
every page and search.
"""
from __future__ import annotations

import argparse
import json
import random
import shutil
import sqlite3
import statistics
import sys
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.store import open_store  # noqa: E402

ROSTER = ("leader",) + ("deputy_leader",) * 3 + ("office_director",) + ("member",) * 25
ROLES = ("leader", "deputy_leader", "member", "office_director")
NOISE = 0.05  # share of facts naming a random person in a random role, like extraction errors
ROLE_EN = {"leader": "heads", "deputy_leader": "is a deputy leader of", "member": "sits on",
           "office_director": "directs the office of"}
ROLE_ZH = {"leader": "组长", "deputy_leader": "副组长", "member": "成员", "office_director": "办公室主任"}
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华"
FACTS_PER_DOCUMENT = 10


def build(path: Path, facts: int, seed: int = 7) -> dict:
    """A migrated store holding `facts` synthetic facts; returns ids worth requesting."""
    open_store(path).close()
    rng = random.Random(seed)
    groups, people = max(20, facts // 1000), max(100, facts // 40)
    documents = facts // FACTS_PER_DOCUMENT
    conn = sqlite3.connect(path)
    now = "2026-01-01T00:00:00"
    conn.executemany("INSERT INTO source (id, name, kind) VALUES (?, ?, 'file')",
                     [(i, f"synthetic-source-{i}") for i in range(1, 6)])
    conn.executemany(
        "INSERT INTO group_entity (id, key, name, name_zh, canonical, aliases, kind) "
        "VALUES (?, ?, ?, ?, ?, '[]', 'leading_group')",
        [(i, f"name:synthetic group {i}", f"Synthetic Leading Group {i:03d}",
          f"合成领导小组{i:03d}", f"Synthetic Leading Group {i:03d}") for i in range(1, groups + 1)])
    person_names = {}
    for i in range(1, people + 1):
        person_names[i] = (rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN), f"Synthetic Person {i:05d}")
    conn.executemany("INSERT INTO person (id, key, name, name_zh, canonical, aliases) "
                     "VALUES (?, ?, ?, ?, ?, '[]')",
                     [(i, f"person:synthetic{i}", en, zh, en) for i, (zh, en) in person_names.items()])
    # Each group has a roster (one leader, deputies, an office director, members) that the
    # documents keep restating; a person may sit on several groups.
    rosters = {g: [(rng.randint(1, people), role) for role in ROSTER] for g in range(1, groups + 1)}
    doc_rows, fact_rows = [], []
    for d in range(1, documents + 1):
        lang = "zh" if d % 2 else "en"
        sentences = []
        for _ in range(FACTS_PER_DOCUMENT):
            group = rng.randint(1, groups)
            person, role = rng.choice(rosters[group])
            if rng.random() < NOISE:
                person, role = rng.randint(1, people), rng.choice(ROLES)
            zh, en = person_names[person]
            sentence = (f"合成领导小组{group:03d}{ROLE_ZH[role]}：{zh}。" if lang == "zh" else
                        f"{en} {ROLE_EN[role]} the Synthetic Leading Group {group:03d}.")
            start = sum(len(s) + 1 for s in sentences)
            sentences.append(sentence)
            status = rng.choices(("pending", "accepted", "rejected"), (6, 3, 1))[0]
            fact_rows.append((f"k{d}-{len(sentences)}", "membership", d, group, person, role,
                              f"Synthetic Leading Group {group:03d}", zh if lang == "zh" else en,
                              sentence, start, start + len(sentence), round(rng.random(), 4),
                              "synthetic", status, now, now))
        published = f"{rng.randint(2000, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        doc_rows.append((d, rng.randint(1, 5), f"synthetic://document/{d}", f"hash{d}", "text/plain",
                         lang, f"Synthetic document {d}", published, "\n".join(sentences), "synthetic"))
    conn.executemany("INSERT INTO document (id, source_id, origin, content_hash, media_type, language, "
                     "title, published, text, extractor_version) VALUES (?,?,?,?,?,?,?,?,?,?)", doc_rows)
    conn.executemany(
        "INSERT INTO fact (key, kind, document_id, group_id, person_id, role, group_surface, "
        "person_surface, evidence, evidence_start, evidence_end, confidence, extractor_version, "
        "status, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", fact_rows)
    conn.commit()
    conn.execute("ANALYZE")
    conn.close()
    from collections import Counter
    group = Counter(row[3] for row in fact_rows).most_common(1)[0][0]
    person = Counter(row[4] for row in fact_rows).most_common(1)[0][0]
    return {"group": group, "person": person, "person_name": person_names[person][1],
            "person_zh": person_names[person][0], "groups": groups, "people": people,
            "documents": documents}


def serve(db: Path) -> tuple[str, subprocess.Popen]:
    """The app under uvicorn in its own process, so the timing client does not share its GIL."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    code = ("import sys, uvicorn; from pipeline.review.app import create_app; "
            "uvicorn.run(create_app(sys.argv[1], 'bench'), host='127.0.0.1', port=int(sys.argv[2]), "
            "log_level='warning')")
    server = subprocess.Popen([sys.executable, "-c", code, str(db), str(port)], cwd=ROOT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while True:
        try:
            httpx.get(base + "/static/review.css", timeout=1).raise_for_status()
            return base, server
        except httpx.HTTPError:
            if time.monotonic() > deadline or server.poll() is not None:
                server.kill()
                raise RuntimeError("the review app did not start") from None
            time.sleep(0.1)


def timed(client: httpx.Client, path: str, requests: int) -> tuple[float, list[float]]:
    """The first (cold) request's time, then `requests` more."""
    start = time.perf_counter()
    client.get(path).raise_for_status()
    first = (time.perf_counter() - start) * 1000
    times = []
    for _ in range(requests):
        start = time.perf_counter()
        response = client.get(path)
        times.append((time.perf_counter() - start) * 1000)
        response.raise_for_status()
    return first, times


def p95(times: list[float]) -> float:
    return statistics.quantiles(times, n=20, method="inclusive")[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--facts", type=int, default=200_000)
    parser.add_argument("--requests", type=int, default=60)
    parser.add_argument("--keep", type=Path, help="write the store here and keep it")
    args = parser.parse_args()
    db = args.keep or Path(tempfile.mkdtemp(prefix="lsg-review-bench-")) / "bench.db"
    if db.exists():
        sys.exit(f"{db} exists: give a new path")
    started = time.perf_counter()
    info = build(db, args.facts)
    print(f"built {args.facts:,} SYNTHETIC facts ({info['documents']:,} documents, {info['groups']} "
          f"groups, {info['people']:,} people) in {time.perf_counter() - started:.1f} s")
    started = time.perf_counter()
    base, server = serve(db)
    print(f"app start incl. search index build: {time.perf_counter() - started:.1f} s")
    pages = {
        "queue (pending, least confident first)": "/",
        "queue, 2nd page ordered by group": "/?order=group&offset=25",
        f"group page (busiest group, #{info['group']})": f"/groups/{info['group']}",
        "search: q=deputy, language=en, pending": "/?q=deputy&language=en",
        f"search: q={info['person_name']!r}, all statuses": f"/?status=all&q={info['person_name']}",
        "search: role=office_director, source=3": "/?role=office_director&source=3",
        f"search: q={info['person_zh'][:2]} (2 hanzi), all": f"/?status=all&q={info['person_zh'][:2]}",
        "search: q=乙丙 (2 hanzi, no match), pending": "/?q=乙丙",
        "search: q=领导 (2 hanzi, every zh fact), all": "/?status=all&q=领导",
        f"search: q={info['person_zh'][0]} (1 hanzi), pending": f"/?q={info['person_zh'][0]}",
        "search: q=Xi (2 letters, no match), all": "/?status=all&q=Xi",
        f"person page (busiest person, #{info['person']})": f"/people/{info['person']}",
        "network page (layout cached per review state)": "/network",
        "group timeline chart (SVG, cached per review state)": f"/groups/{info['group']}/timeline.svg",
        "person timeline chart (SVG, cached per review state)": f"/people/{info['person']}/timeline.svg",
    }
    results = {}
    with httpx.Client(base_url=base, timeout=30) as client:
        for name, path in pages.items():
            first, times = timed(client, path, args.requests)
            results[name] = {"first_ms": round(first, 1), "p50_ms": round(statistics.median(times), 1),
                             "p95_ms": round(p95(times), 1)}
            print(f"{name:48s} first {first:7.1f} ms   p50 {results[name]['p50_ms']:7.1f} ms   "
                  f"p95 {results[name]['p95_ms']:7.1f} ms")
    server.terminate()
    server.wait(timeout=30)
    if not args.keep:
        shutil.rmtree(db.parent)  # a 200,000-fact store takes about 120 MB
    print(json.dumps({"facts": args.facts, "requests_per_page": args.requests, "results": results}))


if __name__ == "__main__":
    main()
