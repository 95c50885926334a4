package dev.orgplatform.user.apikey.rest;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code expiresIn}: days, as {@code 90d}; absent = 90 days or the organization's cap if lower. */
public record CreateApiKeyRequest(
        @NotBlank @Size(max = 100) String name,
        @NotEmpty @Size(max = 20) List<@NotBlank @Pattern(regexp = "read|write|[a-z-]+:[a-z-]+",
                message = "must be read, write or a permission name such as device:read") String> scopes,
        @Pattern(regexp = "[1-9][0-9]{0,4}d", message = "must be a number of days such as 90d") String expiresIn) {
}
