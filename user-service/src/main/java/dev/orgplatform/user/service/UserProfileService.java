package dev.orgplatform.user.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgplatform.platform.clock.PlatformClock;
import dev.orgplatform.platform.outbox.Outbox;
import dev.orgplatform.platform.problem.ProblemException;
import dev.orgplatform.platform.rest.Versions;
import dev.orgplatform.user.UserProfile;
import dev.orgplatform.user.UserStatus;
import dev.orgplatform.user.client.Keycloak;
import dev.orgplatform.user.messaging.MembershipEvents;
import dev.orgplatform.user.repository.UserProfileRepository;
import dev.orgplatform.user.rest.ProfileUpdate;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class UserProfileService {

    private final UserProfileRepository users;
    private final Keycloak keycloak;
    private final Outbox outbox;
    private final PlatformClock clock;
    /** The login time last recorded per user, so only the first request of a new login writes. */
    private final Map<UUID, Instant> loginsSeen = new ConcurrentHashMap<>();

    public UserProfileService(UserProfileRepository users, Keycloak keycloak, Outbox outbox, PlatformClock clock) {
        this.users = users;
        this.keycloak = keycloak;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** A user first seen (through a token or an event) gets a profile. Runs inside the caller's transaction. */
    public Uni<UserProfile> ensureProfile(UUID id, String email) {
        return ensureProfile(id, email, null);
    }

    public Uni<UserProfile> ensureProfile(UUID id, String email, String name) {
        // insert-if-absent in SQL: two first requests of one user at once must not collide
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("insert into user_profile (id, email, name, status, created_at, version) "
                        + "values (?1, ?2, ?3, 'ACTIVE', ?4, 0) on conflict do nothing")
                        .setParameter(1, id)
                        .setParameter(2, email == null ? id + "@unknown.invalid" : email.toLowerCase())
                        .setParameter(3, name).setParameter(4, clock.now()).executeUpdate())
                .chain(() -> users.findById(id));
    }

    /**
     * Called on every authenticated request of a person: creates the profile of a user first seen and records
     * the login time ({@code auth_time} of the token) the first time a new login shows up.
     */
    public Uni<Void> seen(UUID id, String email, String name, Instant loginAt) {
        Instant known = loginsSeen.get(id);
        if (known != null && (loginAt == null || !loginAt.isAfter(known))) {
            return Uni.createFrom().voidItem();
        }
        return Panache.withTransaction(() -> ensureProfile(id, email, name).chain(p -> {
            if (loginAt != null && (p.lastLoginAt == null || loginAt.isAfter(p.lastLoginAt))) {
                p.lastLoginAt = loginAt;
            }
            return Uni.createFrom().item(p);
        })).invoke(p -> loginsSeen.merge(id, p.lastLoginAt == null ? Instant.EPOCH : p.lastLoginAt,
                (a, b) -> a.isAfter(b) ? a : b)).replaceWithVoid();
    }

    @WithSession
    public Uni<UserProfile> find(UUID id) {
        return users.findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("user " + id));
    }

    /** The user edits their own profile; the name follows to Keycloak in the same step (refused if Keycloak is down). */
    @WithTransaction
    public Uni<UserProfile> update(UUID id, String ifMatch, ProfileUpdate change) {
        return users.findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("user " + id)).chain(p -> {
            Versions.requireMatch(ifMatch, p.version);
            List<String> changed = new ArrayList<>();
            boolean renamed = change.name() != null && !change.name().equals(p.name);
            if (renamed) {
                p.name = change.name();
                changed.add("name");
            }
            if (change.avatarUrl() != null && !change.avatarUrl().equals(p.avatarUrl)) {
                p.avatarUrl = change.avatarUrl().isBlank() ? null : change.avatarUrl();
                changed.add("avatarUrl");
            }
            if (change.timezone() != null && !change.timezone().equals(p.timezone)) {
                p.timezone = change.timezone();
                changed.add("timezone");
            }
            if (change.language() != null && !change.language().equals(p.language)) {
                p.language = change.language();
                changed.add("language");
            }
            if (changed.isEmpty()) {
                return Uni.createFrom().item(p);
            }
            Uni<Void> identity = renamed ? keycloak.rename(id, p.name) : Uni.createFrom().voidItem();
            return identity.chain(() -> users.flush())
                    .chain(() -> outbox.publish(MembershipEvents.TOPIC, "UserProfileUpdated", id, "users/" + id,
                            new MembershipEvents.UserProfileUpdated(id, changed)))
                    .replaceWith(p);
        });
    }

    /** Sets the status with its reason; runs inside the caller's transaction. */
    public Uni<UserProfile> setStatus(UUID id, UserStatus status, String reason) {
        return users.findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("user " + id)).invoke(p -> {
            p.status = status;
            p.statusReason = reason;
        });
    }
}
