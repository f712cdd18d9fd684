-- Messages received by a gateway (replies, STOP keywords) and the log of SMS sent through the USB modem.

-- One row per received message, multipart replies already joined. `handled_as` is set by the keyword
-- handling (STOP, OUI...) once it exists; NULL means not looked at yet.
CREATE TABLE inbound (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    sender       VARCHAR(32)    NOT NULL,   -- E.164, or the alphanumeric name of a service
    text         VARCHAR(10000) NOT NULL,
    received_at  TIMESTAMP WITH TIME ZONE NOT NULL,  -- the SMS centre's time stamp
    stored_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    gateway      VARCHAR(100),
    handled_as   VARCHAR(30)
);
CREATE INDEX inbound_received_at ON inbound (received_at);
-- the same message read twice (SIM deletion failed, read again by the poll) is stored once
CREATE UNIQUE INDEX inbound_once ON inbound (sender, received_at, text);

-- One row per message sent through the modem, for the daily and monthly caps (ModemRoutePolicy).
CREATE TABLE modem_send_log (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    recipient   VARCHAR(16)  NOT NULL,
    sent_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    part_count  INT          NOT NULL,
    "references" VARCHAR(1000) NOT NULL     -- TP-MR of each part, comma-separated
);
CREATE INDEX modem_send_log_sent_at ON modem_send_log (sent_at);
CREATE INDEX modem_send_log_recipient ON modem_send_log (recipient, sent_at);
