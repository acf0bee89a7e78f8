-- Issue 14: sheets in a database. The content is the .sheet text (what a download gives).
-- Times are milliseconds since 1970 (UTC), so H2 and PostgreSQL read them the same way.
CREATE TABLE sheet (
    id         VARCHAR(16) PRIMARY KEY,
    content    TEXT        NOT NULL,
    revision   BIGINT      NOT NULL,
    created_at BIGINT      NOT NULL,
    saved_at   BIGINT      NOT NULL,
    opened_at  BIGINT      NOT NULL
);

-- Every autosave is a revision; old ones are thinned out (the last N and one a day beyond them).
CREATE TABLE sheet_revision (
    sheet_id        VARCHAR(16)  NOT NULL REFERENCES sheet (id) ON DELETE CASCADE,
    revision        BIGINT       NOT NULL,
    saved_at        BIGINT       NOT NULL,
    edit            VARCHAR(200) NOT NULL,
    objective       VARCHAR(100),
    objective_value DOUBLE PRECISION,
    content         TEXT         NOT NULL,
    PRIMARY KEY (sheet_id, revision)
);

-- Data directories whose *.sheet files were imported (once) into this database.
CREATE TABLE sheet_import (
    dir         VARCHAR(1000) PRIMARY KEY,
    imported_at BIGINT        NOT NULL,
    sheets      INT           NOT NULL
);
