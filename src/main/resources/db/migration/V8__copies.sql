-- Each student's own copy of an assignment: a sheet of their own, reopened on every return.
CREATE TABLE assignment_copy (
    assignment_id VARCHAR(16) NOT NULL REFERENCES assignment (id) ON DELETE CASCADE,
    student_id    VARCHAR(16) NOT NULL REFERENCES app_user (id),
    sheet_id      VARCHAR(16) NOT NULL UNIQUE,
    created_at    BIGINT      NOT NULL,
    last_activity BIGINT      NOT NULL,
    PRIMARY KEY (assignment_id, student_id)
);

-- What the dashboard counts per asked number of a copy: answers typed and hints asked for.
CREATE TABLE copy_activity (
    sheet_id VARCHAR(16)  NOT NULL,
    target   VARCHAR(200) NOT NULL,
    attempts INT          NOT NULL,
    hints    INT          NOT NULL,
    PRIMARY KEY (sheet_id, target)
);
