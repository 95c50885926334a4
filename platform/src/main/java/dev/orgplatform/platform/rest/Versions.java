package dev.orgplatform.platform.rest;

import java.net.URI;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;

import dev.orgplatform.platform.problem.ProblemException;

/**
 * Optimistic concurrency over HTTP: a resource's version is its ETag; an update must send it back in
 * {@code If-Match} and is refused with 412 when someone changed the resource in between. The one place that
 * turns a version into an ETag.
 */
public final class Versions {

    private Versions() {
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    public static EntityTag entityTag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** 200 with {@code entity} and its version as ETag. */
    public static Response ok(Object entity, long version) {
        return Response.ok(entity).tag(entityTag(version)).build();
    }

    /** 201 at {@code location} with {@code entity} and its version as ETag. */
    public static Response created(URI location, Object entity, long version) {
        return Response.created(location).entity(entity).tag(entityTag(version)).build();
    }

    /** 428 before anything else is done when an update comes without If-Match (the version is compared later). */
    public static void requirePresent(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(428, "Precondition required", "send the ETag you read in If-Match to update");
        }
    }

    /**
     * Fails with 428 without {@code If-Match}, 412 when it names another version than {@code current}. The version
     * without its quotes ({@code If-Match: 1}) is taken too: people type it so, and it can mean nothing else.
     */
    public static void requireMatch(String ifMatch, long current) {
        requirePresent(ifMatch);
        String expected = etag(current);
        for (String candidate : ifMatch.split(",")) {
            String c = candidate.trim().replaceFirst("^W/", "");
            if (c.equals(expected) || c.equals(Long.toString(current)) || c.equals("*")) {
                return;
            }
        }
        throw new ProblemException(412, "Precondition failed", "the resource changed since you read it: you sent If-Match "
                + ifMatch.trim() + ", it is now at ETag " + expected + "; read it again and retry");
    }
}
