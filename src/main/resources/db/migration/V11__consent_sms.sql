-- Consent over SMS (issue 12): the evidence kept beside the ledger, and double opt-in requests.

-- The text of an SMS that is a ledger event's evidence (a STOP, a sign-up, an OUI). It is personal data, so it is
-- kept out of the hashed ledger row: the row's evidence says "evidence=<id> text-hmac=<hex>", an HMAC of the text
-- under this row's random salt. Erasure deletes this row (text and salt), which leaves the ledger row, and so the
-- chain, as it was: `consent verify` stays green and the HMAC alone no longer says anything.
CREATE TABLE consent_sms_evidence (
    id           VARCHAR(36)    PRIMARY KEY,            -- a random UUID
    subject      VARCHAR(64)    NOT NULL,
    inbound_id   BIGINT,                                -- the inbound row it came from, when it did
    kind         VARCHAR(16)    NOT NULL,               -- the ledger event it proves: OPT_OUT, OPT_IN, CONFIRMED
    text         VARCHAR(10000) NOT NULL,
    salt         VARCHAR(32)    NOT NULL,               -- 16 random bytes, hex
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX consent_sms_evidence_subject ON consent_sms_evidence (subject);
-- the same inbound routed twice (a crash before handled_as was stored) is acted on once
CREATE INDEX consent_sms_evidence_inbound ON consent_sms_evidence (inbound_id, kind);

-- A confirmation asked by SMS: after a consent at the till or kiosk with double opt-in on (DOUBLE_OPTIN), or after
-- the sign-up keyword (SIGNUP: the opt-in is already recorded; RESUBSCRIBE: the person had stopped, so nothing is
-- recorded until they answer OUI). status: PENDING, CONFIRMED, EXPIRED. No number here: the subject is enough to
-- match a reply, and the contact row gives the number while there is one.
CREATE TABLE consent_optin_request (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    subject       VARCHAR(64)   NOT NULL,
    kind          VARCHAR(16)   NOT NULL,
    status        VARCHAR(16)   NOT NULL,
    requested_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    answered_at   TIMESTAMP WITH TIME ZONE,
    wording_id    BIGINT        REFERENCES consent_wording (id),
    evidence_id   VARCHAR(36),                          -- the sign-up text, for RESUBSCRIBE
    CONSTRAINT consent_optin_request_kind CHECK (kind IN ('DOUBLE_OPTIN', 'SIGNUP', 'RESUBSCRIBE')),
    CONSTRAINT consent_optin_request_status CHECK (status IN ('PENDING', 'CONFIRMED', 'EXPIRED'))
);
CREATE INDEX consent_optin_request_subject ON consent_optin_request (subject, status);
CREATE INDEX consent_optin_request_expiry ON consent_optin_request (status, expires_at);
