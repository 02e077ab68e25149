package io.datamind.org;

import java.util.UUID;

public record OwnershipTransferred(UUID orgId, UUID previousOwnerId, UUID newOwnerId) {}
