package io.datamind.org;

import java.util.UUID;

public record MemberAdded(UUID orgId, UUID actorId, UUID memberId, String email, Role role) {}
