-- PostgreSQL form of db/migration/V10__ledger_identity.sql (store.Dialect): same tables, columns and constraints.
-- The ledger's identity and its hash recipe version (issue 11).

-- A fingerprint of the ledger key this store was made with (HMAC-SHA-256 of a fixed label under the key, so it
-- reveals nothing of the key): a missing or different ledger.key is refused at start instead of silently making
-- every customer unknown. NULL in stores made before this column; the first start with the key records it.
ALTER TABLE consent_ledger_head ADD COLUMN key_fingerprint VARCHAR(64);

-- Which canonical encoding a row's hash follows. 1: the first recipe (rows recorded before this migration keep
-- verifying under it); 2: also covers every field of the wording (version, language, shop name, purpose, text,
-- creation time). Along the chain the version never goes down.
ALTER TABLE consent_event ADD COLUMN hash_version INT DEFAULT 1 NOT NULL;
