-- The store's identity for every till that opens it (issue 17): the ledger key (so every till computes the same
-- subject for a number) and the settings key (so every till opens the secrets sealed in the shared settings), sealed
-- under a key derived from the store's passphrase, which the owner types once on each till that joins. Written by
-- the till that holds the keys (`store share-keys`); one row. The same text on H2 and PostgreSQL.
CREATE TABLE store_identity (
    id                  INT            PRIMARY KEY CHECK (id = 1),
    sealed_keys         VARCHAR(400)   NOT NULL,   -- Base64(12-byte IV, AES-256-GCM of ledger key then settings key, tag)
    salt                VARCHAR(64)    NOT NULL,   -- hex, PBKDF2-HMAC-SHA-256
    iterations          INT            NOT NULL,
    ledger_fingerprint  VARCHAR(64)    NOT NULL,   -- the ledger key's fingerprint, as consent_ledger_head records it
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL
);
