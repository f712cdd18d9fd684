-- Crash recovery belongs to the claimer (issue 10): with several senders on one store (a second back-office PC,
-- send-due from the scheduler while the application is open), a start-up must not take another live sender's row in
-- hand for a crashed one. Each engine instance records itself here with a lease it renews while it runs, and each
-- claim records which instance holds the row; a start-up turns into UNKNOWN only the SENDING rows of an instance that
-- is gone (its lease lapsed, no row here, or its lock file in this data folder free). The same text on H2 and
-- PostgreSQL.
CREATE TABLE sending_instance (
    id           VARCHAR(36)    PRIMARY KEY,            -- a random UUID per engine run
    data_dir     VARCHAR(1000)  NOT NULL,               -- the data folder of the till that runs it (for the logs)
    started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    lease_until  TIMESTAMP WITH TIME ZONE NOT NULL      -- renewed while the engine runs; past it, the instance is gone
);

-- the instance that claimed a SENDING row; NULL for rows claimed before this version (their holder is unknown)
ALTER TABLE outbox ADD COLUMN claimed_by VARCHAR(36);
