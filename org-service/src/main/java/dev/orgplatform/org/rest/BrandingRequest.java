package dev.orgplatform.org.rest;

import jakarta.validation.constraints.Size;

/** The organization's own colour ({@code #rrggbb}) and the name its mails are sent under; null or blank: none of its own. */
public record BrandingRequest(@Size(max = 7) String primaryColor, @Size(max = 100) String mailDisplayName) {
}
