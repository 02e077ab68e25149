-- Conventions for every table: UUID primary keys, org_id on every org-owned row, created_at/updated_at in UTC
-- (TIMESTAMP WITH TIME ZONE), and an index for every hot lookup. Migrations run unchanged on H2 (PostgreSQL
-- mode) and PostgreSQL, so use only the SQL both accept.

-- Locks for scheduled jobs, so each runs once across replicas (ShedLock's JDBC layout).
CREATE TABLE shedlock (
    name VARCHAR(64) NOT NULL PRIMARY KEY,
    lock_until TIMESTAMP WITH TIME ZONE NOT NULL,
    locked_at TIMESTAMP WITH TIME ZONE NOT NULL,
    locked_by VARCHAR(255) NOT NULL
);
