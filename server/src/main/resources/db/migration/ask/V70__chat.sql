-- Conversations with a connection. A session belongs to the member who started it; nobody else in the
-- organization sees it.
CREATE TABLE chat_sessions (
    id            UUID PRIMARY KEY,
    org_id        UUID NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    user_id       UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    connection_id UUID NOT NULL REFERENCES connections (id) ON DELETE CASCADE,
    title         VARCHAR(200) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX chat_sessions_owner ON chat_sessions (org_id, user_id, updated_at);

-- One question and its answer. Lists (columns, preview rows, follow-ups), the chart and the timings are JSON text;
-- result_summary is the short description the next question's prompt carries.
CREATE TABLE chat_messages (
    id                      UUID PRIMARY KEY,
    session_id              UUID NOT NULL REFERENCES chat_sessions (id) ON DELETE CASCADE,
    org_id                  UUID NOT NULL,
    connection_id           UUID NOT NULL,
    question                TEXT NOT NULL,
    status                  VARCHAR(20) NOT NULL,
    message                 TEXT,
    sql_text                TEXT,
    reasoning               TEXT,
    columns_json            TEXT NOT NULL,
    rows_json               TEXT NOT NULL,
    row_count               BIGINT NOT NULL,
    truncated               BOOLEAN NOT NULL,
    chart_json              TEXT,
    analysis                TEXT,
    follow_ups_json         TEXT NOT NULL,
    sql_input_tokens        BIGINT NOT NULL,
    sql_output_tokens       BIGINT NOT NULL,
    analysis_input_tokens   BIGINT NOT NULL,
    analysis_output_tokens  BIGINT NOT NULL,
    timings_json            TEXT NOT NULL,
    attempts                INTEGER NOT NULL,
    provider                VARCHAR(40),
    model                   VARCHAR(200),
    result_summary          TEXT,
    feedback_rating         VARCHAR(10),
    feedback_comment        TEXT,
    created_at              TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX chat_messages_session_created ON chat_messages (session_id, created_at);

-- Question and SQL pairs a member confirmed (thumbs up), shared by the organization for that connection: the most
-- similar go into the prompt as examples, and the same question again reuses the SQL without a model.
CREATE TABLE verified_examples (
    id                  UUID PRIMARY KEY,
    org_id              UUID NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    connection_id       UUID NOT NULL REFERENCES connections (id) ON DELETE CASCADE,
    question            TEXT NOT NULL,
    normalized_question TEXT NOT NULL,
    normalized_hash     VARCHAR(64) NOT NULL,
    sql_text            TEXT NOT NULL,
    source_message_id   UUID,
    created_by          UUID,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT verified_examples_question UNIQUE (connection_id, normalized_hash)
);

CREATE INDEX verified_examples_org_connection ON verified_examples (org_id, connection_id, created_at);
