-- Which region of which dataset the file holds (scale-out §2-3): written with the dimensions, one row, (dataset_id, 0, 1)
-- for a one-region dataset. A table of its own rather than columns of sim_state, so the determinism hash of a
-- one-region dataset (sim_state included) stays what it was.
CREATE TABLE sim_region (
    dataset_id VARCHAR NOT NULL,
    region_index INTEGER NOT NULL,
    region_count INTEGER NOT NULL
);
