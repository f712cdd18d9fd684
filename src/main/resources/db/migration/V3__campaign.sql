-- Campaigns and their outbox (DESIGN.md "Data model"). Enums are stored by name.
-- kind: MARKETING (needs consent and the opt-out mention) or SERVICE (information to existing customers).
-- status: DRAFT, SCHEDULED, SENDING, PAUSED, DONE, CANCELLED. Only a DRAFT may be edited.
-- stop_mention is the opt-out mention as it was when the draft was last saved, so a later change of the
-- setting does not silently change a scheduled text; NULL for SERVICE.
CREATE TABLE campaign (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    name           VARCHAR(200)   NOT NULL,
    kind           VARCHAR(16)    NOT NULL,
    template       VARCHAR(4000)  NOT NULL,
    sender         VARCHAR(11)    NOT NULL DEFAULT '',   -- '' = the gateway's own number
    stop_mention   VARCHAR(100),
    audience_tag   VARCHAR(50),                           -- NULL = every allowed contact
    schedule_mode  VARCHAR(8)     NOT NULL DEFAULT 'ASAP', -- ASAP or AT
    scheduled_at   TIMESTAMP WITH TIME ZONE,
    status         VARCHAR(16)    NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT campaign_kind CHECK (kind IN ('MARKETING', 'SERVICE')),
    CONSTRAINT campaign_mode CHECK (schedule_mode IN ('ASAP', 'AT')),
    CONSTRAINT campaign_status CHECK (status IN ('DRAFT', 'SCHEDULED', 'SENDING', 'PAUSED', 'DONE', 'CANCELLED'))
);
CREATE INDEX campaign_status ON campaign (status, scheduled_at);

-- One row per recipient per campaign, filled when a campaign starts sending (later issue).
-- state: QUEUED, SENDING, SENT, DELIVERED, FAILED, SKIPPED, UNKNOWN. gateway_refs: the gateway's message
-- reference(s), one per part, comma-separated. sent_at: when the gateway accepted the message; the marketing
-- frequency cap counts SENT/DELIVERED rows by it.
CREATE TABLE outbox (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    campaign_id     BIGINT         NOT NULL REFERENCES campaign (id),
    subject         VARCHAR(64)    NOT NULL,
    recipient_e164  VARCHAR(16)    NOT NULL,
    rendered_text   VARCHAR(4000)  NOT NULL,
    encoding        VARCHAR(8)     NOT NULL,
    parts           INT            NOT NULL,
    state           VARCHAR(16)    NOT NULL,
    attempts        INT            NOT NULL DEFAULT 0,
    gateway         VARCHAR(50),
    gateway_refs    VARCHAR(400),
    error           VARCHAR(1000),
    sent_at         TIMESTAMP WITH TIME ZONE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT outbox_once UNIQUE (campaign_id, subject),
    CONSTRAINT outbox_state CHECK (state IN ('QUEUED', 'SENDING', 'SENT', 'DELIVERED', 'FAILED', 'SKIPPED', 'UNKNOWN'))
);
CREATE INDEX outbox_state ON outbox (state, campaign_id);
-- the frequency cap looks up recent sends per subject
CREATE INDEX outbox_subject_sent ON outbox (subject, sent_at);
