-- The relay's side of the outbox (streaming §3–§4, high-water-mark design, see docs/decisions.md):
-- acknowledgement advances one high-water mark instead of updating every row's status.
ALTER TABLE streaming_outbox ADD COLUMN correlation_id VARCHAR;

-- One row: every outbox row with outbox_id <= acked_through that is not dead has been delivered.
CREATE TABLE streaming_relay (
    acked_through BIGINT NOT NULL,
    acked_at TIMESTAMP
);
INSERT INTO streaming_relay VALUES (-1, NULL);

-- Sent counts per simulated day and event type, kept when sent rows are purged.
CREATE TABLE streaming_sent_stats (
    sim_day DATE NOT NULL,
    event_type VARCHAR NOT NULL,
    sent BIGINT NOT NULL,
    PRIMARY KEY (sim_day, event_type)
);
