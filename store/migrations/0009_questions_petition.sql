-- 0009. The questions raising a petition are found by index: the register
-- counted them for each petition by reading every question (10,000
-- obligations took seconds to reload), and a receipt against a petition
-- read them all to see whether it was settled. Partial: questions not
-- raising a petition (most) cost nothing more to insert.
CREATE INDEX questions_petition ON questions(petition_id) WHERE petition_id IS NOT NULL;
