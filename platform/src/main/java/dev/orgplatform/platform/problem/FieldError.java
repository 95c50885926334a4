package dev.orgplatform.platform.problem;

/** One rejected input: which field (a JSON path such as {@code region} or {@code teams[0]}) and why. */
public record FieldError(String field, String message) {
}
