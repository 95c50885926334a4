package dev.orgplatform.billing.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

public record CustomLimitRequest(@NotNull @PositiveOrZero Long limit) {
}
