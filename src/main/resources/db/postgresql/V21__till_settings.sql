-- Per-till settings (issue 17): several tills share one store (a shop server, a chain's PostgreSQL), and some settings
-- are the PC's, not the shop's: who stands at this till, the language of its screens, the port and SIM PIN of the
-- modem plugged into it, the folder its backups go to. They are kept per till, under the id in the till's data
-- folder (till.id); the shop's settings stay in `setting`, shared by every till. The same text on H2 and PostgreSQL.
CREATE TABLE till_setting (
    till_id       VARCHAR(36)    NOT NULL,   -- settings.TillIdentity; '' = the store's values before V21, not claimed
    setting_key   VARCHAR(100)   NOT NULL,
    setting_value VARCHAR(4000)  NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (till_id, setting_key)
);

-- the values a store already holds: they were the one till's (every store began embedded); the first till that opens
-- the upgraded store claims them (settings.Settings), so a till that joins later starts from the defaults and never
-- takes over another till's modem port or language
INSERT INTO till_setting (till_id, setting_key, setting_value, updated_at)
SELECT '', setting_key, setting_value, updated_at FROM setting
WHERE setting_key IN ('till.staff', 'ui.language', 'modem.port', 'modem.pin', 'modem.pin-refused', 'backup.folder');

DELETE FROM setting
WHERE setting_key IN ('till.staff', 'ui.language', 'modem.port', 'modem.pin', 'modem.pin-refused', 'backup.folder');
