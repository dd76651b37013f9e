-- Review of reported results by a 督办 officer: SUBMITTED when reported, then APPROVED or RETURNED (with a reason).
-- Results stored before review existed were never checked by anyone, so they stay SUBMITTED.
ALTER TABLE result ADD COLUMN review VARCHAR(10) DEFAULT 'SUBMITTED' NOT NULL;
ALTER TABLE result ADD COLUMN reviewed_by VARCHAR;
ALTER TABLE result ADD COLUMN reviewed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE result ADD COLUMN review_reason VARCHAR;
