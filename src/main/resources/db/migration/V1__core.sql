-- Core tables: settings edited by the UI and `config set`, and the audit trail of sensitive actions.

CREATE TABLE setting (
    setting_key   VARCHAR(100)   PRIMARY KEY,
    setting_value VARCHAR(4000)  NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE audit (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    actor       VARCHAR(100)  NOT NULL,   -- 'owner', 'till', 'cli', ...
    action      VARCHAR(50)   NOT NULL,   -- EXPORT, ERASE, SEND, SETTING_CHANGED, ...
    detail      VARCHAR(4000)
);
CREATE INDEX audit_occurred_at ON audit (occurred_at);
