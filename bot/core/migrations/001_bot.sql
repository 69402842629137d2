-- The bot's own tables: questions and feedback (never who asked), audit, subscriptions, ledger.
CREATE TABLE IF NOT EXISTS questions (
    id {id}, platform TEXT NOT NULL, question TEXT NOT NULL,
    qtype TEXT, found INTEGER NOT NULL, span TEXT, sources TEXT NOT NULL DEFAULT '[]',
    passage TEXT, related TEXT NOT NULL DEFAULT '[]', created_at DOUBLE PRECISION NOT NULL
);
CREATE INDEX IF NOT EXISTS questions_time ON questions(created_at);
CREATE TABLE IF NOT EXISTS feedback (
    question_id INTEGER NOT NULL REFERENCES questions(id) ON DELETE CASCADE,
    voter TEXT NOT NULL, value INTEGER NOT NULL, created_at DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (question_id, voter)
);
CREATE TABLE IF NOT EXISTS audit (
    id {id}, platform TEXT NOT NULL, user_id TEXT NOT NULL,
    action TEXT NOT NULL, detail TEXT, result TEXT, created_at DOUBLE PRECISION NOT NULL
);
CREATE TABLE IF NOT EXISTS subscriptions (
    platform TEXT NOT NULL, chat_id TEXT NOT NULL, chat_type TEXT NOT NULL, created_at DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (platform, chat_id)
);
CREATE TABLE IF NOT EXISTS broadcasts (
    article_id TEXT NOT NULL, platform TEXT NOT NULL, chat_id TEXT NOT NULL,
    status TEXT NOT NULL, detail TEXT, updated_at DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (article_id, platform, chat_id)
);
