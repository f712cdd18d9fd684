-- The sending engine's outbox (DESIGN.md "Data model", issue 10).

-- message_class: MARKETING rows need consent, the frequency cap and the strict window; SERVICE rows (a SERVICE
-- campaign, or a one-off reply queued by ReplySender) have the wider window. A reply has no campaign.
ALTER TABLE outbox ALTER COLUMN campaign_id SET NULL;
ALTER TABLE outbox ADD COLUMN message_class VARCHAR(16) NOT NULL DEFAULT 'MARKETING';
ALTER TABLE outbox ADD CONSTRAINT outbox_class CHECK (message_class IN ('MARKETING', 'SERVICE'));
-- the campaign's sender name, fixed when queued
ALTER TABLE outbox ADD COLUMN sender VARCHAR(11) NOT NULL DEFAULT '';
-- a QUEUED row is not claimed before this instant (retry back-off, closed window, route cap)
ALTER TABLE outbox ADD COLUMN not_before TIMESTAMP WITH TIME ZONE;
-- rows whose numbers share a prefix share a sending window: a closed window defers them together
ALTER TABLE outbox ADD COLUMN window_key VARCHAR(16) NOT NULL DEFAULT '';
-- short code of the last problem (CONSENT, OPTED_OUT, FREQUENCY_CAP, CMS 38, UNKNOWN...); error holds the words
ALTER TABLE outbox ADD COLUMN reason VARCHAR(50);
-- a one-off reply: what it is for, and the key that keeps the same reply from being queued twice
ALTER TABLE outbox ADD COLUMN purpose VARCHAR(30);
ALTER TABLE outbox ADD COLUMN dedup_key VARCHAR(200);
ALTER TABLE outbox ADD CONSTRAINT outbox_dedup UNIQUE (dedup_key);
ALTER TABLE outbox ADD COLUMN delivered_at TIMESTAMP WITH TIME ZONE;
-- the claim reads a campaign's queued rows in id order
CREATE INDEX outbox_claim ON outbox (campaign_id, state, id);

-- One row per part of a sent message, to match delivery reports: a modem's reference is one octet (TP-MR) and
-- wraps after 256 parts, so a report is matched by reference AND recipient AND send time.
-- status: PENDING until a final report, then DELIVERED or FAILED.
CREATE TABLE outbox_part (
    outbox_id    BIGINT        NOT NULL REFERENCES outbox (id),
    part_no      INT           NOT NULL,
    reference    VARCHAR(40)   NOT NULL,
    recipient    VARCHAR(16)   NOT NULL,
    sent_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    status       VARCHAR(16)   NOT NULL DEFAULT 'PENDING',
    reported_at  TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (outbox_id, part_no),
    CONSTRAINT outbox_part_status CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED'))
);
CREATE INDEX outbox_part_match ON outbox_part (reference, recipient, sent_at);

-- A campaign waiting for its recipients' window (or the route's cap) says until when and why, for the screen.
ALTER TABLE campaign ADD COLUMN waiting_until TIMESTAMP WITH TIME ZONE;
ALTER TABLE campaign ADD COLUMN waiting_reason VARCHAR(50);

-- What a rehearsal would have sent, and when (the rehearsal gateway sends nothing).
CREATE TABLE rehearsal_log (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    at           TIMESTAMP WITH TIME ZONE NOT NULL,
    message_id   VARCHAR(100)  NOT NULL,
    recipient    VARCHAR(16)   NOT NULL,
    sender       VARCHAR(11)   NOT NULL,
    text         VARCHAR(4000) NOT NULL,
    parts        INT           NOT NULL,
    valid_until  TIMESTAMP WITH TIME ZONE
);

-- rows queued before this version: a SERVICE campaign's rows are SERVICE messages
UPDATE outbox SET message_class = 'SERVICE' WHERE campaign_id IN (SELECT id FROM campaign WHERE kind = 'SERVICE');
