-- Append-only log of every write, in the same transaction as the write. Each row carries the SHA-256 of the row
-- before it (prev_hash) and of itself (hash), so a changed, inserted or removed row breaks the chain.
CREATE TABLE audit (
    seq         BIGINT       PRIMARY KEY,
    at          TIMESTAMP WITH TIME ZONE NOT NULL,
    actor       VARCHAR      NOT NULL,
    role        VARCHAR(20),
    action      VARCHAR(40)  NOT NULL,
    entity      VARCHAR(20)  NOT NULL,
    entity_id   VARCHAR      NOT NULL,
    district    VARCHAR(100),
    address     VARCHAR(64),
    before_json VARCHAR,
    after_json  VARCHAR,
    prev_hash   VARCHAR(64)  NOT NULL,
    hash        VARCHAR(64)  NOT NULL
);
CREATE INDEX audit_by_entity ON audit (entity, entity_id);
