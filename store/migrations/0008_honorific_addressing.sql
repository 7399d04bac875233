-- 0008. Delegates are addressed Ông or Bà ("Kính gửi: Bà Nguyễn Thị Hoa"); ''
-- is not known. Those already on file are proposed from the middle name
-- as imports do ("Thị" → Bà, "Văn" → Ông); setup corrects the rest.
ALTER TABLE delegates ADD COLUMN honorific TEXT NOT NULL DEFAULT '' CHECK (honorific IN ('', 'Ông', 'Bà'));
UPDATE delegates SET honorific = 'Bà' WHERE ' ' || folded || ' ' LIKE '_% thi %_';
UPDATE delegates SET honorific = 'Ông' WHERE honorific = '' AND ' ' || folded || ' ' LIKE '_% van %_';

-- How the conclusion notice gives a unit its task: 'assign' ("Giao …",
-- the People's Committee's own offices and communes) or 'request' ("Đề
-- nghị …", bodies outside it: banks, BHXH, the Front, mass organisations,
-- Party boards). '' follows the unit's kind.
ALTER TABLE units ADD COLUMN addressing TEXT NOT NULL DEFAULT '' CHECK (addressing IN ('', 'assign', 'request'));
