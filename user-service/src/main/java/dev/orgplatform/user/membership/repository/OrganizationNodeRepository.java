package dev.orgplatform.user.membership.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgplatform.user.membership.OrganizationNode;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

@ApplicationScoped
public class OrganizationNodeRepository implements PanacheRepositoryBase<OrganizationNode, UUID> {
}
