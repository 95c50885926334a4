package dev.orgplatform.user.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgplatform.platform.clock.PlatformClock;
import dev.orgplatform.user.UserProfile;
import dev.orgplatform.user.UserStatus;
import dev.orgplatform.user.repository.UserProfileRepository;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class UserProfileService {

    private final UserProfileRepository users;
    private final PlatformClock clock;

    public UserProfileService(UserProfileRepository users, PlatformClock clock) {
        this.users = users;
        this.clock = clock;
    }

    /** A user first seen (through a token or an event) gets a profile. Runs inside the caller's transaction. */
    public Uni<UserProfile> ensureProfile(UUID id, String email) {
        return users.findById(id).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().item(existing);
            }
            UserProfile p = new UserProfile();
            p.id = id;
            p.email = email == null ? id + "@unknown.invalid" : email.toLowerCase();
            p.status = UserStatus.ACTIVE;
            p.createdAt = clock.now();
            return users.persist(p);
        });
    }
}
