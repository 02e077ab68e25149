package io.datamind.org;

import java.util.UUID;

/** Published inside the removing transaction, so the member's sessions end together with the membership. */
public record MemberRemoved(UUID orgId, UUID actorId, UUID memberId, String email, Role role) {}
