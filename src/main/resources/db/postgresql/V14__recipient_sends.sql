-- PostgreSQL's form of V14 (see db/migration/V14__recipient_sends.sql for why): the same table and the same rule,
-- with PL/pgSQL in place of H2's Java trigger (org.comptoir.store.RecipientSendsTrigger). Per subject, the instants
-- of its MARKETING messages that are SENT or DELIVERED, newest first, at most 100; kept inside the writing
-- transaction, so a rollback undoes both.
CREATE TABLE recipient_sends (
    subject  VARCHAR(64) PRIMARY KEY,
    recent   TIMESTAMP WITH TIME ZONE[] NOT NULL
);

-- what an existing store has already sent
INSERT INTO recipient_sends (subject, recent)
SELECT o.subject, (ARRAY_AGG(o.sent_at ORDER BY o.sent_at DESC))[1:100]
FROM outbox o JOIN campaign k ON k.id = o.campaign_id
WHERE k.kind = 'MARKETING' AND o.state IN ('SENT', 'DELIVERED') AND o.sent_at IS NOT NULL
GROUP BY o.subject;

CREATE FUNCTION outbox_recipient_sends() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    was    TIMESTAMP WITH TIME ZONE;
    now_at TIMESTAMP WITH TIME ZONE;
    kept   TIMESTAMP WITH TIME ZONE[];
    i      INTEGER;
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
            IF i IS NOT NULL THEN
                kept := kept[1:i - 1] || kept[i + 1:];
            END IF;
            IF CARDINALITY(kept) = 0 THEN
                DELETE FROM recipient_sends WHERE subject = OLD.subject;
            ELSE
                UPDATE recipient_sends SET recent = kept WHERE subject = OLD.subject;
            END IF;
        END IF;
    END IF;
    IF now_at IS NOT NULL AND EXISTS (SELECT 1 FROM campaign WHERE id = NEW.campaign_id AND kind = 'MARKETING') THEN
        INSERT INTO recipient_sends (subject, recent) VALUES (NEW.subject, ARRAY[now_at])
        ON CONFLICT (subject) DO UPDATE SET recent = ARRAY(
            SELECT t FROM UNNEST(recipient_sends.recent || now_at) AS t ORDER BY t DESC LIMIT 100);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER outbox_recipient_sends AFTER INSERT OR UPDATE OR DELETE ON outbox
    FOR EACH ROW EXECUTE FUNCTION outbox_recipient_sends();
