-- PostgreSQL's form of V25 (see db/migration/V25__outbox_part_pending.sql for why): the re-tracking of parts awaiting
-- a delivery report reads the (PENDING, sent since) range instead of every part ever sent.
CREATE INDEX outbox_part_pending ON outbox_part (status, sent_at);
