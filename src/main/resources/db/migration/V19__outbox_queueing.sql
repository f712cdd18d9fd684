-- Queueing a campaign writes one outbox row per recipient (issue 10: 100,000 in under 3 s), and each row costs one
-- entry in every index of the table, at the insert and again when the transaction commits.
-- outbox_state (state, campaign_id), from V3, answered only the queries that look for a state across every campaign
-- (rows in hand at a crash, UNKNOWN rows to look up, rows waiting for a window); they now walk the campaigns and use
-- outbox_claim (campaign_id, state, id), from V7, which every other outbox query by state already used (checked with
-- H2's EXPLAIN on a 100,000-row outbox, docs/performance.md "Sending engine").
DROP INDEX outbox_state;
-- The row id's identity sequence handed out 32 values per flush; with WRITE_DELAY=0 each flush is a write of the whole
-- store to disk, i.e. about 3,000 writes while queueing 100,000 rows (30 % of the time). A crash now skips at most
-- this many ids, which nothing reads as a count.
ALTER TABLE outbox ALTER COLUMN id SET CACHE 10000;

-- How long each modem send took (AT+CMGS until the network's answer, every part): the duration forecast uses the pace
-- measured here once there is enough of it (dispatch.CampaignProgressQuery), instead of an assumed 3 s per part.
-- NULL for sends logged before this version and for one-off sends whose time was not taken.
ALTER TABLE modem_send_log ADD COLUMN send_millis INT;
