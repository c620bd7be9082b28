"""Apply db/migrations/NNNN_name.sql in order, each in one transaction, recorded in schema_migrations.

A released migration is never edited: its sha256 is recorded when applied, and opening a store
whose applied migration no longer matches the file on disk is an error (add a new file instead).
"""
from __future__ import annotations

import hashlib
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from .models import utcnow

MIGRATIONS_DIR = Path(__file__).resolve().parents[2] / "db" / "migrations"
_FILE_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")


class MigrationError(RuntimeError):
    pass


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str

    @property
    def checksum(self) -> str:
        return hashlib.sha256(self.sql.encode("utf-8")).hexdigest()


def load_migrations(directory: Path = MIGRATIONS_DIR) -> list[Migration]:
    migrations = []
    for path in sorted(Path(directory).glob("*.sql")):
        match = _FILE_NAME.match(path.name)
        if not match:
            raise MigrationError(f"{path}: migration files are named NNNN_name.sql")
        migrations.append(Migration(int(match[1]), match[2], path.read_text("utf-8")))
    versions = [m.version for m in migrations]
    if len(set(versions)) != len(versions):
        raise MigrationError(f"{directory}: two migrations share a number")
    return migrations


def split_statements(sql: str) -> list[str]:
    """Whole statements, so each can run inside our own transaction (executescript would commit)."""
    statements, buffer = [], ""
    for line in sql.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                statements.append(buffer.strip())
            buffer = ""
    if buffer.strip() and not all(l.strip().startswith("--") for l in buffer.strip().splitlines()):
        raise MigrationError(f"unterminated statement: {buffer.strip()[:80]}")
    return statements


def migrate(db_path: Path, directory: Path = MIGRATIONS_DIR) -> list[int]:
    """Bring the database at `db_path` up to date; returns the versions applied now."""
    conn = sqlite3.connect(db_path, isolation_level=None, timeout=30)
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        # Off while migrating, as SQLite's table-rebuild procedure requires; checked before commit.
        conn.execute("PRAGMA foreign_keys=OFF")
        conn.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY,"
                     " name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)")
        applied_now = []
        for migration in load_migrations(directory):
            if _apply(conn, migration):
                applied_now.append(migration.version)
        return applied_now
    finally:
        conn.close()


def _apply(conn: sqlite3.Connection, migration: Migration) -> bool:
    # IMMEDIATE takes the write lock before looking, so two processes never apply one file twice.
    conn.execute("BEGIN IMMEDIATE")
    try:
        row = conn.execute("SELECT checksum FROM schema_migrations WHERE version = ?",
                           (migration.version,)).fetchone()
        if row is not None:
            conn.execute("ROLLBACK")
            if row[0] != migration.checksum:
                raise MigrationError(f"migration {migration.version:04d}_{migration.name} was edited "
                                     "after it was applied; add a new migration instead")
            return False
        for statement in split_statements(migration.sql):
            conn.execute(statement)
        problems = conn.execute("PRAGMA foreign_key_check").fetchall()
        if problems:
            raise MigrationError(f"migration {migration.version:04d} breaks foreign keys: {problems[:3]}")
        conn.execute("INSERT INTO schema_migrations (version, name, checksum, applied_at)"
                      " VALUES (?, ?, ?, ?)",
                      (migration.version, migration.name, migration.checksum, utcnow().isoformat()))
        conn.execute("COMMIT")
        return True
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
