package dev.orgplatform.platform.rest;

import java.util.Locale;
import java.util.Set;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import dev.orgplatform.platform.problem.ProblemException;

/**
 * What every request must look like before any resource sees it, answered as problems: a request line no longer than
 * {@link #MAX_URI_LENGTH} (414; the HTTP server itself refuses lines beyond {@code quarkus.http.limits.max-initial-line-length}
 * without a body), a body, where there is one, of JSON (415), and an answer in JSON acceptable to the client (406:
 * without it, a resource that declares no media type would answer {@code Accept: application/xml} with a Java
 * object's {@code toString()}).
 */
public class RequestFormatFilter {

    /** Far beyond any URI this API makes (a cursor is at most 1,024 characters). */
    static final int MAX_URI_LENGTH = 8_192;
    private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Set<String> JSON = Set.of("application/json");
    /** The one kind of resource that answers an image (an organization's logo), or a problem in JSON. */
    private static final String IMAGE_PATH_SUFFIX = "/branding/logo";
    private static final Set<String> IMAGE_OR_JSON = Set.of("application/json", "image/png", "image/jpeg", "image/svg+xml");

    @ServerRequestFilter(preMatching = true)
    public void requireFormat(ContainerRequestContext request) {
        int length = request.getUriInfo().getRequestUri().toString().length();
        if (length > MAX_URI_LENGTH) {
            throw new ProblemException(414, "URI too long", "the request URI has " + length + " characters; at most "
                    + MAX_URI_LENGTH + " are accepted");
        }
        if (WITH_BODY.contains(request.getMethod()) && hasBody(request) && !isJson(request.getHeaderString(HttpHeaders.CONTENT_TYPE))) {
            String sent = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
            throw new ProblemException(415, "Unsupported media type", "a request body must be application/json; this one is "
                    + (sent == null ? "of no declared type" : sent));
        }
        String accept = request.getHeaderString(HttpHeaders.ACCEPT);
        boolean image = request.getMethod().equals("GET") && request.getUriInfo().getPath().endsWith(IMAGE_PATH_SUFFIX);
        if (!accepts(accept, image ? IMAGE_OR_JSON : JSON)) {
            throw new ProblemException(406, "Not acceptable", "this API answers application/json (problems application/problem+json);"
                    + " the request accepts only " + accept);
        }
    }

    /** No Accept header, or one with a range that admits application/json at a quality above zero. */
    static boolean acceptsJson(String accept) {
        return accepts(accept, JSON);
    }

    /** No Accept header, or one with a range that admits one of {@code answered} at a quality above zero. */
    static boolean accepts(String accept, Set<String> answered) {
        if (accept == null || accept.isBlank()) {
            return true;
        }
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String type = parts[0].trim().toLowerCase(Locale.ROOT);
            boolean refused = false;
            for (int i = 1; i < parts.length; i++) {
                String parameter = parts[i].trim().replace(" ", "");
                refused |= parameter.matches("q=0(\\.0*)?");
            }
            if (!refused && (type.isEmpty() || type.equals("*/*") || answered.contains(type)
                    || (type.endsWith("/*") && answered.stream().anyMatch(a -> a.startsWith(type.substring(0, type.length() - 1)))))) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasBody(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        return length != null ? !length.trim().equals("0") : request.getHeaderString("Transfer-Encoding") != null;
    }

    /** application/json or application/*+json, with or without parameters such as a charset. */
    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json"));
    }
}
