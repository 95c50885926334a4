package dev.orgplatform.org.rest;

import java.util.UUID;

/** The moved subtree as it is (or, for a dry run, would be) after the move. */
public record MoveResponse(UUID organizationId, UUID previousParentId, UUID newParentId, boolean dryRun, TreeNode subtree) {
}
