-- Embeddings of a connection's tables and columns, computed in the background after each schema sync and read by
-- the schema selector. item_key is "t:<schema.table>" or "c:<schema.table>.<column>"; text_hash is the SHA-256 of
-- the model id and the embedded text, so a sync recomputes only what changed. vector holds float32 values,
-- little-endian.
CREATE TABLE schema_embeddings (
    connection_id UUID NOT NULL REFERENCES connections (id) ON DELETE CASCADE,
    org_id        UUID NOT NULL,
    item_key      VARCHAR(1024) NOT NULL,
    text_hash     VARCHAR(64) NOT NULL,
    vector        BYTEA NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (connection_id, item_key)
);

CREATE INDEX schema_embeddings_org ON schema_embeddings (org_id);
