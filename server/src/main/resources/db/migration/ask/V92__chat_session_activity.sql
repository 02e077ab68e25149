-- Conversations are listed by last activity, the time of their latest message. updated_at also moves when a session
-- is renamed, which must not bring an old conversation to the top, so activity gets its own column.
ALTER TABLE chat_sessions ADD COLUMN last_message_at TIMESTAMP WITH TIME ZONE;

UPDATE chat_sessions
SET last_message_at = COALESCE(
    (SELECT MAX(m.created_at) FROM chat_messages m WHERE m.session_id = chat_sessions.id),
    created_at);

ALTER TABLE chat_sessions ALTER COLUMN last_message_at SET NOT NULL;

DROP INDEX chat_sessions_owner;

CREATE INDEX chat_sessions_activity ON chat_sessions (org_id, user_id, last_message_at, id);
