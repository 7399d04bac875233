-- Apologies (báo vắng): an invited delegate's notice that she will not
-- come, with the reason and who comes instead. substitute_name is the
-- name as the office heard it on the phone; substitute_id links the
-- delegate who stands in once there is one (someone on the list, or the
-- person the desk registered when she arrived). One apology per delegate;
-- a delegate stands in for at most one.
CREATE TABLE apologies (
    delegate_id      INTEGER PRIMARY KEY REFERENCES delegates(id),
    reason           TEXT    NOT NULL DEFAULT '',
    substitute_name  TEXT    NOT NULL DEFAULT '',
    substitute_title TEXT    NOT NULL DEFAULT '',
    substitute_id    INTEGER UNIQUE REFERENCES delegates(id),
    noted_at         INTEGER NOT NULL,
    CHECK (substitute_id IS NULL OR substitute_id <> delegate_id)
);
