package dev.orgplatform.org.service;

/** A replacement of an organization's own colour and mail display name (null: none of its own; the logo stays). */
public record BrandingChange(String primaryColor, String mailDisplayName) {
}
