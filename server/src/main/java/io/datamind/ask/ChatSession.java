package io.datamind.ask;

import java.time.Instant;
import java.util.UUID;

/**
 * A conversation of one member with one connection, as the sessions list shows it.
 *
 * @param updatedAt the last change of any kind: a new message or a rename
 * @param lastMessageAt the time of the latest message, by which the list is sorted (a rename leaves it alone)
 */
record ChatSession(
        UUID id, UUID connectionId, String title, Instant createdAt, Instant updatedAt, Instant lastMessageAt) {}
