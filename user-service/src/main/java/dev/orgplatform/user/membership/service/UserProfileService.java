package dev.orgplatform.user.membership.service;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.orgplatform.platform.clock.PlatformClock;
import dev.orgplatform.platform.events.EventTypes;
import dev.orgplatform.platform.outbox.Outbox;
import dev.orgplatform.platform.problem.ProblemException;
import dev.orgplatform.platform.rest.Versions;
import dev.orgplatform.user.client.Keycloak;
import dev.orgplatform.user.membership.UserProfile;
import dev.orgplatform.user.membership.messaging.MembershipEvents;
import dev.orgplatform.user.membership.repository.UserProfileRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;

import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class UserProfileService {

    private static final Logger LOG = Logger.getLogger(UserProfileService.class);

    private final UserProfileRepository users;
    private final Keycloak keycloak;
    private final Outbox outbox;
    private final PlatformClock clock;
    /** The login time and email last recorded per user, so only the first request of a new login (or email) writes. */
    private final Map<UUID, Seen> loginsSeen = new ConcurrentHashMap<>();

    private record Seen(Instant loginAt, String email) {
    }

    public UserProfileService(UserProfileRepository users, Keycloak keycloak, Outbox outbox, PlatformClock clock) {
        this.users = users;
        this.keycloak = keycloak;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * A user first seen (through a token or an event) gets a profile, with the email Keycloak gives now: an email
     * another profile still holds (that account's email changed since, and this account took it) is taken from it,
     * so a reused email never locks its new holder out. Runs inside the caller's transaction.
     */
    public Uni<UserProfile> ensureProfile(UUID id, String email, String name) {
        if (email == null) {
            return users.insertIfAbsent(id, id + "@unknown.invalid", name, clock.now()).chain(() -> users.findById(id));
        }
        String address = email.toLowerCase();
        return users.releaseEmail(address, id)
                .chain(() -> users.insertIfAbsent(id, address, name, clock.now()))
                .chain(inserted -> inserted > 0 ? Uni.createFrom().item(0) : users.updateEmail(id, address))
                .chain(() -> users.findById(id));
    }

    /**
     * Called on every authenticated request of a person: creates the profile of a user first seen and records
     * the login time ({@code auth_time} of the token) the first time a new login shows up.
     */
    public Uni<Void> seen(UUID id, String email, String name, Instant loginAt) {
        Seen known = loginsSeen.get(id);
        if (known != null && Objects.equals(known.email(), email) && (loginAt == null || !loginAt.isAfter(known.loginAt()))) {
            return Uni.createFrom().voidItem();
        }
        return Panache.withTransaction(() -> ensureProfile(id, email, name)
                        .call(p -> loginAt == null ? Uni.createFrom().voidItem() : users.recordLogin(id, loginAt)))
                .invoke(() -> loginsSeen.merge(id, new Seen(loginAt == null ? Instant.EPOCH : loginAt, email),
                        (a, b) -> new Seen(a.loginAt().isAfter(b.loginAt()) ? a.loginAt() : b.loginAt(), b.email())))
                .replaceWithVoid();
    }

    @WithSession
    public Uni<UserProfile> find(UUID id) {
        return users.findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("user " + id));
    }

    /**
     * The user edits their own profile. A new name goes to Keycloak first, outside any transaction: if Keycloak
     * is down nothing changes (503); only then is the profile committed. When the commit fails (another edit of the
     * same version won), Keycloak gets back the name that was committed, so it never keeps a refused one.
     */
    public Uni<UserProfile> update(UUID id, String ifMatch, ProfileChange change) {
        return find(id).chain(current -> {
            Versions.requireMatch(ifMatch, current.version);
            if (!change.renames(current)) {
                return record(id, ifMatch, change);
            }
            return keycloak.rename(id, change.name())
                    .chain(() -> record(id, ifMatch, change).onFailure().call(refused -> restoreCommittedName(id)));
        });
    }

    private Uni<Void> restoreCommittedName(UUID id) {
        return find(id).chain(committed -> keycloak.rename(id, committed.name))
                .onFailure().invoke(e -> LOG.warnf("Keycloak may keep a refused name of user %s: %s", id, e.toString()))
                .onFailure().recoverWithNull();
    }

    @WithTransaction
    Uni<UserProfile> record(UUID id, String ifMatch, ProfileChange change) {
        return users.findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("user " + id)).chain(p -> {
            Versions.requireMatch(ifMatch, p.version);
            List<String> changed = change.applyTo(p);
            if (changed.isEmpty()) {
                return Uni.createFrom().item(p);
            }
            return users.flush()
                    .chain(() -> outbox.publish(MembershipEvents.TOPIC, EventTypes.USER_PROFILE_UPDATED, id, "users/" + id,
                            new MembershipEvents.UserProfileUpdated(id, changed)))
                    .replaceWith(p);
        });
    }
}
