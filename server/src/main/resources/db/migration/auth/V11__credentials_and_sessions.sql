-- Password hashes live apart from the member record: only sign-in reads them.
CREATE TABLE credentials (
    user_id UUID NOT NULL PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    org_id UUID NOT NULL,
    password_hash VARCHAR(255) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One family per sign-in: every refresh token rotated from it, and the access tokens issued with them (claim sid).
-- Revoking the family ends the whole session at once.
CREATE TABLE refresh_families (
    id UUID NOT NULL PRIMARY KEY,
    org_id UUID NOT NULL,
    user_id UUID NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at TIMESTAMP WITH TIME ZONE,
    revoke_reason VARCHAR(32)
);
CREATE INDEX ix_refresh_families_user ON refresh_families (user_id);
CREATE INDEX ix_refresh_families_revoked ON refresh_families (revoked_at);

-- Refresh tokens are kept only as SHA-256 hashes; spent_at marks a rotated token, whose reuse revokes the family.
CREATE TABLE refresh_tokens (
    token_hash VARCHAR(64) NOT NULL PRIMARY KEY,
    family_id UUID NOT NULL REFERENCES refresh_families (id) ON DELETE CASCADE,
    org_id UUID NOT NULL,
    user_id UUID NOT NULL,
    issued_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    spent_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_refresh_tokens_family ON refresh_tokens (family_id);
CREATE INDEX ix_refresh_tokens_expires ON refresh_tokens (expires_at);

-- Access tokens revoked before they expire (logout). The source of truth; Redis only caches it.
CREATE TABLE revoked_tokens (
    jti UUID NOT NULL PRIMARY KEY,
    org_id UUID NOT NULL,
    user_id UUID NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_revoked_tokens_expires ON revoked_tokens (expires_at);
