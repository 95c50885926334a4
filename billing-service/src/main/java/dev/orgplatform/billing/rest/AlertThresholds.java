package dev.orgplatform.billing.rest;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Usage percentages (1..100) that raise an alert when crossed; empty = no alerts. Request and response. */
public record AlertThresholds(@NotNull @Size(max = 10) List<@NotNull @Min(1) @Max(100) Integer> thresholds) {
}
