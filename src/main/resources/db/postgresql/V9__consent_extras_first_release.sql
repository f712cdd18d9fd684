-- PostgreSQL form of db/migration/V9__consent_extras_first_release.sql (store.Dialect): same tables, columns and constraints.
-- V5 was edited after it had landed (an index replaced by a wider one). Data folders migrated by the first V5
-- keep contact_first_name_lc and lack contact_name_lc; Database repairs only that known first checksum in the
-- schema history, and this brings such a store to the shape the edited V5 gives. On a store made by the edited
-- V5 both statements do nothing.
DROP INDEX IF EXISTS contact_first_name_lc;
-- (first, last, id): the list sorted by name reads this index in order, ties included, and stops after a page
CREATE INDEX IF NOT EXISTS contact_name_lc ON contact (first_name_lc, last_name_lc, id);
