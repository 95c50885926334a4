package dev.orgplatform.user.access.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.orgplatform.platform.security.ApiKeyGrant;
import dev.orgplatform.platform.security.Role;
import dev.orgplatform.user.access.AccessChange;
import dev.orgplatform.user.access.AccessFact;
import dev.orgplatform.user.access.FactVersions;
import dev.orgplatform.user.apikey.service.ApiKeyRegistry;
import dev.orgplatform.user.sso.SignInPolicy;

/**
 * The one writer of the {@link AccessView} and the {@link ApiKeyRegistry}: puts each fact read from the database
 * into them, a change only when it is newer than the one applied for its fact ({@link FactVersions}). Called by one
 * poll at a time.
 */
@ApplicationScoped
public class AccessChangeApplier {

    private static final Logger LOG = Logger.getLogger(AccessChangeApplier.class);

    private final AccessView view;
    private final ApiKeyRegistry registry;
    private final FactVersions versions = new FactVersions();

    public AccessChangeApplier(AccessView view, ApiKeyRegistry registry) {
        this.view = view;
        this.registry = registry;
    }

    /** A change from the feed; returns whether it was newer than what was applied for its fact. */
    public boolean apply(AccessChange change) {
        if (!versions.advance(change.fact().key(), change.id(), change.deleted())) {
            return false;
        }
        write(change.fact(), change.deleted());
        return true;
    }

    /** A change the loaded snapshot already shows: only its version is kept, so reading it again changes nothing. */
    public void remember(AccessChange change) {
        versions.advance(change.fact().key(), change.id(), change.deleted());
    }

    /** A row as loaded. */
    public void load(AccessFact fact) {
        write(fact, false);
    }

    /** A membership as loaded (its columns: a snapshot may hold millions). */
    public void loadMembership(UUID organizationId, UUID userId, String role) {
        membership(organizationId, userId, role);
    }

    /** Before a full reload. */
    public void reset() {
        view.clear();
        registry.clear();
        versions.clear();
    }

    public void forgetBelow(long id) {
        versions.forgetBelow(id);
    }

    public int versionsKept() {
        return versions.size();
    }

    private void write(AccessFact f, boolean deleted) {
        switch (f.kind()) {
            case AccessFact.MEMBERSHIP -> membership(f.uuid("organization_id"), f.uuid("user_id"), deleted ? null : f.string("role"));
            case AccessFact.SUSPENSION -> view.setSuspended(f.uuid("id"), !deleted && "SUSPENDED".equals(f.string("status")));
            case AccessFact.MEMBER_SUSPENSION -> view.setSuspendedIn(f.uuid("organization_id"), f.uuid("user_id"), !deleted);
            case AccessFact.PRODUCT_PERMISSION -> {
                UUID org = f.uuid("organization_id");
                UUID user = f.uuid("user_id");
                if (deleted) {
                    view.revokeProductPermission(org, user, f.string("product_id"), f.string("permission"));
                } else {
                    view.grantProductPermission(org, user, f.string("product_id"), f.string("permission"));
                }
            }
            case AccessFact.ORGANIZATION -> {
                if (deleted) {
                    view.removeOrganization(f.uuid("id"));
                } else {
                    view.putOrganization(f.uuid("id"), f.uuid("parent_id"), f.flag("available"), f.flag("enforce_2fa"),
                            f.strings("ip_allowlist"), f.integer("max_session_minutes"), signInPolicy(f.string("sign_in_policy")),
                            f.strings("sso_aliases"), f.strings("retired_sso_aliases"));
                }
            }
            case AccessFact.API_KEY -> {
                if (deleted || f.string("revoked_at") != null) {
                    registry.remove(f.uuid("id"));
                } else {
                    registry.put(f.string("secret_hash"), new ApiKeyGrant(f.uuid("id"), f.uuid("user_id"),
                            f.uuid("organization_id"), f.strings("scopes"), f.instant("expires_at")));
                }
            }
            default -> LOG.debugf("access change of unknown kind %s ignored", f.kind());
        }
    }

    /** {@code role}: null for a removed membership; an unknown role grants nothing. */
    private void membership(UUID organizationId, UUID userId, String role) {
        Role known = role == null ? null : Role.named(role);
        if (known == null) {
            view.removeRole(organizationId, userId);
        } else {
            view.putRole(organizationId, userId, known);
        }
    }

    /** A row written before sign-in policies existed admits either method. */
    private static SignInPolicy signInPolicy(String stored) {
        return stored == null ? SignInPolicy.PASSWORD_AND_SSO : SignInPolicy.valueOf(stored);
    }
}
