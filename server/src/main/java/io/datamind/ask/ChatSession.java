package io.datamind.ask;

import java.time.Instant;
import java.util.UUID;

/** A conversation of one member with one connection, as the sessions list shows it. */
record ChatSession(UUID id, UUID connectionId, String title, Instant createdAt, Instant updatedAt) {}
