-- SupportLens warehouse, version 5: who may open the dashboards and the API.
-- Passwords are stored as ASP.NET Core PasswordHasher hashes (PBKDF2, salted); API tokens only as their SHA-256
-- (a token is 256 random bits, so a fast hash is enough and lets a request find its token by the hash alone).

CREATE TABLE users (
    name           VARCHAR PRIMARY KEY,
    role           VARCHAR NOT NULL CHECK (role IN ('admin', 'executive', 'success-manager', 'planner')),
    email          VARCHAR,
    password_hash  VARCHAR,             -- NULL: the user signs in with API tokens only
    clients        VARCHAR[],           -- a success manager's clients beyond those whose clients.success_manager is the name
    security_stamp VARCHAR NOT NULL,    -- changes with the password or role: sign-in cookies issued before it stop working
    created_at     TIMESTAMPTZ NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL
);

CREATE SEQUENCE api_token_ids START 1;

CREATE TABLE api_tokens (
    token_id   BIGINT PRIMARY KEY DEFAULT nextval('api_token_ids'),
    user_name  VARCHAR NOT NULL,
    prefix     VARCHAR NOT NULL,        -- the token's first characters, to tell tokens apart in lists
    token_hash VARCHAR NOT NULL UNIQUE, -- lowercase hex SHA-256 of the whole token
    created_at TIMESTAMPTZ NOT NULL,
    revoked_at TIMESTAMPTZ
);
