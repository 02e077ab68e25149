package io.datamind.ask;

import java.util.UUID;

/** A question and the SQL a member confirmed answers it, on one connection. */
record VerifiedExample(UUID id, String question, String sql) {}
