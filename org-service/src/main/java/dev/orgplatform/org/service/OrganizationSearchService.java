package dev.orgplatform.org.service;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgplatform.org.Organization;
import dev.orgplatform.org.config.SubOrganizationConfig;
import dev.orgplatform.org.repository.OrganizationRepository;
import dev.orgplatform.org.repository.OrganizationRepository.SearchFilter;
import dev.orgplatform.platform.rest.Cursor;
import dev.orgplatform.platform.rest.Page;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Search among the organizations the caller may read (a member of it or of an ancestor): candidates come
 * by name from the database in chunks, {@link SearchVisibility} decides which are visible, one batch check per
 * chunk. A page ends early (with a cursor) after {@value #MAX_SCANNED} candidates, so a caller who sees
 * few of many organizations gets short pages quickly instead of one slow one. Organizations pending
 * deletion are listed only to their Owner, and only when asked for with {@code state=PENDING_DELETION}.
 */
@ApplicationScoped
public class OrganizationSearchService {

    static final int CHUNK = 100;
    static final int MAX_SCANNED = 1000;

    private final OrganizationRepository organizations;
    private final SearchVisibility visibility;
    private final SubOrganizationConfig subOrganizations;

    public OrganizationSearchService(OrganizationRepository organizations, SearchVisibility visibility,
            SubOrganizationConfig subOrganizations) {
        this.organizations = organizations;
        this.visibility = visibility;
        this.subOrganizations = subOrganizations;
    }

    /** One page for the calling user; {@code cursor} from the previous page. */
    public Uni<Page<Organization>> search(SearchFilter asked, int limit, String cursor) {
        String after = Cursor.decodeKey(cursor);
        SearchFilter filter = asked.type() == null ? asked : new SearchFilter(asked.name(), asked.displayName(), asked.region(),
                asked.state(), asked.parentId(), SubOrganizationType.of(asked.type(), subOrganizations.types()));
        return scan(filter, after, limit + 1, new ArrayList<>(), 0);
    }

    private Uni<Page<Organization>> scan(SearchFilter filter, String after, int wanted, List<Organization> found, int scanned) {
        return Panache.withSession(() -> organizations.searchChunk(filter, after, CHUNK))
                .chain(chunk -> visibility.readable(chunk).chain(visible -> {
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
                    return scan(filter, last, wanted, found, scanned + chunk.size());
                }));
    }
}
