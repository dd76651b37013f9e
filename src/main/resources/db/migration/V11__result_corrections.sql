-- A result may correct an earlier one of the same commitment (a wrong figure): the earlier one stays stored and
-- listed, marked corrected, and stops counting once the correction's date is reached.
ALTER TABLE result ADD COLUMN corrects BIGINT;
ALTER TABLE result ADD COLUMN reason VARCHAR;
