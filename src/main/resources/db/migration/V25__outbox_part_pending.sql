-- When an engine starts it hands its gateway the parts still awaiting a delivery report (dispatch.PendingParts): a
-- provider's watch list lives in memory and is gone after a restart. Without an index on the status that read walked
-- every part ever sent (one row per part, campaign after campaign) to find the few of the last days still PENDING.
-- Parts leave PENDING for good at their final report, so the range (PENDING, sent since) stays small.
CREATE INDEX outbox_part_pending ON outbox_part (status, sent_at);
