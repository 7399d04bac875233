-- Back remembers the times it undid (the start of the item it returned to
-- not started, the end of the item it reopened, and when), so that n
-- pressed straight after b puts them back: b then n is a slip undone, not
-- a new start and a moved end in the record.
ALTER TABLE agenda_items ADD COLUMN prior_start INTEGER;
ALTER TABLE agenda_items ADD COLUMN prior_end INTEGER;
ALTER TABLE agenda_items ADD COLUMN backed_at INTEGER;
