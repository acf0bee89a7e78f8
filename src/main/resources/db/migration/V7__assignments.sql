-- An assignment: a sheet's text as the teacher made it, which cells are asked (a practice setting such
-- as 'gradients of x, y, z'), the tolerance answers are checked with, an optional due time (ms, UTC).
CREATE TABLE assignment (
    id          VARCHAR(16)      PRIMARY KEY,
    class_id    VARCHAR(16)      NOT NULL REFERENCES class_room (id) ON DELETE CASCADE,
    title       VARCHAR(200)     NOT NULL,
    source_text TEXT             NOT NULL,
    asked       VARCHAR(4000)    NOT NULL,
    tolerance   DOUBLE PRECISION NOT NULL,
    due_at      BIGINT,
    created_at  BIGINT           NOT NULL
);
