-- The classroom: people who sign in. A teacher signs in through the school's OpenID Connect provider
-- (oidc_subject = issuer + ' ' + sub) or, without one, with the password set by GRADSHEET_TEACHER_PASSWORD;
-- a student joins a class with its code and a name (no password; an HttpOnly cookie remembers them).
-- A student the teacher merged into another keeps their row, pointing at the one they became.
CREATE TABLE app_user (
    id            VARCHAR(16)  PRIMARY KEY,
    role          VARCHAR(10)  NOT NULL,
    name          VARCHAR(100) NOT NULL,
    email         VARCHAR(320),
    oidc_subject  VARCHAR(600) UNIQUE,
    password_hash VARCHAR(200),
    login_secret  VARCHAR(64)  UNIQUE,
    merged_into   VARCHAR(16)  REFERENCES app_user (id),
    created_at    BIGINT       NOT NULL
);

-- The one-time setup link printed in the log at first start when no teacher password is set (its hash).
CREATE TABLE teacher_setup (
    token_hash VARCHAR(64) PRIMARY KEY,
    created_at BIGINT      NOT NULL,
    used_at    BIGINT
);
