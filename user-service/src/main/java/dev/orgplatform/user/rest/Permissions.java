package dev.orgplatform.user.rest;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgplatform.platform.problem.ProblemException;
import dev.orgplatform.platform.security.AccessPolicy;
import dev.orgplatform.platform.security.Caller;
import dev.orgplatform.user.Role;
import io.smallrye.mutiny.Uni;

/** The HTTP side of authorization: the caller's permission in an organization, answered from the in-memory view. */
@ApplicationScoped
public class Permissions {

    private final AccessPolicy access;
    private final Caller caller;

    public Permissions(AccessPolicy access, Caller caller) {
        this.access = access;
        this.caller = caller;
    }

    /** Fails with 403 unless the caller holds {@code permission}; emits the caller's effective role there. */
    public Uni<Role> require(String permission, UUID organizationId) {
        var query = caller.may(permission, organizationId);
        if (query.apiKeyRefusal() != null) {
            return Uni.createFrom().failure(ProblemException.forbidden(query.apiKeyRefusal()));
        }
        return access.check(query).map(d -> {
            if (!d.allowed()) {
                throw ProblemException.forbidden("not allowed to " + permission + " in organization " + organizationId + ": "
                        + d.reason());
            }
            return Role.valueOf(d.role());
        });
    }

    /** Reading is also open to platform services (client credentials), e.g. invitation-service checking a member. */
    public Uni<Void> requireRead(String permission, UUID organizationId) {
        return caller.isService() ? Uni.createFrom().voidItem() : require(permission, organizationId).replaceWithVoid();
    }

    /** Parses an enum-valued parameter, naming it when it is not one of the values. */
    public static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField(field, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }
}
