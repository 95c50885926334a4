package dev.orgplatform.org.rest;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

public record TransferOwnershipRequest(@NotNull UUID newOwnerId) {
}
