-- Queueing a campaign writes one outbox row per recipient (issue 10: 100,000 in under 3 s), each one entry in every
-- index of the table. outbox_subject_sent (subject, sent_at), from V3, was read only by the frequency cap's check
-- before each send (dispatch.Eligibility), which now reads recipient_sends (V14), kept by the outbox's trigger: one
-- primary-key look-up instead of a range of the index. The other queries by subject start from a campaign and use
-- outbox_once (campaign_id, subject), or are an erasure's, which never used it (docs/performance.md, "Sending engine").
DROP INDEX outbox_subject_sent;
