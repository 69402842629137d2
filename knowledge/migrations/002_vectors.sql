-- Embeddings, keyed by model and by the hash of the text embedded: a worker that builds an index
-- embeds only what no one has embedded before, and a one-article change embeds one article.
CREATE TABLE IF NOT EXISTS vectors (
    model TEXT NOT NULL, digest TEXT NOT NULL, vec {blob} NOT NULL,
    PRIMARY KEY (model, digest)
);
