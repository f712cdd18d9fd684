-- PostgreSQL's form of V24 (see db/migration/V24__outbox_without_subject_index.sql for why): the frequency cap's check
-- reads recipient_sends, so outbox_subject_sent (subject, sent_at), from V3, has no reader left.
DROP INDEX outbox_subject_sent;
