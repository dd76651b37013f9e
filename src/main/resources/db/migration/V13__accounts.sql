-- Accounts, their roles over district subtrees, and credentials. A credential is a login session (cookie) or an
-- API token (Authorization: Bearer); only the SHA-256 of its secret is stored, so a copy of the database does not
-- let anyone in. Passwords are stored as Argon2id hashes (the encoded form carries its own salt and cost).
CREATE TABLE app_user (
    login         VARCHAR(64)  PRIMARY KEY,
    display_name  VARCHAR      NOT NULL,
    password_hash VARCHAR,
    disabled      BOOLEAN      NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE user_grant (
    login VARCHAR(64)  NOT NULL REFERENCES app_user (login),
    role  VARCHAR(20)  NOT NULL,
    scope VARCHAR(100) REFERENCES district (id)
);

CREATE TABLE credential (
    id          VARCHAR(40)  PRIMARY KEY,
    kind        VARCHAR(10)  NOT NULL,
    login       VARCHAR(64)  NOT NULL REFERENCES app_user (login),
    secret_hash VARCHAR(64)  NOT NULL UNIQUE,
    name        VARCHAR,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at  TIMESTAMP WITH TIME ZONE
);
