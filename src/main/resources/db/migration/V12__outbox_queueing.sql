-- Starting a campaign fills the outbox with one INSERT ... SELECT over the audience (issue 10: 100,000 recipients in
-- under 3 s). What only Java can compute is computed once per distinct value, in the same transaction, into these two
-- scratch tables, emptied before it commits: the rendered text per first name, the window key per number prefix.
CREATE TABLE outbox_render (
    campaign_id   BIGINT         NOT NULL,
    first_name    VARCHAR(100)   NOT NULL,
    rendered_text VARCHAR(4000)  NOT NULL,
    encoding      VARCHAR(8)     NOT NULL,
    parts         INT            NOT NULL,
    PRIMARY KEY (campaign_id, first_name)
);

-- the country code and the first three national digits fit in the first 7 characters of any E.164 number
CREATE TABLE outbox_window (
    campaign_id BIGINT      NOT NULL,
    prefix      VARCHAR(7)  NOT NULL,
    window_key  VARCHAR(16) NOT NULL,
    PRIMARY KEY (campaign_id, prefix)
);
