package dev.orgplatform.org.service;

import java.util.UUID;

/** A subtree moved (or, for a dry run, that would move) from {@code previousParentId} under {@code newParentId}. */
public record Move(UUID organizationId, UUID previousParentId, UUID newParentId, boolean dryRun, Subtree subtree) {
}
