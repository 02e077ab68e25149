-- Organization-defined words for a connection's schema ("clients" means the customers table), one JSON document
-- per connection: an array of {"term", "meaning"} in the order the admin gave them.
CREATE TABLE glossaries (
    connection_id UUID PRIMARY KEY REFERENCES connections (id) ON DELETE CASCADE,
    org_id        UUID NOT NULL,
    terms         TEXT NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by    UUID
);

CREATE INDEX glossaries_org ON glossaries (org_id);
