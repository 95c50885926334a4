package dev.orgplatform.org.rest;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/** Move a subtree under {@code newParentId} (same root tree); {@code dryRun} only previews the result. */
public record MoveRequest(@NotNull UUID newParentId, boolean dryRun) {
}
