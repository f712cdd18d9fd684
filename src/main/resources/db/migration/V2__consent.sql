-- Contacts and the consent ledger (DESIGN.md "Data model").
-- A person is identified in the ledger by `subject`: a keyed hash (HMAC-SHA-256, hex) of the E.164 number,
-- so the ledger and the suppression survive erasure of the contact row.

CREATE TABLE contact (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    subject     VARCHAR(64)  NOT NULL UNIQUE,
    phone_e164  VARCHAR(16)  NOT NULL UNIQUE,
    first_name  VARCHAR(100),
    last_name   VARCHAR(100),
    language    VARCHAR(8),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX contact_first_name ON contact (first_name);

CREATE TABLE contact_tag (
    contact_id  BIGINT       NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
    tag         VARCHAR(50)  NOT NULL,
    PRIMARY KEY (contact_id, tag)
);
CREATE INDEX contact_tag_tag ON contact_tag (tag);

-- Never edited: a change of wording is a new version.
CREATE TABLE consent_wording (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    version     INT           NOT NULL UNIQUE,
    language    VARCHAR(8)    NOT NULL,
    text        VARCHAR(2000) NOT NULL,
    shop_name   VARCHAR(100)  NOT NULL,
    purpose     VARCHAR(200)  NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Append-only ledger. kind: OPT_IN, CONFIRMED, OPT_OUT, ERASED, REFUSED.
-- channel: TILL, KIOSK, SMS_KEYWORD, IMPORT, MANUAL. hash = SHA-256 over the canonical fields and prev_hash.
CREATE TABLE consent_event (
    seq         BIGINT        PRIMARY KEY,
    subject     VARCHAR(64)   NOT NULL,
    kind        VARCHAR(16)   NOT NULL,
    channel     VARCHAR(16)   NOT NULL,
    wording_id  BIGINT        REFERENCES consent_wording (id),
    staff       VARCHAR(100),
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    evidence    VARCHAR(4000),
    prev_hash   VARCHAR(64)   NOT NULL,
    hash        VARCHAR(64)   NOT NULL
);
CREATE INDEX consent_event_subject ON consent_event (subject, seq);

-- Current status per subject, derived from the ledger in the same transaction as each append.
-- status: OPTED_IN, CONFIRMED, OPTED_OUT, REFUSED, ERASED. Marketing is allowed for OPTED_IN and CONFIRMED
-- (only CONFIRMED when double opt-in is on).
CREATE TABLE consent_state (
    subject     VARCHAR(64)   PRIMARY KEY,
    status      VARCHAR(16)   NOT NULL,
    since       TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seq    BIGINT        NOT NULL,
    wording_id  BIGINT        REFERENCES consent_wording (id)
);
CREATE INDEX consent_state_status ON consent_state (status);
