-- The marketing frequency cap per recipient, without grouping the outbox (issue 15, "Fast"): grouping every recent
-- outbox row made the editor's audience count grow with each campaign (1-3 s at 100,000 contacts). recipient_sends
-- keeps, per subject, the instants of the marketing messages sent or delivered to them, newest first, at most 100
-- (the highest frequency cap the settings accept); the audience asks whether the cap-th newest is inside the window.
-- A trigger on outbox keeps it equal to the outbox whoever changes a row's state (engine, decisions, crash recovery).
CREATE TABLE recipient_sends (
    subject  VARCHAR(64) PRIMARY KEY,
    recent   TIMESTAMP WITH TIME ZONE ARRAY NOT NULL
);

-- what an existing store has already sent
INSERT INTO recipient_sends (subject, recent)
SELECT subject, CASE WHEN CARDINALITY(recent) > 100 THEN ARRAY_SLICE(recent, 1, 100) ELSE recent END
FROM (SELECT o.subject, ARRAY_AGG(o.sent_at ORDER BY o.sent_at DESC) AS recent
      FROM outbox o JOIN campaign k ON k.id = o.campaign_id
      WHERE k.kind = 'MARKETING' AND o.state IN ('SENT', 'DELIVERED') AND o.sent_at IS NOT NULL
      GROUP BY o.subject) AS sent;

CREATE TRIGGER outbox_recipient_sends AFTER INSERT, UPDATE, DELETE ON outbox FOR EACH ROW
    CALL 'org.comptoir.store.RecipientSendsTrigger';
