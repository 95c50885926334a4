package dev.orgplatform.org.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A logo: its media type ({@code image/png}, {@code image/jpeg} or {@code image/svg+xml}) and the image in base64
 * (at most 512 KB once decoded, so at most 699,052 characters).
 */
public record LogoRequest(@NotBlank @Size(max = 40) String mediaType, @NotBlank @Size(max = 699_052) String data) {
}
