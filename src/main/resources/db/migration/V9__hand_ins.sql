-- A hand-in freezes the copy's text as it was (the revision it was then); handing in again replaces it.
CREATE TABLE hand_in (
    assignment_id VARCHAR(16) NOT NULL REFERENCES assignment (id) ON DELETE CASCADE,
    student_id    VARCHAR(16) NOT NULL REFERENCES app_user (id),
    sheet_id      VARCHAR(16) NOT NULL,
    revision      BIGINT      NOT NULL,
    content       TEXT        NOT NULL,
    handed_in_at  BIGINT      NOT NULL,
    late          BOOLEAN     NOT NULL,
    PRIMARY KEY (assignment_id, student_id)
);
