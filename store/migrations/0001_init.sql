-- 0001: the whole meeting schema. Times are unix milliseconds (UTC).
CREATE TABLE meeting (
    id           INTEGER PRIMARY KEY CHECK (id = 1),
    title        TEXT    NOT NULL CHECK (length(trim(title)) > 0),
    theme        TEXT    NOT NULL DEFAULT '',
    venue        TEXT    NOT NULL DEFAULT '',
    organiser    TEXT    NOT NULL DEFAULT '',
    place        TEXT    NOT NULL DEFAULT '',
    date         TEXT    NOT NULL DEFAULT '',
    start_time   TEXT    NOT NULL DEFAULT '',
    chair        TEXT    NOT NULL DEFAULT '',
    chair_title  TEXT    NOT NULL DEFAULT '',
    turn_seconds INTEGER NOT NULL DEFAULT 180 CHECK (turn_seconds > 0)
);

CREATE TABLE topics (
    id       INTEGER PRIMARY KEY,
    position INTEGER NOT NULL,
    name     TEXT    NOT NULL CHECK (length(trim(name)) > 0),
    folded   TEXT    NOT NULL UNIQUE
);

CREATE TABLE units (
    id     INTEGER PRIMARY KEY,
    name   TEXT NOT NULL CHECK (length(trim(name)) > 0),
    short  TEXT NOT NULL DEFAULT '',
    kind   TEXT NOT NULL CHECK (kind IN ('leadership','party','front','council','agency','organisation','ward','commune','other')),
    folded TEXT NOT NULL UNIQUE
);

CREATE TABLE groups (
    id       INTEGER PRIMARY KEY,
    position INTEGER NOT NULL DEFAULT 0,
    name     TEXT    NOT NULL CHECK (length(trim(name)) > 0),
    quota    INTEGER NOT NULL DEFAULT 0 CHECK (quota >= 0),
    folded   TEXT    NOT NULL UNIQUE
);

CREATE TABLE delegates (
    id         INTEGER PRIMARY KEY,
    code       TEXT    NOT NULL UNIQUE CHECK (length(code) > 0),
    full_name  TEXT    NOT NULL CHECK (length(trim(full_name)) > 0),
    folded     TEXT    NOT NULL,
    title      TEXT    NOT NULL DEFAULT '',
    unit_id    INTEGER REFERENCES units(id),
    group_id   INTEGER REFERENCES groups(id),
    phone      TEXT    NOT NULL DEFAULT '',
    walk_in    INTEGER NOT NULL DEFAULT 0 CHECK (walk_in IN (0,1)),
    protocol   INTEGER NOT NULL DEFAULT 0,
    sheet_no   INTEGER UNIQUE,
    created_at INTEGER NOT NULL
);
CREATE INDEX delegates_unit ON delegates(unit_id);
CREATE INDEX delegates_group ON delegates(group_id);

-- At most one check-in per delegate: the primary key makes a second desk's
-- simultaneous check-in a no-op rather than a duplicate.
CREATE TABLE checkins (
    delegate_id INTEGER PRIMARY KEY REFERENCES delegates(id) ON DELETE CASCADE,
    at          INTEGER NOT NULL,
    station     TEXT    NOT NULL,
    user        TEXT    NOT NULL DEFAULT ''
);

CREATE TABLE agenda_items (
    id              INTEGER PRIMARY KEY,
    position        INTEGER NOT NULL,
    kind            TEXT    NOT NULL CHECK (kind IN ('performance','introduction','speech','briefing','dialogue','break','conclusion','closing','other')),
    title           TEXT    NOT NULL CHECK (length(trim(title)) > 0),
    presenter       TEXT    NOT NULL DEFAULT '',
    planned_minutes INTEGER NOT NULL CHECK (planned_minutes >= 0),
    started_at      INTEGER,
    ended_at        INTEGER,
    skipped         INTEGER NOT NULL DEFAULT 0 CHECK (skipped IN (0,1)),
    CHECK (ended_at IS NULL OR started_at IS NOT NULL)
);

CREATE TABLE speakers (
    id            INTEGER PRIMARY KEY,
    item_id       INTEGER NOT NULL REFERENCES agenda_items(id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    delegate_id   INTEGER REFERENCES delegates(id),
    name          TEXT    NOT NULL CHECK (length(trim(name)) > 0),
    unit_name     TEXT    NOT NULL DEFAULT '',
    limit_seconds INTEGER NOT NULL CHECK (limit_seconds > 0),
    started_at    INTEGER,
    ended_at      INTEGER,
    removed       INTEGER NOT NULL DEFAULT 0 CHECK (removed IN (0,1))
);
CREATE INDEX speakers_item ON speakers(item_id, position);

CREATE TABLE petitions (
    id              INTEGER PRIMARY KEY,
    no              INTEGER NOT NULL,
    topic           TEXT    NOT NULL DEFAULT '',
    text            TEXT    NOT NULL CHECK (length(trim(text)) > 0),
    delegate_id     INTEGER REFERENCES delegates(id),
    source_unit_id  INTEGER REFERENCES units(id),
    agency_id       INTEGER REFERENCES units(id),
    prepared_answer TEXT    NOT NULL DEFAULT '',
    folded          TEXT    NOT NULL
);

CREATE TABLE questions (
    id          INTEGER PRIMARY KEY,
    item_id     INTEGER REFERENCES agenda_items(id),
    speaker_id  INTEGER REFERENCES speakers(id),
    asked_at    INTEGER NOT NULL,
    delegate_id INTEGER REFERENCES delegates(id),
    asker_name  TEXT    NOT NULL CHECK (length(trim(asker_name)) > 0),
    asker_unit  TEXT    NOT NULL DEFAULT '',
    topic       TEXT    NOT NULL DEFAULT '',
    text        TEXT    NOT NULL CHECK (length(trim(text)) > 0),
    petition_id INTEGER REFERENCES petitions(id)
);
CREATE INDEX questions_item ON questions(item_id, asked_at);

-- A written answer must name the agency that owes it and the due date; the
-- schema refuses it otherwise, whatever the form did.
CREATE TABLE answers (
    id                 INTEGER PRIMARY KEY,
    question_id        INTEGER NOT NULL REFERENCES questions(id) ON DELETE CASCADE,
    position           INTEGER NOT NULL,
    person             TEXT    NOT NULL CHECK (length(trim(person)) > 0),
    agency_id          INTEGER REFERENCES units(id),
    summary            TEXT    NOT NULL DEFAULT '',
    outcome            TEXT    NOT NULL CHECK (outcome IN ('spot','written','referred','noted')),
    followup_agency_id INTEGER REFERENCES units(id),
    due_date           TEXT,
    CHECK (outcome <> 'written' OR (followup_agency_id IS NOT NULL AND due_date IS NOT NULL AND length(due_date) = 10))
);
CREATE INDEX answers_question ON answers(question_id, position);

-- Drafts of forms being typed, saved every second so kill -9 loses nothing.
CREATE TABLE drafts (
    key        TEXT PRIMARY KEY,
    body       TEXT    NOT NULL,
    updated_at INTEGER NOT NULL
);

CREATE TABLE audit (
    id        INTEGER PRIMARY KEY,
    at        INTEGER NOT NULL,
    station   TEXT    NOT NULL,
    user      TEXT    NOT NULL DEFAULT '',
    action    TEXT    NOT NULL,
    entity    TEXT    NOT NULL,
    entity_id INTEGER,
    before    TEXT,
    after     TEXT
);
CREATE INDEX audit_entity ON audit(entity, entity_id);
