-- The messenger down: a post it could not take goes back to pending, to be tried again at
-- retry_at (backoff with a ceiling); one still undelivered long after planned_at is given up.
ALTER TABLE broadcasts ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE broadcasts ADD COLUMN retry_at DOUBLE PRECISION NOT NULL DEFAULT 0;
ALTER TABLE broadcasts ADD COLUMN planned_at DOUBLE PRECISION;
