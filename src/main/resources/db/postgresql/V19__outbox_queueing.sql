-- Queueing a campaign writes one outbox row per recipient (issue 10), and each row costs one entry in every index.
-- outbox_state (state, campaign_id), from V3, answered only the queries that look for a state across every campaign;
-- they now walk the campaigns and use outbox_claim (campaign_id, state, id), from V7. H2's form also enlarges the
-- id sequence's cache (its flushes wrote the whole file); PostgreSQL's sequences are not flushed that way, and a
-- cache there is per session (ids out of order between tills), so it keeps its default.
DROP INDEX outbox_state;

-- How long each modem send took (AT+CMGS until the network's answer, every part): the duration forecast uses the pace
-- measured here once there is enough of it (dispatch.CampaignProgressQuery), instead of an assumed 3 s per part.
-- NULL for sends logged before this version and for one-off sends whose time was not taken.
ALTER TABLE modem_send_log ADD COLUMN send_millis INT;
