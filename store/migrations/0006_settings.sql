-- Settings of the meeting file that are not part of the meeting itself,
-- such as where it is replicated. meeting_id names the meeting for as long
-- as it lives (a backup or a replica keeps it); file_id names this copy of
-- it and is renewed by a takeover, so a replica folder is never fed by two
-- live copies of one meeting.
CREATE TABLE settings (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO settings(key, value) VALUES ('meeting_id', lower(hex(randomblob(16))));
INSERT INTO settings(key, value) VALUES ('file_id', lower(hex(randomblob(16))));
