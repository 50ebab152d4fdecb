-- Manipulation leaves traces (issue #5): statement revisions, withdrawal and erasure, verified
-- quotes, and the hash-chained public ledger.

-- Every revision of a statement; the text is never overwritten. body is NULL only after an erasure
-- on legal request, which keeps the revision's time and content hash.
CREATE TABLE statement_revisions (
    statement_id BIGINT NOT NULL REFERENCES statements (id),
    revision     INT NOT NULL,
    body         VARCHAR(20000),
    content_hash VARCHAR(64) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (statement_id, revision)
);
INSERT INTO statement_revisions (statement_id, revision, body, content_hash, created_at)
    SELECT id, 1, body, '', created_at FROM statements;

-- The current revision number; the text lives only in statement_revisions.
ALTER TABLE statements ADD COLUMN revision INT DEFAULT 1 NOT NULL;
ALTER TABLE statements DROP COLUMN body;
-- Set when the author withdraws the statement (status 'withdrawn'); erasure is a logged admin action.
ALTER TABLE statements ADD COLUMN withdrawn_at TIMESTAMP WITH TIME ZONE;

-- A verified quote: the quoted passage occurs in exactly this source revision.
CREATE TABLE statement_quotes (
    statement_id     BIGINT NOT NULL,
    revision         INT NOT NULL,
    essay_id         BIGINT REFERENCES essays (id),
    essay_revision   INT,
    paragraph        VARCHAR(12),
    source_statement BIGINT REFERENCES statements (id),
    source_revision  INT,
    PRIMARY KEY (statement_id, revision),
    FOREIGN KEY (statement_id, revision) REFERENCES statement_revisions (statement_id, revision)
);

-- The public ledger. Each entry's hash covers the previous entry's hash, so no entry can be changed,
-- removed or inserted without breaking every later hash. It never holds text, only hashes of it.
CREATE TABLE ledger (
    seq          BIGINT PRIMARY KEY,
    at           VARCHAR(30)  NOT NULL,
    actor        VARCHAR(200) NOT NULL,
    action       VARCHAR(40)  NOT NULL,
    target       VARCHAR(120) NOT NULL,
    content_hash VARCHAR(64)  NOT NULL,
    prev_hash    VARCHAR(64)  NOT NULL,
    entry_hash   VARCHAR(64)  NOT NULL,
    CONSTRAINT ledger_entry_hash_unique UNIQUE (entry_hash),
    CONSTRAINT ledger_prev_hash_unique UNIQUE (prev_hash)
);
CREATE INDEX ledger_target ON ledger (target);

-- One row, locked by every append: appends from any number of threads or instances queue here, so
-- the chain never forks; the unique keys above make a fork impossible even if the lock were skipped.
CREATE TABLE ledger_head (
    id   INT PRIMARY KEY,
    seq  BIGINT NOT NULL,
    hash VARCHAR(64) NOT NULL
);
INSERT INTO ledger_head (id, seq, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
