"""Free-text search over fact evidence: an FTS5 trigram index the review app keeps beside the store.

The store's schema does not include it: `ensure_index` creates the contentless table
`review_fact_fts`, its vocabulary table and three triggers on `fact` when the app starts
(documented in docs/review.md), and rebuilds the index whenever one of them was missing or
different, e.g. after a store migration rebuilt `fact`.

Trigrams match any substring of three or more characters in English and Chinese alike. The
index reads each evidence with two spaces appended, so every one- or two-character substring
(a two-hanzi name, "Xi") begins some indexed trigram: a short word is looked up as the OR of
the trigrams that start with it, listed from the index's vocabulary. Query words never hold
spaces, so the padding itself never matches a word.
"""
from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import ColumnElement, and_, false, text, true
from sqlmodel import Session

FTS_TABLE = "review_fact_fts"
TERMS_TABLE = "review_fact_terms"
_PADDED = "{row}.evidence || '  '"
_OBJECTS = {  # name -> CREATE statement; created in this order, dropped in reverse
    FTS_TABLE: f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(evidence, content='', "
               "tokenize='trigram')",
    TERMS_TABLE: f"CREATE VIRTUAL TABLE {TERMS_TABLE} USING fts5vocab({FTS_TABLE}, 'row')",
    "review_fact_fts_insert": f"""CREATE TRIGGER review_fact_fts_insert AFTER INSERT ON fact BEGIN
          INSERT INTO {FTS_TABLE}(rowid, evidence) VALUES (new.id, {_PADDED.format(row='new')});
        END""",
    "review_fact_fts_delete": f"""CREATE TRIGGER review_fact_fts_delete AFTER DELETE ON fact BEGIN
          INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, evidence)
            VALUES ('delete', old.id, {_PADDED.format(row='old')});
        END""",
    "review_fact_fts_update": f"""CREATE TRIGGER review_fact_fts_update AFTER UPDATE OF evidence ON fact
        BEGIN
          INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, evidence)
            VALUES ('delete', old.id, {_PADDED.format(row='old')});
          INSERT INTO {FTS_TABLE}(rowid, evidence) VALUES (new.id, {_PADDED.format(row='new')});
        END""",
}
MIN_TRIGRAM = 3
COMMON = 2000  # matches from which a word is checked per row rather than listed (see Match)
MAX_TERMS = 200  # a short word continuing in more ways than this ("e") is checked per row


def ensure_index(db_path: str | Path) -> bool:
    """Create the index, its vocabulary and triggers if missing or different; True when rebuilt."""
    conn = sqlite3.connect(db_path, isolation_level=None, timeout=30)
    try:
        conn.execute("BEGIN IMMEDIATE")
        existing = dict(conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type IN ('table', 'trigger') AND name IN "
            f"({', '.join('?' * len(_OBJECTS))})", list(_OBJECTS)).fetchall())
        if all(_same(existing.get(name), sql) for name, sql in _OBJECTS.items()):
            conn.execute("COMMIT")
            return False
        # Writes made while a trigger was missing never reached the index: start it afresh.
        for name in reversed(_OBJECTS):
            if name in existing:
                kind = "TRIGGER" if name.endswith(("_insert", "_delete", "_update")) else "TABLE"
                conn.execute(f"DROP {kind} {name}")
        for sql in _OBJECTS.values():
            conn.execute(sql)
        conn.execute(f"INSERT INTO {FTS_TABLE}(rowid, evidence) "
                     f"SELECT id, {_PADDED.format(row='fact')} FROM fact")
        conn.execute("COMMIT")
        return True
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    finally:
        conn.close()


def _same(stored: str | None, wanted: str) -> bool:
    return stored is not None and re.sub(r"\s+", " ", stored) == re.sub(r"\s+", " ", wanted)


@dataclass(frozen=True)
class Match:
    """How a text query narrows the queue.

    `condition` is the WHERE clause on `fact`. A query is `selective` when at most COMMON facts
    can match it: then the few matching ids drive the query and a sort of them is cheap.
    Otherwise the words are common and are checked row by row while SQLite walks the queue's
    own index in order, stopping after one page.
    """

    condition: ColumnElement[bool]
    selective: bool


def evidence_matches(session: Session, query: str) -> Match:
    """Facts whose evidence contains every word of `query` (case-folded like the index)."""
    words = [w for w in query.split() if w]
    listed: dict[str, str] = {}  # word -> its FTS5 expression
    for word in words:
        expression = _expression(session, word)
        if expression == "":
            return Match(false(), selective=True)  # no evidence holds this word
        if expression is not None:
            listed[word] = expression
    unlisted = [w for w in words if w not in listed]
    conditions = [_contains(word, f"word_{i}") for i, word in enumerate(unlisted)]
    fts_query = " AND ".join(listed.values())
    if listed and _is_rare(session, fts_query):
        conditions.append(text(f"fact.id IN (SELECT rowid FROM {FTS_TABLE} "
                               f"WHERE {FTS_TABLE} MATCH :fts_query)").bindparams(fts_query=fts_query))
        return Match(and_(true(), *conditions), selective=True)
    conditions += [_contains(word, f"listed_{i}") for i, word in enumerate(listed)]
    return Match(and_(true(), *conditions), selective=False)


def _expression(session: Session, word: str) -> str | None:
    """The word as an FTS5 query; "" when the index holds no trigram for it; None when a short
    word begins too many trigrams to list."""
    if len(word) >= MIN_TRIGRAM:
        return _quoted(word)
    folded = word.lower()  # the trigram tokenizer folds case the same way
    terms = session.execute(text(f"SELECT term FROM {TERMS_TABLE} WHERE term >= :low AND "
                                 "term < :high LIMIT :n"),
                            {"low": folded, "high": folded + "\U0010ffff",
                             "n": MAX_TERMS + 1}).scalars().all()
    if len(terms) > MAX_TERMS:
        return None
    return "(" + " OR ".join(map(_quoted, terms)) + ")" if terms else ""


def _quoted(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _is_rare(session: Session, fts_query: str) -> bool:
    found = session.execute(text(f"SELECT count(*) FROM (SELECT rowid FROM {FTS_TABLE} "
                                 f"WHERE {FTS_TABLE} MATCH :q LIMIT :n)"),
                            {"q": fts_query, "n": COMMON}).scalar_one()
    return found < COMMON


def _contains(word: str, name: str) -> ColumnElement[bool]:
    if word.isascii():  # LIKE folds ASCII case, as the trigram index does
        escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        return text(f"fact.evidence LIKE :{name} ESCAPE '\\'").bindparams(**{name: f"%{escaped}%"})
    # Hanzi have no case, and instr() reads about twice as fast as LIKE.
    return text(f"instr(fact.evidence, :{name}) > 0").bindparams(**{name: word})
