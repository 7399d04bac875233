-- After the day: the follow-up register (sổ theo dõi). Obligations are not
-- stored: they are derived on read from the answers, petitions and carried
-- items, each under a stable key ('a12' answer 12, 'p3' petition 3, 'c7'
-- carried item 7). What the office records against a key is stored here:
-- the written answers received (receipts) and the extensions (gia hạn).
-- Each keeps the obligation as it stood when recorded (basis: agency and
-- due date), so a later edit of the answer in the qa station shows as a
-- change instead of silently moving the record. Nothing is deleted:
-- undoing voids the row (audited), and voiding again restores it.

-- Day counts use the meeting's calendar: minutes east of UTC (Vietnam
-- +07:00 = 420, no summer time), whatever the machine's own zone.
ALTER TABLE meeting ADD COLUMN utc_offset INTEGER NOT NULL DEFAULT 420 CHECK (utc_offset BETWEEN -720 AND 840);

-- An obligation still open in the previous meeting's register, carried
-- into this one by `init --carry-from` ("từ kỳ trước"). A question of
-- this meeting may be linked to it (raised again).
CREATE TABLE carried (
    id          INTEGER PRIMARY KEY,
    origin      TEXT    NOT NULL,             -- the previous meeting's title
    origin_day  TEXT    NOT NULL,             -- the day it was held, YYYY-MM-DD
    origin_key  TEXT    NOT NULL,             -- the obligation's key there
    kind        TEXT    NOT NULL CHECK (kind IN ('written','referred','petition')),
    agency_id   INTEGER REFERENCES units(id),
    topic       TEXT    NOT NULL DEFAULT '',
    asker       TEXT    NOT NULL DEFAULT '',
    text        TEXT    NOT NULL CHECK (length(trim(text)) > 0),
    said        TEXT    NOT NULL DEFAULT '',  -- what was answered at that meeting
    due         TEXT    NOT NULL CHECK (length(due) = 10),
    history     TEXT    NOT NULL DEFAULT '',  -- its receipts and extensions there, one per line
    question_id INTEGER REFERENCES questions(id),
    UNIQUE (origin_day, origin_key)
);

CREATE TABLE receipts (
    id           INTEGER PRIMARY KEY,
    obligation   TEXT    NOT NULL,
    doc_no       TEXT    NOT NULL CHECK (length(trim(doc_no)) > 0),
    doc_key      TEXT    NOT NULL,            -- docno.Key(doc_no) || '@' || year
    doc_date     TEXT    NOT NULL CHECK (length(doc_date) = 10),
    agency_id    INTEGER REFERENCES units(id),
    signer       TEXT    NOT NULL DEFAULT '',
    summary      TEXT    NOT NULL DEFAULT '',
    result       TEXT    NOT NULL CHECK (result IN ('settled','answered','further','forwarded')),
    next_due     TEXT    NOT NULL DEFAULT '' CHECK (next_due = '' OR length(next_due) = 10),
    forwarded_to TEXT    NOT NULL DEFAULT '',
    file_name    TEXT    NOT NULL DEFAULT '', -- in the attachments folder beside the meeting
    file_sha256  TEXT    NOT NULL DEFAULT '',
    file_size    INTEGER NOT NULL DEFAULT 0,
    file_orig    TEXT    NOT NULL DEFAULT '', -- the name it had when attached
    basis_agency INTEGER,
    basis_due    TEXT    NOT NULL DEFAULT '',
    created_at   INTEGER NOT NULL,
    voided       INTEGER NOT NULL DEFAULT 0 CHECK (voided IN (0,1)),
    CHECK (result <> 'further' OR next_due <> '')
);
CREATE INDEX receipts_obligation ON receipts(obligation);
CREATE INDEX receipts_doc ON receipts(doc_key);

CREATE TABLE extensions (
    id           INTEGER PRIMARY KEY,
    obligation   TEXT    NOT NULL,
    new_due      TEXT    NOT NULL CHECK (length(new_due) = 10),
    reason       TEXT    NOT NULL CHECK (length(trim(reason)) > 0),
    basis_agency INTEGER,
    basis_due    TEXT    NOT NULL DEFAULT '',
    created_at   INTEGER NOT NULL,
    voided       INTEGER NOT NULL DEFAULT 0 CHECK (voided IN (0,1))
);
CREATE INDEX extensions_obligation ON extensions(obligation);
