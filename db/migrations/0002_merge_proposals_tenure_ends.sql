-- 0002: reviewer queues for canonical entities and tenures (pipeline/merges.py, pipeline/tenures.py).
-- Column types follow pipeline/store/proposals.py, as 0001 follows models.py.

-- Two people or two groups that may be one: proposed, never merged until a reviewer accepts.
CREATE TABLE merge_proposal (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('person', 'group')),
    keep_id INTEGER NOT NULL,           -- person.id or group_entity.id, by kind
    drop_id INTEGER NOT NULL,
    reason TEXT NOT NULL,
    score FLOAT NOT NULL,               -- 0..1, how sure the proposer is
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'rejected')),
    reviewer TEXT,
    created_at DATETIME NOT NULL,
    decided_at DATETIME,
    UNIQUE (kind, keep_id, drop_id)
);
CREATE INDEX ix_merge_proposal_status ON merge_proposal(status, score);

-- An end date for a person's role in a body (a lineage: the body and the bodies it became),
-- inferred from a later roster of that body that leaves the person out.
CREATE TABLE tenure_end (
    id INTEGER PRIMARY KEY,
    lineage TEXT NOT NULL,              -- group key of the first body in the lineage
    person_id INTEGER NOT NULL REFERENCES person(id),
    role TEXT NOT NULL,
    end_date TEXT NOT NULL,             -- YYYY | YYYY-MM | YYYY-MM-DD: the omitting roster's date
    end_precision TEXT NOT NULL,
    end_status TEXT NOT NULL DEFAULT 'inferred'
        CHECK (end_status IN ('inferred', 'accepted', 'rejected')),
    roster_document_id INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
    reason TEXT NOT NULL,
    reviewer TEXT,
    created_at DATETIME NOT NULL,
    decided_at DATETIME,
    UNIQUE (lineage, person_id, role)
);
CREATE INDEX ix_tenure_end_person ON tenure_end(person_id);
