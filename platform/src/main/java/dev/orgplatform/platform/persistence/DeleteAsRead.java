package dev.orgplatform.platform.persistence;

import jakarta.persistence.OptimisticLockException;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/**
 * Deletes a versioned entity as it was read, by query, failing with an optimistic lock failure (a 503 "Concurrent
 * change") when it changed meanwhile. Never the session's remove: Hibernate Reactive's entity delete is not safe
 * under concurrent deletes in one process (hibernate-reactive#1713: HR000069 and hung transactions).
 */
public final class DeleteAsRead {

    private DeleteAsRead() {
    }

    public static Uni<Void> delete(PanacheRepositoryBase<?, ?> repository, String what, Object id, long version) {
        return repository.delete("id = ?1 and version = ?2", id, version).invoke(deleted -> {
            if (deleted == 0) {
                throw new OptimisticLockException(what + " " + id + " changed meanwhile");
            }
        }).replaceWithVoid();
    }
}
