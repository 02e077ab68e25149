-- Append-only record of security-relevant actions. No foreign keys: an entry outlives the user or organization it
-- names, and user_email keeps who it was.
CREATE TABLE audit_log (
    id UUID NOT NULL PRIMARY KEY,
    org_id UUID,
    user_id UUID,
    user_email VARCHAR(254),
    action VARCHAR(64) NOT NULL,
    target_type VARCHAR(64),
    target_id VARCHAR(128),
    ip VARCHAR(64),
    user_agent VARCHAR(512),
    request_id VARCHAR(64),
    details TEXT NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_audit_log_org_created ON audit_log (org_id, created_at);
CREATE INDEX ix_audit_log_org_action ON audit_log (org_id, action, created_at);
