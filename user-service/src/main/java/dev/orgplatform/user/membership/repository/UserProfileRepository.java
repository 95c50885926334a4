package dev.orgplatform.user.membership.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgplatform.user.membership.UserProfile;
import dev.orgplatform.user.membership.UserStatus;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class UserProfileRepository implements PanacheRepositoryBase<UserProfile, UUID> {

    /** Creates an active profile unless one exists: in SQL, so two first requests of one user at once never collide. */
    public Uni<Integer> insertIfAbsent(UUID id, String email, String name, Instant createdAt) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("insert into user_profile (id, email, name, status, created_at, version) "
                        + "values (?1, ?2, ?3, 'ACTIVE', ?4, 0) on conflict do nothing")
                        .setParameter(1, id).setParameter(2, email).setParameter(3, name).setParameter(4, createdAt)
                        .executeUpdate());
    }

    /**
     * Frees {@code email} where a profile other than {@code id} still holds it: Keycloak keeps emails unique, so that
     * account's email changed and this one took it; the other profile's address is unknown until it is seen again.
     */
    public Uni<Integer> releaseEmail(String email, UUID id) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("update user_profile set email = id::text || '@email-changed.invalid', "
                        + "version = version + 1 where email = ?1 and id <> ?2")
                        .setParameter(1, email).setParameter(2, id).executeUpdate());
    }

    /** The profile's email as Keycloak has it now (a changed email shows in the next token). */
    public Uni<Integer> updateEmail(UUID id, String email) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("update user_profile set email = ?2, version = version + 1 where id = ?1 and email <> ?2")
                        .setParameter(1, id).setParameter(2, email).executeUpdate());
    }

    /**
     * Moves {@code lastLoginAt} forward to {@code loginAt} (never back) in one conditional statement: concurrent first
     * requests of one login all succeed, and the profile's version (its ETag) stays, since logging in edits nothing.
     */
    public Uni<Integer> recordLogin(UUID id, Instant loginAt) {
        return update("lastLoginAt = ?1 where id = ?2 and (lastLoginAt is null or lastLoginAt < ?1)", loginAt, id);
    }

    public Uni<List<UserProfile>> suspended() {
        return list("status", UserStatus.SUSPENDED);
    }
}
