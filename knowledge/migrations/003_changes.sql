-- Which articles changed at which revision, so an index can take in just those (retrieval.overlay).
ALTER TABLE articles ADD COLUMN changed_rev INTEGER;
CREATE INDEX IF NOT EXISTS articles_changed ON articles(changed_rev);
CREATE TABLE IF NOT EXISTS removed_articles (
    id TEXT NOT NULL, revision INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS removed_articles_revision ON removed_articles(revision);
