-- Portable SQL (H2 and PostgreSQL). The reporting cadence a commitment names (MONTHLY, QUARTERLY, AT_DEADLINE);
-- NULL: the reminder policy's default. The body keeps it too; the column lets the cadence be queried.

ALTER TABLE commitment ADD COLUMN cadence VARCHAR(20);
