package dev.orgplatform.user.sso.service;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgplatform.user.membership.repository.OrganizationNodeRepository;
import dev.orgplatform.user.sso.SignInPolicy;
import dev.orgplatform.user.sso.SsoConnection;
import dev.orgplatform.user.sso.repository.SsoConnectionRepository;
import io.smallrye.mutiny.Uni;

/**
 * The organization's sign-in facts in its access-view node (policy, identity providers of its live and deleted
 * connections), rewritten inside each change they follow from; and those facts read along the path up the tree.
 */
@ApplicationScoped
public class SignInFacts {

    /** The organization and its ancestors: their policies (nearest first) and every live connection's identity provider. */
    public record Path(List<SignInPolicy> policies, Set<String> liveConnections) {

        public SignInPolicy own() {
            return policies.isEmpty() ? SignInPolicy.PASSWORD_AND_SSO : policies.get(0);
        }

        /** No policy along the path admits a password. */
        public boolean requiresSso() {
            return policies.stream().anyMatch(p -> !p.admitsPassword());
        }
    }

    private final OrganizationNodeRepository nodes;
    private final SsoConnectionRepository connections;

    public SignInFacts(OrganizationNodeRepository nodes, SsoConnectionRepository connections) {
        this.nodes = nodes;
        this.connections = connections;
    }

    public Uni<Path> path(UUID organizationId) {
        return nodes.signInPath(organizationId).map(rows -> {
            Set<String> live = new LinkedHashSet<>();
            rows.forEach(r -> live.addAll(r.aliases()));
            return new Path(rows.stream().map(r -> SignInPolicy.valueOf(r.policy())).toList(), live);
        });
    }

    /** Rewrites the node from the connections as they are now; {@code policy} null keeps the node's own. */
    public Uni<Void> refresh(UUID organizationId, SignInPolicy policy) {
        return path(organizationId).chain(path -> connections.allOf(organizationId).chain(all -> nodes.setSignIn(organizationId,
                (policy != null ? policy : path.own()).name(),
                all.stream().filter(SsoConnection::live).map(c -> c.alias).toList(),
                all.stream().filter(c -> !c.live()).map(c -> c.alias).toList()))).replaceWithVoid();
    }
}
