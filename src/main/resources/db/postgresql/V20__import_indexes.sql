-- PostgreSQL form of db/migration/V20__import_indexes.sql (store.Dialect): the same two indexes, for the same reasons.
-- Two secondary indexes no query needs, each written at a random page for every contact or consent saved (issue 14,
-- "import 100,000 rows under 20 s": every imported row wrote ten random index entries, and each transaction's commit
-- rewrote and re-read those pages through the AES cipher; docs/performance.md, "Excel").
-- contact_first_name (V2): no query filters or sorts on first_name as typed; the searches and the list sorted by name
-- read first_name_lc / last_name_lc (contact_name_lc, contact_last_name_lc, V5).
DROP INDEX IF EXISTS contact_first_name;
-- consent_state_status (V2): (status) is the leading column of consent_state_status_since (status, since, subject)
-- (V16), which serves every status filter (audience, contacts screen, counts) as well.
DROP INDEX IF EXISTS consent_state_status;
