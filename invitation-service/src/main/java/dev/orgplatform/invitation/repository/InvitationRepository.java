package dev.orgplatform.invitation.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import dev.orgplatform.invitation.DeliveryState;
import dev.orgplatform.invitation.Invitation;
import dev.orgplatform.invitation.InvitationState;
import dev.orgplatform.platform.rest.Cursor;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class InvitationRepository implements PanacheRepositoryBase<Invitation, UUID> {

    /** Looked up by the hash of the presented token: the database compares hashes, the token itself is never kept. */
    public Uni<Invitation> findByTokenHash(String tokenHash) {
        return find("tokenHash", tokenHash).firstResult();
    }

    public Uni<Invitation> findInOrganization(UUID organizationId, UUID id) {
        return find("id = ?1 and organizationId = ?2", id, organizationId).firstResult();
    }

    /** The one row the partial unique index allows: pending in the database, maybe already overdue. */
    public Uni<Invitation> findPending(UUID organizationId, String email) {
        return find("organizationId = ?1 and email = ?2 and state = ?3", organizationId, email, InvitationState.PENDING).firstResult();
    }

    /**
     * Pending invitations expired at {@code cutoff} ({@code InvitationExpiry.cutoff}), locked so two replicas never
     * expire one twice.
     */
    public Uni<List<Invitation>> findDue(Instant cutoff, int max) {
        return find("state = ?1 and expiresAt <= ?2 order by expiresAt", InvitationState.PENDING, cutoff)
                .withLock(LockModeType.PESSIMISTIC_WRITE).range(0, max - 1).list();
    }

    /**
     * One page of an organization's invitations, newest first, optionally in one state as of {@code cutoff}
     * ({@code InvitationExpiry.cutoff}: a pending one expiring at or before it counts as EXPIRED); {@code after} is
     * the (createdAt, id) of the last row of the previous page. Fetches {@code limit + 1}.
     */
    public Uni<List<Invitation>> page(UUID organizationId, InvitationState state, Instant cutoff, Cursor.TimeAndId after, int limit) {
        StringBuilder q = new StringBuilder("organizationId = :org");
        Parameters p = Parameters.with("org", organizationId);
        if (state == InvitationState.PENDING) {
            q.append(" and state = :pending and expiresAt > :cutoff");
            p.and("pending", InvitationState.PENDING).and("cutoff", cutoff);
        } else if (state == InvitationState.EXPIRED) {
            q.append(" and (state = :expired or (state = :pending and expiresAt <= :cutoff))");
            p.and("expired", InvitationState.EXPIRED).and("pending", InvitationState.PENDING).and("cutoff", cutoff);
        } else if (state != null) {
            q.append(" and state = :state");
            p.and("state", state);
        }
        if (after != null) {
            q.append(" and (createdAt < :afterCreated or (createdAt = :afterCreated and id < :afterId))");
            p.and("afterCreated", after.at()).and("afterId", after.id());
        }
        q.append(" order by createdAt desc, id desc");
        return find(q.toString(), p).range(0, limit).list();
    }

    public Uni<Integer> markDelivery(UUID id, DeliveryState delivery) {
        return update("deliveryState = ?1 where id = ?2", delivery, id);
    }

    public Uni<Long> deleteOfOrganization(UUID organizationId) {
        return delete("organizationId", organizationId);
    }
}
