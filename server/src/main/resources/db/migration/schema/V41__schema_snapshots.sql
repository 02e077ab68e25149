-- The latest discovered schema of each connection, as one JSON document replaced in one transaction. status and
-- error describe the last sync; a failed sync keeps the previous snapshot.
CREATE TABLE schema_snapshots (
    connection_id UUID PRIMARY KEY REFERENCES connections (id) ON DELETE CASCADE,
    org_id        UUID NOT NULL,
    status        VARCHAR(20) NOT NULL,
    error         TEXT,
    table_count   BIGINT NOT NULL,
    snapshot      TEXT,
    discovered_at TIMESTAMP WITH TIME ZONE,
    synced_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX schema_snapshots_org ON schema_snapshots (org_id);
