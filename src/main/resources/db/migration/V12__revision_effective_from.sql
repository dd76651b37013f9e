-- The date from which a revision applies (a 延期 may be decided now for a deadline already past); null for the
-- first revision, which applies from the start. Evaluations as of a date use the revision in force on it.
ALTER TABLE commitment_revision ADD COLUMN effective_from DATE;
