-- Stored bodies move out of the table into one append-only file per simulated day beside the database
-- (see docs/decisions.md, "Outbox bodies in day files"): a row references its envelope by byte range.
-- body stays for rows written before this migration; new rows leave it NULL.
ALTER TABLE streaming_outbox ADD COLUMN body_offset BIGINT;
ALTER TABLE streaming_outbox ADD COLUMN body_length INTEGER;

-- The trace id as a 16-byte UUID rather than 36 characters: appended and read without string conversions.
ALTER TABLE streaming_outbox ALTER event_id TYPE UUID;
