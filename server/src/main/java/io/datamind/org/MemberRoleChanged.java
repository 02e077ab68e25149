package io.datamind.org;

import java.util.UUID;

public record MemberRoleChanged(UUID orgId, UUID actorId, UUID memberId, Role from, Role to) {}
