-- Essays written, previewed, published, revised and unpublished in the browser by admins.
-- Written once for H2 and PostgreSQL: no partial indexes, no dialect-only syntax.

-- Whether readers see the essay. Essays that arrive as files are published; an essay written in
-- the browser is inserted with FALSE and stays a draft until an admin publishes it.
ALTER TABLE essays ADD COLUMN published BOOLEAN DEFAULT TRUE NOT NULL;
-- The admin who last published or unpublished the essay, and when (NULL: never changed in the browser).
ALTER TABLE essays ADD COLUMN published_changed_by BIGINT REFERENCES accounts (id);
ALTER TABLE essays ADD COLUMN published_changed_at TIMESTAMP WITH TIME ZONE;
-- SHA-256 of the file under db/essays when it was last imported (NULL: never imported from a file).
-- The importer adds a revision only when the file differs from this, so a revision an admin made in
-- the browser is not overwritten by an unchanged file at the next start-up.
ALTER TABLE essays ADD COLUMN file_hash VARCHAR(64);

-- Where a revision came from: 'file' (imported at start-up, by the essay's owner) or 'browser'
-- (written by the admin named in author_id).
ALTER TABLE essay_revisions ADD COLUMN source VARCHAR(10) DEFAULT 'file' NOT NULL;
ALTER TABLE essay_revisions ADD CONSTRAINT essay_revisions_source CHECK (source IN ('file', 'browser'));

-- Every revision so far was imported from a file: its latest hash is the hash of that file.
UPDATE essays SET file_hash = (
    SELECT r.content_hash FROM essay_revisions r
    WHERE r.essay_id = essays.id
      AND r.revision = (SELECT MAX(r2.revision) FROM essay_revisions r2 WHERE r2.essay_id = essays.id));
