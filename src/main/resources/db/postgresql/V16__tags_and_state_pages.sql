-- Tags the owner created, used or not yet: contact_tag only knows the tags someone carries, so a tag made on the
-- contacts screen before tagging anyone, or whose last contact was untagged, would vanish. contact_tag keeps no
-- foreign key to it (older stores and imports add contact_tag rows directly): the tags shown are this table's
-- and contact_tag's together.
CREATE TABLE tag (
    name        VARCHAR(50)   PRIMARY KEY,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
INSERT INTO tag (name, created_at) SELECT DISTINCT tag, CURRENT_TIMESTAMP FROM contact_tag;

-- The contacts screen's status pages ("Désinscrits", "Refus") read the latest first: with the status and the
-- date in one index H2 walks it in order and stops after the page instead of sorting every match. The subject
-- makes the order total, so paging by offset neither repeats nor skips a row.
CREATE INDEX consent_state_status_since ON consent_state (status, since, subject);
