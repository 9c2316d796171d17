-- The day writer appends only the columns an event sets (docs/decisions.md, "Compact outbox appends"): a new row is
-- pending with no failed attempt, and the relay's columns (lease, error, sent time) start NULL.
ALTER TABLE streaming_outbox ALTER status SET DEFAULT 'pending';
ALTER TABLE streaming_outbox ALTER attempts SET DEFAULT 0;
