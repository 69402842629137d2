-- Several workers on one database: a ledger row is leased by the worker sending it; the
-- per-member flood window, delivered-update dedup, follow-up topics and pending admin
-- confirmations are stored so any worker can take any request.
ALTER TABLE broadcasts ADD COLUMN lease_until DOUBLE PRECISION;
CREATE INDEX IF NOT EXISTS broadcasts_status ON broadcasts(status, updated_at);
CREATE TABLE IF NOT EXISTS flood (
    member TEXT NOT NULL, at DOUBLE PRECISION NOT NULL
);
CREATE INDEX IF NOT EXISTS flood_member ON flood(member, at);
CREATE TABLE IF NOT EXISTS deliveries (
    key TEXT PRIMARY KEY, at DOUBLE PRECISION NOT NULL
);
CREATE TABLE IF NOT EXISTS chat_state (
    key TEXT PRIMARY KEY, value TEXT NOT NULL, at DOUBLE PRECISION NOT NULL
);
