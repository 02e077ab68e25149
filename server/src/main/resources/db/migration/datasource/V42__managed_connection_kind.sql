-- Which built-in connection a managed row is: 'sample' (Sample Sales) or 'uploads' (the organization's own DuckDB
-- database of uploaded files, under <data-dir>/uploads/<org id>/). NULL for connections people add. At most one of
-- each kind per organization (NULLs are distinct in a unique index, on H2 and PostgreSQL alike).
ALTER TABLE connections ADD COLUMN managed_kind VARCHAR(20);

UPDATE connections SET managed_kind = 'sample' WHERE managed = TRUE;

CREATE UNIQUE INDEX connections_org_managed_kind ON connections (org_id, managed_kind);
