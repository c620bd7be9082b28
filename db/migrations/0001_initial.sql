-- 0001: the initial schema. Released files are never edited; add 0002_*.sql for changes.
-- Column types are the ones SQLAlchemy emits for the SQLModel classes in pipeline/store/models.py
-- (JSON and DATETIME columns hold text); a test checks the two agree.

CREATE TABLE source (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,                 -- file | url | feed | sitemap | ...
    location TEXT,                      -- the URL or path the source reads
    config JSON NOT NULL DEFAULT '{}',
    last_run_at DATETIME,
    last_error TEXT,
    items_seen INTEGER NOT NULL DEFAULT 0,
    items_new INTEGER NOT NULL DEFAULT 0,
    items_updated INTEGER NOT NULL DEFAULT 0,
    items_failed INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE document (
    id INTEGER PRIMARY KEY,
    source_id INTEGER REFERENCES source(id) ON DELETE SET NULL,
    origin TEXT NOT NULL UNIQUE,        -- file path or final URL, as export records name it
    content_hash TEXT NOT NULL,         -- sha256 of the raw bytes
    media_type TEXT NOT NULL,
    encoding TEXT,
    fetched_at DATETIME,
    parsed_at DATETIME,
    language TEXT,
    title TEXT,
    published TEXT,                     -- YYYY | YYYY-MM | YYYY-MM-DD
    text TEXT NOT NULL,
    pages JSON NOT NULL DEFAULT '[]',   -- [{page, start, end, bbox}]
    warnings JSON NOT NULL DEFAULT '[]',
    etag TEXT,
    last_modified TEXT,
    extractor_version TEXT NOT NULL
);
CREATE INDEX ix_document_language ON document(language);
CREATE INDEX ix_document_source ON document(source_id);

CREATE TABLE mention (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
    label TEXT NOT NULL,                -- GROUP | PERSON | DATE | ROLE
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    normalized TEXT
);
CREATE INDEX ix_mention_document ON mention(document_id);

CREATE TABLE group_entity (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,           -- GroupRef.key: "gaz:<id>" or "name:<normalised>"
    name TEXT NOT NULL,
    name_zh TEXT,
    canonical TEXT,
    aliases JSON NOT NULL DEFAULT '[]',
    kind TEXT,
    gazetteer_id TEXT,
    merged_into INTEGER REFERENCES group_entity(id)
);
CREATE INDEX ix_group_entity_merged_into ON group_entity(merged_into);

CREATE TABLE person (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,           -- PersonRef.key: "person:<pinyin without spaces>"
    name TEXT NOT NULL,
    name_zh TEXT,
    canonical TEXT,
    aliases JSON NOT NULL DEFAULT '[]',
    merged_into INTEGER REFERENCES person(id)
);
CREATE INDEX ix_person_merged_into ON person(merged_into);

CREATE TABLE fact (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL,                  -- Membership.key / Event.key
    kind TEXT NOT NULL CHECK (kind IN ('membership', 'event')),
    document_id INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
    group_id INTEGER NOT NULL REFERENCES group_entity(id),
    person_id INTEGER REFERENCES person(id),
    role TEXT,
    event_type TEXT,
    date TEXT,
    date_precision TEXT,
    to_group_id INTEGER REFERENCES group_entity(id),
    -- The names as this document writes them; the entity rows hold the merged forms.
    group_surface TEXT NOT NULL,
    person_surface TEXT,
    to_group_surface TEXT,
    evidence TEXT NOT NULL,
    evidence_start INTEGER NOT NULL,
    evidence_end INTEGER NOT NULL,
    confidence FLOAT NOT NULL,
    extractor_version TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'rejected')),
    needs_rereview BOOLEAN NOT NULL DEFAULT 0,
    created_at DATETIME NOT NULL,
    updated_at DATETIME NOT NULL,
    edits JSON NOT NULL DEFAULT '{}',   -- analyst corrections laid over the extracted values
    UNIQUE (document_id, key)
);
-- The review queue: one status, least confident first.
CREATE INDEX ix_fact_status_confidence ON fact(status, confidence, id);
CREATE INDEX ix_fact_group ON fact(group_id, status, confidence);
CREATE INDEX ix_fact_person ON fact(person_id, status, confidence);
CREATE INDEX ix_fact_to_group ON fact(to_group_id);
-- Role filters see analyst edits: the same expression is used by pipeline/store/queries.py.
CREATE INDEX ix_fact_effective_role
    ON fact(coalesce(json_extract(edits, '$.role'), role), status, confidence);

CREATE TABLE review (
    id INTEGER PRIMARY KEY,
    -- No cascade: a reviewed fact cannot be deleted out from under its audit trail.
    fact_id INTEGER REFERENCES fact(id),  -- null for the entity-level row of a merge
    action TEXT NOT NULL,               -- status | edit | merge_people | merge_groups | rereview | stale
    status TEXT,                        -- the fact's status after this row
    reviewer TEXT NOT NULL,
    at DATETIME NOT NULL,
    note TEXT,
    before JSON NOT NULL DEFAULT '{}',
    after JSON NOT NULL DEFAULT '{}'
);
CREATE INDEX ix_review_fact ON review(fact_id, at);
