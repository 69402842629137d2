-- Every delivered Zalo update first clears the ones older than a day: by time, not a table scan.
CREATE INDEX IF NOT EXISTS deliveries_at ON deliveries(at);
