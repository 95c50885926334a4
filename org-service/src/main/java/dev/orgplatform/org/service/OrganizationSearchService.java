package dev.orgplatform.org.service;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgplatform.org.Organization;
import dev.orgplatform.org.OrganizationState;
import dev.orgplatform.org.client.UserDirectory;
import dev.orgplatform.org.repository.OrganizationRepository;
import dev.orgplatform.org.repository.OrganizationRepository.SearchFilter;
import dev.orgplatform.platform.rest.Cursor;
import dev.orgplatform.platform.rest.Page;
import dev.orgplatform.platform.security.AccessDecision;
import dev.orgplatform.platform.security.AccessQuery;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Search among the organizations the caller may read (a member of it or of an ancestor): candidates come
 * by name from the database in chunks, user-service decides which are visible in one batch check per
 * chunk. A page ends early (with a cursor) after {@value #MAX_SCANNED} candidates, so a caller who sees
 * few of many organizations gets short pages quickly instead of one slow one. Organizations pending
 * deletion are listed only to their Owner, and only when asked for with {@code state=PENDING_DELETION}.
 */
@ApplicationScoped
public class OrganizationSearchService {

    static final int CHUNK = 100;
    static final int MAX_SCANNED = 1000;

    private final OrganizationRepository organizations;
    private final UserDirectory users;

    public OrganizationSearchService(OrganizationRepository organizations, UserDirectory users) {
        this.organizations = organizations;
        this.users = users;
    }

    public Uni<Page<Organization>> search(SearchFilter filter, int limit, String cursor, UUID userId, Boolean secondFactor) {
        String after = cursor == null ? null : Cursor.decode(cursor, 1).get(0);
        return scan(filter, after, limit + 1, new ArrayList<>(), 0, userId, secondFactor);
    }

    private Uni<Page<Organization>> scan(SearchFilter filter, String after, int wanted, List<Organization> found, int scanned, UUID userId,
            Boolean secondFactor) {
        return Panache.withSession(() -> organizations.searchChunk(filter, after, CHUNK))
                .chain(chunk -> visible(chunk, userId, secondFactor).chain(visible -> {
                    for (Organization o : visible) {
                        if (found.size() < wanted) {
                            found.add(o);
                        }
                    }
                    int limit = wanted - 1;
                    if (found.size() == wanted) {
                        return Uni.createFrom().item(Page.of(found, limit, o -> Cursor.encode(o.name)));
                    }
                    boolean exhausted = chunk.size() < CHUNK;
                    if (exhausted) {
                        return Uni.createFrom().item(new Page<>(List.copyOf(found), null));
                    }
                    String last = chunk.get(chunk.size() - 1).name;
                    if (scanned + chunk.size() >= MAX_SCANNED) {
                        return Uni.createFrom().item(new Page<>(List.copyOf(found), Cursor.encode(last)));
                    }
                    return scan(filter, last, wanted, found, scanned + chunk.size(), userId, secondFactor);
                }));
    }

    private Uni<List<Organization>> visible(List<Organization> chunk, UUID userId, Boolean secondFactor) {
        if (chunk.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        if (chunk.get(0).state == OrganizationState.PENDING_DELETION) {
            return Uni.createFrom().item(chunk.stream().filter(o -> userId.equals(o.ownerId)).toList());
        }
        List<AccessQuery> queries = chunk.stream()
                .map(o -> new AccessQuery(userId, o.id, "organization:read", null, secondFactor)).toList();
        return users.checkBatch(queries).map(decisions -> {
            List<Organization> visible = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                AccessDecision d = i < decisions.size() ? decisions.get(i) : null;
                if (d != null && d.allowed()) {
                    visible.add(chunk.get(i));
                }
            }
            return visible;
        });
    }
}
