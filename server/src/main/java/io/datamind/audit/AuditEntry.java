package io.datamind.audit;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/** One audit log entry; {@code details} is a JSON object. */
record AuditEntry(
        UUID id,
        String action,
        UUID userId,
        String userEmail,
        String targetType,
        String targetId,
        String ip,
        String userAgent,
        String requestId,

        @JsonRawValue
        @Schema(type = "object", types = "object", description = "Extra facts of the action, a JSON object")
        String details,

        Instant createdAt) {}
