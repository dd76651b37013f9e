-- Portable SQL (H2 and PostgreSQL). A report import kept for review: the text as sent (TEXT: a whole report can
-- exceed the VARCHAR limit of H2) and the candidates read from it (JSON), and per candidate what accepting it
-- stored, so that accepting twice stores nothing twice.

CREATE TABLE import_draft (
    id         VARCHAR(100) PRIMARY KEY,
    document   VARCHAR,
    district   VARCHAR,
    created_by VARCHAR      NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    text       TEXT         NOT NULL,
    candidates TEXT         NOT NULL
);

CREATE TABLE import_accepted (
    import_id     VARCHAR(100) NOT NULL REFERENCES import_draft (id),
    candidate     VARCHAR(20)  NOT NULL,
    commitment_id VARCHAR(100) NOT NULL REFERENCES commitment (id),
    result_id     BIGINT REFERENCES result (id),
    accepted_by   VARCHAR      NOT NULL,
    accepted_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (import_id, candidate)
);
