-- Customer database connections. The password is stored encrypted (CredentialCipher, context
-- connection:<id>:password); managed rows (the built-in Sample Sales) point outside the file root and cannot be edited.
CREATE TABLE connections (
    id            UUID PRIMARY KEY,
    org_id        UUID NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    name          VARCHAR(200) NOT NULL,
    type          VARCHAR(20) NOT NULL,
    host          VARCHAR(255),
    port          BIGINT,
    database_name VARCHAR(255),
    username      VARCHAR(255),
    password_enc  TEXT,
    ssl_mode      VARCHAR(20),
    properties    TEXT NOT NULL,
    file_path     VARCHAR(1024),
    managed       BOOLEAN NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT connections_org_name UNIQUE (org_id, name)
);

CREATE INDEX connections_org ON connections (org_id);
