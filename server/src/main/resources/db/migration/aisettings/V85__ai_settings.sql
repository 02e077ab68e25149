-- An organization's own choice of AI provider; without a row it uses the instance defaults. NULL model or base_url
-- means the instance default of that provider. api_key_enc is AES-256-GCM under the master key (see
-- CredentialCipher), never the key itself.
CREATE TABLE ai_settings (
    org_id UUID NOT NULL PRIMARY KEY REFERENCES organizations (id) ON DELETE CASCADE,
    provider VARCHAR(20) NOT NULL,
    model VARCHAR(200),
    base_url VARCHAR(2000),
    api_key_enc TEXT,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
