-- PostgreSQL's form of V24 (see db/migration/V24__outbox_without_subject_index.sql for why): the frequency cap's check
-- reads recipient_sends, so outbox_subject_sent (subject, sent_at), from V3, has no reader left.
DROP INDEX outbox_subject_sent;

-- V14's trigger kept a full list (100 instants) one short when one of them left SENT/DELIVERED or its row was deleted,
-- although older sends, trimmed from the list earlier, still count: the cap then let one promotion too many through.
-- A full list losing one is now read again from the outbox, campaign by campaign (outbox_once answers each, there being
-- no index on the subject alone any more), as H2's trigger does (org.comptoir.store.RecipientSendsTrigger). An AFTER
-- row trigger sees its statement's changes, so the list read back already holds this row's new instant.
CREATE OR REPLACE FUNCTION outbox_recipient_sends() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    was      TIMESTAMP WITH TIME ZONE;
    now_at   TIMESTAMP WITH TIME ZONE;
    kept     TIMESTAMP WITH TIME ZONE[];
    i        INTEGER;
    refilled BOOLEAN := FALSE;
BEGIN
    IF TG_OP <> 'INSERT' AND OLD.state IN ('SENT', 'DELIVERED') THEN
        was := OLD.sent_at;
    END IF;
    IF TG_OP <> 'DELETE' AND NEW.state IN ('SENT', 'DELIVERED') THEN
        now_at := NEW.sent_at;
    END IF;
    IF was IS NULL AND now_at IS NULL THEN
        RETURN NULL; -- queued, claimed, failed, skipped: not a send
    END IF;
    IF was IS NOT NULL AND now_at IS NOT NULL AND was = now_at AND OLD.subject IS NOT DISTINCT FROM NEW.subject
            AND OLD.campaign_id IS NOT DISTINCT FROM NEW.campaign_id THEN
        RETURN NULL; -- SENT -> DELIVERED, or another column changed
    END IF;
    IF was IS NOT NULL AND EXISTS (SELECT 1 FROM campaign WHERE id = OLD.campaign_id AND kind = 'MARKETING') THEN
        SELECT recent INTO kept FROM recipient_sends WHERE subject = OLD.subject FOR UPDATE;
        IF kept IS NOT NULL THEN
            i := ARRAY_POSITION(kept, was);
            IF i IS NOT NULL AND CARDINALITY(kept) >= 100 THEN
                kept := ARRAY(SELECT o.sent_at FROM campaign k JOIN outbox o ON o.campaign_id = k.id
                              AND o.subject = OLD.subject
                              WHERE k.kind = 'MARKETING' AND o.state IN ('SENT', 'DELIVERED') AND o.sent_at IS NOT NULL
                              ORDER BY o.sent_at DESC LIMIT 100);
                refilled := TRUE;
            ELSIF i IS NOT NULL THEN
                kept := kept[1:i - 1] || kept[i + 1:];
            END IF;
            IF CARDINALITY(kept) = 0 THEN
                DELETE FROM recipient_sends WHERE subject = OLD.subject;
            ELSE
                UPDATE recipient_sends SET recent = kept WHERE subject = OLD.subject;
            END IF;
        END IF;
    END IF;
    IF refilled AND TG_OP = 'UPDATE' AND NEW.subject = OLD.subject THEN
        RETURN NULL; -- read back from the outbox, which holds the row's new instant already
    END IF;
    IF now_at IS NOT NULL AND EXISTS (SELECT 1 FROM campaign WHERE id = NEW.campaign_id AND kind = 'MARKETING') THEN
        INSERT INTO recipient_sends (subject, recent) VALUES (NEW.subject, ARRAY[now_at])
        ON CONFLICT (subject) DO UPDATE SET recent = ARRAY(
            SELECT t FROM UNNEST(recipient_sends.recent || now_at) AS t ORDER BY t DESC LIMIT 100);
    END IF;
    RETURN NULL;
END
$$;
