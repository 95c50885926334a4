package dev.orgplatform.user.session.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record SuspensionRequest(@NotBlank @Size(max = 500) String reason) {
}
