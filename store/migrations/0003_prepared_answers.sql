-- The weeks before the day. Each petition's prepared answer is tracked:
-- when its agency was asked, the deadline, when the answer arrived (dates
-- YYYY-MM-DD, '' = not yet). Units carry the contact person the office
-- calls (the Chairman's briefing lists them). An agenda item carries the
-- MC's words when the moderator has changed them ('' = the template).
ALTER TABLE petitions ADD COLUMN asked_on TEXT NOT NULL DEFAULT '' CHECK (asked_on = '' OR length(asked_on) = 10);
ALTER TABLE petitions ADD COLUMN due_on TEXT NOT NULL DEFAULT '' CHECK (due_on = '' OR length(due_on) = 10);
ALTER TABLE petitions ADD COLUMN received_on TEXT NOT NULL DEFAULT '' CHECK (received_on = '' OR length(received_on) = 10);
ALTER TABLE units ADD COLUMN contact_name TEXT NOT NULL DEFAULT '';
ALTER TABLE units ADD COLUMN contact_phone TEXT NOT NULL DEFAULT '';
ALTER TABLE agenda_items ADD COLUMN mc_words TEXT NOT NULL DEFAULT '';
