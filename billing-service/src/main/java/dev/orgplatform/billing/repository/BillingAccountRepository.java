package dev.orgplatform.billing.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgplatform.billing.BillingAccount;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

@ApplicationScoped
public class BillingAccountRepository implements PanacheRepositoryBase<BillingAccount, UUID> {
}
