package dev.orgplatform.billing;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * An organization's billing settings; for the root of a tree also the plan and usage-alert thresholds of the whole
 * tree, which is billed as one: a sub-organization draws on its root's plan and limits ({@link #billingRootId}).
 */
@Entity
@Table(name = "billing_account")
public class BillingAccount {

    public static final List<Integer> DEFAULT_THRESHOLDS = List.of(80, 100);

    @Id
    @Column(name = "organization_id")
    public UUID organizationId;

    /** The root of the organization's tree (itself for a root); fixed, since organizations move only within their tree. */
    @Column(name = "billing_root_id", nullable = false)
    public UUID billingRootId;

    /** Applies to the whole tree when this is its root; a sub-organization's is not used. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Plan plan;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AccountState state;

    /** Where usage alerts go. */
    @Column(name = "billing_email")
    public String billingEmail;

    @Enumerated(EnumType.STRING)
    @Column(name = "payment_method_type")
    public PaymentMethodType paymentMethodType;

    /** An opaque reference at the payment provider, never card data. */
    @Column(name = "payment_method_reference")
    public String paymentMethodReference;

    /** Outstanding balance in cents; deletion is blocked while it is not zero. */
    @Column(name = "outstanding_cents", nullable = false)
    public long outstandingCents;

    /** Usage percentages that raise an alert when crossed, ascending. */
    @Convert(converter = Thresholds.class)
    @Column(name = "alert_thresholds", nullable = false)
    public List<Integer> alertThresholds;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Touched by every change of the account or its limits, so the version (the ETag) moves with them. */
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    public boolean isRoot() {
        return organizationId.equals(billingRootId);
    }

    /** Stored as "80,100". */
    public static class Thresholds implements AttributeConverter<List<Integer>, String> {
        @Override
        public String convertToDatabaseColumn(List<Integer> thresholds) {
            return thresholds == null ? "" : String.join(",", thresholds.stream().map(String::valueOf).toList());
        }

        @Override
        public List<Integer> convertToEntityAttribute(String column) {
            return column == null || column.isBlank() ? List.of()
                    : Arrays.stream(column.split(",")).map(String::trim).map(Integer::valueOf).toList();
        }
    }
}
