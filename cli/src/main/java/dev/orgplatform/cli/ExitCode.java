package dev.orgplatform.cli;

/** What a script can rely on: one code per kind of outcome, whatever the command. */
public final class ExitCode {

    public static final int OK = 0;
    /** Anything not below: a bug, an answer that is not JSON. */
    public static final int FAILED = 1;
    /** Bad arguments or a request the API refused as invalid (400, 422). */
    public static final int INVALID_INPUT = 2;
    /** Not signed in, or the sign-in or API key is no longer valid (401). */
    public static final int NOT_SIGNED_IN = 3;
    /** Signed in, but not allowed (403). */
    public static final int NOT_ALLOWED = 4;
    public static final int NOT_FOUND = 5;
    /** The state does not allow it, or changed meanwhile (409, 412, 428). */
    public static final int CONFLICT = 6;
    /** A service or Keycloak cannot be reached or answers 5xx. */
    public static final int UNAVAILABLE = 7;
    /** A bulk operation in which some items failed (the summary says which). */
    public static final int PARTIAL = 8;

    private ExitCode() {
    }

    public static int ofStatus(int status) {
        return switch (status) {
            case 400, 422 -> INVALID_INPUT;
            case 401 -> NOT_SIGNED_IN;
            case 403 -> NOT_ALLOWED;
            case 404 -> NOT_FOUND;
            case 409, 412, 428 -> CONFLICT;
            default -> status >= 500 ? UNAVAILABLE : FAILED;
        };
    }
}
