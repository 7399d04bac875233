-- Who signs what the meeting issues, and who keeps the record: the
-- secretary of the minutes; the notice's signer (the chair himself, or
-- KT./TL. with another's name and title); the office that drafts the
-- notice and follows up its tasks ("Lưu: VT, NV."); and the secretary's
-- "Đánh giá chung" paragraph of the conclusion notice.
ALTER TABLE meeting ADD COLUMN secretary TEXT NOT NULL DEFAULT '';
ALTER TABLE meeting ADD COLUMN secretary_title TEXT NOT NULL DEFAULT '';
ALTER TABLE meeting ADD COLUMN sign_as TEXT NOT NULL DEFAULT '' CHECK (sign_as IN ('', 'KT', 'TL'));
ALTER TABLE meeting ADD COLUMN signer TEXT NOT NULL DEFAULT '';
ALTER TABLE meeting ADD COLUMN signer_title TEXT NOT NULL DEFAULT '';
ALTER TABLE meeting ADD COLUMN office TEXT NOT NULL DEFAULT '';
ALTER TABLE meeting ADD COLUMN office_code TEXT NOT NULL DEFAULT '';
ALTER TABLE meeting ADD COLUMN assessment TEXT NOT NULL DEFAULT '';
