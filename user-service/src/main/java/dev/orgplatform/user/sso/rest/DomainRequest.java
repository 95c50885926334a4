package dev.orgplatform.user.sso.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record DomainRequest(@NotBlank @Size(max = 253) String domain) {
}
