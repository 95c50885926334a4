package dev.orgplatform.platform.rest;

import dev.orgplatform.platform.problem.ProblemException;

/**
 * Optimistic concurrency over HTTP: a resource's version is its ETag; an update must send it back in
 * {@code If-Match} and is refused with 412 when someone changed the resource in between.
 */
public final class Versions {

    private Versions() {
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** Fails with 428 without {@code If-Match}, 412 when it names another version than {@code current}. */
    public static void requireMatch(String ifMatch, long current) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(428, "Precondition required", "send the ETag you read in If-Match to update");
        }
        String expected = etag(current);
        for (String candidate : ifMatch.split(",")) {
            String c = candidate.trim().replaceFirst("^W/", "");
            if (c.equals(expected) || c.equals("*")) {
                return;
            }
        }
        throw new ProblemException(412, "Precondition failed", "the resource changed since you read it (now " + expected
                + "); read it again and retry");
    }
}
