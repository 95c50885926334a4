package dev.orgplatform.user.session.rest;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record MemberSuspensionRequest(@NotNull UUID userId, @NotBlank @Size(max = 500) String reason) {
}
