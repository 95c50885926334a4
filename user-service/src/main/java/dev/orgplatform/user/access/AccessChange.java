package dev.orgplatform.user.access;

/** One row of the change feed: the fact as it is after the change (or as it was, when {@code deleted}). */
public record AccessChange(long id, boolean deleted, AccessFact fact) {
}
