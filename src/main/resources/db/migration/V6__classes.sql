-- A teacher's class: students join it with its code (or its join link, which carries the code).
CREATE TABLE class_room (
    id         VARCHAR(16)  PRIMARY KEY,
    name       VARCHAR(100) NOT NULL,
    code       VARCHAR(12)  NOT NULL UNIQUE,
    teacher_id VARCHAR(16)  NOT NULL REFERENCES app_user (id),
    created_at BIGINT       NOT NULL
);

CREATE TABLE membership (
    class_id  VARCHAR(16) NOT NULL REFERENCES class_room (id) ON DELETE CASCADE,
    user_id   VARCHAR(16) NOT NULL REFERENCES app_user (id),
    joined_at BIGINT      NOT NULL,
    PRIMARY KEY (class_id, user_id)
);
