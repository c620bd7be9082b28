"""Free-text search over fact evidence: an FTS5 trigram index the review app keeps beside the store.

The store's schema does not include it: `ensure_index` creates the external-content table
`review_fact_fts` and three triggers on `fact` when the app starts (documented in docs/review.md),
and rebuilds the index whenever a trigger was missing, e.g. after a store migration rebuilt
`fact`. Trigrams match any substring of three or more characters in English and Chinese alike;
shorter queries (two-hanzi names) fall back to LIKE.
"""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import ColumnElement, and_, text, true
from sqlmodel import Session

FTS_TABLE = "review_fact_fts"
_TRIGGERS = {
    "review_fact_fts_insert": f"""
        CREATE TRIGGER review_fact_fts_insert AFTER INSERT ON fact BEGIN
          INSERT INTO {FTS_TABLE}(rowid, evidence) VALUES (new.id, new.evidence);
        END""",
    "review_fact_fts_delete": f"""
        CREATE TRIGGER review_fact_fts_delete AFTER DELETE ON fact BEGIN
          INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, evidence) VALUES ('delete', old.id, old.evidence);
        END""",
    "review_fact_fts_update": f"""
        CREATE TRIGGER review_fact_fts_update AFTER UPDATE OF evidence ON fact BEGIN
          INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, evidence) VALUES ('delete', old.id, old.evidence);
          INSERT INTO {FTS_TABLE}(rowid, evidence) VALUES (new.id, new.evidence);
        END""",
}
MIN_TRIGRAM = 3
COMMON = 2000  # matches from which a word is checked per row rather than listed (see below)


def ensure_index(db_path: str | Path) -> bool:
    """Create the index and its triggers if missing; True when the index was (re)built."""
    conn = sqlite3.connect(db_path, isolation_level=None, timeout=30)
    try:
        conn.execute("BEGIN IMMEDIATE")
        existing = {name for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger') AND name LIKE ?",
            (FTS_TABLE + "%",))}
        missing = [name for name in [FTS_TABLE, *_TRIGGERS] if name not in existing]
        if not missing:
            conn.execute("COMMIT")
            return False
        if FTS_TABLE not in existing:
            conn.execute(f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(evidence, content='fact', "
                         "content_rowid='id', tokenize='trigram')")
        for name, sql in _TRIGGERS.items():
            if name not in existing:
                conn.execute(sql)
        # Writes made while a trigger was missing never reached the index: start it afresh.
        conn.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')")
        conn.execute("COMMIT")
        return True
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    finally:
        conn.close()


@dataclass(frozen=True)
class Match:
    """How a text query narrows the queue.

    `condition` is the WHERE clause on `fact`. A query is `selective` when at most COMMON facts
    can match it: then the few matching ids drive the query and a sort of them is cheap. A
    query needs a `scan` when no word is long enough for the index, so every fact's evidence
    must be read. Otherwise, the words are common and are checked row by row while SQLite walks
    the queue's own index in order, stopping after one page.
    """

    condition: ColumnElement[bool]
    selective: bool
    scan: bool


def evidence_matches(session: Session, query: str) -> Match:
    """Facts whose evidence contains every word of `query` (case-folded like the index)."""
    words = [w for w in query.split() if w]
    long_words = [w for w in words if len(w) >= MIN_TRIGRAM]
    short_words = [w for w in words if len(w) < MIN_TRIGRAM]
    conditions = [_contains(word, f"short_{i}") for i, word in enumerate(short_words)]
    selective = bool(long_words) and _is_rare(session, _fts_phrase(long_words))
    if selective:
        conditions.append(text(f"fact.id IN (SELECT rowid FROM {FTS_TABLE} "
                               f"WHERE {FTS_TABLE} MATCH :fts_query)")
                          .bindparams(fts_query=_fts_phrase(long_words)))
    else:
        conditions += [_contains(word, f"word_{i}") for i, word in enumerate(long_words)]
    return Match(and_(true(), *conditions), selective, scan=not long_words)


def _fts_phrase(words: list[str]) -> str:
    return " AND ".join('"' + w.replace('"', '""') + '"' for w in words)


def _is_rare(session: Session, phrase: str) -> bool:
    found = session.execute(text(f"SELECT count(*) FROM (SELECT rowid FROM {FTS_TABLE} "
                                 f"WHERE {FTS_TABLE} MATCH :q LIMIT :n)"),
                            {"q": phrase, "n": COMMON}).scalar_one()
    return found < COMMON


def _contains(word: str, name: str) -> ColumnElement[bool]:
    if word.isascii():  # LIKE folds ASCII case, as the trigram index does
        escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        return text(f"fact.evidence LIKE :{name} ESCAPE '\\'").bindparams(**{name: f"%{escaped}%"})
    # Hanzi have no case, and instr() reads about twice as fast as LIKE.
    return text(f"instr(fact.evidence, :{name}) > 0").bindparams(**{name: word})
