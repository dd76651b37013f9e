-- The district feed of status changes (GET /api/decisions) reads the newest changes since a time.
CREATE INDEX decision_recorded ON decision (recorded_at, seq);
