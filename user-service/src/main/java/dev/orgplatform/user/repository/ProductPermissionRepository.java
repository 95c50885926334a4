package dev.orgplatform.user.repository;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgplatform.user.ProductPermission;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ProductPermissionRepository implements PanacheRepositoryBase<ProductPermission, ProductPermission.Key> {
}
