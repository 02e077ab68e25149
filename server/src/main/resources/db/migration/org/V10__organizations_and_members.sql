-- Tenants and the people in them. A user belongs to exactly one organization, so an email is unique overall and
-- sign-in needs no organization to be chosen.
CREATE TABLE organizations (
    id UUID NOT NULL PRIMARY KEY,
    name VARCHAR(200) NOT NULL,
    slug VARCHAR(40) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX ux_organizations_slug ON organizations (slug);

CREATE TABLE users (
    id UUID NOT NULL PRIMARY KEY,
    org_id UUID NOT NULL REFERENCES organizations (id),
    email VARCHAR(254) NOT NULL,
    full_name VARCHAR(200) NOT NULL,
    role VARCHAR(16) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
-- Emails are stored lower-cased, so this is a case-insensitive uniqueness.
CREATE UNIQUE INDEX ux_users_email ON users (email);
CREATE INDEX ix_users_org_created ON users (org_id, created_at);
