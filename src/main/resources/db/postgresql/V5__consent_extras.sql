-- PostgreSQL form of db/migration/V5__consent_extras.sql (store.Dialect): same tables, columns and constraints.
-- Consent ledger head and contact search support (consent helper).

-- The last sequence number and hash the application appended, updated in the same transaction as each
-- append. `verify` compares the chain's end with it, so deleting the LAST event is detected too.
-- Each append locks this single row (SELECT ... FOR UPDATE), which serialises appends across tills.
CREATE TABLE consent_ledger_head (
    id          INT           PRIMARY KEY CHECK (id = 1),
    last_seq    BIGINT        NOT NULL,
    last_hash   VARCHAR(64)   NOT NULL
);
INSERT INTO consent_ledger_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- Search as you type: the number without its country code (what people type after the trunk 0), and
-- lower-cased names for case-insensitive prefix searches, each indexed.
ALTER TABLE contact ADD COLUMN national_digits VARCHAR(15);
ALTER TABLE contact ADD COLUMN first_name_lc VARCHAR(100) GENERATED ALWAYS AS (LOWER(first_name)) STORED;
ALTER TABLE contact ADD COLUMN last_name_lc VARCHAR(100) GENERATED ALWAYS AS (LOWER(last_name)) STORED;
CREATE INDEX contact_national_digits ON contact (national_digits);
-- (first, last, id): the list sorted by name reads this index in order, ties included, and stops after a page
CREATE INDEX contact_name_lc ON contact (first_name_lc, last_name_lc, id);
CREATE INDEX contact_last_name_lc ON contact (last_name_lc);
CREATE INDEX contact_created_at ON contact (created_at);
CREATE INDEX consent_state_since ON consent_state (since);
