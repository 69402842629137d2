-- The knowledge store: articles, their passages and facts, hỏi đáp, sources, feed items.
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY, title TEXT NOT NULL, date TEXT, url TEXT, source TEXT,
    text TEXT NOT NULL, content_hash TEXT NOT NULL, version INTEGER NOT NULL DEFAULT 1,
    added_at DOUBLE PRECISION NOT NULL, updated_at DOUBLE PRECISION NOT NULL, origin TEXT
);
CREATE TABLE IF NOT EXISTS chunks (
    id TEXT PRIMARY KEY, article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    ord INTEGER NOT NULL, text TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS chunks_article ON chunks(article_id, ord);
CREATE TABLE IF NOT EXISTS facts (
    chunk_id TEXT NOT NULL REFERENCES chunks(id) ON DELETE CASCADE,
    kind TEXT NOT NULL, value TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS facts_chunk ON facts(chunk_id);
CREATE TABLE IF NOT EXISTS sources (
    location TEXT PRIMARY KEY, kind TEXT NOT NULL, added_at DOUBLE PRECISION NOT NULL
);
CREATE TABLE IF NOT EXISTS faq (
    id TEXT PRIMARY KEY, questions TEXT NOT NULL, answer TEXT NOT NULL, basis TEXT, source TEXT,
    valid_from TEXT, origin TEXT UNIQUE, content_hash TEXT NOT NULL, updated_at DOUBLE PRECISION NOT NULL
);
CREATE TABLE IF NOT EXISTS feed_items (
    link TEXT PRIMARY KEY, feed TEXT NOT NULL, seen_at DOUBLE PRECISION NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS articles_origin ON articles(origin);
